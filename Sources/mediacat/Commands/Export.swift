import ArgumentParser
import Catalog
import Foundation
import Publishing

extension Mediacat {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the published catalog as static files for any web host or CDN.",
            discussion: """
                Writes the documents `mediacat serve` returns (the same bytes, plus .gz copies), the renditions and \
                the published originals. Run it again after changes: only what changed is rewritten, and what is no \
                longer published is removed. Search needs the live server. --nginx-config prints a server block \
                that serves the folder at the same URLs.
                """)

        @OptionGroup var catalogOptions: CatalogOptions
        @OptionGroup var publishing: PublishingFlags

        @Option(help: "The folder to write (default: 'export' beside the catalog).")
        var out: String?

        @Flag(help: "Print an nginx server block for the folder instead of exporting.")
        var nginxConfig = false

        @Option(help: "With --nginx-config: the address nginx listens on.")
        var listen = "127.0.0.1:8081"

        var outputFolder: URL {
            out.map { URL(fileURLWithPath: $0) }
                ?? URL(fileURLWithPath: catalogOptions.catalogPath).deletingLastPathComponent().appendingPathComponent("export")
        }

        func run() throws {
            let output = outputFolder.standardizedFileURL
            if nginxConfig {
                print(NginxConfig.serverBlock(root: output.path, listen: listen), terminator: "")
                return
            }
            guard FileManager.default.fileExists(atPath: catalogOptions.catalogPath) else {
                throw fail("no catalog at \(catalogOptions.catalogPath): run `mediacat ingest` first")
            }
            let catalog = try catalogOptions.open()
            let report: StaticExport.Report
            do {
                let publisher = try Publisher(catalog: catalog, options: publishing.options)
                report = try StaticExport(publisher: publisher, output: output,
                                          renditionRoot: catalogOptions.renditionRoot).run()
            } catch {
                throw fail("cannot export to \(output.path): \(error)")
            }
            for failure in report.failures { printError("error: \(failure)") }
            print("export: \(report.written) written, \(report.unchanged) unchanged, \(report.removed) removed, \(report.failures.count) failed")
            if !report.failures.isEmpty { throw ExitCode(1) }
        }
    }
}
