import ArgumentParser
import Catalog
import Foundation
import Ingest

extension Mediacat {
    struct Ingest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add files and folders to the catalog: probe, render, store. Re-running is cheap and safe.",
            discussion: """
                Unchanged files (same path, size and modification time) are skipped without being \
                read. A moved or renamed file keeps its id, edits and renditions; a byte-identical \
                copy is reported, not stored twice; a changed file is re-probed and re-rendered and \
                keeps its staff edits. Files go to --collection, or to the collection of the nearest \
                collection.yaml above them. Exit status 1 when any file failed.
                """)

        @Argument(help: "Files or folders (recursively).", completion: .file())
        var paths: [String]

        @Option(help: "Put every file in this collection (created if new).")
        var collection: String?

        @Option(help: "Library root that source paths are relative to (default: remembered in the catalog, else the current folder).")
        var library: String?

        @Flag(help: "Print a JSON report with one entry per file.")
        var json = false

        @Flag(help: "Decide and report, write nothing.")
        var dryRun = false

        @Flag(help: "Stop at the first failure.")
        var strict = false

        @Option(help: "Files processed in parallel (default: one per core).")
        var jobs: Int?

        @OptionGroup var catalogOptions: CatalogOptions

        func validate() throws {
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
            if let collection, !MediaCollection.isValidSlug(collection) {
                throw ValidationError("--collection '\(collection)' is not a slug: use lowercase letters, digits and hyphens.")
            }
        }

        func run() throws {
            let catalog = dryRun ? try catalogOptions.openForDryRun() : try catalogOptions.open()
            var options = IngestOptions(libraryRoot: try catalogOptions.libraryRoot(catalog, requested: library, persist: !dryRun),
                                        renditionRoot: catalogOptions.renditionRoot)
            options.collection = collection
            options.dryRun = dryRun
            options.strict = strict
            options.jobs = jobs
            let progress = IngestProgress(showBar: !json && isatty(STDERR_FILENO) == 1)
            let report: IngestReport
            do {
                report = try Ingestor(catalog: catalog, options: options)
                    .run(paths, arguments: CommandLine.arguments.dropFirst().joined(separator: " "), onEvent: progress.handle)
            } catch {
                throw fail("\(error)")
            }
            progress.end()
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(report), as: UTF8.self))
            }
            for entry in report.entries where entry.action == .failed {
                printError("error: \(printable(entry.path)): \(printable(entry.detail ?? "failed"))")
            }
            printError("ingest: \(report.summary)")
            if report.hasFailures { throw ExitCode(1) }
        }
    }
}
