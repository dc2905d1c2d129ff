internal import Catalog

/// A published snapshot arranged for publishing: collections by slug with their assets in
/// order, assets by public id, and the table of files the public may fetch. Nothing outside it
/// is reachable from a document, a route or the export.
struct PublicView: Sendable {
    struct CollectionEntry: Sendable {
        var record: MediaCollection
        var order: AssetOrder
        var assets: [(asset: Asset, key: AssetOrder.Key)]
        /// The latest change to the collection or any of its published assets.
        var updated: String
    }

    struct AssetEntry: Sendable {
        var asset: Asset
        var collection: MediaCollection
        var renditions: [AssetRendition]
        var probed: ProbedMetadata?
        /// The original's public file name, when the original may be handed out.
        var originalName: String?
    }

    let changeCounter: Int64
    let collections: [CollectionEntry]
    let collectionsBySlug: [String: Int]
    let assets: [String: AssetEntry]
    let files: PublicFiles

    init(_ snapshot: PublishedSnapshot, previous: PublicView? = nil) {
        changeCounter = snapshot.changeCounter
        let collectionsById = Dictionary(snapshot.collections.compactMap { c in c.id.map { ($0, c) } }, uniquingKeysWith: { a, _ in a })
        var grouped: [Int64: [Asset]] = [:]
        var assets: [String: AssetEntry] = [:]
        for asset in snapshot.assets {
            guard let collection = collectionsById[asset.collectionId], let id = asset.id else { continue }
            grouped[asset.collectionId, default: []].append(asset)
            let known = previous?.assets[asset.publicId].flatMap { $0.asset.mediaInfo == asset.mediaInfo ? $0 : nil }
            let probed = known.map(\.probed) ?? ProbedMetadata.decode(asset.mediaInfo)
            let originalPublic = collection.publishOriginals && probed?.originalIsPublic(allowLocation: collection.allowLocation) == true
            assets[asset.publicId] = AssetEntry(
                asset: asset, collection: collection, renditions: snapshot.renditions[id] ?? [], probed: probed,
                originalName: originalPublic ? PublicFiles.originalName(asset) : nil)
        }
        collections = snapshot.collections.map { collection in
            let order = AssetOrder(kind: collection.kind)
            let members = grouped[collection.id ?? -1] ?? []
            let updated = members.map(\.updatedAt).reduce(collection.updatedAt, max)
            return CollectionEntry(record: collection, order: order, assets: order.sorted(members), updated: updated)
        }
        collectionsBySlug = Dictionary(collections.enumerated().map { ($1.record.slug, $0) }, uniquingKeysWith: { a, _ in a })
        self.assets = assets
        files = PublicFiles(assets.values)
    }

    func collection(_ slug: String) -> CollectionEntry? {
        collectionsBySlug[slug].map { collections[$0] }
    }
}
