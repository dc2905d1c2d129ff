/// The NAL units of one H.264/HEVC packet: four-byte length prefixes (MP4, QuickTime) or start
/// codes (MPEG-TS, raw streams).
struct NALUnits {
    enum Framing { case lengthPrefixed, startCodes }

    var framing: Framing
    /// Where each unit lies in the packet, without its prefix.
    var ranges: [Range<Int>]

    /// nil when the packet is neither cleanly length-prefixed nor start-coded.
    static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> NALUnits? {
        if bytes.count >= 4, bytes[0] == 0, bytes[1] == 0, bytes[2] == 1 || (bytes[2] == 0 && bytes[3] == 1) {
            return NALUnits(framing: .startCodes, ranges: startCoded(bytes))
        }
        var ranges: [Range<Int>] = []
        var i = 0
        while i < bytes.count {
            guard i + 4 <= bytes.count else { return nil }
            let length = Int(bytes[i]) << 24 | Int(bytes[i + 1]) << 16 | Int(bytes[i + 2]) << 8 | Int(bytes[i + 3])
            guard length > 0, i + 4 + length <= bytes.count else { return nil }
            ranges.append(i + 4..<i + 4 + length)
            i += 4 + length
        }
        return ranges.isEmpty ? nil : NALUnits(framing: .lengthPrefixed, ranges: ranges)
    }

    private static func startCoded(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var starts: [(code: Int, payload: Int)] = []
        var i = 0
        while i + 2 < bytes.count {
            if bytes[i] == 0, bytes[i + 1] == 0, bytes[i + 2] == 1 {
                starts.append((i > 0 && bytes[i - 1] == 0 ? i - 1 : i, i + 3))
                i += 3
            } else {
                i += 1
            }
        }
        return starts.indices.compactMap { k in
            let end = k + 1 < starts.count ? starts[k + 1].code : bytes.count
            return starts[k].payload < end ? starts[k].payload..<end : nil
        }
    }

    /// The packet again from `units`, with this packet's framing.
    func join(_ units: [[UInt8]]) -> [UInt8] {
        var out: [UInt8] = []
        for unit in units {
            switch framing {
            case .lengthPrefixed:
                let n = unit.count
                out += [UInt8(n >> 24 & 0xFF), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)]
            case .startCodes:
                out += [0, 0, 0, 1]
            }
            out += unit
        }
        return out
    }

    /// The RBSP: every emulation-prevention byte (00 00 03) taken out.
    static func unescaped(_ payload: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(payload.count)
        var zeros = 0
        for byte in payload {
            if zeros >= 2, byte == 3 { zeros = 0; continue }
            out.append(byte)
            zeros = byte == 0 ? zeros + 1 : 0
        }
        return out
    }

    /// Emulation-prevention bytes put back wherever two zeros precede a byte of 3 or less.
    static func escaped(_ rbsp: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(rbsp.count + rbsp.count / 64)
        var zeros = 0
        for byte in rbsp {
            if zeros >= 2, byte <= 3 {
                out.append(3)
                zeros = 0
            }
            out.append(byte)
            zeros = byte == 0 ? zeros + 1 : 0
        }
        return out
    }
}
