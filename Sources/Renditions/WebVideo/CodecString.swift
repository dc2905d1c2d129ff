internal import Foundation

/// RFC 6381 `codecs` values ("avc1.640028", "mp4a.40.2"): what a browser reads in a `<source
/// type>` to know, before downloading a byte, whether it can play a file.
enum CodecString {
    /// One stream's value, from its codec, profile and out-of-band setup; nil when unknown.
    static func of(codec: String, profile: String?, extradata: [UInt8]) -> String? {
        switch codec {
        case "h264": avc(extradata)
        case "hevc": hevc(extradata)
        case "av1": av1(extradata)
        case "aac": "mp4a.40.\(aacObjectType(profile: profile, extradata: extradata))"
        case "mp3": "mp4a.40.34"
        case "opus": "opus"
        case "flac": "flac"
        case "vorbis": "vorbis"
        case "vp8": "vp8"
        case "vp9": "vp9"
        case "alac": "alac"
        case "ac3": "ac-3"
        case "eac3": "ec-3"
        default: nil
        }
    }

    /// "avc1." and profile_idc, the constraint flags and level_idc in hex, from an avcC record
    /// or, in an Annex B stream's setup, from the sequence parameter set itself.
    static func avc(_ data: [UInt8]) -> String? {
        if data.count >= 4, data[0] == 1 { return "avc1." + hex(data[1...3]) }
        // Annex B: a start code, then a NAL unit of type 7 (SPS).
        var i = 0
        while i + 4 < data.count {
            if data[i] == 0, data[i + 1] == 0, data[i + 2] == 1 {
                if data[i + 3] & 0x1F == 7, i + 6 < data.count { return "avc1." + hex(data[(i + 4)...(i + 6)]) }
                i += 3
            } else {
                i += 1
            }
        }
        return nil
    }

    /// "hvc1.<space><profile>.<compatibility, bit-reversed>.<tier><level>.<constraint bytes>"
    /// from an hvcC record (ISO/IEC 14496-15 annex E).
    static func hevc(_ data: [UInt8]) -> String? {
        guard data.count >= 13, data[0] == 1 else { return nil }
        let space = ["", "A", "B", "C"][Int(data[1] >> 6)]
        let tier = data[1] & 0x20 != 0 ? "H" : "L"
        let profile = data[1] & 0x1F
        let flags = data[2...5].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        var reversed: UInt32 = 0
        for bit in 0..<32 where flags & (1 << bit) != 0 { reversed |= 1 << (31 - bit) }
        var constraints = Array(data[6...11])
        while let last = constraints.last, last == 0 { constraints.removeLast() }
        let parts = ["hvc1", space + String(profile), String(reversed, radix: 16, uppercase: true), tier + String(data[12])]
            + constraints.map { String($0, radix: 16, uppercase: true) }
        return parts.joined(separator: ".")
    }

    /// "av01.<profile>.<level><tier>.<bit depth>" from an av1C record.
    static func av1(_ data: [UInt8]) -> String? {
        guard data.count >= 4, data[0] & 0x7F == 1 else { return nil }
        let profile = data[1] >> 5, level = data[1] & 0x1F
        let tier = data[2] & 0x80 != 0 ? "H" : "M"
        let high = data[2] & 0x40 != 0, twelve = data[2] & 0x20 != 0
        let depth = high ? (twelve ? 12 : 10) : 8
        return "av01.\(profile).\(level < 10 ? "0" : "")\(level)\(tier).\(depth < 10 ? "0" : "")\(depth)"
    }

    /// The MPEG-4 audio object type: from the AudioSpecificConfig when there is one, else from
    /// libavcodec's profile name.
    static func aacObjectType(profile: String?, extradata: [UInt8]) -> Int {
        if let first = extradata.first {
            let type = Int(first >> 3)
            if type == 31, extradata.count >= 2 { return 32 + Int((first & 0x07) << 3 | extradata[1] >> 5) }
            if type > 0 { return type }
        }
        switch profile {
        case "Main": return 1
        case "HE-AAC": return 5
        case "HE-AACv2": return 29
        case "LD": return 23
        case "ELD": return 39
        default: return 2
        }
    }

    private static func hex(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }
}
