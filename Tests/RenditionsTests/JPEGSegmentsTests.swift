import Testing
@testable import Renditions

/// Hand-made JPEG streams: only the marker structure matters here, never the pixels.
struct JPEGSegmentsTests {
    static func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
        [0xFF, marker, UInt8((payload.count + 2) >> 8), UInt8((payload.count + 2) & 0xFF)] + payload
    }

    static func icc(_ sequence: UInt8, of count: UInt8, _ data: [UInt8]) -> [UInt8] {
        segment(0xE2, JPEGSegments.iccSignature + [sequence, count] + data)
    }

    let soi: [UInt8] = [0xFF, 0xD8], eoi: [UInt8] = [0xFF, 0xD9]
    let jfif = segment(0xE0, Array("JFIF".utf8) + [0, 1, 2, 0, 0, 1, 0, 1, 0, 0])
    let exif = segment(0xE1, Array("Exif".utf8) + [0, 0] + Array("MM".utf8) + [0, 42, 0, 0, 0, 8, 0, 0])
    let xmp = segment(0xE1, Array("http://ns.adobe.com/xap/1.0/".utf8) + [0] + Array("<x:xmpmeta/>".utf8))
    let iccFirst = icc(1, of: 2, [0xAA, 0xBB, 0xCC])
    let iccSecond = icc(2, of: 2, [0xDD])
    let mpf = segment(0xE2, Array("MPF".utf8) + [0, 0x4D, 0x4D])
    let iptc = segment(0xED, Array("Photoshop 3.0".utf8) + [0] + Array("8BIM".utf8) + [4, 4, 0, 0])
    let comment = segment(0xFE, Array("serial 032024001234".utf8))
    let adobe = segment(0xEE, Array("Adobe".utf8) + [0, 100, 0, 0, 0, 0, 2])
    let dqt = segment(0xDB, [0] + [UInt8](repeating: 1, count: 64))
    let sof = segment(0xC0, [8, 0, 16, 0, 16, 1, 1, 0x11, 0])
    let dht = segment(0xC4, [0] + [UInt8](repeating: 0, count: 15) + [1, 0])
    let sos = segment(0xDA, [1, 1, 0, 0, 63, 0])
    /// Entropy-coded data with a stuffed 0xFF00 and a restart marker, both part of the scan.
    let scan: [UInt8] = [0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0xFF, 0x00, 0x78]

    @Test func metadataGoesAndTheScanStaysByteForByte() throws {
        let metadata = jfif + exif + xmp + iccFirst + iccSecond + mpf + iptc + comment
        let source = soi + metadata + dqt + sof + dht + sos + scan + eoi
        let cleaned = try JPEGSegments.cleaned(source, icc: [])
        #expect(cleaned == soi + dqt + sof + dht + sos + scan + eoi)
    }

    @Test func iccSegmentsAreFoundInOrderAndPutBackAfterSOI() throws {
        let source = soi + jfif + exif + iccFirst + mpf + iccSecond + dqt + sof + dht + sos + scan + eoi
        let icc = try JPEGSegments.iccSegments(in: source)
        #expect(icc == [iccFirst, iccSecond], "the MPF APP2 is not part of the profile")
        let output = soi + jfif + dqt + sof + dht + sos + scan + eoi  // what libjpeg writes
        let expected = soi + iccFirst + iccSecond + dqt + sof + dht + sos + scan + eoi
        #expect(try JPEGSegments.cleaned(output, icc: icc) == expected)
    }

    @Test func adobeMarkerIsKeptOtherAPP14IsNot() throws {
        let other = Self.segment(0xEE, Array("Other".utf8) + [0, 1])
        let source = soi + adobe + other + dqt + sof + sos + scan + eoi
        #expect(try JPEGSegments.cleaned(source, icc: []) == soi + adobe + dqt + sof + sos + scan + eoi)
    }

    /// A progressive file has several scans; an APPn or COM between them goes too.
    @Test func segmentsBetweenScansAndAfterEOI() throws {
        let secondScan: [UInt8] = [0x9A, 0xFF, 0xD7, 0xBC]
        let trailer = Array("motion photo video".utf8)
        let source = soi + dqt + sof + dht + sos + scan + comment + dht + sos + secondScan + exif + eoi + trailer
        let expected = soi + dqt + sof + dht + sos + scan + dht + sos + secondScan + eoi
        #expect(try JPEGSegments.cleaned(source, icc: []) == expected)
    }

    @Test func fillBytesBeforeAMarkerAreDropped() throws {
        let source = soi + [0xFF, 0xFF] + dqt + sof + sos + scan + [0xFF, 0xFF] + eoi
        #expect(try JPEGSegments.cleaned(source, icc: []) == soi + dqt + sof + sos + scan + eoi)
    }

    @Test func damagedStreamsAreErrorsNotCrashes() {
        let header = soi + dqt + sof
        #expect(throws: JPEGSegments.Failure.notJPEG) { try JPEGSegments.cleaned([0x89, 0x50, 0x4E, 0x47], icc: []) }
        #expect(throws: JPEGSegments.Failure.notJPEG) { try JPEGSegments.cleaned([0xFF], icc: []) }
        // A segment whose length runs past the end.
        #expect(throws: JPEGSegments.Failure.truncated(marker: 0xE1, offset: header.count)) {
            try JPEGSegments.cleaned(header + Array(exif.prefix(10)), icc: [])
        }
        // A length field cut in half, a length below 2, a scan with no EOI, nothing after SOI.
        #expect(throws: JPEGSegments.Failure.truncated(marker: 0xDB, offset: 2)) {
            try JPEGSegments.cleaned(soi + [0xFF, 0xDB, 0x00], icc: [])
        }
        #expect(throws: JPEGSegments.Failure.truncated(marker: 0xE1, offset: 2)) {
            try JPEGSegments.cleaned(soi + [0xFF, 0xE1, 0x00, 0x01] + eoi, icc: [])
        }
        #expect(throws: JPEGSegments.Failure.truncated(marker: 0xDA, offset: header.count + sos.count)) {
            try JPEGSegments.cleaned(header + sos + scan, icc: [])
        }
        #expect(throws: JPEGSegments.Failure.truncated(marker: 0, offset: header.count)) {
            try JPEGSegments.cleaned(header, icc: [])
        }
        #expect(throws: JPEGSegments.Failure.noMarker(offset: 2)) { try JPEGSegments.cleaned(soi + soi + eoi, icc: []) }
        // Something other than a marker between segments.
        #expect(throws: JPEGSegments.Failure.noMarker(offset: header.count)) {
            try JPEGSegments.cleaned(header + [0x00, 0x01] + sos + scan + eoi, icc: [])
        }
        #expect(throws: JPEGSegments.Failure.truncated(marker: 0xE1, offset: 2)) {
            try JPEGSegments.iccSegments(in: soi + Array(exif.prefix(6)))
        }
    }

    @Test func profileIsSplitIntoNumberedChunksAndJoinedBack() {
        let profile = (0..<(JPEGSegments.iccChunkSize * 2 + 5)).map { UInt8(truncatingIfNeeded: $0 * 7) }
        let segments = JPEGSegments.iccSegments(profile: profile)
        #expect(segments.count == 3)
        for (index, segment) in segments.enumerated() {
            #expect(Array(segment[0..<2]) == [0xFF, 0xE2])
            #expect(Int(segment[2]) << 8 | Int(segment[3]) == segment.count - 2, "length of chunk \(index + 1)")
            #expect(Array(segment[4..<16]) == JPEGSegments.iccSignature)
            #expect(Array(segment[16..<18]) == [UInt8(index + 1), 3])
        }
        #expect(segments[0].count == 65_537, "a full chunk fills the 65535-byte segment limit")
        #expect(JPEGSegments.iccProfile(segments: segments.reversed()) == profile, "joined by sequence number")
        #expect(JPEGSegments.iccSegments(profile: []).isEmpty)
    }

    @Test func profileColorSpace() {
        var header = [UInt8](repeating: 0, count: 128)
        header.replaceSubrange(16..<20, with: Array("CMYK".utf8))
        #expect(JPEGSegments.iccColorSpace(header) == "CMYK")
        #expect(JPEGSegments.iccColorSpace([1, 2, 3]) == nil)
    }
}
