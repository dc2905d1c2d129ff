import Foundation
import Testing
@testable import Catalog
@testable import Publishing
import TestSupport

/// What the public documents contain, on a catalog built to tempt them into leaking.
@Suite(.serialized) struct PublisherTests {
    let fixture: PublishedCatalogFixture
    let publisher: Publisher

    init() throws {
        fixture = try PublishedCatalogFixture.make()
        publisher = try Publisher(catalog: fixture.catalog, options: PublishingOptions())
    }

    func json(_ request: DocumentRequest) throws -> [String: Any] {
        let document = try publisher.document(request)
        return try #require(try JSONSerialization.jsonObject(with: Data(document.body)) as? [String: Any])
    }

    func text(_ request: DocumentRequest) throws -> String {
        String(decoding: try publisher.document(request).body, as: UTF8.self)
    }

    /// Every document a reader can reach: each export file, and searches for every private word.
    func everyDocument() throws -> [String] {
        var texts = try publisher.exportedDocuments().map { try text($0.request) }
        for word in ["parade", "westport", "officers", "unreleased", "draft", "private", "consent", "group", "canon"] {
            texts.append(try text(.search(query: word)))
        }
        return texts
    }

    @Test func noPrivateStringInAnyDocument() throws {
        defer { fixture.remove() }
        let texts = try everyDocument()
        #expect(texts.count > 10)
        let hidden = ["draftPhoto", "psa3", "group"].map { fixture.ids[$0]! }
        for text in texts {
            let leaked = (PublishedCatalogFixture.secrets + hidden).filter { text.contains($0) }
            #expect(leaked.isEmpty, "\(leaked) in \(text.prefix(120))…")
        }
    }

    @Test func positionsOnlyWhereTheCollectionAllowsThem() throws {
        defer { fixture.remove() }
        let marching = try #require(try json(.asset(id: fixture.ids["marching"]!))["asset"] as? [String: Any])
        #expect(marching["location"] == nil)
        #expect(marching["original"] == nil, "a photo never has an original: its download is the public full size")
        let beach = try json(.asset(id: fixture.ids["beach"]!))
        let body = try #require(beach["asset"] as? [String: Any])
        let location = try #require(body["location"] as? [String: Double])
        #expect(location == ["latitude": 41.11612, "longitude": -73.3501])
        #expect(body["original"] == nil, "a photo's file is never published as it is, position allowed or not")
        let place = try #require((beach["jsonLd"] as? [String: Any])?["contentLocation"] as? [String: Any])
        #expect(place["@type"] as? String == "Place")
        let psa1 = try #require(try json(.asset(id: fixture.ids["psa1"]!))["asset"] as? [String: Any])
        #expect(psa1["location"] == nil, "the PSA series does not publish positions")
        #expect(psa1["original"] != nil, "the clean original carries neither the file's serial nor its position")
    }

    @Test func originalsOnlyWhereTheCollectionPublishesThem() throws {
        defer { fixture.remove() }
        let published = ["psa1", "psa2", "radio"].map { fixture.ids[$0]! }
        #expect(Set(publisher.files.originals.keys.map { String($0.prefix(12)) }) == Set(published))
        try fixture.catalog.editCollection(slug: "westport-united", field: "publishOriginals", value: "false")
        let fresh = try Publisher(catalog: fixture.catalog, options: PublishingOptions())
        #expect(fresh.files.originals.isEmpty)
        let document = try fresh.document(.asset(id: fixture.ids["psa1"]!))
        let psa1 = try #require(try JSONSerialization.jsonObject(with: Data(document.body)) as? [String: Any])
        let body = try #require(psa1["asset"] as? [String: Any])
        #expect(body["original"] == nil)
        #expect((body["sources"] as? [Any])?.count == 2, "web videos whatever the collection says about originals")
        let web = try #require(try fixture.rendition("psa1", "web"))
        #expect((psa1["jsonLd"] as? [String: Any])?["contentUrl"] as? String == "/renditions/" + web.path)
    }

    @Test func probedMetadataGivesCodecFactsOnly() throws {
        defer { fixture.remove() }
        let probed = try #require(ProbedMetadata.decode(#"{"kind":"video","bitRate":5,"camera":{"serialNumber":"1"},"#
            + #""streams":[{"kind":"video","codec":"h264","frameRate":29.97002997},{"kind":"audio","codec":"aac"}]}"#))
        #expect(probed.codecSummary.bitRate == 5)
        #expect(probed.codecSummary.video?.frameRate == 29.97)
        #expect(probed.codecSummary.audio?.codec == "aac")
        #expect(ProbedMetadata.decode("not json") == nil)
    }

