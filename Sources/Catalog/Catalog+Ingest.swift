public import GRDB

/// What the catalog remembers of a file to decide, without reading it, that it is unchanged.
public struct Fingerprint: Sendable, Equatable {
    public var assetId: Int64
    public var fileSize: Int64
    public var modifiedAt: Int64
    public var sha256: String
    /// False when a crash or a failed render left the asset without its renditions.
    public var hasRenditions: Bool
}

/// The probed facts and renditions of one file, as ingest hands them to the catalog.
public struct AssetContent: Sendable, Equatable {
    public var kind: Asset.Kind
    public var fileSize: Int64
    public var modifiedAt: Int64
    public var sha256: String
    public var format: String
    public var mimeType: String
    public var width: Int?
    public var height: Int?
    public var displayWidth: Int?
    public var displayHeight: Int?
    public var duration: Double?
    public var captureTime: String?
    public var captureTimeLocal: String?
    public var captureOffset: String?
    public var latitude: Double?
    public var longitude: Double?
    public var mediaInfo: String
    public var thumbHash: String?
    public var posterTimeUsed: Double?
    public var renditions: [RenditionContent]

    public init(kind: Asset.Kind, fileSize: Int64, modifiedAt: Int64, sha256: String, format: String, mimeType: String,
                mediaInfo: String, renditions: [RenditionContent]) {
        self.kind = kind
        self.fileSize = fileSize
        self.modifiedAt = modifiedAt
        self.sha256 = sha256
        self.format = format
        self.mimeType = mimeType
        self.mediaInfo = mediaInfo
        self.renditions = renditions
    }
}

public struct RenditionContent: Sendable, Equatable {
    public var variant: String
    public var format: String
    public var width: Int?
    public var height: Int?
    public var bytes: Int
    public var path: String
    public var thumbHash: String?

    public init(variant: String, format: String, width: Int?, height: Int?, bytes: Int, path: String, thumbHash: String?) {
        self.variant = variant
        self.format = format
        self.width = width
        self.height = height
        self.bytes = bytes
        self.path = path
        self.thumbHash = thumbHash
    }
}

/// Descriptive fields from a collection manifest. Fields staff edited with the CLI win.
public struct AssetDescription: Sendable, Equatable {
    public var values: [Asset.EditableField: String]
    public init(_ values: [Asset.EditableField: String] = [:]) { self.values = values }
}

/// One change an ingest makes; a batch of them is one transaction.
public enum IngestChange: Sendable {
    /// A new file, or new content at a known path (staff edits kept).
    case store(sourcePath: String, collectionSlug: String, content: AssetContent, description: AssetDescription)
    /// A file found at a new path with the bytes of a known asset whose old path is gone.
    case move(assetId: Int64, to: String, fileSize: Int64, modifiedAt: Int64)
    /// Same bytes, new mtime: remember it so the next run skips the file unread.
    case touch(assetId: Int64, fileSize: Int64, modifiedAt: Int64)
    /// Manifest changes for an asset whose file did not change.
    case describe(assetId: Int64, description: AssetDescription)
    case failure(runId: Int64, sourcePath: String, reason: String)
}

