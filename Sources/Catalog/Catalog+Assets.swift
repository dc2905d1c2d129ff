public import GRDB

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

    /// A person's edit of one field; the field is remembered as edited, so manifests no
    /// longer change it.
    @discardableResult
    public func editAsset(publicId: String, field: Asset.EditableField, value: String?) throws -> Asset {
        try write { db in
            guard var asset = try Asset.filter(Asset.Columns.publicId == publicId).fetchOne(db) else {
                throw CatalogError.notFound("asset '\(publicId)'")
            }
            try asset.set(field, to: value)
            if !asset.editedFields.contains(field.rawValue) { asset.editedFields = (asset.editedFields + [field.rawValue]).sorted() }
            asset.updatedAt = Catalog.now()
            do {
                try asset.update(db)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                throw CatalogError.conflict("PSA number \(asset.psaNumber ?? 0) is already used in this series")
            }
            try indexForSearch(db, assetId: asset.id!)
            return asset
        }
    }

    /// New renditions for an asset (a new poster time), replacing the old rows together.
    /// - Returns: rendition paths no row refers to any more.
    @discardableResult
    public func replaceRenditions(assetId: Int64, with renditions: [RenditionContent], thumbHash: String?,
                                  posterTimeUsed: Double?) throws -> [String] {
        try write { db in
            let old = try String.fetchAll(db, sql: "SELECT path FROM rendition WHERE assetId = ?", arguments: [assetId])
            try db.execute(sql: "DELETE FROM rendition WHERE assetId = ?", arguments: [assetId])
            for r in renditions {
                var row = AssetRendition(assetId: assetId, variant: r.variant, format: r.format, width: r.width, height: r.height,
                                         bytes: r.bytes, path: r.path, thumbHash: r.thumbHash)
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

    /// Every rendition path in the catalog.
    public func renditionPaths() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT DISTINCT path FROM rendition") }
    }
}
