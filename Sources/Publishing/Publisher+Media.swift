internal import Catalog

/// The playable and downloadable files of an asset, shared by the asset document and the feed.
extension Publisher {
    /// A video's web renditions in playback order: the full web size first, then the small one.
    func webRenditions(_ entry: PublicView.AssetEntry) -> [AssetRendition] {
        PublicVariant.webVideo.compactMap { variant in entry.renditions.first { $0.variant == variant } }
    }

    func sources(_ entry: PublicView.AssetEntry) -> [AssetDocument.Source] {
        webRenditions(entry).map { row in
            AssetDocument.Source(
                variant: row.variant, url: urls.rendition(row.path),
                mimeType: PublicFormat.mimeType(row.format, codecs: row.codecs), width: row.width, height: row.height,
                bytes: row.bytes, bitRate: row.bitRate, duration: row.duration ?? entry.asset.duration)
        }
    }

    func download(_ entry: PublicView.AssetEntry) -> AssetDocument.Download? {
        entry.renditions.first { $0.variant == PublicVariant.download }.map { row in
            AssetDocument.Download(url: urls.rendition(row.path), mimeType: PublicFormat.mimeType(row.format),
                                   width: row.width, height: row.height, bytes: row.bytes)
        }
    }

    func original(_ entry: PublicView.AssetEntry) -> AssetDocument.Original? {
        entry.original.map { original in
            AssetDocument.Original(url: urls.original(original.name),
                                   mimeType: PublicFormat.mimeType(original.rendition.format),
                                   bytes: original.rendition.bytes)
        }
    }
}
