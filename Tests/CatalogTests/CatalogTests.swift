import Glibc
import Testing
@testable import Catalog

struct CatalogTests {
    func content(_ sha: String, renditions: [String] = ["ab/cd/x-thumb.jpg"]) -> AssetContent {
        var c = AssetContent(kind: .photo, fileSize: 10, modifiedAt: 1, sha256: sha, format: "jpeg", mimeType: "image/jpeg",
                             mediaInfo: "{}", renditions: renditions.map {
                                 RenditionContent(variant: "thumb", format: "jpeg", width: 4, height: 3, bytes: 9, path: $0, thumbHash: "h")
                             })
        c.captureTime = "2020-03-22T10:00:00Z"
        return c
    }

    @Test func migratorBuildsTheSchema() throws {
        let catalog = try Catalog()
        #expect(try catalog.integrityCheck() == ["ok"])
        #expect(try catalog.collections().isEmpty)
        #expect(try catalog.changeCounter() == 0)
    }

    @Test func naturalSortOrder() throws {
        let catalog = try Catalog()
        for (slug, title) in [("parade-10", "Parade 10"), ("parade-5", "Parade 5"), ("bw-cars", "BW Cars"), ("parade-1", "Parade 1")] {
            try catalog.upsertCollection(slug: slug, CollectionDescription(title: title))
        }
        #expect(try catalog.collections().map(\.title) == ["BW Cars", "Parade 1", "Parade 5", "Parade 10"])
        #expect(NaturalSort.key("PSA #2") < NaturalSort.key("PSA #10"))
        #expect(NaturalSort.key("Parade 007") == NaturalSort.key("Parade 7"))
    }

    @Test func slugs() {
        #expect(MediaCollection.slug(from: "Parade 5") == "parade-5")
        #expect(MediaCollection.slug(from: "  I Love Westport!! ") == "i-love-westport")
        #expect(MediaCollection.isValidSlug("westport-united"))
        #expect(!MediaCollection.isValidSlug("-x") && !MediaCollection.isValidSlug("A") && !MediaCollection.isValidSlug("a/b"))
    }

    @Test func staffEditsWinOverManifests() throws {
        let catalog = try Catalog()
        try catalog.upsertCollection(slug: "parade-1", CollectionDescription(title: "Parade 1", description: "From the manifest"))
        try catalog.editCollection(slug: "parade-1", field: "title", value: "Memorial Day 2019")
        try catalog.upsertCollection(slug: "parade-1", CollectionDescription(title: "Parade One", description: "Changed manifest"))
        let collection = try #require(try catalog.collection(slug: "parade-1"))
        #expect(collection.title == "Memorial Day 2019")
        #expect(collection.description == "Changed manifest")
        #expect(collection.editedFields == ["title"])
    }

    @Test func storeMoveTouchAndEdits() throws {
        let catalog = try Catalog()
        try catalog.upsertCollection(slug: "g", CollectionDescription(title: "G"))
        _ = try catalog.apply([.store(sourcePath: "a.jpg", collectionSlug: "g", content: content("s1"),
                                  description: AssetDescription([.title: "From manifest", .tags: "parade, Parade, flags"]))])
        var asset = try #require(try catalog.asset(sourcePath: "a.jpg"))
        #expect(asset.publicId.count == 12 && asset.title == "From manifest" && asset.tags == ["parade", "flags"])
        asset = try catalog.editAsset(publicId: asset.publicId, field: .title, value: "Staff title")
        _ = try catalog.apply([.moves([Move(assetId: asset.id!, path: "moved/a.jpg", fileSize: 10, modifiedAt: 2,
                                            collectionSlug: "g", description: .init())])])
        // New content at the new path, and a manifest that still says otherwise: the edit stays.
        _ = try catalog.apply([.store(sourcePath: "moved/a.jpg", collectionSlug: "g", content: content("s2", renditions: ["ef/gh/y.jpg"]),
                                  description: AssetDescription([.title: "From manifest", .caption: "New caption"]))])
        let after = try #require(try catalog.asset(publicId: asset.publicId))
        #expect(after.sourcePath == "moved/a.jpg" && after.sha256 == "s2")
        #expect(after.title == "Staff title" && after.caption == "New caption")
        #expect(try catalog.renditions(assetId: after.id!).map(\.path) == ["ef/gh/y.jpg"])
        #expect(try catalog.fingerprints()["moved/a.jpg"]?.hasRenditions == true)
    }

    @Test func releasedRenditionPaths() throws {
        let catalog = try Catalog()
        try catalog.upsertCollection(slug: "g", CollectionDescription(title: "G"))
        _ = try catalog.apply([.store(sourcePath: "a.jpg", collectionSlug: "g", content: content("s1", renditions: ["old.jpg"]), description: .init())])
        let outcome = try catalog.apply([.store(sourcePath: "a.jpg", collectionSlug: "g", content: content("s2", renditions: ["new.jpg"]),
                                                description: .init())])
        #expect(outcome.released == ["old.jpg"])
    }

    /// Two files that swapped names swap assets: the moves leave their paths first.
    @Test func swappedMoves() throws {
        let catalog = try Catalog()
        try catalog.upsertCollection(slug: "g", CollectionDescription(title: "G"))
        _ = try catalog.apply([.store(sourcePath: "a.jpg", collectionSlug: "g", content: content("s1"), description: .init()),
                               .store(sourcePath: "b.jpg", collectionSlug: "g", content: content("s2"), description: .init())])
        let a = try #require(try catalog.asset(sourcePath: "a.jpg")), b = try #require(try catalog.asset(sourcePath: "b.jpg"))
        let outcome = try catalog.apply([.moves([
            Move(assetId: a.id!, path: "b.jpg", fileSize: 10, modifiedAt: 3, collectionSlug: "g", description: .init()),
            Move(assetId: b.id!, path: "a.jpg", fileSize: 10, modifiedAt: 3, collectionSlug: "g", description: .init())])])
        #expect(outcome.failures.isEmpty)
        #expect(try catalog.asset(sourcePath: "b.jpg")?.publicId == a.publicId)
        #expect(try catalog.asset(sourcePath: "a.jpg")?.publicId == b.publicId)
    }

