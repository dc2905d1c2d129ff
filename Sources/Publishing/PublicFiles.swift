internal import Catalog

/// The files the public may fetch, keyed by the URL path below `/renditions/` or `/originals/`.
/// A request is answered only when its path is a key here: no path from a request ever reaches
/// the file system, so `../`, encoded slashes and absolute paths have nothing to resolve against.
public struct PublicFiles: Sendable {
    public struct Rendition: Sendable, Equatable {
        /// Path below the rendition root (as stored in the catalog).
        public var path: String
        public var mimeType: String
        public var bytes: Int
        /// Strong and quoted: the file name, which is the content's address.
        public var etag: String
    }

    public struct Original: Sendable, Equatable {
        /// Path below the library root.
        public var sourcePath: String
        public var mimeType: String
        public var bytes: Int64
        /// The modification time the catalog recorded (nanoseconds since 1970).
        public var modifiedAt: Int64
        /// The source file's SHA-256: a strong validator for the file.
        public var sha256: String

        /// True when `file` is still the file that was ingested and reviewed. A file changed
        /// since is not handed out: it may carry what the catalog never saw (a new position).
        public func isIngested(_ file: RootedFolder.File) -> Bool {
            file.size == bytes && file.modifiedAt == modifiedAt
        }
    }

    public private(set) var renditions: [String: Rendition] = [:]
    public private(set) var originals: [String: Original] = [:]

    init(_ assets: some Sequence<PublicView.AssetEntry>) {
        for entry in assets {
            for rendition in entry.renditions {
                let name = rendition.path.split(separator: "/").last?.split(separator: ".").first ?? ""
                renditions[rendition.path] = Rendition(path: rendition.path, mimeType: Self.mimeType(rendition.format),
                                                       bytes: rendition.bytes, etag: "\"\(name)\"")
            }
            if let name = entry.originalName {
                originals[name] = Original(sourcePath: entry.asset.sourcePath, mimeType: entry.asset.mimeType,
                                           bytes: entry.asset.fileSize, modifiedAt: entry.asset.modifiedAt, sha256: entry.asset.sha256)
            }
        }
    }

    /// "<public id>.<extension>": the extension of the source file when it is plain, else one
    /// derived from the media type. The source file's name itself is never published.
    static func originalName(_ asset: Asset) -> String {
        let name = asset.sourcePath.split(separator: "/").last.map(String.init) ?? ""
        let candidate = name.contains(".") ? String(name.split(separator: ".").last ?? "").lowercased() : ""
        let isPlain = { (text: String) in
            (1...16).contains(text.unicodeScalars.count) && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        }
        let fromType = String(asset.mimeType.split(separator: "/").last ?? "").lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        let ext = isPlain(candidate) ? candidate : isPlain(fromType) ? fromType : "bin"
        return asset.publicId + "." + ext
    }

    static func mimeType(_ format: String) -> String {
        switch format {
        case "jpeg": "image/jpeg"
        case "webp": "image/webp"
        case "png": "image/png"
        case "avif": "image/avif"
        case "vtt": "text/vtt; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}
