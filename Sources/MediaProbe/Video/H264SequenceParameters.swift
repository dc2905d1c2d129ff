/// The few fields of an H.264 sequence parameter set that a probe needs and libavcodec's parser
/// does not report: whether luma is full range. Read from the avcC (MP4) or Annex B extradata,
/// bit by bit, without decoding any picture.
struct H264SequenceParameters: Equatable {
    var fullRange: Bool

    /// The first SPS in `extradata`; nil when there is none or it is malformed.
    init?(extradata: [UInt8]) {
        guard let nal = Self.firstSPS(extradata) else { return nil }
        var bits = BitReader(Self.removingEmulationPrevention(nal.dropFirst()))
        guard let range = Self.videoFullRange(&bits) else { return nil }
        fullRange = range
    }

    /// avcC: version 1, ..., then `numOfSequenceParameterSets` length-prefixed NAL units.
    /// Annex B: start codes, NAL type 7.
    private static func firstSPS(_ data: [UInt8]) -> ArraySlice<UInt8>? {
        if data.first == 1, data.count > 8, data[5] & 0x1F > 0 {
            let length = Int(data[6]) << 8 | Int(data[7])
            return 8 + length <= data.count ? data[8..<8 + length] : nil
        }
        var i = 0
        while i + 3 < data.count {
            if data[i] == 0, data[i + 1] == 0, data[i + 2] == 1, data[i + 3] & 0x1F == 7 {
                var end = i + 3
                while end + 2 < data.count, !(data[end] == 0 && data[end + 1] == 0 && data[end + 2] <= 1) { end += 1 }
                return data[(i + 3)..<(end + 2 < data.count ? end : data.count)]
            }
            i += 1
        }
        return nil
    }

    private static func removingEmulationPrevention(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var zeros = 0
        for b in bytes {
            if zeros >= 2, b == 3 { zeros = 0; continue }
            zeros = b == 0 ? zeros + 1 : 0
            out.append(b)
        }
        return out
    }

    /// Walks the SPS (ITU-T H.264 7.3.2.1.1) to `video_full_range_flag` in the VUI.
    private static func videoFullRange(_ r: inout BitReader) -> Bool? {
        guard let profile = r.bits(8), r.bits(16) != nil, r.ue() != nil else { return nil }  // constraints, level, id
        if [100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135].contains(profile) {
            guard let chroma = r.ue() else { return nil }
            if chroma == 3 { _ = r.bits(1) }
            guard r.ue() != nil, r.ue() != nil, r.bits(1) != nil, let scaling = r.bits(1) else { return nil }
            if scaling == 1 {
                for list in 0..<(chroma == 3 ? 12 : 8) where r.bits(1) == 1 {
                    guard skipScalingList(&r, size: list < 6 ? 16 : 64) else { return nil }
                }
            }
        }
        guard r.ue() != nil, let pocType = r.ue() else { return nil }
        if pocType == 0 {
            guard r.ue() != nil else { return nil }
        } else if pocType == 1 {
            guard r.bits(1) != nil, r.se() != nil, r.se() != nil, let cycle = r.ue(), cycle <= 255 else { return nil }
            for _ in 0..<cycle { guard r.se() != nil else { return nil } }
        }
        guard r.ue() != nil, r.bits(1) != nil, r.ue() != nil, r.ue() != nil, let frameMbsOnly = r.bits(1) else { return nil }
        if frameMbsOnly == 0 { _ = r.bits(1) }
        guard r.bits(1) != nil, let cropping = r.bits(1) else { return nil }
        if cropping == 1 { for _ in 0..<4 { guard r.ue() != nil else { return nil } } }
        guard let vui = r.bits(1) else { return nil }
        guard vui == 1 else { return false }
        if r.bits(1) == 1, r.bits(8) == 255 { _ = r.bits(32) }  // aspect ratio, extended SAR
        if r.bits(1) == 1 { _ = r.bits(1) }  // overscan
        guard let signal = r.bits(1) else { return nil }
        guard signal == 1 else { return false }
        guard r.bits(3) != nil, let full = r.bits(1) else { return nil }
        return full == 1
    }

    private static func skipScalingList(_ r: inout BitReader, size: Int) -> Bool {
        var last = 8, next = 8
        for _ in 0..<size where next != 0 {
            guard let delta = r.se() else { return false }
            next = (last + delta + 256) % 256
            last = next == 0 ? last : next
        }
        return true
    }
}

/// Reads bits most-significant first, with H.264's Exp-Golomb codes; nil past the end.
struct BitReader {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func bits(_ count: Int) -> Int? {
        guard count <= 32, position + count <= bytes.count * 8 else { return nil }
        var value = 0
        for _ in 0..<count {
            value = value << 1 | Int(bytes[position >> 3] >> (7 - UInt8(position & 7)) & 1)
            position += 1
        }
        return value
    }

    /// Unsigned Exp-Golomb.
    mutating func ue() -> Int? {
        var zeros = 0
        while let bit = bits(1), bit == 0 {
            zeros += 1
            if zeros > 31 { return nil }
        }
        guard position <= bytes.count * 8, let rest = bits(zeros) else { return nil }
        return (1 << zeros) - 1 + rest
    }

    /// Signed Exp-Golomb.
    mutating func se() -> Int? {
        guard let k = ue() else { return nil }
        return k & 1 == 1 ? (k + 1) / 2 : -(k / 2)
    }
}
