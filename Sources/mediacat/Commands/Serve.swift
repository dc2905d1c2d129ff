import ArgumentParser
import Catalog
import CatalogServer
import Foundation
import Logging
import Publishing

extension Mediacat {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the published catalog: JSON API, renditions and originals.",
            discussion: """
                Serves only what is published. Keeps serving while an ingest runs in another process; \
                changes show within a quarter second. Stop with Ctrl-C (or SIGTERM): requests in flight finish first.
                """)

        @OptionGroup var catalogOptions: CatalogOptions
        @OptionGroup var publishing: PublishingFlags

        @Option(help: "Address to listen on.")
        var host = "127.0.0.1"

        @Option(help: "Port to listen on.")
        var port = 8080

        @Option(name: .customLong("cors-origin"), help: "An origin allowed to read the API from a browser (repeatable; '*' for any).")
        var corsOrigins: [String] = []

        @Option(help: "Log level: trace, debug, info (one line per request), notice, warning, error.")
        var logLevel = "info"

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
            guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("unknown --log-level '\(logLevel)'") }
            for origin in corsOrigins where origin != "*" && !PublishingOptions.isValidBaseURL(origin) {
                throw ValidationError("--cors-origin must be '*' or an origin like https://www.westportct.gov: \(origin)")
            }
        }

        func run() async throws {
            guard FileManager.default.fileExists(atPath: catalogOptions.catalogPath) else {
                throw fail("no catalog at \(catalogOptions.catalogPath): run `mediacat ingest` first")
            }
            let catalog = try catalogOptions.open()
            let arguments = ServeArguments(
                host: host, port: port, corsOrigins: corsOrigins.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 },
                renditionRoot: catalogOptions.renditionRoot, publishing: publishing.options,
                logLevel: Logger.Level(rawValue: logLevel) ?? .info)
            printError("serving \(catalogOptions.catalogPath) at http://\(host):\(port)/api/v1/collections")
            do { try await runServer(arguments, catalog: catalog) } catch { throw fail("server stopped: \(error)") }
        }
    }
}

struct ServeArguments: ServerArguments {
    var host: String
    var port: Int
    var corsOrigins: [String]
    var renditionRoot: URL
    var publishing: PublishingOptions
    var logLevel: Logger.Level
}
