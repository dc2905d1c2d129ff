import Foundation
import Testing
import TestSupport
@testable import MediaBindings

struct JPEGDecompressorTests {
    @Test func readsTheFrameHeader() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("photos/camera.jpg")))
        let header = try data.withUnsafeBytes { try JPEGDecompressor().header(of: $0) }
        #expect(header.width == 320 && header.height == 240)
        #expect(header.colorSpace == .ycbcr)
    }

    @Test func refusesWithLibjpegTurbosMessage() {
        let notJPEG = Array("GIF89a, not a JPEG at all".utf8)
        #expect {
            _ = try notJPEG.withUnsafeBytes { try JPEGDecompressor().header(of: $0) }
        } throws: { error in
            guard let error = error as? TurboJPEGError else { return false }
            return error.function == "tjDecompressHeader3" && !error.message.isEmpty
        }
    }
}
