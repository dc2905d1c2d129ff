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
        do { return try Catalog(path: catalogPath) } catch { throw fail(error.description) }
    }

    /// The catalog for a dry run: the real one when it exists (read, not written), else an
    /// empty one in memory, so a dry run never creates a file.
    func openForDryRun() throws -> Catalog {
        guard FileManager.default.fileExists(atPath: catalogPath) else {
            do { return try Catalog() } catch { throw fail(error.description) }
        }
        return try open()
    }

    /// The library root: `--library` on first use, remembered in the catalog after that
    /// (unless `persist` is false: a dry run remembers nothing).
    func libraryRoot(_ catalog: Catalog, requested: String?, persist: Bool = true) throws -> URL {
        let stored = try catalog.setting("libraryRoot")
        if let requested {
            let url = URL(fileURLWithPath: requested).standardizedFileURL
            if let stored, stored != url.path {
                throw ValidationError("this catalog's library root is \(stored); --library \(url.path) would change every source path")
            }
            if stored == nil, persist { try catalog.setSetting("libraryRoot", url.path) }
            return url
        }
        if let stored { return URL(fileURLWithPath: stored) }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL
        if persist { try catalog.setSetting("libraryRoot", cwd.path) }
        return cwd
    }
}

/// Prints a failure as one line and exits 1, the way every command reports a problem.
func fail(_ message: String) -> ExitCode {
    printError("error: \(message)")
    return ExitCode(1)
}
