internal import GRDB

/// Everything the public may see, read in one transaction so that documents built from it agree
/// with each other: published collections, their published assets, and those assets' renditions.
public struct PublishedSnapshot: Sendable {
    /// The catalog's change counter when this was read.
    public var changeCounter: Int64
    /// Published collections, in title order ("Parade 5" before "Parade 10").
    public var collections: [MediaCollection]
    /// Published assets of published collections.
    public var assets: [Asset]
    /// Renditions by asset id.
    public var renditions: [Int64: [AssetRendition]]

    public init(changeCounter: Int64, collections: [MediaCollection], assets: [Asset], renditions: [Int64: [AssetRendition]]) {
        self.changeCounter = changeCounter
        self.collections = collections
        self.assets = assets
        self.renditions = renditions
    }
}

extension Catalog {
    /// Reads what is public now. Drafts, and the assets of draft collections, never leave here.
    public func publishedSnapshot() throws -> PublishedSnapshot {
        try read { db in
            let counter = try Int64.fetchOne(db, sql: "SELECT counter FROM catalogChange WHERE id = 1") ?? 0
            let collections = try MediaCollection.fetchAll(db, sql: """
                SELECT * FROM collection WHERE status = 'published' ORDER BY sortKey, id
                """)
            let assets = try Asset.fetchAll(db, sql: """
                SELECT asset.* FROM asset JOIN collection ON collection.id = asset.collectionId
                WHERE asset.status = 'published' AND collection.status = 'published'
                ORDER BY asset.id
                """)
            var renditions: [Int64: [AssetRendition]] = [:]
            for rendition in try AssetRendition.fetchAll(db, sql: """
                SELECT rendition.* FROM rendition
                JOIN asset ON asset.id = rendition.assetId
                JOIN collection ON collection.id = asset.collectionId
                WHERE asset.status = 'published' AND collection.status = 'published'
                ORDER BY rendition.assetId, rendition.variant, rendition.format
                """) {
                renditions[rendition.assetId, default: []].append(rendition)
            }
            return PublishedSnapshot(changeCounter: counter, collections: collections, assets: assets, renditions: renditions)
        }
    }
}
