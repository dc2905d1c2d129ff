/// Removes "user data unregistered" SEI messages from H.264 and HEVC packets: the free-form,
/// UUID-tagged blocks where cameras, phones and encoders write whatever they like (settings,
/// serial numbers, positions). Every other SEI message (timing, recovery points, captions in
/// registered user data, HDR metadata) and every picture stays bit for bit.
struct UserDataFilter: Sendable {
    private let hevc: Bool

    /// nil for codecs without SEI.
    init?(codec: String) {
        switch codec {
        case "h264": hevc = false
        case "hevc": hevc = true
        default: return nil
        }
    }

    static let userDataUnregistered = 5

    /// The packet without user-data SEI messages, or nil when it has none (or cannot be
    /// parsed as length-prefixed or start-code NAL units: then it is left alone).
    func stripped(_ packet: UnsafeRawBufferPointer) -> [UInt8]? {
        let bytes = packet.bindMemory(to: UInt8.self)
        guard let units = NALUnits.split(bytes) else { return nil }
        guard units.ranges.contains(where: { isSEI(bytes[$0.lowerBound]) }) else { return nil }
        var changed = false
        var kept: [[UInt8]] = []
        for range in units.ranges {
            let unit = Array(bytes[range])
            guard isSEI(unit[0]) else { kept.append(unit); continue }
            let header = hevc ? 2 : 1
            guard unit.count > header, let filtered = SEIMessages.removing(Self.userDataUnregistered,
                                                                           from: NALUnits.unescaped(unit[header...])) else {
                kept.append(unit)
                continue
            }
            guard filtered != NALUnits.unescaped(unit[header...]) else { kept.append(unit); continue }
            changed = true
            if !filtered.isEmpty { kept.append(Array(unit[..<header]) + NALUnits.escaped(filtered)) }
        }
        return changed ? units.join(kept) : nil
    }

    private func isSEI(_ first: UInt8) -> Bool {
        hevc ? [39, 40].contains((first >> 1) & 0x3F) : first & 0x1F == 6
    }
}

/// The SEI messages of one SEI RBSP (H.264 7.3.2.3, HEVC 7.3.5).
enum SEIMessages {
    /// The RBSP without messages of `type`, trailing bits included; empty when no message is
    /// left; nil when the RBSP does not parse.
    static func removing(_ type: Int, from rbsp: [UInt8]) -> [UInt8]? {
        var rbsp = rbsp
        while rbsp.last == 0 { rbsp.removeLast() }  // cabac_zero_words, trailing_zero_8bits
        var out: [UInt8] = []
        var i = 0
        while i < rbsp.count, !(rbsp[i] == 0x80 && i == rbsp.count - 1) {
            let start = i
            guard let payloadType = value(rbsp, &i), let size = value(rbsp, &i), i + size <= rbsp.count else { return nil }
            i += size
            if payloadType != type { out += rbsp[start..<i] }
        }
        return out.isEmpty ? [] : out + [0x80]
    }

    /// ff_byte()… + last_byte: a sum of 0xFF bytes and the first byte below 0xFF.
    private static func value(_ rbsp: [UInt8], _ i: inout Int) -> Int? {
        var total = 0
        while i < rbsp.count {
            let byte = rbsp[i]
            i += 1
            total += Int(byte)
            if byte != 0xFF { return total }
            if total > 1 << 24 { return nil }
        }
        return nil
    }
}
