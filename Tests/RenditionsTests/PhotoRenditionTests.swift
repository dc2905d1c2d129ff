import Foundation
import MediaBindings
import Testing
import TestSupport
@testable import Renditions

struct PhotoRenditionTests {
    /// orientation-N.jpg stores the 96×64 reference (red, green / blue, white quadrants)
    /// transformed by the inverse of N; every rendition must show the reference upright.
    @Test(arguments: 1...8)
    func orientationIsAppliedExactly(_ n: Int) throws {
        let fixture = try RenderFixture { $0.formats = [.jpeg] }
        let set = try fixture.render("photos/orientation-\(n).jpg")
        for rendition in set.renditions {
            let image = try fixture.pixels(rendition)
            #expect(image.width == 96 && image.height == 64)
            #expect(isColor(image.color(atX: 24, y: 16), (255, 0, 0)), "top-left is red for orientation \(n)")
            #expect(isColor(image.color(atX: 72, y: 16), (0, 255, 0)), "top-right is green for orientation \(n)")
            #expect(isColor(image.color(atX: 24, y: 48), (0, 0, 255)), "bottom-left is blue for orientation \(n)")
            #expect(isColor(image.color(atX: 72, y: 48), (255, 255, 255)), "bottom-right is white for orientation \(n)")
        }
    }

    @Test func sizesFormatsAndAspect() throws {
        let fixture = try RenderFixture()
        let set = try fixture.render("photos/large.jpg")
        let sizes = Dictionary(grouping: set.renditions, by: \.variant).mapValues { $0.map { "\($0.format.rawValue) \($0.width!)x\($0.height!)" } }
        #expect(sizes[.thumb]?.sorted() == ["jpeg 400x300", "webp 400x300"])
        #expect(sizes[.preview]?.sorted() == ["jpeg 1600x1200", "webp 1600x1200"])
        for rendition in set.renditions {
            let bytes = try fixture.bytes(rendition)
            #expect(bytes.count == rendition.bytes)
            if rendition.format == .jpeg {
                let image = try fixture.pixels(rendition)
                #expect(image.width == rendition.width && image.height == rendition.height)
            } else {
                #expect(Array(bytes[0..<4]) == Array("RIFF".utf8) && Array(bytes[8..<12]) == Array("WEBP".utf8))
            }
        }
        let hash = try #require(set.thumbHash.flatMap { Data(base64Encoded: $0) })
        #expect(abs(ThumbHash.approximateAspectRatio([UInt8](hash))! - 4.0 / 3.0) < 0.2)
    }

    @Test func neverUpscales() throws {
        let set = try RenderFixture().render("photos/camera.jpg")  // 320×240
        #expect(set.renditions.allSatisfy { $0.width == 320 && $0.height == 240 })
    }

    /// No EXIF, GPS or serial number survives: no APP1 segment in JPEG, no EXIF chunk in WebP.
    @Test func metadataIsStripped() throws {
        let fixture = try RenderFixture()
        let set = try fixture.render("photos/large.jpg")
        for rendition in set.renditions {
            let bytes = try fixture.bytes(rendition)
            if rendition.format == .jpeg {
                var offset = 2
                while offset + 4 <= bytes.count, bytes[offset] == 0xFF, bytes[offset + 1] != 0xDA {
                    #expect(bytes[offset + 1] != 0xE1, "APP1 (EXIF/XMP) in \(rendition.path)")
                    offset += 2 + Int(bytes[offset + 2]) << 8 + Int(bytes[offset + 3])
                }
            } else {
                let text = String(decoding: bytes, as: UTF8.self)
                #expect(!text.contains("EXIF") && !text.contains("XMP "))
            }
            #expect(!String(decoding: bytes, as: UTF8.self).contains("032024001234"))
        }
    }

    @Test func otherFormatsAndTransparency() throws {
        let fixture = try RenderFixture { $0.formats = [.jpeg] }
        for name in ["photos/exif.png", "photos/exif.webp", "photos/exif.tiff", "photos/gray.png", "photos/animation.gif"] {
            let set = try fixture.render(name)
            #expect(set.renditions.map(\.variant) == [.thumb, .preview, .download], "\(name)")
        }
        // exif.png is 120×80 with orientation 6: shown 80×120.
        let png = try fixture.render("photos/exif.png")
        #expect(png.renditions.first?.width == 80 && png.renditions.first?.height == 120)
    }

