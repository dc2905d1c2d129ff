import ArgumentParser
import Catalog
import Foundation
import Ingest

extension Mediacat {
    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Full-text search over titles, captions, alt text, tags, people and collection titles.")
        @Argument(help: "Words to find (each matches as a prefix; all must match).") var text: [String]
        @Option(help: "At most this many results.") var limit = 50
        @OptionGroup var catalogOptions: CatalogOptions

        func run() throws {
            let results = try catalogOptions.open().search(text.joined(separator: " "), limit: limit)
            for asset in results { print(AssetText.line(asset)) }
            printError("\(results.count) result\(results.count == 1 ? "" : "s")")
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check originals and renditions; --repair regenerates missing renditions.",
            discussion: "Exit status 1 when something is still wrong.")
        @Flag(help: "Re-render assets whose renditions are missing.") var repair = false
        @OptionGroup var catalogOptions: CatalogOptions

        func run() throws {
            let catalog = try catalogOptions.open()
            let refresh = AssetRefresh(catalog: catalog, options: IngestOptions(
                libraryRoot: try catalogOptions.libraryRoot(catalog, requested: nil), renditionRoot: catalogOptions.renditionRoot))
            let integrity = try catalog.integrityCheck()
            if integrity != ["ok"] { printError("error: catalog integrity check: \(integrity.joined(separator: "; "))") }
            var remaining = integrity == ["ok"] ? 0 : 1
            let assets = try catalog.allAssets()
            for asset in assets {
                var problems = try refresh.problems(asset).map(\.description)
                if repair, try refresh.problems(asset).contains(where: \.isRepairable) {
                    do {
                        _ = try refresh.rerender(asset)
                        print("repaired \(printable(asset.sourcePath)): renditions regenerated")
                        problems = try refresh.problems(asset).map(\.description)
                    } catch { problems.append("repair failed: \(error)") }
                }
                for problem in problems { printError("error: \(printable(asset.sourcePath)): \(problem)") }
                if !problems.isEmpty { remaining += 1 }
            }
            printError("verify: \(assets.count) assets, \(remaining) with problems")
            if remaining > 0 { throw ExitCode(1) }
        }
    }

    struct Failures: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Files that ingest could not take, and why (newest first).")
        @Option(help: "At most this many.") var limit = 100
        @OptionGroup var catalogOptions: CatalogOptions

        func run() throws {
            let failures = try catalogOptions.open().failures(limit: limit)
            for f in failures { print("\(f.failedAt)  \(printable(f.sourcePath)): \(printable(f.reason))") }
            if failures.isEmpty { printError("no failures recorded") }
        }
    }
}
