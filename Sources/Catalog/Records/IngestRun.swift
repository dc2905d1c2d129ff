public import GRDB

/// One `mediacat ingest` run and what it did.
public struct IngestRun: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var startedAt: String
    public var finishedAt: String?
    public var arguments: String
    public var added = 0
    public var updated = 0
    public var moved = 0
    public var unchanged = 0
    public var duplicates = 0
    public var failed = 0

    public static let databaseTableName = "ingestRun"

    public init(startedAt: String, arguments: String) {
        self.startedAt = startedAt
        self.arguments = arguments
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// A file an ingest could not take, and why, so staff can see what failed.
public struct IngestFailure: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var runId: Int64
    public var sourcePath: String
    public var reason: String
    public var failedAt: String

    public static let databaseTableName = "ingestFailure"

    public init(runId: Int64, sourcePath: String, reason: String, failedAt: String) {
        self.runId = runId
        self.sourcePath = sourcePath
        self.reason = reason
        self.failedAt = failedAt
    }
}
