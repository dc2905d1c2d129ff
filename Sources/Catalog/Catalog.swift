internal import Foundation
internal import GRDB

/// The catalog: one SQLite file, opened through a `DatabasePool` (WAL: a server reads while an
/// ingest writes). The only code in mediacat that talks to SQLite.
public final class Catalog: Sendable {
    let database: any DatabaseWriter
    /// The file, or nil for an in-memory catalog.
    public let path: String?

    /// Opens (creating it if needed) and migrates the catalog at `path`.
    public init(path: String) throws(CatalogError) {
        do {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            let pool = try DatabasePool(path: path, configuration: configuration)
            try CatalogMigrations.migrator.migrate(pool)
            database = pool
            self.path = path
        } catch {
            throw .cannotOpen(path: path, reason: "\(error)")
        }
    }

    /// An in-memory catalog through the same migrator, for tests.
    public init() throws(CatalogError) {
        do {
            let queue = try DatabaseQueue()
            try CatalogMigrations.migrator.migrate(queue)
            database = queue
            path = nil
        } catch {
            throw .cannotOpen(path: ":memory:", reason: "\(error)")
        }
    }

    /// Runs `work` in one transaction. Triggers bump the change counter when collections,
    /// assets or renditions change.
    func write<T>(_ work: (Database) throws -> T) throws -> T {
        try database.write(work)
    }

    func read<T>(_ work: (Database) throws -> T) throws -> T {
        try database.read(work)
    }

    /// Increases with every committed change: cached public documents older than it are stale.
    public func changeCounter() throws -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT counter FROM catalogChange WHERE id = 1") ?? 0 }
    }

    /// SQLite's own consistency check; "ok" when the file is sound.
    public func integrityCheck() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    public func setting(_ key: String) throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key]) }
    }

    public func setSetting(_ key: String, _ value: String) throws {
        try write { db in
            try db.execute(sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [key, value])
        }
    }

    private static let timestamp = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// Now, as stored: ISO 8601 UTC with milliseconds.
    static func now() -> String { Date().formatted(timestamp) }
}
