internal import Catalog

extension Publisher {
    func assetDocument(_ id: String) throws(PublishingError) -> AssetDocument {
        guard let entry = view.assets[id] else { throw .notFound("no published asset '\(id)'") }
        let asset = entry.asset
        let collection = entry.collection
        let location: AssetDocument.Location? = collection.allowLocation
            ? zip(asset.latitude, asset.longitude).map { .init(latitude: $0, longitude: $1) } : nil
        let body = AssetDocument.Body(
            id: asset.publicId, kind: asset.kind.rawValue, url: urls.asset(asset.publicId),
            collection: .init(slug: collection.slug, title: collection.title, url: urls.collection(collection.slug)),
            title: asset.title, caption: asset.caption, altText: asset.altText, credit: asset.credit,
            people: asset.people, tags: asset.tags, psaNumber: asset.psaNumber, captureTime: captureTime(asset),
            publishedDate: asset.publishedDate, width: asset.displayWidth ?? asset.width,
            height: asset.displayHeight ?? asset.height, duration: asset.duration, mimeType: asset.mimeType,
            media: entry.probed?.codecSummary ?? CodecSummary(), location: location, thumbHash: asset.thumbHash,
            renditions: links(entry), sources: asset.kind == .video ? sources(entry) : nil,
            download: asset.kind == .photo ? download(entry) : nil, original: original(entry))
        return AssetDocument(asset: body, jsonLd: linkedData(body))
    }
}

/// Both values, or nil.
func zip<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
