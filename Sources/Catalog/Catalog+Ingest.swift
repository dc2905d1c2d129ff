internal import GRDB

/// What the catalog remembers of a file to decide, without reading it, that it is unchanged.
public struct Fingerprint: Sendable, Equatable {
    public var assetId: Int64
    public var fileSize: Int64
    public var modifiedAt: Int64
    public var sha256: String
    /// False when a crash or a failed render left the asset without its renditions (audio,
    /// which has none, counts as complete).
    public var hasRenditions: Bool
    public var isVideo: Bool
    /// Staff's poster time, and whether staff set it (a manifest may not change it then).
    public var posterTime: Double?
    public var posterTimeEdited: Bool
    public var kind: Asset.Kind
    /// The variants of the renditions it has ("thumb", "web"...): a pipeline that makes new
    /// ones renders unchanged files again.
    public var variants: Set<String>

    public init(assetId: Int64, fileSize: Int64, modifiedAt: Int64, sha256: String, hasRenditions: Bool, isVideo: Bool,
                posterTime: Double?, posterTimeEdited: Bool, kind: Asset.Kind = .photo, variants: Set<String> = []) {
        self.assetId = assetId
        self.fileSize = fileSize
        self.modifiedAt = modifiedAt
        self.sha256 = sha256
        self.hasRenditions = hasRenditions
        self.isVideo = isVideo
        self.posterTime = posterTime
        self.posterTimeEdited = posterTimeEdited
        self.kind = kind
        self.variants = variants
    }
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

/// One rendition as ingest hands it to the catalog (the row without its ids).
public struct RenditionContent: Sendable, Equatable {
    public var variant: String
    public var format: String
    public var width: Int?
    public var height: Int?
    public var bytes: Int
    public var path: String
    public var thumbHash: String?
    public var codecs: String?
    public var bitRate: Int64?
    public var duration: Double?

    public init(variant: String, format: String, width: Int?, height: Int?, bytes: Int, path: String, thumbHash: String?,
                codecs: String? = nil, bitRate: Int64? = nil, duration: Double? = nil) {
        self.variant = variant
        self.format = format
        self.width = width
        self.height = height
        self.bytes = bytes
        self.path = path
        self.thumbHash = thumbHash
        self.codecs = codecs
        self.bitRate = bitRate
        self.duration = duration
    }
}

/// Descriptive fields from a collection manifest. Fields staff edited with the CLI win.
public struct AssetDescription: Sendable, Equatable {
    public var values: [Asset.EditableField: String]
    public init(_ values: [Asset.EditableField: String] = [:]) { self.values = values }
}

/// A file found at a new path holding the bytes of a known asset whose old path no longer
/// holds them: the asset follows its bytes, keeping its id, edits and renditions.
public struct Move: Sendable {
    public var assetId: Int64
    public var path: String
    public var fileSize: Int64
    public var modifiedAt: Int64
    public var collectionSlug: String
    public var description: AssetDescription

    public init(assetId: Int64, path: String, fileSize: Int64, modifiedAt: Int64, collectionSlug: String,
                description: AssetDescription) {
        self.assetId = assetId
        self.path = path
        self.fileSize = fileSize
        self.modifiedAt = modifiedAt
        self.collectionSlug = collectionSlug
        self.description = description
    }
}

/// One change an ingest makes; a batch of them is one transaction.
public enum IngestChange: Sendable {
    /// A new file, or new content at a known path (staff edits kept).
    case store(sourcePath: String, collectionSlug: String, content: AssetContent, description: AssetDescription)
    /// Moves, applied together: every moving asset first leaves its path, then takes its new
    /// one, so two files that swapped names swap assets.
    case moves([Move])
    /// Same bytes, new mtime: remember it so the next run skips the file unread.
    case touch(assetId: Int64, fileSize: Int64, modifiedAt: Int64)
    /// Manifest changes for an asset whose file did not change.
    case describe(assetId: Int64, description: AssetDescription)
    case failure(runId: Int64, sourcePath: String, reason: String)

