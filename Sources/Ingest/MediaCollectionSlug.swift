internal import Catalog

/// Folder names become slugs the way staff expect: "Parade 5" → "parade-5".
enum MediaCollectionSlug {
    static func from(_ folderName: String) -> String { MediaCollection.slug(from: folderName) }
}