    @Test func draftsAreNotFound() throws {
        defer { fixture.remove() }
        for hidden in ["draftPhoto", "psa3", "group"] {
            #expect(throws: PublishingError.self) { try publisher.document(.asset(id: fixture.ids[hidden]!)) }
        }
        #expect(throws: PublishingError.notFound("no published collection 'group-original'")) {
            try publisher.document(.collection(slug: "group-original"))
        }
        let slugs = try #require(try json(.collections)["collections"] as? [[String: Any]]).map { $0["slug"] as? String }
        #expect(slugs == ["i-love-westport", "parade-1", "shore", "westport-united"])
        let hidden = ["draftPhoto", "psa3", "group"].map { fixture.ids[$0]! }
        #expect(publisher.files.originals.keys.allSatisfy { name in !hidden.contains { name.hasPrefix($0) } })
        // 3 photos (thumb ×2, preview, download), 4 videos (thumb ×2, poster, storyboard, cues, web, web-small),
        // and the radio PSA, whose only rendition is its original.
        #expect(publisher.files.renditions.count == 3 * 4 + 4 * 7, "public renditions of the 8 visible assets only")
    }

    func order(_ slug: String, limit: Int? = nil, kind: String? = nil) throws -> [String] {
        var ids: [String] = []
        var cursor: String?
        repeat {
            let page = try json(.collection(slug: slug, cursor: cursor, limit: limit, kind: kind))
            ids += try #require(page["assets"] as? [[String: Any]]).compactMap { $0["id"] as? String }
            cursor = (page["page"] as? [String: Any])?["nextCursor"] as? String
        } while cursor != nil
        return ids
    }

    @Test func collectionsKeepTheirOrderAcrossPages() throws {
        defer { fixture.remove() }
        let id = { (name: String) in fixture.ids[name]! }
        #expect(try order("parade-1") == [id("marching"), id("salute")])
        #expect(try order("parade-1", limit: 1) == [id("marching"), id("salute")])
        #expect(try order("westport-united", limit: 1) == [id("psa1"), id("psa2"), id("radio")])
        #expect(try order("i-love-westport", limit: 1) == [id("promiseB"), id("promiseA")], "campaigns: newest first")
        #expect(try order("westport-united", kind: "photo").isEmpty)
    }

    @Test func cursorsSurviveChangesBetweenPages() throws {
        defer { fixture.remove() }
        let first = try json(.collection(slug: "westport-united", limit: 1))
        let cursor = try #require((first["page"] as? [String: Any])?["nextCursor"] as? String)
        // PSA #3 is published between the two page loads: the reader still sees #2 next, once.
        try fixture.catalog.editAsset(publicId: fixture.ids["psa3"]!, field: .status, value: "published")
        let fresh = try Publisher(catalog: fixture.catalog, options: PublishingOptions())
        let next = try #require(try JSONSerialization.jsonObject(with: Data(
            fresh.document(.collection(slug: "westport-united", cursor: cursor, limit: 1)).body)) as? [String: Any])
        #expect((next["assets"] as? [[String: Any]])?.first?["id"] as? String == fixture.ids["psa2"])
        #expect(fresh.changeCounter > publisher.changeCounter)
    }

    @Test func badPageRequestsAreRefused() throws {
        defer { fixture.remove() }
        for request in [DocumentRequest.collection(slug: "parade-1", limit: 0), .collection(slug: "parade-1", limit: 201),
                        .collection(slug: "parade-1", kind: "document"), .collection(slug: "parade-1", cursor: "not a cursor"),
                        .collection(slug: "parade-1", cursor: Base64URL.encode(Array("only-one-part".utf8))),
                        .collection(slug: "parade-1", cursor: String(repeating: "A", count: 600)),
                        .search(query: "   "), .search(query: String(repeating: "x", count: 201))] {
            #expect(throws: PublishingError.self, "\(request)") { try publisher.document(request) }
        }
        #expect(try json(.collection(slug: "parade-1", limit: 200))["page"] != nil)
    }

    @Test func feedListsPublishedVideosNewestFirst() throws {
        defer { fixture.remove() }
        let feed = try json(.feed)
        #expect(feed["version"] as? String == "https://jsonfeed.org/version/1.1")
        let items = try #require(feed["items"] as? [[String: Any]])
        let newestFirst = ["promiseB", "promiseA", "radio", "psa2", "psa1"].map { fixture.ids[$0]! }
        #expect(items.compactMap { $0["id"] as? String } == newestFirst)
        #expect(items.first?["date_published"] as? String == "2022-06-18T00:00:00Z")
        #expect(try publisher.document(.feed).contentType.hasPrefix("application/feed+json"))
    }

    @Test func searchFindsOnlyPublishedAssets() throws {
        defer { fixture.remove() }
        let results = try #require(try json(.search(query: "march"))["results"] as? [[String: Any]])
        #expect(results.compactMap { $0["id"] as? String } == [fixture.ids["marching"]!])
        #expect(try json(.search(query: "unreleased"))["count"] as? Int == 0)
        #expect(try json(.search(query: "officers"))["count"] as? Int == 0, "assets of a draft collection stay hidden")
    }

    @Test func documentsAreDeterministicWithStrongETags() throws {
        defer { fixture.remove() }
        let again = try Publisher(catalog: fixture.catalog, options: PublishingOptions())
        for (_, request) in try publisher.exportedDocuments() {
            let a = try publisher.document(request), b = try again.document(request)
            #expect(a.body == b.body && a.etag == b.etag && a.gzipped == b.gzipped)
            #expect(a.etag.hasPrefix("\"") && a.etag.hasSuffix("\"") && a.etag.count == 34)
            #expect(PublishedDocument.matches(ifNoneMatch: a.etag, a.etag))
            #expect(PublishedDocument.matches(ifNoneMatch: "W/\(a.gzipETag), \"x\"", a.gzipETag))
            #expect(!PublishedDocument.matches(ifNoneMatch: a.gzipETag, a.etag) && !PublishedDocument.matches(ifNoneMatch: "\"x\"", a.etag))
        }
    }

    @Test func baseURLMakesLinksAbsolute() throws {
        defer { fixture.remove() }
        let absolute = try Publisher(catalog: fixture.catalog, options: PublishingOptions(baseURL: "https://media.example.org/"))
        let text = String(decoding: try absolute.document(.asset(id: fixture.ids["psa1"]!)).body, as: UTF8.self)
        #expect(text.contains("\"url\":\"https://media.example.org/api/v1/assets/"))
        #expect(text.contains("\"thumbnailUrl\":\"https://media.example.org/renditions/"))
        #expect(PublishingOptions.isValidBaseURL("https://media.example.org"))
        #expect(!PublishingOptions.isValidBaseURL("javascript:alert(1)") && !PublishingOptions.isValidBaseURL("https://x.org/?a"))
    }
}
