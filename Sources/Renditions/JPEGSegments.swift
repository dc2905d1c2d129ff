/// A JPEG stream's marker segments, walked without decoding anything: enough to keep only the
/// segments a picture needs and to carry its ICC profile over byte for byte.
enum JPEGSegments {
    /// One marker with its length and payload; an SOS segment also spans the entropy-coded
    /// data after it, up to the next marker. `range` starts at the marker's 0xFF.
    struct Segment: Equatable {
        var marker: UInt8
        var range: Range<Int>
    }

    enum Failure: Error, Equatable, CustomStringConvertible {
        case notJPEG
        case truncated(marker: UInt8, offset: Int)
        case noMarker(offset: Int)

        var description: String {
            switch self {
            case .notJPEG: "not a JPEG stream (no SOI marker)"
            case .truncated(let marker, let offset):
                "JPEG stream ends inside marker 0x\(String(marker, radix: 16, uppercase: true)) at byte \(offset)"
            case .noMarker(let offset): "JPEG stream has no marker where one must start, at byte \(offset)"
            }
        }
    }

    static let iccSignature = Array("ICC_PROFILE".utf8) + [0]
    static let adobeSignature = Array("Adobe".utf8)

    /// The segments after SOI, up to and including EOI (or the first SOS when `headersOnly`).
    /// Bytes after EOI are not part of the picture (phones append motion-photo videos and
    /// multi-picture images there) and are left out; fill bytes before a marker too.
    static func segments(_ bytes: UnsafeBufferPointer<UInt8>, headersOnly: Bool = false) throws(Failure) -> [Segment] {
        guard bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { throw .notJPEG }
        var result: [Segment] = []
        var offset = 2
        while true {
            guard offset < bytes.count, bytes[offset] == 0xFF else {
                throw offset < bytes.count ? .noMarker(offset: offset) : .truncated(marker: 0, offset: offset)
            }
            var code = offset + 1
            while code < bytes.count, bytes[code] == 0xFF { code += 1 }
            guard code < bytes.count else { throw .truncated(marker: 0xFF, offset: offset) }
            let marker = bytes[code], start = code - 1
            if marker == 0xD9 || marker == 0x01 || (0xD0...0xD7).contains(marker) {  // EOI, TEM, RSTn: no length
                result.append(Segment(marker: marker, range: start..<code + 1))
                if marker == 0xD9 { return result }
                offset = code + 1
                continue
            }
            guard marker != 0x00, marker != 0xD8 else { throw .noMarker(offset: start) }
            guard code + 2 < bytes.count else { throw .truncated(marker: marker, offset: start) }
            let length = Int(bytes[code + 1]) << 8 | Int(bytes[code + 2])
            guard length >= 2, code + 1 + length <= bytes.count else { throw .truncated(marker: marker, offset: start) }
            var end = code + 1 + length
            if marker == 0xDA {
                if headersOnly { return result + [Segment(marker: marker, range: start..<end)] }
                end = try endOfEntropyCodedData(bytes, from: end)
            }
            result.append(Segment(marker: marker, range: start..<end))
            offset = end
        }
    }

    /// Where the entropy-coded data starting at `offset` ends: at the next 0xFF (or run of 0xFF
    /// fill bytes) that is neither a stuffed 0xFF00 nor a restart marker, which belong to the scan.
    private static func endOfEntropyCodedData(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int)
        throws(Failure) -> Int {
        var i = offset
        while i < bytes.count {
            guard bytes[i] == 0xFF else { i += 1; continue }
            var code = i + 1
            while code < bytes.count, bytes[code] == 0xFF { code += 1 }
            guard code < bytes.count else { break }
            if bytes[code] != 0x00, !(0xD0...0xD7).contains(bytes[code]) { return i }
            i = code + 1
        }
        throw .truncated(marker: 0xDA, offset: offset)
    }

