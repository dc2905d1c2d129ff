import Testing
@testable import Catalog

struct SearchTests {
    func catalog() throws -> Catalog {
        let catalog = try Catalog()
        try catalog.upsertCollection(slug: "i-love-westport", CollectionDescription(title: "I Love Westport", kind: .campaign, status: .published))
        try catalog.upsertCollection(slug: "parade-5", CollectionDescription(title: "Parade 5", status: .draft))
        func store(_ path: String, _ slug: String, _ values: [Asset.EditableField: String]) throws {
            let content = AssetContent(kind: .video, fileSize: 1, modifiedAt: 1, sha256: path, format: "mp4", mimeType: "video/mp4",
                                       mediaInfo: "{}", renditions: [])
            _ = try catalog.apply([.store(sourcePath: path, collectionSlug: slug, content: content, description: AssetDescription(values))])
        }
        try store("r.mp4", "i-love-westport", [.title: "A promise from a resident", .people: "Maria Santos", .status: "published"])
        try store("b.mp4", "i-love-westport", [.title: "A promise from a business owner", .caption: "Café on Main Street",
                                               .tags: "small business", .status: "draft"])
        try store("g.jpg", "parade-5", [.title: "The grand marshal", .altText: "Waving from an open car", .status: "published"])
        return catalog
    }

    @Test func prefixesPeopleCollectionTitlesAndDiacritics() throws {
        let c = try catalog()
        #expect(try c.search("promis").map(\.sourcePath).sorted() == ["b.mp4", "r.mp4"])
        #expect(try c.search("maria").map(\.sourcePath) == ["r.mp4"])
        #expect(try c.search("westport").count == 2)  // the collection title
        #expect(try c.search("cafe").map(\.sourcePath) == ["b.mp4"])
        #expect(try c.search("open car").map(\.sourcePath) == ["g.jpg"])
        #expect(try c.search("open truck").isEmpty)
    }

    @Test func draftsAreInvisibleWhenPublishedOnly() throws {
        let c = try catalog()
        #expect(try c.search("promise", publishedOnly: true).map(\.sourcePath) == ["r.mp4"])
        #expect(try c.search("marshal", publishedOnly: true).isEmpty)  // its collection is a draft
    }

    @Test func userTextCannotBreakTheQuery() throws {
        let c = try catalog()
        for text in ["\"", "AND", "promise OR", "NEAR(", "*", "title:x", "'; DROP TABLE asset; --", ""] {
            _ = try c.search(text)
        }
        #expect(try c.search("").isEmpty)
    }

    @Test func collectionRenameReindexes() throws {
        let c = try catalog()
        try c.editCollection(slug: "parade-5", field: "title", value: "Memorial Day 2023")
        #expect(try c.search("memorial").map(\.sourcePath) == ["g.jpg"])
    }
}
