internal import Catalog

/// The files the public may fetch, keyed by the URL path below `/renditions/` or `/originals/`.
/// A request is answered only when its path is a key here: no path from a request ever reaches
/// the file system, so `../`, encoded slashes and absolute paths have nothing to resolve against.
/// Every file is a rendition (below the rendition root): no file of the library is ever handed
/// out as it is. The clean original of a video or audio file is listed under `originals` only
/// when its collection publishes originals, and never under `renditions`.
public struct PublicFiles: Sendable {
    public struct File: Sendable, Equatable {
        /// Path below the rendition root (as stored in the catalog).
        public var path: String
        public var mimeType: String
        public var bytes: Int
        /// Strong and quoted: the file name, which is the content's address.
        public var etag: String
        /// A video or audio file: streamed from disk and asked for in ranges, never held in memory.
        public var isAudiovisual: Bool

        init(_ rendition: AssetRendition) {
            let name = rendition.path.split(separator: "/").last?.split(separator: ".").first ?? ""
            path = rendition.path
            mimeType = PublicFormat.mimeType(rendition.format)
            bytes = rendition.bytes
            etag = "\"\(name)\""
            isAudiovisual = PublicFormat.isAudiovisual(rendition.format)
        }
    }

    public private(set) var renditions: [String: File] = [:]
    /// By public name, "<public id>.<extension>".
    public private(set) var originals: [String: File] = [:]

    init(_ assets: some Sequence<PublicView.AssetEntry>) {
        for entry in assets {
            for rendition in entry.renditions where rendition.variant != PublicVariant.original {
                renditions[rendition.path] = File(rendition)
            }
            if let original = entry.original {
                originals[original.name] = File(original.rendition)
            }
        }
    }

    /// "<public id>.<extension of the format>", e.g. "k3v9q2x7m4pa.mp4"; nil for a format mediacat
    /// does not publish. Nothing of the source file's name is part of it.
    static func originalName(publicId: String, format: String) -> String? {
        guard let entry = PublicFormat.table[format], entry.isAudiovisual else { return nil }
        return publicId + "." + entry.fileExtension
    }
}
