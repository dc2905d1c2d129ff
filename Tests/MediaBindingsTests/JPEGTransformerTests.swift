import Foundation
import Testing
import TestSupport
@testable import MediaBindings

struct JPEGTransformerTests {
    func bytes(_ fixture: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixtures.path(fixture))))
    }

    /// downloads/aligned-6.jpg stores the 96×64 picture as 64×96 at 4:2:0: turning it 90° is perfect.
    @Test func rotatesWithoutDecodingAndCopiesNoMarker() throws {
        let source = try bytes("downloads/aligned-6.jpg")
        let output = try #require(try source.withUnsafeBytes { try JPEGTransformer().transform($0, .rotate90) })
        #expect(output.width == 96)
        #expect(output.height == 64)
        #expect(output.warning == nil)
        let header = try output.bytes.withUnsafeBytes { try JPEGDecompressor().header(of: $0) }
        #expect(header.width == 96 && header.height == 64)
        // TJXOPT_COPYNONE: the only APPn left is the JFIF marker libjpeg writes itself.
        var offset = 2, markers: [UInt8] = []
        while offset + 4 <= output.bytes.count, output.bytes[offset + 1] != 0xDA {
            markers.append(output.bytes[offset + 1])
            offset += 2 + Int(output.bytes[offset + 2]) << 8 + Int(output.bytes[offset + 3])
        }
        #expect(markers.filter { (0xE0...0xEF).contains($0) || $0 == 0xFE } == [0xE0])
        #expect(!String(decoding: output.bytes, as: UTF8.self).contains("DL-SERIAL-0042"))
    }

    /// 100×75 at 4:2:0 (16×16 MCUs) has partial blocks on both edges.
    @Test func imperfectOperationsAreRefusedBeforeTransforming() throws {
        let source = try bytes("downloads/unaligned-1.jpg")
        let transformer = try JPEGTransformer()
        for operation in JPEGTransformer.Operation.allCases {
            let output = try source.withUnsafeBytes { try transformer.transform($0, operation) }
            let perfect = operation == .none || operation == .transpose
            #expect((output != nil) == perfect, "\(operation)")
        }
    }

    @Test func perfectionFollowsTheMCUSize() {
        let yuv420 = 2, yuv422 = 1, gray = 3  // TJSAMP_420, TJSAMP_422, TJSAMP_GRAY
        #expect(JPEGTransformer.isPerfect(.rotate90, width: 100, height: 96, subsampling: yuv420))
        #expect(!JPEGTransformer.isPerfect(.rotate90, width: 96, height: 100, subsampling: yuv420))
        #expect(JPEGTransformer.isPerfect(.rotate270, width: 96, height: 100, subsampling: yuv420))
        #expect(!JPEGTransformer.isPerfect(.flipHorizontal, width: 100, height: 96, subsampling: yuv420))
        #expect(JPEGTransformer.isPerfect(.flipVertical, width: 100, height: 96, subsampling: yuv420))
        #expect(!JPEGTransformer.isPerfect(.rotate180, width: 96, height: 100, subsampling: yuv420))
        #expect(!JPEGTransformer.isPerfect(.transverse, width: 100, height: 96, subsampling: yuv420))
        #expect(JPEGTransformer.isPerfect(.transpose, width: 101, height: 99, subsampling: yuv420))
        // 4:2:2 blocks are 16×8, grayscale ones 8×8.
        #expect(JPEGTransformer.isPerfect(.rotate90, width: 100, height: 104, subsampling: yuv422))
        #expect(!JPEGTransformer.isPerfect(.rotate270, width: 104, height: 104, subsampling: yuv422))
        #expect(JPEGTransformer.isPerfect(.rotate180, width: 104, height: 104, subsampling: gray))
        #expect(!JPEGTransformer.isPerfect(.rotate90, width: 96, height: 96, subsampling: -1))
    }

    @Test func notAJPEGIsTurboJPEGsOwnMessage() throws {
        let png = try bytes("photos/upright.png")
        #expect {
            _ = try png.withUnsafeBytes { try JPEGTransformer().transform($0, .rotate90) }
        } throws: { error in
            guard let error = error as? TurboJPEGError else { return false }
            return error.function == "tjDecompressHeader3" && error.message.contains("Not a JPEG file")
        }
    }

    /// A JPEG cut off inside its scan still transforms; libjpeg-turbo's warning comes along.
    @Test func damagedScanIsAWarning() throws {
        let source = try bytes("downloads/aligned-6.jpg")
        // The cut must fall inside the entropy-coded data: after the first SOS.
        let header = try #require((0..<source.count - 1).first { source[$0] == 0xFF && source[$0 + 1] == 0xDA })
        let cut = Array(source.prefix(header + (source.count - header) / 2))
        let output = try #require(try cut.withUnsafeBytes { try JPEGTransformer().transform($0, .rotate90) })
        #expect(output.warning?.contains("Premature end of JPEG file") == true)
        #expect(output.width == 96 && output.height == 64)
    }
}
