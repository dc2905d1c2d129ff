internal import Catalog

extension Publisher {
    /// Published videos and audio of PSA series and campaigns, newest first (by published date,
    /// then capture time); at most 100 items, as feed readers expect a recent window.
    func feed() -> FeedDocument {
        let entries = view.assets.values.filter {
            $0.collection.kind != .gallery && $0.asset.kind != .photo
        }
        let newestFirst = entries.sorted { a, b in
            let x = (a.asset.publishedDate ?? "", a.asset.captureTime ?? "", a.asset.publicId)
            let y = (b.asset.publishedDate ?? "", b.asset.captureTime ?? "", b.asset.publicId)
            return x > y
        }
        return FeedDocument(title: options.siteTitle, feedURL: urls.feed,
                            homePageURL: options.baseURL.isEmpty ? nil : options.baseURL + "/",
                            items: newestFirst.prefix(100).map(feedItem))
    }

    private func feedItem(_ entry: PublicView.AssetEntry) -> FeedDocument.Item {
        let asset = entry.asset
        let links = links(entry)
        let image = links.first { $0.variant == "poster" && $0.format == "jpeg" }
            ?? links.first { $0.variant == "thumb" && $0.format == "jpeg" }
        var title = asset.title
        if title == nil, let number = asset.psaNumber { title = "\(entry.collection.title) #\(number)" }
        let attachments = attachments(entry)
        return FeedDocument.Item(
            id: asset.publicId, url: urls.asset(asset.publicId), title: title,
            contentText: asset.caption ?? title ?? entry.collection.title, summary: asset.altText, image: image?.url,
            datePublished: Self.feedDate(asset.publishedDate) ?? asset.captureTime.flatMap(Self.feedDateTime),
            tags: asset.tags.isEmpty ? nil : asset.tags, authors: asset.credit.map { [.init(name: $0)] },
            attachments: attachments.isEmpty ? nil : attachments,
            mediacat: .init(kind: asset.kind.rawValue, collection: entry.collection.slug, psaNumber: asset.psaNumber))
    }

    /// What a feed reader plays: a video's web renditions (full size, then small), whatever the
    /// collection says about originals; a recording's clean original when it is published.
    private func attachments(_ entry: PublicView.AssetEntry) -> [FeedDocument.Item.Attachment] {
        switch entry.asset.kind {
        case .video:
            webRenditions(entry).map { row in
                FeedDocument.Item.Attachment(url: urls.rendition(row.path), mimeType: PublicFormat.mimeType(row.format),
                                             sizeInBytes: Int64(row.bytes),
                                             durationInSeconds: row.duration ?? entry.asset.duration)
            }
        case .audio:
            entry.original.map { original in
                [FeedDocument.Item.Attachment(url: urls.original(original.name),
                                              mimeType: PublicFormat.mimeType(original.rendition.format),
                                              sizeInBytes: Int64(original.rendition.bytes),
                                              durationInSeconds: original.rendition.duration ?? entry.asset.duration)]
            } ?? []
        case .photo:
            []
        }
    }

    /// "2020-03-22" as the RFC 3339 date-time JSON Feed requires (midnight UTC); nil if not a date.
    static func feedDate(_ date: String?) -> String? {
        guard let date, date.utf8.count == 10,
              date.enumerated().allSatisfy({ [4, 7].contains($0) ? $1 == "-" : $1.isASCII && $1.isNumber })
        else { return nil }
        return date + "T00:00:00Z"
    }

    /// A stored capture time when it is a UTC instant.
    static func feedDateTime(_ time: String) -> String? {
        time.hasSuffix("Z") ? time : nil
    }
}
