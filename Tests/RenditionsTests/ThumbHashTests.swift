import MediaBindings
import Testing
@testable import Renditions

struct ThumbHashTests {
    /// Vectors from the reference implementation (the `thumbhash` package on PyPI, a port of
    /// Evan Wallace's JavaScript), for the same synthetic pictures.
    static func landscape() -> PixelImage {
        var pixels: [UInt8] = []
        for y in 0..<24 {
            for x in 0..<32 {
                pixels += [x < 10 && y < 8 ? 255 : UInt8((x * 8) % 256), UInt8((y * 10) % 256), UInt8(((x + y) * 5) % 256), 255]
            }
        }
        return PixelImage(width: 32, height: 24, layout: .rgba, pixels: pixels)
    }

    static func portrait() -> PixelImage {
        var pixels: [UInt8] = []
        for y in 0..<40 {
            for x in 0..<20 { pixels += [UInt8((x * 12) % 256), UInt8((y * 6) % 256), 128] }
        }
        return PixelImage(width: 20, height: 40, layout: .rgb, pixels: pixels)
    }

    @Test func matchesTheReferenceImplementation() {
        #expect(ThumbHash.encode(Self.landscape()) ==
            [225, 55, 14, 37, 162, 144, 119, 119, 145, 137, 119, 152, 136, 119, 135, 119, 207, 219, 75, 249, 153])
        #expect(ThumbHash.encode(Self.portrait()) ==
            [158, 247, 9, 52, 24, 112, 7, 135, 120, 136, 119, 120, 120, 119, 112, 112, 7, 247, 136])
    }

    @Test func aspectRatioRoundTrips() {
        #expect(ThumbHash.approximateAspectRatio(ThumbHash.encode(Self.landscape())) == 1.4)
        #expect(ThumbHash.approximateAspectRatio(ThumbHash.encode(Self.portrait())) == 4.0 / 7.0)
    }
}
