import Foundation
import Testing
import TestSupport
@testable import Renditions

/// Real transcodes of generated clips, checked with ffprobe, ffmpeg and exiftool.
struct WebVideoRenditionTests {
    static func render(_ fixture: String, _ configure: (inout RenditionOptions) -> Void = { _ in })
        throws -> (RenderFixture, RenditionSet) {
        let render = try RenderFixture { options in
            options.variants = [.web, .webSmall, .original]
            configure(&options)
        }
        return (render, try render.render(fixture))
    }

    static func path(_ fixture: RenderFixture, _ variant: Rendition.Variant, in set: RenditionSet) throws -> String {
        let rendition = try #require(set.renditions.first { $0.variant == variant })
        return fixture.root.appendingPathComponent(rendition.path).path
    }

    /// H.264 + AAC already at -16 LUFS: both streams copied, no pixel and no sound sample changed.
    @Test func remuxCopiesPictureAndSoundBitForBit() throws {
        let source = Fixtures.path("webvideo/h264-normalized.mp4")
        let (fixture, set) = try Self.render("webvideo/h264-normalized.mp4")
        #expect(set.notes.contains("web: picture copied, sound copied"))
        let web = try Self.path(fixture, .web, in: set)
        #expect(try MediaCheck.frameHashes(web) == MediaCheck.frameHashes(source))
        #expect(try MediaCheck.audioPacketHashes(web) == MediaCheck.audioPacketHashes(source))
        #expect(try MediaCheck.frameHashes(web).count == 60)
        let rendition = try #require(set.renditions.first { $0.variant == .web })
        // x264's ultrafast preset writes Constrained Baseline (profile_idc 66), level 1.3.
        #expect(rendition.codecs == "avc1.42c00d, mp4a.40.2")
        #expect(rendition.width == 320 && rendition.height == 240)
        #expect(abs((rendition.duration ?? 0) - 2) < 0.1)
        #expect((rendition.bitRate ?? 0) > 0)
    }

    @Test func everyOutputIsFastStartAndDecodesWithoutErrors() throws {
        for name in ["h264-quiet.mp4", "h264.ts", "hevc.mp4", "interlaced.mp4", "no-audio.mp4", "mono-mp3.mkv"] {
            let (fixture, set) = try Self.render("webvideo/" + name)
            for rendition in set.renditions {
                let path = fixture.root.appendingPathComponent(rendition.path).path
                #expect(try MediaCheck.decodeErrors(path) == "", "\(name) \(rendition.variant)")
                guard [.mp4, .m4a, .mov].contains(rendition.format) else { continue }
                let boxes = try MediaCheck.topLevelBoxes(path)
                let moov = try #require(boxes.firstIndex(of: "moov")), mdat = try #require(boxes.firstIndex(of: "mdat"))
                #expect(moov < mdat, "\(name) \(rendition.variant): \(boxes)")
            }
        }
    }

    /// A quiet tone: the picture copied, the sound raised to the web target.
    @Test func quietSoundIsNormalised() throws {
        let (fixture, set) = try Self.render("webvideo/h264-quiet.mp4")
        #expect(set.notes.contains { $0.hasPrefix("web: picture copied, sound encoded, +") })
        let web = try Self.path(fixture, .web, in: set)
        #expect(try MediaCheck.frameHashes(web) == MediaCheck.frameHashes(Fixtures.path("webvideo/h264-quiet.mp4")))
        let loudness = try #require(try MediaCheck.loudness(web))
        #expect(abs(loudness - -16) <= 1, "\(loudness) LUFS")
        let audio = try #require(try MediaCheck.streams(web).first { $0.codec_type == "audio" })
        #expect(audio.codec_name == "aac" && audio.profile == "LC" && audio.channels == 2)
    }

