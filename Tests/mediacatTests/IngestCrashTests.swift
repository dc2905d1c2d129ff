import Catalog
import Foundation
import Testing
import TestSupport

/// SIGKILL an ingest at random moments: each time the catalog must open, pass
/// `PRAGMA integrity_check`, hold no asset without its renditions and no rendition without its
/// file; and the next run must complete the work.
struct IngestCrashTests {
    @Test func killedIngestsLeaveASoundCatalogAndResume() throws {
        let root = try Fixtures.temporaryFolder("crash")
        defer { try? FileManager.default.removeItem(at: root) }
        let library = root.appendingPathComponent("library")
        try FileManager.default.copyItem(at: Fixtures.sampleLibrary, to: library)
        let catalogPath = root.appendingPathComponent("catalog.sqlite").path
        let renditions = root.appendingPathComponent("renditions")
        let arguments = ["ingest", "--catalog", catalogPath, "--renditions", renditions.path, "--library", library.path,
                         "--jobs", "2", library.path]
        var generator = SystemRandomNumberGenerator()
        var log: [String] = []
        for attempt in 0..<5 {
            let delay = Double.random(in: 0.1...2.5, using: &generator)
            let process = Process()
            process.executableURL = CLIEndToEndTests.binary
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let catalog = try Catalog(path: catalogPath)
            let problems = try Self.problems(catalog, renditions: renditions)
            let stored = try catalog.allAssets().count
            log.append("kill \(attempt + 1) after \(String(format: "%.2f", delay)) s: \(stored) assets stored, "
                + (problems.isEmpty ? "catalog sound" : problems.joined(separator: "; ")))
            #expect(problems.isEmpty, "\(problems)")
        }
        let finish = Process()
        finish.executableURL = CLIEndToEndTests.binary
        finish.arguments = arguments
        finish.standardOutput = FileHandle.nullDevice
        finish.standardError = FileHandle.nullDevice
        try finish.run()
        finish.waitUntilExit()
        let catalog = try Catalog(path: catalogPath)
        #expect(finish.terminationStatus == 0)
        #expect(try catalog.allAssets().count == 30)
        #expect(try Self.problems(catalog, renditions: renditions).isEmpty)
        // What killed runs were writing (half a transcode, half a thumbnail) is gone once redone.
        let leftovers = (FileManager.default.enumerator(atPath: renditions.path)?.allObjects as? [String] ?? [])
            .filter { ($0 as NSString).lastPathComponent.hasPrefix(".tmp-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        log.append("resumed run: exit \(finish.terminationStatus), \(try catalog.allAssets().count) assets, catalog sound")
        print("crash test:\n  " + log.joined(separator: "\n  "))
    }

    static func problems(_ catalog: Catalog, renditions: URL) throws -> [String] {
        var problems: [String] = []
        let integrity = try catalog.integrityCheck()
        if integrity != ["ok"] { problems.append("integrity: \(integrity)") }
        let (bare, orphans) = try catalog.inconsistencies()
        problems += bare.map { "asset without renditions: \($0)" }
        if orphans > 0 { problems.append("\(orphans) renditions without an asset") }
        for path in try catalog.renditionPaths()
        where !FileManager.default.fileExists(atPath: renditions.appendingPathComponent(path).path) {
            problems.append("missing rendition file \(path)")
        }
        return problems
    }
}