    /// One bad change in a batch fails alone, with a reason naming the other file; the rest commit.
    @Test func aFailingChangeDoesNotSinkItsBatch() throws {
        let catalog = try Catalog()
        try catalog.upsertCollection(slug: "psa", CollectionDescription(title: "PSA", kind: .psaSeries))
        let run = try catalog.startRun(arguments: "test")
        let outcome = try catalog.apply([
            .store(sourcePath: "p1.mp4", collectionSlug: "psa", content: content("a"), description: AssetDescription([.psaNumber: "1"])),
            .store(sourcePath: "p2.mp4", collectionSlug: "psa", content: content("b"), description: AssetDescription([.psaNumber: "1"])),
            .store(sourcePath: "p3.mp4", collectionSlug: "psa", content: content("c"), description: AssetDescription([.psaNumber: "3"])),
        ], runId: run)
        #expect(outcome.failures.map(\.path) == ["p2.mp4"])
        #expect(outcome.failures.first?.reason == "PSA number 1 is already used by p1.mp4")
        #expect(try catalog.allAssets().map(\.sourcePath) == ["p1.mp4", "p3.mp4"])
        #expect(try catalog.failures().map(\.sourcePath) == ["p2.mp4"])
        #expect(try catalog.renditionPaths().count == 1)  // p1 and p3 share the fixture path
    }

    @Test func psaNumbersAreUniqueInASeries() throws {
        let catalog = try Catalog()
        try catalog.upsertCollection(slug: "psa", CollectionDescription(title: "PSA", kind: .psaSeries))
        _ = try catalog.apply([.store(sourcePath: "1.mp4", collectionSlug: "psa", content: content("a"), description: AssetDescription([.psaNumber: "1"])),
                           .store(sourcePath: "2.mp4", collectionSlug: "psa", content: content("b"), description: AssetDescription([.psaNumber: "2"]))])
        let second = try #require(try catalog.asset(sourcePath: "2.mp4"))
        #expect(throws: CatalogError.conflict("PSA number 1 is already used by 1.mp4")) {
            try catalog.editAsset(publicId: second.publicId, field: .psaNumber, value: "1")
        }
        #expect(throws: CatalogError.self) { try catalog.editAsset(publicId: second.publicId, field: .psaNumber, value: "zero") }
        #expect(try catalog.assets(inCollection: "psa").map(\.psaNumber) == [1, 2])
    }

    @Test func fieldValidation() throws {
        var asset = Asset(publicId: "x", collectionId: 1, kind: .photo, sourcePath: "a", fileSize: 0, modifiedAt: 0, sha256: "",
                          format: "", mimeType: "", mediaInfo: "{}", tags: [], people: [], status: .draft, editedFields: [],
                          createdAt: "", updatedAt: "")
        #expect(throws: CatalogError.self) { try asset.set(.publishedDate, to: "2020-02-30") }
        #expect(throws: CatalogError.self) { try asset.set(.status, to: "public") }
        #expect(throws: CatalogError.self) { try asset.set(.posterTime, to: "-1") }
        #expect(try asset.set(.people, to: " Maria Santos , , Tom Keller "))
        #expect(asset.people == ["Maria Santos", "Tom Keller"])
    }

    /// The counter moves when public content changes, not for ingest bookkeeping or no-ops.
    @Test func changeCounterCountsContentChanges() throws {
        let catalog = try Catalog()
        try catalog.upsertCollection(slug: "g", CollectionDescription(title: "G"))
        let before = try catalog.changeCounter()
        #expect(before > 0)
        let run = try catalog.startRun(arguments: "")
        try catalog.finishRun(run, counts: (0, 0, 0, 0, 0, 0))
        try catalog.setSetting("libraryRoot", "/x")
        try catalog.upsertCollection(slug: "g", CollectionDescription(title: "G"))  // nothing changes
        #expect(try catalog.changeCounter() == before)
        try catalog.editCollection(slug: "g", field: "status", value: "published")
        #expect(try catalog.changeCounter() > before)
    }

    @Test func multiFieldEditsAreAllOrNothing() throws {
        let catalog = try Catalog()
        try catalog.upsertCollection(slug: "g", CollectionDescription(title: "G"))
        #expect(throws: CatalogError.self) {
            try catalog.editCollection(slug: "g", changes: [("title", "Renamed"), ("kind", "bogus")])
        }
        #expect(try catalog.collection(slug: "g")?.title == "G")
    }

    @Test func fileTimesSaturate() {
        #expect(FileTime.nanoseconds(timespec(tv_sec: 1_795_816_182, tv_nsec: 5)) == 1_795_816_182_000_000_005)
        #expect(FileTime.nanoseconds(timespec(tv_sec: -1, tv_nsec: 999_999_999)) == -1)
        #expect(FileTime.nanoseconds(timespec(tv_sec: 10_413_792_000, tv_nsec: 0)) == .max)
        #expect(FileTime.nanoseconds(timespec(tv_sec: -10_413_792_000, tv_nsec: 0)) == .min)
        #expect(FileTime.nanoseconds(timespec(tv_sec: 9_223_372_036, tv_nsec: 999_999_999)) == .max)
    }
}