    /// Whether a download keeps this segment. Only what decoding needs survives: frame, tables,
    /// scans, restart interval, EOI, and Adobe's APP14, which says whether 3 or 4 channels are
    /// YCbCr, RGB, CMYK or YCCK (without it a CMYK or YCCK JPEG decodes to the wrong colours).
    /// Every other APPn (JFIF, EXIF, XMP, ICC, MPF, Photoshop/IPTC, maker data), COM and
    /// reserved marker goes; the source's ICC profile is put back separately.
    static func isKept(_ segment: Segment, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch segment.marker {
        case 0xC0...0xCF where segment.marker != 0xC8: true  // SOFn, DHT, DAC (0xC8 is reserved)
        case 0xD0...0xD7, 0xD9, 0xDA, 0xDB, 0xDC, 0xDD: true  // RSTn, EOI, SOS, DQT, DNL, DRI
        case 0xEE: hasPayloadPrefix(segment, adobeSignature, in: bytes)
        default: false
        }
    }

    /// The source's ICC profile as its APP2 "ICC_PROFILE" segments, whole and in file order.
    static func iccSegments(in jpeg: [UInt8]) throws(Failure) -> [[UInt8]] {
        try jpeg.withUnsafeBufferPointer { bytes throws(Failure) in
            try segments(bytes, headersOnly: true)
                .filter { $0.marker == 0xE2 && hasPayloadPrefix($0, iccSignature, in: bytes) }
                .map { Array(bytes[$0.range]) }
        }
    }

    /// `jpeg` with every segment `isKept` refuses removed, and `icc` (whole APP2 segments)
    /// right after SOI; the entropy-coded data is copied untouched.
    static func cleaned(_ jpeg: [UInt8], icc: [[UInt8]]) throws(Failure) -> [UInt8] {
        try jpeg.withUnsafeBufferPointer { bytes throws(Failure) in
            let kept = try segments(bytes).filter { isKept($0, in: bytes) }
            var out: [UInt8] = [0xFF, 0xD8]
            out.reserveCapacity(2 + icc.reduce(0) { $0 + $1.count } + kept.reduce(0) { $0 + $1.range.count })
            for segment in icc { out += segment }
            for segment in kept { out += bytes[segment.range] }
            return out
        }
    }

    private static func hasPayloadPrefix(_ segment: Segment, _ prefix: [UInt8], in bytes: UnsafeBufferPointer<UInt8>)
        -> Bool {
        let payload = segment.range.lowerBound + 4
        guard payload + prefix.count <= segment.range.upperBound else { return false }
        return bytes[payload..<payload + prefix.count].elementsEqual(prefix)
    }
}

extension JPEGSegments {
    /// The most profile bytes one APP2 segment holds: 65535 minus the length field and the
    /// 14-byte "ICC_PROFILE\0", sequence number, count header.
    static let iccChunkSize = 65_519

    /// `profile` as APP2 segments (ICC.1 Annex B.4); none when it needs more than 255.
    static func iccSegments(profile: [UInt8]) -> [[UInt8]] {
        let count = (profile.count + iccChunkSize - 1) / iccChunkSize
        guard (1...255).contains(count) else { return [] }
        return (0..<count).map { index in
            let chunk = profile[index * iccChunkSize..<min(profile.count, (index + 1) * iccChunkSize)]
            let length = 2 + iccSignature.count + 2 + chunk.count
            return [0xFF, 0xE2, UInt8(length >> 8), UInt8(length & 0xFF)] + iccSignature
                + [UInt8(index + 1), UInt8(count)] + chunk
        }
    }

    /// The profile the APP2 segments carry, in their sequence-number order.
    static func iccProfile(segments: [[UInt8]]) -> [UInt8] {
        let header = 4 + iccSignature.count + 2
        return segments.filter { $0.count >= header }
            .sorted { $0[header - 2] < $1[header - 2] }
            .flatMap { $0[header...] }
    }

    /// The profile's data colour space from its header ("RGB ", "GRAY", "CMYK"...).
    static func iccColorSpace(_ profile: [UInt8]) -> String? {
        profile.count >= 20 ? String(decoding: profile[16..<20], as: UTF8.self) : nil
    }
}
