import ArgumentParser
import Catalog
import Foundation

/// Where the catalog and its renditions live: flags over environment over defaults.
struct CatalogOptions: ParsableArguments {
    @Option(help: "The catalog file (default: $MEDIACAT_CATALOG, else catalogs/westport.sqlite).")
    var catalog: String?

    @Option(help: "Folder for renditions (default: 'renditions' beside the catalog).")
    var renditions: String?

    var catalogPath: String {
        catalog ?? ProcessInfo.processInfo.environment["MEDIACAT_CATALOG"] ?? "catalogs/westport.sqlite"
    }

    var renditionRoot: URL {
        renditions.map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: catalogPath).deletingLastPathComponent().appendingPathComponent("renditions")
    }

    func open() throws -> Catalog {
        do { return try Catalog(path: catalogPath) } catch { throw CleanExit.message(error.description) }
    }

    /// The library root: `--library` on first use, remembered in the catalog after that.
    func libraryRoot(_ catalog: Catalog, requested: String?) throws -> URL {
        let stored = try catalog.setting("libraryRoot")
        if let requested {
            let url = URL(fileURLWithPath: requested).standardizedFileURL
            if let stored, stored != url.path {
                throw ValidationError("this catalog's library root is \(stored); --library \(url.path) would change every source path")
            }
            if stored == nil { try catalog.setSetting("libraryRoot", url.path) }
            return url
        }
        if let stored { return URL(fileURLWithPath: stored) }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL
        try catalog.setSetting("libraryRoot", cwd.path)
        return cwd
    }
}

/// Prints a failure as one line and exits 1, the way every command reports a problem.
func fail(_ message: String) -> ExitCode {
    printError("error: \(message)")
    return ExitCode(1)
}
