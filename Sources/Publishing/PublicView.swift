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
        /// What the public may fetch of it: every rendition but the clean original.
        var renditions: [AssetRendition]
        var probed: ProbedMetadata?
        /// The clean original, when the collection publishes originals (videos and audio only).
        var original: PublishedOriginal?
    }

    /// A clean original (the `original` rendition: picture and sound copied into a fresh
    /// container without metadata) and the name it is published under.
    struct PublishedOriginal: Sendable {
        var name: String
        var rendition: AssetRendition
    }

    let changeCounter: Int64
    let collections: [CollectionEntry]
    let collectionsBySlug: [String: Int]
    let assets: [String: AssetEntry]
    let files: PublicFiles

    init(_ snapshot: PublishedSnapshot, previous: PublicView? = nil) {
        changeCounter = snapshot.changeCounter
        let collectionsById = Dictionary(snapshot.collections.compactMap { c in c.id.map { ($0, c) } },
                                         uniquingKeysWith: { a, _ in a })
        var grouped: [Int64: [Asset]] = [:]
        var assets: [String: AssetEntry] = [:]
        for asset in snapshot.assets {
            guard let collection = collectionsById[asset.collectionId], let id = asset.id else { continue }
            grouped[asset.collectionId, default: []].append(asset)
            let known = previous?.assets[asset.publicId].flatMap { $0.asset.mediaInfo == asset.mediaInfo ? $0 : nil }
            let probed = known.map(\.probed) ?? ProbedMetadata.decode(asset.mediaInfo)
            let rows = snapshot.renditions[id] ?? []
            assets[asset.publicId] = AssetEntry(
                asset: asset, collection: collection, renditions: rows.filter { $0.variant != PublicVariant.original },
                probed: probed, original: Self.original(asset, in: collection, rows))
        }
        collections = snapshot.collections.map { collection in
            let order = AssetOrder(kind: collection.kind)
            let members = grouped[collection.id ?? -1] ?? []
            let updated = members.map(\.updatedAt).reduce(collection.updatedAt, max)
            return CollectionEntry(record: collection, order: order, assets: order.sorted(members), updated: updated)
        }
        collectionsBySlug = Dictionary(collections.enumerated().map { ($1.record.slug, $0) },
                                       uniquingKeysWith: { a, _ in a })
        self.assets = assets
        files = PublicFiles(assets.values)
    }

    /// The clean original when the collection publishes originals, for a video or audio file
    /// only (a photo's public full-size file is its `download` rendition). The file on disk is
    /// never what is published: it carries what the clean copy leaves out (positions, serials,
    /// telemetry tracks), so no probe result needs to be trusted to decide.
    private static func original(_ asset: Asset, in collection: MediaCollection,
                                 _ rows: [AssetRendition]) -> PublishedOriginal? {
        guard collection.publishOriginals, asset.kind == .video || asset.kind == .audio,
              let row = rows.first(where: { $0.variant == PublicVariant.original }),
              let name = PublicFiles.originalName(publicId: asset.publicId, format: row.format) else { return nil }
        return PublishedOriginal(name: name, rendition: row)
    }

    func collection(_ slug: String) -> CollectionEntry? {
        collectionsBySlug[slug].map { collections[$0] }
    }
}
