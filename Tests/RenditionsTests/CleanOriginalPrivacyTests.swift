import Foundation
import Testing
import TestSupport
@testable import Renditions

/// Files that carry what must never be published, each in another place cameras and phones
/// put it (scripts/fixtures/web-video.sh). Tried as an attacker would: every web rendition and
/// clean original is read back with exiftool (embedded documents too), ffprobe and a byte search.
struct CleanOriginalPrivacyTests {
    static let files = ["xmp.mp4", "keys.mov", "track-xyz.mp4", "cover-art.mp4", "gps-subtitles.mp4", "gps-subtitles.mkv",
                        "telemetry.mov", "everything.mov"]
    /// Strings written into the fixtures that must not survive in any byte of an output.
    static let secrets = ["4711", "41.139", "41 deg", "73.362", "Elm Street", "GoPro", "gpmd", "CameraFirmware", "Apple"]
    /// exiftool groups and tags that only metadata produces.
    static let forbiddenTags = ["GPS", "Serial", "CameraIdentifier", "LocationName", "[XMP", "[Keys]", "[UserData]",
                                "[ItemList]", "[Track1] Track1", "Make", "Model", "Encoder", "Software", "[IFD0]", "[ExifIFD]"]

    @Test(arguments: files)
    func nothingPrivateSurvives(_ name: String) throws {
        let (fixture, set) = try WebVideoRenditionTests.render("private/" + name)
        let outputs = set.renditions.filter { [.web, .webSmall, .original].contains($0.variant) }
        #expect(outputs.map(\.variant).contains(.original))
        #expect(outputs.map(\.variant).contains(.web))
        for rendition in outputs {
            let path = fixture.root.appendingPathComponent(rendition.path).path
            let label = "\(name) → \(rendition.variant.rawValue)"
            // One picture stream and one sound stream: no cover, subtitle, data or timecode track.
            let streams = try MediaCheck.streams(path)
            #expect(streams.map(\.codec_type) == ["video", "audio"], "\(label): \(streams.map(\.codec_type))")
            #expect(streams.allSatisfy { $0.disposition?["attached_pic"] ?? 0 == 0 }, "\(label)")
            let tags = try MediaCheck.exiftoolTags(path)
            for tag in tags { #expect(!Self.forbiddenTags.contains { tag.contains($0) }, "\(label): \(tag)") }
            // No date of the source: QuickTime's header dates are zero, Matroska has none.
            #expect(!tags.contains { $0.contains("Date") && $0.contains("2020") }, "\(label)")
            if rendition.format == .mp4 {
                #expect(tags.contains { $0.contains("CreateDate") && $0.contains("0000:00:00 00:00:00") }, "\(label)")
            }
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            for secret in Self.secrets { #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(label) holds \(secret)") }
        }
    }

    /// The fixtures really do carry what the test above says is gone (the check can fail).
    @Test func theFixturesCarryTheSecrets() throws {
        var found: Set<String> = []
        for name in Self.files {
            let path = Fixtures.path("private/" + name)
            let text = try MediaCheck.exiftoolTags(path).joined(separator: "\n")
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            for secret in Self.secrets where text.contains(secret) || bytes.range(of: Data(secret.utf8)) != nil { found.insert(secret) }
            let kinds = try MediaCheck.streams(path).map(\.codec_type)
            if name.hasPrefix("gps-subtitles") { #expect(kinds.contains("subtitle")) }
            if name == "telemetry.mov" { #expect(kinds.contains("data")) }
            if name == "cover-art.mp4" { #expect(try MediaCheck.streams(path).contains { $0.disposition?["attached_pic"] == 1 }) }
        }
        #expect(found.isSuperset(of: ["4711", "41.139", "Elm Street", "GoPro", "gpmd"]), "\(found)")
    }

    /// A user-data SEI message (x264 writes one with its settings; cameras write theirs) is gone
    /// from copied H.264 while every picture decodes the same.
    @Test func userDataSEIIsRemovedFromCopiedPictures() throws {
        let source = Fixtures.path("webvideo/h264-normalized.mp4")
        #expect(try Data(contentsOf: URL(fileURLWithPath: source)).range(of: Data("x264 - core".utf8)) != nil)
        let (fixture, set) = try WebVideoRenditionTests.render("webvideo/h264-normalized.mp4")
        for variant in [Rendition.Variant.web, .original] {
            let path = try WebVideoRenditionTests.path(fixture, variant, in: set)
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)).range(of: Data("x264 - core".utf8)) == nil)
            #expect(try MediaCheck.frameHashes(path) == MediaCheck.frameHashes(source))
        }
    }
}
