internal import Catalog

extension Publisher {
    func collectionsIndex() -> CollectionsIndexDocument {
        CollectionsIndexDocument(collections: view.collections.map(entry))
    }

    func collectionPage(_ slug: String, cursor: String?, limit: Int?,
                        kind: String?) throws(PublishingError) -> CollectionDocument {
        guard let collection = view.collection(slug) else { throw .notFound("no published collection '\(slug)'") }
        let pageSize = limit ?? options.defaultPageSize
        guard (1...options.maxPageSize).contains(pageSize) else {
            throw .badRequest("limit must be between 1 and \(options.maxPageSize)")
        }
        if let kind, Asset.Kind(rawValue: kind) == nil { throw .badRequest("kind must be photo, video or audio") }
        var members = collection.assets[...]
        if let kind { members = members.filter { $0.asset.kind.rawValue == kind }[...] }
        if let cursor {
            guard let after = PageCursor.decode(cursor, componentCount: collection.order.componentCount) else {
                throw .badRequest("the cursor is not valid")
            }
            members = members.drop { !collection.order.precedes(after, $0.key) }
        }
        let page = members.prefix(pageSize)
        let nextCursor = page.count < members.count ? page.last.map { PageCursor.encode($0.key) } : nil
        let next = nextCursor.map { cursor in
            var link = urls.collection(slug) + "?cursor=" + cursor
            if let limit, limit != options.defaultPageSize { link += "&limit=\(limit)" }
            if let kind { link += "&kind=" + kind }
            return link
        }
        return CollectionDocument(
            collection: entry(collection), assets: page.compactMap { view.assets[$0.asset.publicId] }.map(summary),
            page: .init(limit: pageSize, kind: kind, count: page.count, nextCursor: nextCursor, next: next))
    }

    private func entry(_ collection: PublicView.CollectionEntry) -> CollectionsIndexDocument.Entry {
        let record = collection.record
        var counts = AssetCounts()
        for member in collection.assets {
            counts.total += 1
            switch member.asset.kind {
            case .photo: counts.photos += 1
            case .video: counts.videos += 1
            case .audio: counts.audio += 1
            }
        }
        return CollectionsIndexDocument.Entry(
            slug: record.slug, title: record.title, kind: record.kind.rawValue, description: record.description,
            url: urls.collection(record.slug), counts: counts, cover: cover(collection),
            publishedDate: record.publishedDate, updated: collection.updated)
    }

    /// The chosen cover when it is public, else the first asset that has a thumbnail.
    private func cover(_ collection: PublicView.CollectionEntry) -> CoverDocument? {
        let chosen = collection.assets.first { $0.asset.id == collection.record.coverAssetId }
        let candidates = (chosen.map { [$0] } ?? []) + collection.assets
        for candidate in candidates {
            guard let entry = view.assets[candidate.asset.publicId] else { continue }
            let thumbnails = links(entry, variants: ["thumb"])
            guard let first = thumbnails.first else { continue }
            return CoverDocument(assetId: entry.asset.publicId, width: first.width, height: first.height,
                                 thumbHash: entry.asset.thumbHash, renditions: thumbnails)
        }
        return nil
    }

    func summary(_ entry: PublicView.AssetEntry) -> AssetSummary {
        let asset = entry.asset
        return AssetSummary(
            id: asset.publicId, kind: asset.kind.rawValue, url: urls.asset(asset.publicId),
            collection: entry.collection.slug, title: asset.title, caption: asset.caption, altText: asset.altText,
            width: asset.displayWidth ?? asset.width, height: asset.displayHeight ?? asset.height,
            duration: asset.duration,
            captureTime: captureTime(asset), publishedDate: asset.publishedDate, psaNumber: asset.psaNumber,
            thumbHash: asset.thumbHash, thumbnails: links(entry, variants: ["thumb"]))
    }

    /// An asset's public renditions as links (never its clean original, which `PublicView` keeps
    /// apart), in a fixed order: by variant, then JPEG before WebP.
    func links(_ entry: PublicView.AssetEntry, variants: Set<String>? = nil) -> [RenditionLink] {
        entry.renditions
            .filter { variants?.contains($0.variant) ?? true }
            .sorted { ($0.variant, $0.format) < ($1.variant, $1.format) }
            .map { row in
                RenditionLink(variant: row.variant, format: row.format, mimeType: PublicFormat.mimeType(row.format),
                              url: urls.rendition(row.path), width: row.width, height: row.height, bytes: row.bytes,
                              codecs: row.codecs, bitRate: row.bitRate, duration: row.duration)
            }
    }

    /// The wall-clock time and offset when the file recorded them; a UTC instant alone (as
    /// video containers store it) stays just that, not passed off as local time.
    func captureTime(_ asset: Asset) -> CaptureTimeDocument? {
        guard let stored = asset.captureTime else { return nil }
        let utc = stored.hasSuffix("Z") ? stored : nil
        if let local = asset.captureTimeLocal {
            return CaptureTimeDocument(local: local, offset: asset.captureOffset, utc: utc)
        }
        return utc == nil ? CaptureTimeDocument(local: stored) : CaptureTimeDocument(utc: utc)
    }
}