extension Catalog {
    /// Every asset's fingerprint by source path: one query, so deciding that 10,000 files are
    /// unchanged costs 10,000 `stat` calls and nothing else.
    public func fingerprints() throws -> [String: Fingerprint] {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT asset.id, sourcePath, fileSize, modifiedAt, sha256,
                       EXISTS (SELECT 1 FROM rendition WHERE rendition.assetId = asset.id) AS rendered
                FROM asset
                """)
            var result: [String: Fingerprint] = [:]
            while let row = try rows.next() {
                result[row["sourcePath"]] = Fingerprint(assetId: row["id"], fileSize: row["fileSize"], modifiedAt: row["modifiedAt"],
                                                        sha256: row["sha256"], hasRenditions: row["rendered"])
            }
            return result
        }
    }

    /// Assets holding exactly these bytes.
    public func assets(sha256: String) throws -> [Asset] {
        try read { db in try Asset.filter(Asset.Columns.sha256 == sha256).fetchAll(db) }
    }

    public func startRun(arguments: String) throws -> Int64 {
        try write { db in
            var run = IngestRun(startedAt: Catalog.now(), arguments: arguments)
            try run.insert(db)
            return run.id!
        }
    }

    public func finishRun(_ id: Int64, counts: (added: Int, updated: Int, moved: Int, unchanged: Int, duplicates: Int, failed: Int)) throws {
        try write { db in
            try db.execute(sql: """
                UPDATE ingestRun SET finishedAt = ?, added = ?, updated = ?, moved = ?, unchanged = ?, duplicates = ?, failed = ?
                WHERE id = ?
                """, arguments: [Catalog.now(), counts.added, counts.updated, counts.moved, counts.unchanged, counts.duplicates,
                                 counts.failed, id])
        }
    }

    /// Applies a batch of changes in one transaction: an asset and its renditions always
    /// arrive together (the rendition files were written before), so a crash at any moment
    /// leaves no asset without renditions and no rendition without its file.
    /// - Returns: rendition paths that no row refers to any more (old renditions of changed files).
    @discardableResult
    public func apply(_ changes: [IngestChange]) throws -> [String] {
        try write { db in
            var released: [String] = []
            for change in changes {
                switch change {
                case .store(let path, let slug, let content, let description):
                    released += try store(db, path: path, slug: slug, content: content, description: description)
                case .move(let id, let path, let size, let mtime):
                    try db.execute(sql: "UPDATE asset SET sourcePath = ?, fileSize = ?, modifiedAt = ?, updatedAt = ? WHERE id = ?",
                                   arguments: [path, size, mtime, Catalog.now(), id])
                case .touch(let id, let size, let mtime):
                    try db.execute(sql: "UPDATE asset SET fileSize = ?, modifiedAt = ? WHERE id = ?", arguments: [size, mtime, id])
                case .describe(let id, let description):
                    guard var asset = try Asset.fetchOne(db, key: id) else { continue }
                    if Self.apply(description, to: &asset) {
                        asset.updatedAt = Catalog.now()
                        try asset.update(db)
                        try indexForSearch(db, assetId: id)
                    }
                case .failure(let run, let path, let reason):
                    var failure = IngestFailure(runId: run, sourcePath: path, reason: reason, failedAt: Catalog.now())
                    try failure.insert(db)
                }
            }
            return try released.filter { try !isReferenced(db, renditionPath: $0) }
        }
    }

    private func store(_ db: Database, path: String, slug: String, content: AssetContent,
                       description: AssetDescription) throws -> [String] {
        guard let collection = try MediaCollection.filter(MediaCollection.Columns.slug == slug).fetchOne(db),
              let collectionId = collection.id else {
            throw CatalogError.notFound("collection '\(slug)'")
        }
        let now = Catalog.now()
        var asset = try Asset.filter(Asset.Columns.sourcePath == path).fetchOne(db)
            ?? Asset(publicId: try PublicID.unique(db), collectionId: collectionId, kind: content.kind, sourcePath: path,
                     fileSize: 0, modifiedAt: 0, sha256: "", format: "", mimeType: "", mediaInfo: "{}", tags: [], people: [],
                     status: .draft, editedFields: [], createdAt: now, updatedAt: now)
        asset.collectionId = collectionId
        asset.adopt(content)
        _ = Self.apply(description, to: &asset)
        asset.updatedAt = now
        try asset.save(db)
        let assetId = asset.id!
        let old = try String.fetchAll(db, sql: "SELECT path FROM rendition WHERE assetId = ?", arguments: [assetId])
        try db.execute(sql: "DELETE FROM rendition WHERE assetId = ?", arguments: [assetId])
        for r in content.renditions {
            var row = AssetRendition(assetId: assetId, variant: r.variant, format: r.format, width: r.width, height: r.height,
                                     bytes: r.bytes, path: r.path, thumbHash: r.thumbHash)
            try row.insert(db)
        }
        try indexForSearch(db, assetId: assetId)
        return old.filter { !content.renditions.map(\.path).contains($0) }
    }

    /// Fills the fields a manifest describes, except those staff edited. True when anything changed.
    static func apply(_ description: AssetDescription, to asset: inout Asset) -> Bool {
        var changed = false
        for (field, value) in description.values where !asset.editedFields.contains(field.rawValue) {
            if (try? asset.set(field, to: value)) == true { changed = true }
        }
        return changed
    }

    func isReferenced(_ db: Database, renditionPath: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM rendition WHERE path = ?)", arguments: [renditionPath]) ?? false
    }
}

extension Asset {
    init(publicId: String, collectionId: Int64, kind: Kind, sourcePath: String, fileSize: Int64, modifiedAt: Int64,
         sha256: String, format: String, mimeType: String, mediaInfo: String, tags: [String], people: [String],
         status: PublicationStatus, editedFields: [String], createdAt: String, updatedAt: String) {
        self.publicId = publicId
        self.collectionId = collectionId
        self.kind = kind
        self.sourcePath = sourcePath
        self.fileSize = fileSize
        self.modifiedAt = modifiedAt
        self.sha256 = sha256
        self.format = format
        self.mimeType = mimeType
        self.mediaInfo = mediaInfo
        self.tags = tags
        self.people = people
        self.status = status
        self.editedFields = editedFields
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Takes everything the file says; keeps everything staff wrote.
    mutating func adopt(_ c: AssetContent) {
        (kind, fileSize, modifiedAt, sha256, format, mimeType) = (c.kind, c.fileSize, c.modifiedAt, c.sha256, c.format, c.mimeType)
        (width, height, displayWidth, displayHeight, duration) = (c.width, c.height, c.displayWidth, c.displayHeight, c.duration)
        (captureTime, captureTimeLocal, captureOffset) = (c.captureTime, c.captureTimeLocal, c.captureOffset)
        (latitude, longitude, mediaInfo, thumbHash, posterTimeUsed) = (c.latitude, c.longitude, c.mediaInfo, c.thumbHash, c.posterTimeUsed)
    }
}
