import Foundation
import MediaBindings
import Testing
import TestSupport
@testable import MediaProbe

/// The hand-written readers of untrusted container bytes, on synthetic inputs.
struct ContainerStructureTests {
    private let soi: [UInt8] = [0xFF, 0xD8]
    private let sof: [UInt8] = [0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x30, 0x00, 0x40, 0x03,
                                0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]  // 64×48
    private let sos: [UInt8] = [0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00]

    func scan(_ bytes: [UInt8]) -> Result<JPEGStructure, JPEGStructure.Failure> {
        bytes.withUnsafeBytes { JPEGStructure.scan($0) }
    }

    @Test func jpegWithTrailingDataAfterTheEndMarker() throws {
        let bytes = soi + sof + sos + [0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD9] + Array("ftypmp42 motion photo".utf8)
        let s = try scan(bytes).get()
        #expect(s.frameWidth == 64 && s.frameHeight == 48)
        #expect(s.entropyStart == soi.count + sof.count + sos.count)
        #expect(!JPEGStructure.endsWithEndMarker(bytes))
        #expect(bytes.withUnsafeBytes { JPEGStructure.containsEndMarker($0, from: s.entropyStart) })
    }

    @Test func jpegCutInsideTheScan() throws {
        let bytes = soi + sof + sos + [0x12, 0xFF, 0x00, 0x34]
        let s = try scan(bytes).get()
        #expect(!JPEGStructure.endsWithEndMarker(bytes))
        #expect(!bytes.withUnsafeBytes { JPEGStructure.containsEndMarker($0, from: s.entropyStart) })
    }

    @Test func jpegEndingInZeroPadding() {
        #expect(JPEGStructure.endsWithEndMarker([0x34, 0xFF, 0xD9, 0, 0, 0]))
    }

    @Test func jpegWithoutFrame() {
        #expect(throws: JPEGStructure.Failure.noFrame) { try scan(soi + [0xFF, 0xD9]).get() }
    }

    @Test func jpegSegmentLengthBeyondTheFile() {
        #expect(throws: JPEGStructure.Failure.self) { try scan(soi + [0xFF, 0xE1, 0xFF, 0xFF, 0x45]).get() }
    }

    @Test func exifSegmentIsFound() throws {
        let app1: [UInt8] = [0xFF, 0xE1, 0x00, 0x0A] + Array("Exif\0\0".utf8) + [0x49, 0x49]
        let s = try scan(soi + app1 + sof + sos + [0xFF, 0xD9]).get()
        #expect(s.exif.map(Array.init) == Array("Exif\0\0".utf8) + [0x49, 0x49])
    }

    @Test func tiffWithMaximalSizesDoesNotOverflow() throws {
        // IFD0 = { ImageWidth: 0xFFFFFFFF, ImageLength: 0xFFFFFFFF } (LONG values).
        let tiff: [UInt8] = [0x49, 0x49, 0x2A, 0, 8, 0, 0, 0, 2, 0,
                             0x00, 0x01, 4, 0, 1, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF,
                             0x01, 0x01, 4, 0, 1, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0]
        let size = tiff.withUnsafeBytes { TIFFStructure($0)?.mainImageSize() }
        #expect(size?.width == 0xFFFF_FFFF && size?.height == 0xFFFF_FFFF)
    }

    @Test func atomLargerThanTheFileEndsTheWalk() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mediacat-atoms-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("videos/faststart.mp4"))))
        bytes += [0, 0, 0, 1] + Array("zzzz".utf8) + [0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]
        let path = folder.appendingPathComponent("large-atom.mp4").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let atoms = try BMFFAtoms(SourceFile(path: path))
        #expect(atoms.atoms.last?.type == "zzzz")
        #expect(atoms.isFastStart == true)
        #expect(try BMFFAtoms.payload(SourceFile(path: path), path: ["zzzz", "loci"]) == nil)
    }

    @Test func crc32OfAKnownString() {
        #expect(Array("123456789".utf8).withUnsafeBytes { CRC32.checksum($0) } == 0xCBF4_3926)
    }

    @Test func pngWithoutEnd() {
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        let ihdr: [UInt8] = Array("IHDR".utf8) + [0, 0, 0, 2, 0, 0, 0, 3, 8, 2, 0, 0, 0]
        png += [0, 0, 0, 13] + ihdr
        let crc = ihdr.withUnsafeBytes { CRC32.checksum($0) }
        png += [UInt8(crc >> 24), UInt8(crc >> 16 & 0xFF), UInt8(crc >> 8 & 0xFF), UInt8(crc & 0xFF)]
        let result = png.withUnsafeBytes { PNGStructure.scan($0) }
        #expect(throws: PNGStructure.Failure.truncated(afterChunk: "IHDR")) { try result.get() }
    }

    @Test func sniffingIgnoresTheName() {
        func sniff(_ bytes: [UInt8]) -> FileFormat { bytes.withUnsafeBytes { FileFormat.sniff(ByteReader($0)) } }
        #expect(sniff([0xFF, 0xD8, 0xFF, 0xE0]) == .jpeg)
        #expect(sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) == .png)
        #expect(sniff(Array("RIFF\0\0\0\0WEBPVP8 ".utf8)) == .webp)
        #expect(sniff([0, 0, 0, 24] + Array("ftypheic\0\0\0\0mif1heic".utf8)) == .heif(brand: "heic"))
        #expect(sniff([0, 0, 0, 24] + Array("ftypisom\0\0\0\0isomavc1".utf8)) == .other)
        #expect(sniff(Array("II*\0".utf8)) == .tiff)
    }

    @Test(arguments: [("videos/full-range.mp4", true), ("videos/faststart.mp4", false)])
    func spsFullRangeFlag(_ name: String, _ fullRange: Bool) throws {
        let context = try FormatContext(url: "file:" + Fixtures.path(name), timeLimit: 10)
        try context.findStreamInfo()
        let sps = try #require(H264SequenceParameters(extradata: context.streams[0].extradata))
        #expect(sps.fullRange == fullRange)
    }

    @Test func spsFromNothing() {
        #expect(H264SequenceParameters(extradata: []) == nil)
        #expect(H264SequenceParameters(extradata: [0x01, 0x64, 0x00, 0x28, 0xFF, 0xE1, 0x00, 0x40, 0x67]) == nil)
    }
}
