import Foundation
import Testing
@testable import Catalog
@testable import Publishing
import TestSupport

struct StaticExportTests {
    func export(_ fixture: PublishedCatalogFixture, to out: URL) throws -> (Publisher, StaticExport.Report) {
        let publisher = try Publisher(catalog: fixture.catalog, options: PublishingOptions())
        let report = try StaticExport(publisher: publisher, output: out, renditionRoot: fixture.renditions,
                                      libraryRoot: fixture.library).run()
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
        let originals = all.filter { $0.hasPrefix("originals/") }
        // Video files only (photo files are never published as they are).
        let expected = ["psa1", "psa2", "promiseA", "promiseB"]
        #expect(Set(originals.map { String($0.dropFirst(10).prefix(12)) }) == Set(expected.map { fixture.ids[$0]! }))
        #expect(all.filter { $0.hasPrefix("renditions/") }.count == publisher.files.renditions.count)
        #expect(FileManager.default.contents(atPath: out.appendingPathComponent("originals/\(fixture.ids["psa1"]!).mp4").path)
            == FileManager.default.contents(atPath: fixture.library.appendingPathComponent("westport-united/psa-1.mp4").path))
        for path in all {
            let leaked = PublishedCatalogFixture.secrets.filter { path.contains($0) }
            #expect(leaked.isEmpty, "\(path)")
        }
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
        #expect(!remaining.contains { $0.hasPrefix("renditions/25/25/") }, "and so are its renditions")
        #expect(third.removed >= 7 && third.written > 0)
    }

    @Test func changedOrEscapingOriginalsAreNotCopied() throws {
        let fixture = try PublishedCatalogFixture.make()
        defer { fixture.remove() }
        let out = fixture.folder.appendingPathComponent("export")
        // Changed after ingest (it may now carry a position nobody reviewed) …
        let psa2 = fixture.library.appendingPathComponent("westport-united/psa-2.mp4")
        try Data(repeating: 7, count: 5000).write(to: psa2)
        // … and replaced by a link out of the library.
        let promise = fixture.library.appendingPathComponent("i-love-westport/resident.mp4")
        let outside = fixture.folder.appendingPathComponent("outside.mp4")
        try Data(repeating: 1, count: 1500).write(to: outside)
        try FileManager.default.removeItem(at: promise)
        try FileManager.default.createSymbolicLink(at: promise, withDestinationURL: outside)
        let (_, report) = try export(fixture, to: out)
        #expect(report.failures.count == 2)
        #expect(report.failures.allSatisfy { $0.contains("changed since it was ingested, or outside its folder") })
        let originals = files(under: out).filter { $0.hasPrefix("originals/") }
        #expect(!originals.contains { $0.contains(fixture.ids["psa2"]!) || $0.contains(fixture.ids["promiseA"]!) })
        #expect(originals.contains { $0.contains(fixture.ids["psa1"]!) })
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
