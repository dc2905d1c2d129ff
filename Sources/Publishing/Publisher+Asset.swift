internal import Catalog

extension Publisher {
    func assetDocument(_ id: String) throws(PublishingError) -> AssetDocument {
        guard let entry = view.assets[id] else { throw .notFound("no published asset '\(id)'") }
        let asset = entry.asset
        let location: AssetDocument.Location? = entry.collection.allowLocation
            ? zip(asset.latitude, asset.longitude).map { .init(latitude: $0, longitude: $1) } : nil
        let original = entry.originalName.map {
            AssetDocument.Original(url: urls.original($0), mimeType: asset.mimeType, bytes: asset.fileSize)
        }
        let body = AssetDocument.Body(
            id: asset.publicId, kind: asset.kind.rawValue, url: urls.asset(asset.publicId),
            collection: .init(slug: entry.collection.slug, title: entry.collection.title, url: urls.collection(entry.collection.slug)),
            title: asset.title, caption: asset.caption, altText: asset.altText, credit: asset.credit,
            people: asset.people, tags: asset.tags, psaNumber: asset.psaNumber, captureTime: captureTime(asset),
            publishedDate: asset.publishedDate, width: asset.displayWidth ?? asset.width, height: asset.displayHeight ?? asset.height,
            duration: asset.duration, mimeType: asset.mimeType, media: entry.probed?.codecSummary ?? CodecSummary(),
            location: location, thumbHash: asset.thumbHash, renditions: links(entry), original: original)
        return AssetDocument(asset: body, jsonLd: linkedData(body))
    }

    /// The schema.org object for the website: the largest still as the thumbnail of a video, the
    /// original as content when it is public, else the largest still.
    private func linkedData(_ asset: AssetDocument.Body) -> LinkedDataObject {
        let stills = asset.renditions.filter { $0.format == "jpeg" }
        let largest = stills.filter { $0.variant == "preview" || $0.variant == "poster" }.max { ($0.width ?? 0) < ($1.width ?? 0) }
        let thumbnail = stills.first { $0.variant == "poster" } ?? stills.first { $0.variant == "thumb" }
        let type = switch asset.kind {
        case "video": "VideoObject"
        case "audio": "AudioObject"
        default: "ImageObject"
        }
        let created = asset.captureTime.flatMap { time in time.local.map { local in time.offset.map { local + $0 } ?? local } ?? time.utc }
        let keywords = asset.tags.isEmpty ? nil : asset.tags.joined(separator: ", ")
        return LinkedDataObject(
            type: type, identifier: asset.id, name: asset.title, caption: asset.kind == "photo" ? asset.caption : nil,
            description: asset.kind == "photo" ? asset.altText : asset.caption ?? asset.title,
            // A still stands in for a photo's original, never for a video's or a recording's.
            contentUrl: asset.original?.url ?? (asset.kind == "photo" ? largest?.url : nil), thumbnailUrl: thumbnail?.url,
            encodingFormat: asset.original?.mimeType ?? (asset.kind == "photo" ? largest?.mimeType : nil) ?? asset.mimeType,
            width: asset.width, height: asset.height, duration: asset.duration.flatMap(LinkedDataObject.isoDuration),
            dateCreated: created, datePublished: asset.publishedDate, uploadDate: asset.kind == "photo" ? nil : asset.publishedDate ?? created,
            creditText: asset.credit, keywords: keywords,
            contentLocation: asset.location.map { .init(geo: .init(latitude: $0.latitude, longitude: $0.longitude)) })
    }
}

/// Both values, or nil.
func zip<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
