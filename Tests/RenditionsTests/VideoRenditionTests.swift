import Foundation
import MediaBindings
import Testing
import TestSupport
@testable import Renditions

struct VideoRenditionTests {
    /// A clip that fades in from black, with a single keyframe: first-frame and keyframe
    /// posters are black; mediacat's must not be.
    @Test func posterOfAFadeInIsNotBlack() throws {
        let fixture = try RenderFixture { $0.formats = [.jpeg] }
        let set = try fixture.render("videos/fade-in.mp4")
        #expect(set.posterChoice == "scored")
        #expect((set.posterTime ?? 0) > 1.5)
        let poster = try #require(set.renditions.first { $0.variant == .poster })
        #expect(try fixture.pixels(poster).meanLuma > 60)
    }

    /// Stored landscape, turned by the display matrix: the poster is portrait with the red
    /// square top-left and the blue one bottom-right.
    @Test func rotatedClipPosterIsUpright() throws {
        let fixture = try RenderFixture { $0.formats = [.jpeg] }
        let set = try fixture.render("videos/portrait-phone.mov")
        let poster = try #require(set.renditions.first { $0.variant == .poster })
        let image = try fixture.pixels(poster)
        #expect(image.width == 180 && image.height == 320)
        #expect(isColor(image.color(atX: 30, y: 30), (255, 0, 0)))
        #expect(isColor(image.color(atX: 150, y: 290), (0, 0, 255)))
    }

    @Test func storyboardSpriteAndCues() throws {
        let fixture = try RenderFixture { $0.formats = [.jpeg] }
        let set = try fixture.render("videos/fade-in.mp4")
        let sprite = try #require(set.renditions.first { $0.variant == .storyboard })
        let cues = try #require(set.renditions.first { $0.variant == .storyboardCues })
        #expect(sprite.width == 4 * 160 && sprite.height == 90)
        let parsed = try StoryboardLayoutTests.parse(String(decoding: try fixture.bytes(cues), as: UTF8.self))
        #expect(parsed.count == 4)
        #expect(abs(parsed.last!.end - 4) < 0.05)
        let spriteName = (sprite.path as NSString).lastPathComponent
        #expect(parsed.allSatisfy { $0.target.hasPrefix(spriteName + "#xywh=") })
        // Tiles differ: the fade makes the first darker than the last.
        let image = try fixture.pixels(sprite)
        #expect(image.color(atX: 80, y: 45).r + 40 < image.color(atX: 560, y: 45).r + image.color(atX: 560, y: 45).g)
    }

    @Test func requestedPosterTimeIsExact() throws {
        let fixture = try RenderFixture { $0.formats = [.jpeg]; $0.posterTime = 2.5 }
        let set = try fixture.render("videos/fade-in.mp4")
        #expect(set.posterChoice == "requested")
        #expect(abs((set.posterTime ?? 0) - 2.5) < 1.0 / 30 + 1e-6)
    }

    @Test func clipsUnderASecondAndAudioOnly() throws {
        let fixture = try RenderFixture { $0.formats = [.jpeg] }
        let short = try fixture.render("videos/short.mp4")
        #expect(short.renditions.contains { $0.variant == .poster })
        let audio = try fixture.render("videos/audio.m4a")
        #expect(audio.renditions.map(\.variant) == [.original])
        #expect(audio.renditions.first?.format == .m4a)
        #expect(audio.renditions.first?.codecs == "mp4a.40.2")
        #expect(audio.skipped == ["audio only: no poster or storyboard"])
    }
}
