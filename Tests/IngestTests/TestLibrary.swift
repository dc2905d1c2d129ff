import Catalog
import Foundation
import Ingest
import TestSupport

/// A library folder, a catalog file and a rendition folder in a temporary place.
final class TestLibrary {
    let root: URL
    let library: URL
    let catalog: Catalog
    let options: IngestOptions

    init(_ configure: (inout IngestOptions) -> Void = { _ in }) throws {
        root = try Fixtures.temporaryFolder("ingest")
        library = root.appendingPathComponent("library")
        try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
        catalog = try Catalog(path: root.appendingPathComponent("catalog.sqlite").path)
        var options = IngestOptions(libraryRoot: library, renditionRoot: root.appendingPathComponent("renditions"))
        options.jobs = 2
        configure(&options)
        self.options = options
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Copies a fixture into the library at `path`.
    func add(_ fixture: String, as path: String) throws {
        let destination = library.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: destination)
        try FileManager.default.copyItem(atPath: Fixtures.path(fixture), toPath: destination.path)
    }

    func write(_ text: String, to path: String) throws {
        let destination = library.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: destination, atomically: true, encoding: .utf8)
    }

    @discardableResult
    func ingest(_ paths: [String]? = nil, _ configure: (inout IngestOptions) -> Void = { _ in }) throws -> IngestReport {
        var options = self.options
        configure(&options)
        return try Ingestor(catalog: catalog, options: options).run(paths ?? [library.path])
    }

    /// The crash-safety promises: a sound file, every asset with renditions, every rendition's file on disk.
    func invariantProblems() throws -> [String] {
        var problems: [String] = []
        if try catalog.integrityCheck() != ["ok"] { problems.append("integrity check failed") }
        let (bare, orphans) = try catalog.inconsistencies()
        problems += bare.map { "asset without renditions: \($0)" }
        if orphans > 0 { problems.append("\(orphans) renditions without an asset") }
        for path in try catalog.renditionPaths()
        where !FileManager.default.fileExists(atPath: options.renditionRoot.appendingPathComponent(path).path) {
            problems.append("rendition file missing: \(path)")
        }
        return problems
    }
}
