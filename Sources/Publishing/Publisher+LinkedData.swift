extension Publisher {
    /// The schema.org object for the website. Content: a video's web rendition (what every
    /// browser plays), a photo's download (else its largest preview), a recording's clean
    /// original when it is published. Thumbnail: a video's poster, else the thumbnail.
    func linkedData(_ asset: AssetDocument.Body) -> LinkedDataObject {
        let content = self.content(asset)
        let stills = asset.renditions.filter { $0.format == "jpeg" }
        let thumbnail = stills.first { $0.variant == "poster" } ?? stills.first { $0.variant == "thumb" }
        let type = switch asset.kind {
        case "video": "VideoObject"
        case "audio": "AudioObject"
        default: "ImageObject"
        }
        let created = asset.captureTime.flatMap { time in
            time.local.map { local in time.offset.map { local + $0 } ?? local } ?? time.utc
        }
        let keywords = asset.tags.isEmpty ? nil : asset.tags.joined(separator: ", ")
        return LinkedDataObject(
            type: type, identifier: asset.id, name: asset.title, caption: asset.kind == "photo" ? asset.caption : nil,
            description: asset.kind == "photo" ? asset.altText : asset.caption ?? asset.title,
            contentUrl: content?.url, thumbnailUrl: thumbnail?.url, encodingFormat: content?.mimeType ?? asset.mimeType,
            width: asset.width, height: asset.height, duration: asset.duration.flatMap(LinkedDataObject.isoDuration),
            dateCreated: created, datePublished: asset.publishedDate,
            uploadDate: asset.kind == "photo" ? nil : asset.publishedDate ?? created,
            creditText: asset.credit, keywords: keywords,
            contentLocation: asset.location.map { .init(geo: .init(latitude: $0.latitude, longitude: $0.longitude)) })
    }

    /// The file that is the content, with its plain MIME type (no codecs parameter: schema.org's
    /// `encodingFormat` names a format). A still never stands in for a video or a recording.
    private func content(_ asset: AssetDocument.Body) -> (url: String, mimeType: String)? {
        switch asset.kind {
        case "video":
            let web = PublicVariant.webVideo.lazy.compactMap { variant in
                asset.renditions.first { $0.variant == variant }
            }.first
            if let web { return (web.url, web.mimeType) }
            return asset.original.map { ($0.url, $0.mimeType) }
        case "photo":
            if let download = asset.download { return (download.url, download.mimeType) }
            let previews = asset.renditions.filter { $0.format == "jpeg" && $0.variant == "preview" }
            return previews.max { ($0.width ?? 0) < ($1.width ?? 0) }.map { ($0.url, $0.mimeType) }
        default:
            return asset.original.map { ($0.url, $0.mimeType) }
        }
    }
}