    /// The source paths a change is about, for reporting its failure.
    var paths: [String] {
        switch self {
        case .store(let path, _, _, _): [path]
        case .moves(let moves): moves.map(\.path)
        case .touch, .describe, .failure: []
        }
    }
}

/// What a batch did: rendition files no row refers to any more, changes that failed (each
/// rolled back alone, the rest committed), and the public ids of stored assets.
public struct ApplyOutcome: Sendable {
    public var released: [String] = []
    public var failures: [(path: String, reason: String)] = []
    public var publicIds: [String: String] = [:]

    public init() {}
}

extension Catalog {
    /// Every asset's fingerprint by source path: one query, so deciding that 10,000 files are
    /// unchanged costs 10,000 `stat` calls and nothing else.
    public func fingerprints() throws -> [String: Fingerprint] {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT asset.id, sourcePath, fileSize, modifiedAt, sha256, kind, posterTime, editedFields,
                       kind = 'audio' OR EXISTS (SELECT 1 FROM rendition WHERE rendition.assetId = asset.id) AS rendered,
                       (SELECT group_concat(variant) FROM rendition WHERE rendition.assetId = asset.id) AS variants
                FROM asset
                """)
            var result: [String: Fingerprint] = [:]
            while let row = try rows.next() {
                result[row["sourcePath"]] = Fingerprint(
                    assetId: row["id"], fileSize: row["fileSize"], modifiedAt: row["modifiedAt"], sha256: row["sha256"],
                    hasRenditions: row["rendered"], isVideo: (row["kind"] as String) == "video", posterTime: row["posterTime"],
                    posterTimeEdited: (row["editedFields"] as String).contains("\"posterTime\""),
                    kind: Asset.Kind(rawValue: row["kind"]) ?? .photo,
                    variants: Set(((row["variants"] as String?) ?? "").split(separator: ",").map(String.init)))
            }
            return result
        }
    }

    /// Assets holding exactly these bytes.
    public func assets(sha256: String) throws -> [Asset] {
        try read { db in try Asset.filter(Asset.Columns.sha256 == sha256).order(Asset.Columns.sourcePath).fetchAll(db) }
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
    /// leaves no asset without renditions and no rendition without its file. Each change runs
    /// in its own savepoint: one that fails (a PSA number already taken) is rolled back alone,
    /// recorded as that file's failure, and the rest are committed.
    public func apply(_ changes: [IngestChange], runId: Int64? = nil) throws -> ApplyOutcome {
        try write { db in
            var outcome = ApplyOutcome()
            for change in changes {
                do {
                    try db.inSavepoint {
                        try apply(db, change, into: &outcome)
                        return .commit
                    }
                } catch {
                    let reason = Self.reason(error)
                    for path in change.paths {
                        outcome.failures.append((path, reason))
                        if let runId {
                            var failure = IngestFailure(runId: runId, sourcePath: path, reason: reason, failedAt: Catalog.now())
                            try failure.insert(db)
                        }
                    }
                }
            }
            outcome.released = try outcome.released.filter { try !isReferenced(db, renditionPath: $0) }
            return outcome
        }
    }

    private func apply(_ db: Database, _ change: IngestChange, into outcome: inout ApplyOutcome) throws {
        switch change {
        case .store(let path, let slug, let content, let description):
            let (asset, released) = try store(db, path: path, slug: slug, content: content, description: description)
            outcome.released += released
            outcome.publicIds[path] = asset.publicId
        case .moves(let moves):
            try move(db, moves)
        case .touch(let id, let size, let mtime):
            try db.execute(sql: "UPDATE asset SET fileSize = ?, modifiedAt = ? WHERE id = ?", arguments: [size, mtime, id])
        case .describe(let id, let description):
            guard var asset = try Asset.fetchOne(db, key: id) else { return }
            if Self.apply(description, to: &asset) {
                try checkPSANumber(db, asset)
                asset.updatedAt = Catalog.now()
                try asset.update(db)
                try indexForSearch(db, assetId: id)
            }
        case .failure(let run, let path, let reason):
            var failure = IngestFailure(runId: run, sourcePath: path, reason: reason, failedAt: Catalog.now())
            try failure.insert(db)
        }
    }

    private func move(_ db: Database, _ moves: [Move]) throws {
        // First every moving asset leaves its path (for an absolute one, which no relative
        // source path can be), then each takes its new one: swaps and chains of renames never
        // collide on the unique path.
        for m in moves {
            try db.execute(sql: "UPDATE asset SET sourcePath = ? WHERE id = ?", arguments: ["/moving/\(m.assetId)", m.assetId])
        }
        for m in moves {
            guard var asset = try Asset.fetchOne(db, key: m.assetId) else { throw CatalogError.notFound("asset \(m.assetId)") }
            asset.collectionId = try collectionId(db, m.collectionSlug)
            (asset.sourcePath, asset.fileSize, asset.modifiedAt) = (m.path, m.fileSize, m.modifiedAt)
            _ = Self.apply(m.description, to: &asset)
            try checkPSANumber(db, asset)
            asset.updatedAt = Catalog.now()
            try asset.update(db)
            try indexForSearch(db, assetId: m.assetId)
        }
    }

    private func collectionId(_ db: Database, _ slug: String) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM collection WHERE slug = ?", arguments: [slug]) else {
            throw CatalogError.notFound("collection '\(slug)'")
        }
        return id
    }

    /// A PSA number must be unique in its series: said with the other file's name.
    private func checkPSANumber(_ db: Database, _ asset: Asset) throws {
        guard let number = asset.psaNumber else { return }
        if let other = try String.fetchOne(db, sql: """
            SELECT sourcePath FROM asset WHERE collectionId = ? AND psaNumber = ? AND id IS NOT ?
            """, arguments: [asset.collectionId, number, asset.id]) {
            throw CatalogError.conflict("PSA number \(number) is already used by \(other)")
        }
    }

    static func reason(_ error: any Error) -> String {
        if let error = error as? CatalogError { return error.description }
        if let error = error as? DatabaseError { return "catalog: \(error.message ?? "\(error.resultCode)")" }
        return "\(error)"
    }

    private func store(_ db: Database, path: String, slug: String, content: AssetContent,
                       description: AssetDescription) throws -> (Asset, [String]) {
        let collectionId = try collectionId(db, slug)
        let now = Catalog.now()
        var asset = try Asset.filter(Asset.Columns.sourcePath == path).fetchOne(db)
            ?? Asset(publicId: try PublicID.unique(db), collectionId: collectionId, kind: content.kind, sourcePath: path,
                     fileSize: 0, modifiedAt: 0, sha256: "", format: "", mimeType: "", mediaInfo: "{}", tags: [], people: [],
                     status: .draft, editedFields: [], createdAt: now, updatedAt: now)
        asset.collectionId = collectionId
        asset.adopt(content)
        _ = Self.apply(description, to: &asset)
        try checkPSANumber(db, asset)
        asset.updatedAt = now
        try asset.save(db)
        let assetId = asset.id!
        let old = try String.fetchAll(db, sql: "SELECT path FROM rendition WHERE assetId = ?", arguments: [assetId])
        try db.execute(sql: "DELETE FROM rendition WHERE assetId = ?", arguments: [assetId])
        for r in content.renditions {
            var row = AssetRendition(assetId: assetId, content: r)
            try row.insert(db)
        }
        try indexForSearch(db, assetId: assetId)
        let kept = Set(content.renditions.map(\.path))
        return (asset, old.filter { !kept.contains($0) })
    }

    /// Fills the fields a manifest describes, except those staff edited. True when anything
    /// changed. Values the catalog refuses (a PSA number of 0) are skipped here; manifests are
    /// checked when loaded.
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

    /// Rendition paths (among `paths`) that no row refers to now.
    public func unreferenced(_ paths: [String]) throws -> [String] {
        try read { db in try paths.filter { try !isReferenced(db, renditionPath: $0) } }
    }
}

extension Asset {
    public init(publicId: String, collectionId: Int64, kind: Kind, sourcePath: String, fileSize: Int64, modifiedAt: Int64,
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