    /// HEVC, 10-bit, 4:2:2, interlaced and HDR sources come out as 8-bit 4:2:0 H.264 High.
    @Test(arguments: ["hevc.mp4", "h264-10bit.mp4", "h264-422.mp4", "interlaced.mp4", "hdr-pq.mp4"])
    func sourcesBrowsersCannotPlayAreEncoded(_ name: String) throws {
        let (fixture, set) = try Self.render("webvideo/" + name)
        #expect(set.notes.contains { $0.hasPrefix("web: picture encoded") }, "\(set.notes)")
        let web = try Self.path(fixture, .web, in: set)
        let video = try #require(try MediaCheck.streams(web).first { $0.codec_type == "video" })
        #expect(video.codec_name == "h264")
        #expect(video.profile == "High")
        #expect(video.pix_fmt == "yuv420p")
        #expect(try MediaCheck.decodeErrors(web) == "")
        if name == "hdr-pq.mp4" { #expect(video.color_transfer == "bt709") }
        let rendition = try #require(set.renditions.first { $0.variant == .web })
        #expect(rendition.codecs?.hasPrefix("avc1.64") == true)
    }

    /// The clean original of an HEVC clip is the same HEVC, tagged 'hvc1' as Safari needs.
    @Test func cleanOriginalOfHEVCKeepsItsPictureAndTag() throws {
        let source = Fixtures.path("webvideo/hevc.mp4")
        let (fixture, set) = try Self.render("webvideo/hevc.mp4")
        let original = try Self.path(fixture, .original, in: set)
        #expect(try MediaCheck.frameHashes(original) == MediaCheck.frameHashes(source))
        let tags = try ExternalTool.run(["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
                                         "stream=codec_tag_string", "-of", "csv=p=0", original]).text
        #expect(tags.trimmingCharacters(in: .whitespacesAndNewlines) == "hvc1")
        #expect(set.renditions.first { $0.variant == .original }?.codecs?.hasPrefix("hvc1.1.6.L") == true)
    }

    /// Rotation: kept as a display matrix when copied, applied to the pixels when encoded.
    @Test func rotationKeptOnRemuxAppliedOnEncode() throws {
        let (copied, copiedSet) = try Self.render("videos/rotated-90.mov")
        let copy = try #require(try MediaCheck.streams(Self.path(copied, .web, in: copiedSet)).first { $0.codec_type == "video" })
        #expect(MediaCheck.rotation(copy) == -90)
        #expect(copiedSet.renditions.first { $0.variant == .web }?.width == 240)
        let (encoded, encodedSet) = try Self.render("webvideo/hevc-portrait.mov")
        let path = try Self.path(encoded, .web, in: encodedSet)
        let stream = try #require(try MediaCheck.streams(path).first { $0.codec_type == "video" })
        #expect(MediaCheck.rotation(stream) == nil)
        #expect(stream.width == 180 && stream.height == 320)
        let frame = try MediaCheck.firstFrame(path)
        let pixel = { (x: Int, y: Int) in Array(frame.rgb[(y * frame.width + x) * 3..<(y * frame.width + x) * 3 + 3]) }
        #expect(pixel(30, 30)[0] > 180 && pixel(30, 30)[2] < 80, "red square top-left: \(pixel(30, 30))")
        #expect(pixel(150, 290)[2] > 180 && pixel(150, 290)[0] < 80, "blue square bottom-right: \(pixel(150, 290))")
    }

    @Test func largeSourceGetsBothRungsAndSilentOneNoSoundTrack() throws {
        let (large, set) = try Self.render("webvideo/large.mp4")
        #expect(set.renditions.first { $0.variant == .web }.map { [$0.width, $0.height] } == [1920, 1080])
        #expect(set.renditions.first { $0.variant == .webSmall }.map { [$0.width, $0.height] } == [640, 360])
        #expect(try MediaCheck.decodeErrors(Self.path(large, .webSmall, in: set)) == "")
        // The levels x264 derives from size and the 30 fps the encoder is told: 4.0 and 3.0.
        #expect(set.renditions.first { $0.variant == .web }?.codecs == "avc1.640028")
        #expect(set.renditions.first { $0.variant == .webSmall }?.codecs == "avc1.64001e")
        let (silent, silentSet) = try Self.render("webvideo/no-audio.mp4")
        #expect(try MediaCheck.streams(Self.path(silent, .web, in: silentSet)).map(\.codec_type) == ["video"])
        #expect(silentSet.skipped.contains("web-small: the video is no larger than 640 px"))
    }

    /// Rendering again finds every file in place and transcodes nothing.
    @Test func secondRenderReusesFiles() throws {
        let (fixture, first) = try Self.render("webvideo/hevc.mp4")
        let dates = try first.renditions.map { try FileManager.default.attributesOfItem(atPath: fixture.root.appendingPathComponent($0.path).path)[.modificationDate] as? Date }
        let second = try fixture.render("webvideo/hevc.mp4")
        #expect(second.renditions == first.renditions)
        let again = try second.renditions.map { try FileManager.default.attributesOfItem(atPath: fixture.root.appendingPathComponent($0.path).path)[.modificationDate] as? Date }
        #expect(again == dates)
    }

    /// A transcode given up half-way (here: the time limit) leaves no file at all, and a
    /// temporary file left by a killed process is removed before the work is redone.
    @Test func givenUpTranscodeLeavesNothing() throws {
        let fixture = try RenderFixture { $0.variants = [.web, .webSmall, .original]; $0.timeLimit = 0.01; $0.timeLimitPerSecond = 0 }
        #expect(throws: RenderError.self) { try fixture.render("webvideo/large.mp4") }
        let files = fixture.files.filter { !$0.hasSuffix("/") && !FileManager.default.isDirectory(fixture.root, $0) }
        #expect(files.isEmpty, "\(files)")
        let store = RenditionStore(root: fixture.root)
        let name = "ab/cd/abcd-web-12345678.mp4"
        let stale = fixture.root.appendingPathComponent("ab/cd/.tmp-999999-0000-abcd-web-12345678.mp4")
        try FileManager.default.createDirectory(at: stale.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data([1, 2, 3]).write(to: stale)
        let fresh = try store.temporaryFile(for: name)
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(fresh.lastPathComponent.hasPrefix(".tmp-\(getpid())-"))
    }
}

extension FileManager {
    func isDirectory(_ root: URL, _ relative: String) -> Bool {
        var directory: ObjCBool = false
        return fileExists(atPath: root.appendingPathComponent(relative).path, isDirectory: &directory) && directory.boolValue
    }
}
