internal import GRDB

extension Catalog {
    public func asset(publicId: String) throws -> Asset? {
        try read { db in try Asset.filter(Asset.Columns.publicId == publicId).fetchOne(db) }
    }

    public func asset(sourcePath: String) throws -> Asset? {
        try read { db in try Asset.filter(Asset.Columns.sourcePath == sourcePath).fetchOne(db) }
    }

    public func asset(id: Int64) throws -> Asset? {
        try read { db in try Asset.fetchOne(db, key: id) }
    }

    /// A collection's assets in its natural order: galleries by capture time, PSA series by
    /// number, campaigns by published date (newest first); then by source path.
    public func assets(inCollection slug: String, publishedOnly: Bool = false) throws -> [Asset] {
        try read { db in
            guard let collection = try MediaCollection.filter(MediaCollection.Columns.slug == slug).fetchOne(db) else {
                throw CatalogError.notFound("collection '\(slug)'")
            }
            let order: String = switch collection.kind {
            case .gallery: "captureTime IS NULL, captureTime, sourcePath"
            case .psaSeries: "psaNumber IS NULL, psaNumber, publishedDate, sourcePath"
            case .campaign: "publishedDate IS NULL, publishedDate DESC, sourcePath"
            }
            return try Asset.fetchAll(db, sql: """
                SELECT * FROM asset WHERE collectionId = ? AND (? = 0 OR status = 'published') ORDER BY \(order)
                """, arguments: [collection.id, publishedOnly ? 1 : 0])
        }
    }

    public func allAssets() throws -> [Asset] {
        try read { db in try Asset.order(Asset.Columns.sourcePath).fetchAll(db) }
    }

    public func renditions(assetId: Int64) throws -> [AssetRendition] {
        try read { db in
            try AssetRendition.filter(AssetRendition.Columns.assetId == assetId).order(AssetRendition.Columns.variant).fetchAll(db)
        }
    }

    /// A person's edit of one field; see `editAsset(publicId:changes:)`.
    @discardableResult
    public func editAsset(publicId: String, field: Asset.EditableField, value: String?) throws -> Asset {
        try editAsset(publicId: publicId, changes: [(field, value)])
    }

    /// A person's edits, all or none: each field is remembered as edited, so manifests no
    /// longer change it.
    @discardableResult
    public func editAsset(publicId: String, changes: [(Asset.EditableField, String?)]) throws -> Asset {
        try write { db in
            guard var asset = try Asset.filter(Asset.Columns.publicId == publicId).fetchOne(db) else {
                throw CatalogError.notFound("asset '\(publicId)'")
            }
            for (field, value) in changes {
                try asset.set(field, to: value)
                asset.markEdited(field)
            }
            try save(db, edited: asset)
            return asset
        }
    }

    private func save(_ db: Database, edited asset: Asset) throws {
        var asset = asset
        if let number = asset.psaNumber, let other = try String.fetchOne(db, sql: """
            SELECT sourcePath FROM asset WHERE collectionId = ? AND psaNumber = ? AND id IS NOT ?
            """, arguments: [asset.collectionId, number, asset.id]) {
            throw CatalogError.conflict("PSA number \(number) is already used by \(other)")
        }
        asset.updatedAt = Catalog.now()
        try asset.update(db)
        try indexForSearch(db, assetId: asset.id!)
    }

    /// New renditions for an asset, replacing the old rows together, with the edits that
    /// called for them (a new poster time) in the same transaction: the poster and the time
    /// it claims never disagree, whatever happens in between.
    /// - Returns: rendition paths no row refers to any more.
    @discardableResult
    public func replaceRenditions(assetId: Int64, with renditions: [RenditionContent], thumbHash: String?,
                                  posterTimeUsed: Double?, edits: [(Asset.EditableField, String?)] = []) throws -> [String] {
        try write { db in
            guard var asset = try Asset.fetchOne(db, key: assetId) else { throw CatalogError.notFound("asset \(assetId)") }
            for (field, value) in edits {
                try asset.set(field, to: value)
                asset.markEdited(field)
            }
            if !edits.isEmpty { try save(db, edited: asset) }
            let old = try String.fetchAll(db, sql: "SELECT path FROM rendition WHERE assetId = ?", arguments: [assetId])
            try db.execute(sql: "DELETE FROM rendition WHERE assetId = ?", arguments: [assetId])
            for r in renditions {
                var row = AssetRendition(assetId: assetId, content: r)
                try row.insert(db)
            }
            try db.execute(sql: "UPDATE asset SET thumbHash = ?, posterTimeUsed = ?, updatedAt = ? WHERE id = ?",
                           arguments: [thumbHash, posterTimeUsed, Catalog.now(), assetId])
            return try old.filter { try !isReferenced(db, renditionPath: $0) }
        }
    }

    /// Removes an asset from the catalog (its original stays where it is).
    /// - Returns: rendition paths no row refers to any more.
    @discardableResult
    public func removeAsset(publicId: String) throws -> [String] {
        try write { db in
            guard let asset = try Asset.filter(Asset.Columns.publicId == publicId).fetchOne(db), let id = asset.id else {
                throw CatalogError.notFound("asset '\(publicId)'")
            }
            let paths = try String.fetchAll(db, sql: "SELECT path FROM rendition WHERE assetId = ?", arguments: [id])
            try removeFromSearch(db, assetId: id)
            _ = try asset.delete(db)
            return try paths.filter { try !isReferenced(db, renditionPath: $0) }
        }
    }

    /// The most recent ingest failures, newest first.
    public func failures(limit: Int = 100) throws -> [IngestFailure] {
        try read { db in
            try IngestFailure.fetchAll(db, sql: "SELECT * FROM ingestFailure ORDER BY id DESC LIMIT ?", arguments: [limit])
        }
    }

    public func runs(limit: Int = 20) throws -> [IngestRun] {
        try read { db in try IngestRun.fetchAll(db, sql: "SELECT * FROM ingestRun ORDER BY id DESC LIMIT ?", arguments: [limit]) }
    }

    /// Rows that break the crash-safety promises: assets without renditions, renditions
    /// without an asset. Files are checked by the caller, which knows the rendition root.
    public func inconsistencies() throws -> (assetsWithoutRenditions: [String], orphanRenditions: Int) {
        try read { db in
            let bare = try String.fetchAll(db, sql: """
                SELECT sourcePath FROM asset WHERE kind != 'audio' AND NOT EXISTS (SELECT 1 FROM rendition WHERE assetId = asset.id)
                """)
            let orphans = try Int.fetchOne(db, sql: "SELECT count(*) FROM rendition WHERE assetId NOT IN (SELECT id FROM asset)") ?? 0
            return (bare, orphans)
        }
    }

    /// Assets and published assets per collection id, in one query.
    public func assetCounts() throws -> [Int64: (total: Int, published: Int)] {
        try read { db in
            var counts: [Int64: (Int, Int)] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT collectionId, count(*) AS total, sum(status = 'published') AS published FROM asset GROUP BY collectionId
                """) {
                counts[row["collectionId"]] = (row["total"], row["published"])
            }
            return counts
        }
    }

    /// Every rendition path in the catalog.
    public func renditionPaths() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT DISTINCT path FROM rendition") }
    }
}