    @Test func pixelLimitRefusesBeforeDecoding() throws {
        let fixture = try RenderFixture { $0.maxPixels = 1_000_000 }
        #expect {
            _ = try fixture.render("photos/large.jpg")
        } throws: { error in
            (error as? RenderError)?.reason == .tooManyPixels(width: 2400, height: 1800, limit: 1_000_000)
        }
        #expect(fixture.files.isEmpty)
    }

    @Test func corruptInputLeavesNothingBehind() throws {
        let fixture = try RenderFixture()
        #expect(throws: RenderError.self) { _ = try fixture.render("bad/truncated.jpg") }
        #expect(throws: RenderError.self) { _ = try fixture.render("bad/text.mp4") }
        #expect(fixture.files.isEmpty)
    }

    @Test func contentAddressedAndStable() throws {
        let fixture = try RenderFixture { $0.formats = [.jpeg] }
        let first = try fixture.render("photos/camera.jpg")
        let again = try fixture.render("photos/camera.jpg")
        #expect(first == again)
        for rendition in first.renditions {
            let name = (rendition.path as NSString).lastPathComponent
            #expect(rendition.path.hasPrefix("\(first.sourceSHA256.prefix(2))/\(first.sourceSHA256.dropFirst(2).prefix(2))/"))
            #expect(name.hasPrefix(first.sourceSHA256 + "-\(rendition.variant.rawValue)-"))
        }
        #expect(!fixture.files.contains { $0.contains(".tmp-") })
        // Another thumbnail size is another recipe, so another file; the preview is untouched.
        let smaller = Renderer(options: { var o = RenditionOptions(); o.formats = [.jpeg]; o.thumbBox = 200; return o }(),
                               store: RenditionStore(root: fixture.root))
        let changed = try smaller.render(path: Fixtures.path("photos/camera.jpg"))
        #expect(changed.renditions.first { $0.variant == .thumb }?.path != first.renditions.first { $0.variant == .thumb }?.path)
        #expect(changed.renditions.first { $0.variant == .preview }?.path == first.renditions.first { $0.variant == .preview }?.path)
    }
}

extension PhotoRenditionTests {
    @Test func grayscaleAndSixteenBitBecomeEightBitRGB() throws {
        let fixture = try RenderFixture { $0.formats = [.jpeg] }
        for name in ["photos/gray.jpg", "photos/deep.png"] {
            let set = try fixture.render(name)
            let image = try fixture.pixels(try #require(set.renditions.first))
            #expect(image.width == 160 && image.height == 120 && image.layout == .rgb, "\(name)")
        }
        // testsrc2's left bar is red: in the grayscale rendering all three channels agree.
        let gray = try fixture.pixels(try #require(try fixture.render("photos/gray.jpg").renditions.first))
        let c = gray.color(atX: 8, y: 60)
        #expect(abs(c.r - c.g) < 6 && abs(c.g - c.b) < 6)
        let deep = try fixture.pixels(try #require(try fixture.render("photos/deep.png").renditions.first))
        #expect(isColor(deep.color(atX: 8, y: 60), (255, 0, 0), tolerance: 60))
    }
}

extension PhotoRenditionTests {
    /// What a failed file wrote is removed; what an earlier complete run wrote stays.
    @Test func writerDiscardsOnlyWhatItCreated() throws {
        let fixture = try RenderFixture()
        let store = RenditionStore(root: fixture.root)
        let source = String(repeating: "ab", count: 32)
        let earlier = RenditionRecipe(variant: .thumb, format: .jpeg, parameters: "earlier")
        try store.write([1, 2, 3], to: store.relativePath(source: source, recipe: earlier))
        let writer = RenditionWriter(store: store, source: source)
        _ = try writer.write(earlier, width: 1, height: 1) { [9] }
        _ = try writer.write(RenditionRecipe(variant: .preview, format: .jpeg, parameters: "new"), width: 1, height: 1) { [4, 5] }
        #expect(fixture.files.filter { $0.hasSuffix(".jpg") }.count == 2)
        writer.discardCreated()
        #expect(fixture.files.filter { $0.hasSuffix(".jpg") } == [store.relativePath(source: source, recipe: earlier)])
        #expect(try fixture.bytes(Rendition(variant: .thumb, format: .jpeg, bytes: 3, path: store.relativePath(source: source, recipe: earlier))) == [1, 2, 3])
    }
}
