import Foundation
import Testing
@testable import Catalog
@testable import Publishing
import TestSupport

/// Web videos, clean originals and photo downloads in the documents: what a player, a feed
/// reader and a search engine are given, and that an unpublished original is nowhere.
@Suite(.serialized) struct MediaDocumentTests {
    let fixture: PublishedCatalogFixture
    let publisher: Publisher

    init() throws {
        fixture = try PublishedCatalogFixture.make()
        publisher = try Publisher(catalog: fixture.catalog, options: PublishingOptions())
    }

    func document(_ name: String) throws -> (asset: [String: Any], jsonLd: [String: Any]) {
        let body = try publisher.document(.asset(id: fixture.ids[name]!)).body
        let json = try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
        return (try #require(json["asset"] as? [String: Any]), try #require(json["jsonLd"] as? [String: Any]))
    }

    func url(_ name: String, _ variant: String) throws -> String {
        "/renditions/" + (try #require(try fixture.rendition(name, variant))).path
    }

    @Test func sourcesInPlaybackOrderWithCodecs() throws {
        defer { fixture.remove() }
        let sources = try #require(try document("psa1").asset["sources"] as? [[String: Any]])
        #expect(sources.map { $0["variant"] as? String } == ["web", "web-small"])
        #expect(sources.first?["mimeType"] as? String == #"video/mp4; codecs="avc1.640028, mp4a.40.2""#)
        #expect(sources.last?["mimeType"] as? String == #"video/mp4; codecs="avc1.42E01E, mp4a.40.2""#)
        let web = try #require(sources.first)
        #expect(web["url"] as? String == (try url("psa1", "web")))
        #expect(web["width"] as? Int == 1600)
        #expect(web["height"] as? Int == 1200)
        #expect(web["bytes"] as? Int == 100_000)
        #expect(web["bitRate"] as? Int == 2_500_000)
        #expect(web["duration"] as? Double == 30)
        #expect(Set(web.keys) == ["variant", "url", "mimeType", "width", "height", "bytes", "bitRate", "duration"])
        #expect(sources.last?["width"] as? Int == 640)
    }

    @Test func renditionLinksCarryCodecsBitRateAndDuration() throws {
        defer { fixture.remove() }
        let links = try #require(try document("psa1").asset["renditions"] as? [[String: Any]])
        let variants = links.compactMap { $0["variant"] as? String }
        #expect(variants == ["poster", "storyboard", "storyboard-cues", "thumb", "thumb", "web", "web-small"])
        let web = try #require(links.first { $0["variant"] as? String == "web" })
        #expect(web["codecs"] as? String == "avc1.640028, mp4a.40.2")
        #expect(web["mimeType"] as? String == "video/mp4")
        #expect(web["bitRate"] as? Int == 2_500_000)
        #expect(web["duration"] as? Double == 30)
        let thumb = try #require(links.first { $0["variant"] as? String == "thumb" })
        #expect(thumb["codecs"] == nil && thumb["bitRate"] == nil && thumb["duration"] == nil)
    }

    @Test func aVideoWithoutPublishedOriginalsHasSourcesButNoOriginal() throws {
        defer { fixture.remove() }
        let promise = try document("promiseA")
        #expect((promise.asset["sources"] as? [Any])?.count == 2)
        #expect(promise.asset["original"] == nil)
        let links = try #require(promise.asset["renditions"] as? [[String: Any]])
        #expect(!links.contains { $0["variant"] as? String == "original" })
        #expect(promise.jsonLd["contentUrl"] as? String == (try url("promiseA", "web")))
        #expect(promise.jsonLd["encodingFormat"] as? String == "video/mp4")
        // Its clean original is in no table of public files and no document.
        let hidden = try ["promiseA", "promiseB"].map { try #require(try fixture.rendition($0, "original")).path }
        for path in hidden {
            #expect(publisher.files.renditions[path] == nil)
            #expect(!publisher.files.originals.values.contains { $0.path == path })
        }
        for (_, request) in try publisher.exportedDocuments() {
            let text = String(decoding: try publisher.document(request).body, as: UTF8.self)
            #expect(!hidden.contains { text.contains($0) }, "\(request)")
            #expect(!text.contains("-original-"), "an original is linked only as /originals/<id>.<ext>: \(request)")
        }
    }

    @Test func thePublishedOriginalIsTheCleanRendition() throws {
        defer { fixture.remove() }
        let psa1 = fixture.ids["psa1"]!, radio = fixture.ids["radio"]!
        let video = try #require(try document("psa1").asset["original"] as? [String: Any])
        #expect(video["url"] as? String == "/originals/\(psa1).mp4")
        #expect(video["mimeType"] as? String == "video/mp4")
        #expect(video["bytes"] as? Int == 300_000)
        let row = try #require(try fixture.rendition("psa1", "original"))
        #expect(publisher.files.originals["\(psa1).mp4"]?.path == row.path, "served from the rendition root")
        let name = String(row.path.split(separator: "/").last?.split(separator: ".").first ?? "")
        #expect(publisher.files.originals["\(psa1).mp4"]?.etag == "\"\(name)\"", "the name is the content's address")
        let audio = try document("radio")
        let original = try #require(audio.asset["original"] as? [String: Any])
        #expect(original["url"] as? String == "/originals/\(radio).m4a")
        #expect(original["mimeType"] as? String == "audio/mp4")
        #expect(audio.asset["sources"] == nil, "audio has no web videos")
        #expect(audio.jsonLd["@type"] as? String == "AudioObject")
        #expect(audio.jsonLd["contentUrl"] as? String == "/originals/\(radio).m4a")
        #expect(audio.jsonLd["encodingFormat"] as? String == "audio/mp4")
    }

    @Test func photosHaveADownloadAndNoOriginal() throws {
        defer { fixture.remove() }
        let marching = try document("marching")
        let download = try #require(marching.asset["download"] as? [String: Any])
        #expect(download["url"] as? String == (try url("marching", "download")))
        #expect(download["mimeType"] as? String == "image/jpeg")
        #expect(download["width"] as? Int == 1600 && download["height"] as? Int == 1200)
        #expect(download["bytes"] as? Int == 2000)
        #expect(marching.asset["original"] == nil && marching.asset["sources"] == nil)
        #expect(marching.jsonLd["contentUrl"] as? String == (try url("marching", "download")))
        #expect(marching.jsonLd["encodingFormat"] as? String == "image/jpeg")
    }

    @Test func linkedDataOfAVideoIsItsWebRendition() throws {
        defer { fixture.remove() }
        let psa1 = try document("psa1").jsonLd
        #expect(psa1["@type"] as? String == "VideoObject")
        #expect(psa1["contentUrl"] as? String == (try url("psa1", "web")))
        #expect(psa1["encodingFormat"] as? String == "video/mp4")
        #expect(psa1["thumbnailUrl"] as? String == (try url("psa1", "poster")))
    }

    @Test func feedAttachmentsAreWebVideosAndPublishedAudio() throws {
        defer { fixture.remove() }
        let body = try publisher.document(.feed).body
        let feed = try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
        let items = try #require(feed["items"] as? [[String: Any]])
        let attachments = { (name: String) in
            items.first { $0["id"] as? String == self.fixture.ids[name] }?["attachments"] as? [[String: Any]] ?? []
        }
        for name in ["psa1", "promiseA"] {
            let found = attachments(name)
            let expected = [try url(name, "web"), try url(name, "web-small")]
            #expect(found.compactMap { $0["url"] as? String } == expected, "\(name)")
            #expect(found.allSatisfy { $0["mime_type"] as? String == "video/mp4" })
            #expect(found.allSatisfy { $0["duration_in_seconds"] as? Double == 30 })
        }
        #expect(attachments("psa1").first?["size_in_bytes"] as? Int == 100_000)
        let radio = attachments("radio")
        #expect(radio.compactMap { $0["url"] as? String } == ["/originals/\(fixture.ids["radio"]!).m4a"])
        #expect(radio.first?["mime_type"] as? String == "audio/mp4")
        #expect(radio.first?["size_in_bytes"] as? Int == 2400)
    }

    @Test func listsShowThumbnailsOnly() throws {
        defer { fixture.remove() }
        let page = try #require(try JSONSerialization.jsonObject(with: Data(
            publisher.document(.collection(slug: "westport-united")).body)) as? [String: Any])
        let assets = try #require(page["assets"] as? [[String: Any]])
        for asset in assets {
            #expect(asset["sources"] == nil && asset["original"] == nil && asset["download"] == nil)
            let variants = Set((asset["thumbnails"] as? [[String: Any]] ?? []).compactMap { $0["variant"] as? String })
            #expect(variants.isSubset(of: ["thumb"]))
        }
    }
}
