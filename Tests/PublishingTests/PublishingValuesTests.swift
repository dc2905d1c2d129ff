import Foundation
import Testing
@testable import Publishing

struct PublishingValuesTests {
    @Test func isoDurations() {
        #expect(LinkedDataObject.isoDuration(0) == "PT0S")
        #expect(LinkedDataObject.isoDuration(5) == "PT5S")
        #expect(LinkedDataObject.isoDuration(65.5) == "PT1M5.5S")
        #expect(LinkedDataObject.isoDuration(3600.25) == "PT1H0.25S")
        #expect(LinkedDataObject.isoDuration(.nan) == nil && LinkedDataObject.isoDuration(-1) == nil)
    }

    @Test func base64URLRoundTripsAndRejectsOtherForms() {
        for bytes in [[], [0], [0xFF, 0xFE], Array("2020-03-22\u{1F}abc".utf8), Array(0...255)] as [[UInt8]] {
            #expect(Base64URL.decode(Base64URL.encode(bytes)) == bytes)
        }
        #expect(Base64URL.decode("a+b/") == nil && Base64URL.decode("YQ==") == nil && Base64URL.decode("Y") == nil)
        #expect(Base64URL.decode("YR") == nil, "non-canonical trailing bits")
    }

    @Test func feedDates() {
        #expect(Publisher.feedDate("2020-03-22") == "2020-03-22T00:00:00Z")
        #expect(Publisher.feedDate("March 22") == nil && Publisher.feedDate("2020-3-22") == nil && Publisher.feedDate(nil) == nil)
    }

    @Test func percentEncoding() {
        #expect(PublicURLs.percentEncoded("a b&c=d/é") == "a%20b%26c%3Dd%2F%C3%A9")
    }

    @Test func originalNamesAreThePublicIdAndTheFormat() {
        #expect(PublicFiles.originalName(publicId: "abcdefghjkmn", format: "mp4") == "abcdefghjkmn.mp4")
        #expect(PublicFiles.originalName(publicId: "abcdefghjkmn", format: "m4a") == "abcdefghjkmn.m4a")
        #expect(PublicFiles.originalName(publicId: "abcdefghjkmn", format: "mkv") == "abcdefghjkmn.mkv")
        #expect(PublicFiles.originalName(publicId: "abcdefghjkmn", format: "jpeg") == nil, "stills are never originals")
        #expect(PublicFiles.originalName(publicId: "abcdefghjkmn", format: "../x") == nil)
    }

    @Test func mimeTypes() {
        let expected = ["mp4": "video/mp4", "m4a": "audio/mp4", "mov": "video/quicktime", "webm": "video/webm",
                        "mkv": "video/x-matroska", "mp3": "audio/mpeg", "flac": "audio/flac", "wav": "audio/wav",
                        "ogg": "audio/ogg", "vtt": "text/vtt; charset=utf-8", "jpeg": "image/jpeg",
                        "webp": "image/webp"]
        for (format, type) in expected {
            #expect(PublicFormat.mimeType(format) == type, "\(format)")
        }
        #expect(PublicFormat.mimeType("exe") == "application/octet-stream")
        #expect(PublicFormat.isAudiovisual("mp4"))
        #expect(PublicFormat.isAudiovisual("ogg"))
        #expect(!PublicFormat.isAudiovisual("vtt"))
        let withCodecs = PublicFormat.mimeType("mp4", codecs: "avc1.640028, mp4a.40.2")
        #expect(withCodecs == #"video/mp4; codecs="avc1.640028, mp4a.40.2""#)
        #expect(PublicFormat.mimeType("mp4", codecs: nil) == "video/mp4")
        #expect(PublicFormat.mimeType("mp4", codecs: #"avc1", x="y"#) == "video/mp4", "nothing that leaves the quotes")
    }

    @Test func nginxServesTheSameMediaTypes() {
        let config = NginxConfig.serverBlock(root: "/srv/export")
        for entry in ["video/mp4 mp4;", "audio/mp4 m4a;", "video/quicktime mov;", "video/webm webm;",
                      "video/x-matroska mkv;", "audio/mpeg mp3;", "audio/flac flac;", "audio/wav wav;", "audio/ogg ogg;",
                      "text/vtt vtt;", "image/jpeg jpg;"] {
            #expect(config.components(separatedBy: entry).count == 3, "\(entry) in /renditions/ and /originals/")
        }
        #expect(config.contains("charset_types text/vtt;"))
    }
}
