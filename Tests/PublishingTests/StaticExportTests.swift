import Foundation
import Testing
@testable import Catalog
@testable import Publishing
import TestSupport

struct StaticExportTests {
    func export(_ fixture: PublishedCatalogFixture, to out: URL) throws -> (Publisher, StaticExport.Report) {
        let publisher = try Publisher(catalog: fixture.catalog, options: PublishingOptions())
        let report = try StaticExport(publisher: publisher, output: out, renditionRoot: fixture.renditions).run()
        return (publisher, report)
    }

    func files(under folder: URL) -> Set<String> {
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        var found: Set<String> = []
        while let url = walker?.nextObject() as? URL {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                found.insert(String(url.path.dropFirst(folder.path.count + 1)))
            }
        }
        return found
    }

    @Test func exportHoldsTheServerBytesAndOnlyPublicFiles() throws {
        let fixture = try PublishedCatalogFixture.make()
        defer { fixture.remove() }
        // Nothing public comes from the library: the export needs only the rendition root.
        try FileManager.default.removeItem(at: fixture.library)
        let out = fixture.folder.appendingPathComponent("export")
        let (publisher, report) = try export(fixture, to: out)
        #expect(report.failures.isEmpty, "\(report.failures)")
        for (path, request) in try publisher.exportedDocuments() {
            let document = try publisher.document(request)
            #expect(FileManager.default.contents(atPath: out.appendingPathComponent(path).path) == Data(document.body), "\(path)")
            if let gzipped = document.gzipped {
                #expect(FileManager.default.contents(atPath: out.appendingPathComponent(path + ".gz").path) == Data(gzipped))
            }
        }
        let all = files(under: out)
        #expect(all.filter { $0.hasPrefix("renditions/") }.count == publisher.files.renditions.count)
        for path in all {
            let leaked = PublishedCatalogFixture.secrets.filter { path.contains($0) }
            #expect(leaked.isEmpty, "\(path)")
        }
        for (_, text) in try texts(of: all, in: out) {
            let leaked = PublishedCatalogFixture.secrets.filter { text.contains($0) }
            #expect(leaked.isEmpty, "\(leaked)")
        }
    }

    @Test func originalsAreTheCleanRenditionsAndOnlyWherePublished() throws {
        let fixture = try PublishedCatalogFixture.make()
        defer { fixture.remove() }
        let out = fixture.folder.appendingPathComponent("export")
        let (_, report) = try export(fixture, to: out)
        #expect(report.failures.isEmpty, "\(report.failures)")
        let all = files(under: out)
        let originals = all.filter { $0.hasPrefix("originals/") }
        let psa1 = fixture.ids["psa1"]!, psa2 = fixture.ids["psa2"]!, radio = fixture.ids["radio"]!
        #expect(originals == ["originals/\(psa1).mp4", "originals/\(psa2).mp4", "originals/\(radio).m4a"],
                "video and audio of the collection that publishes originals; no photo, no campaign video")
        let clean = try #require(try fixture.rendition("psa1", "original"))
        let exported = FileManager.default.contents(atPath: out.appendingPathComponent("originals/\(psa1).mp4").path)
        let rendition = fixture.renditions.appendingPathComponent(clean.path)
        let libraryFile = fixture.library.appendingPathComponent("westport-united/psa-1.mp4")
        #expect(exported == FileManager.default.contents(atPath: rendition.path))
        #expect(exported != FileManager.default.contents(atPath: libraryFile.path))
        // No original is ever a file under renditions/, published or not.
        for name in ["psa1", "promiseA", "promiseB", "radio"] {
            let path = try #require(try fixture.rendition(name, "original")).path
            #expect(!all.contains("renditions/" + path), "\(name)")
        }
        // Web videos are exported like any rendition, for the campaign too.
        let web = try #require(try fixture.rendition("promiseA", "web"))
        #expect(all.contains("renditions/" + web.path))

        try fixture.catalog.editCollection(slug: "westport-united", field: "publishOriginals", value: "false")
        let (_, again) = try export(fixture, to: out)
        #expect(again.failures.isEmpty)
        #expect(files(under: out).filter { $0.hasPrefix("originals/") }.isEmpty, "withdrawn originals are removed")
    }

    @Test func reExportRewritesOnlyChangesAndRemovesWhatIsNoLongerPublic() throws {
        let fixture = try PublishedCatalogFixture.make()
        defer { fixture.remove() }
        let out = fixture.folder.appendingPathComponent("export")
        let (_, first) = try export(fixture, to: out)
        let (_, again) = try export(fixture, to: out)
        #expect(first.written > 40, "\(first)")
        #expect(again.written == 0 && again.removed == 0 && again.unchanged == first.written, "\(again)")

        let psa1 = fixture.ids["psa1"]!
        try fixture.catalog.editAsset(publicId: psa1, field: .status, value: "draft")
        let (_, third) = try export(fixture, to: out)
        let remaining = files(under: out)
        #expect(!remaining.contains { $0.contains(psa1) }, "the unpublished PSA's document and original are gone")
        let thumb = try #require(try fixture.rendition("psa1", "thumb"))
        #expect(!remaining.contains { $0.hasPrefix("renditions/" + thumb.path.prefix(6)) }, "and so are its renditions")
        #expect(third.removed >= 7 && third.written > 0)
    }

    @Test func changedOrEscapingRenditionsAreNotCopied() throws {
        let fixture = try PublishedCatalogFixture.make()
        defer { fixture.remove() }
        let out = fixture.folder.appendingPathComponent("export")
        // A clean original that is not the size the catalog recorded …
        let psa2 = try #require(try fixture.rendition("psa2", "original"))
        try Data(repeating: 7, count: 10).write(to: fixture.renditions.appendingPathComponent(psa2.path))
        // … and one replaced by a link out of the rendition root.
        let radio = try #require(try fixture.rendition("radio", "original"))
        let outside = fixture.folder.appendingPathComponent("outside.m4a")
        try Data(repeating: 1, count: radio.bytes).write(to: outside)
        let link = fixture.renditions.appendingPathComponent(radio.path)
        try FileManager.default.removeItem(at: link)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: outside)
        let (_, report) = try export(fixture, to: out)
        #expect(report.failures.count == 2)
        #expect(report.failures.allSatisfy { $0.contains("changed since it was rendered, or outside the rendition") })
        let originals = files(under: out).filter { $0.hasPrefix("originals/") }
        #expect(originals == ["originals/\(fixture.ids["psa1"]!).mp4"])
    }

    /// Every text file of the export (documents, their gzip copies excluded, and cue files).
    func texts(of paths: Set<String>, in folder: URL) throws -> [(String, String)] {
        try paths.filter { $0.hasSuffix(".json") || $0.hasSuffix(".vtt") }.sorted().map { path in
            (path, String(decoding: try Data(contentsOf: folder.appendingPathComponent(path)), as: UTF8.self))
        }
    }

    @Test func rootedFolderRefusesWaysOut() throws {
        let folder = try Fixtures.temporaryFolder("rooted")
        defer { try? FileManager.default.removeItem(at: folder) }
        let root = folder.appendingPathComponent("root")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: root.appendingPathComponent("sub/file.txt"))
        try Data("secret".utf8).write(to: folder.appendingPathComponent("secret.txt"))
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("link.txt"),
                                                   withDestinationURL: folder.appendingPathComponent("secret.txt"))
        let rooted = try #require(RootedFolder(root))
        #expect(rooted.file("sub/file.txt")?.size == 1)
        for hostile in ["../secret.txt", "sub/../../secret.txt", "/etc/passwd", "link.txt", "sub", "", "sub//file.txt",
                        "sub/./file.txt/..", "sub/file.txt\0"] {
            #expect(rooted.file(hostile) == nil, "\(hostile)")
        }
        #expect(RootedFolder(folder.appendingPathComponent("missing")) == nil)
    }
}
