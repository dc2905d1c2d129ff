internal import Catalog
internal import Foundation

/// Finds the media files under the paths given to `ingest`.
enum LibraryWalker {
    /// Names that are never media: manifests, notes, sidecars, system litter.
    static let ignoredNames: Set<String> = ["collection.yaml", "collection.yml", "readme.md", "readme.txt", "thumbs.db",
                                            "desktop.ini", "license", "license.txt"]
    static let ignoredExtensions: Set<String> = ["yaml", "yml", "md", "txt", "json", "xmp", "aae", "thm", "lrv", "pp3", "xml",
                                                 "db", "ini", "log", "pdf", "html", "csv", "sh"]

    static func isIgnored(_ name: String) -> Bool {
        let lower = name.lowercased()
        return name.hasPrefix(".") || ignoredNames.contains(lower)
            || ignoredExtensions.contains((lower as NSString).pathExtension)
    }

    /// Regular files under `paths` (folders recursively), sorted, hidden and ignored names
    /// skipped; paths that do not exist, and symbolic links, are returned too, so the caller
    /// reports them (links are not followed: they could lead out of the library).
    static func files(_ paths: [String]) -> [URL] {
        var result: [URL] = []
        for path in paths {
            let url = URL(fileURLWithPath: path).standardizedFileURL
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                if !isIgnored(url.lastPathComponent) { result.append(url) }
                continue
            }
            let keys: Set<URLResourceKey> = [.isRegularFileKey, .isSymbolicLinkKey]
            guard let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: Array(keys),
                                                                  options: [.skipsHiddenFiles]) else { continue }
            for case let file as URL in enumerator where !isIgnored(file.lastPathComponent) {
                let values = try? file.resourceValues(forKeys: keys)
                if values?.isRegularFile == true || values?.isSymbolicLink == true {
                    result.append(file.standardizedFileURL)
                }
            }
        }
        return result.sorted { $0.path < $1.path }
    }

    /// Why `url` is not ingested as a file.
    static func whyNotRegular(_ url: URL) -> String {
        var status = stat()
        guard lstat(url.path, &status) == 0 else { return "no such file" }
        switch status.st_mode & S_IFMT {
        case S_IFLNK: return "a symbolic link: mediacat reads regular files only (links could lead out of the library)"
        case S_IFDIR: return "a folder"
        default: return "not a regular file"
        }
    }

    /// `url`'s path relative to `root`, or nil when it lies outside.
    static func relativePath(of url: URL, under root: URL) -> String? {
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        guard url.path.hasPrefix(rootPath) else { return nil }
        let relative = String(url.path.dropFirst(rootPath.count))
        return relative.isEmpty ? nil : relative
    }

    /// Size and modification time (nanoseconds) of a regular file (not a link), without reading it.
    static func fingerprint(_ url: URL) -> (size: Int64, modifiedAt: Int64)? {
        var status = stat()
        guard lstat(url.path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return (Int64(status.st_size), FileTime.nanoseconds(status.st_mtim))
    }
}

/// The nearest `collection.yaml` above each file, loaded once per folder.
final class ManifestIndex {
    struct Found {
        var url: URL
        var slug: String
        var manifest: CollectionManifest
    }

    private let root: URL
    private var byFolder: [String: Result<Found, CollectionManifest.Problem>?] = [:]

    init(root: URL) { self.root = root }

    /// The manifest that governs `file`, nil when none does; a broken manifest is an error.
    func manifest(for file: URL) throws(CollectionManifest.Problem) -> Found? {
        var folder = file.deletingLastPathComponent()
        while folder.path.hasPrefix(root.path) {
            if let found = try lookup(folder) { return found }
            if folder.path == root.path { break }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    private func lookup(_ folder: URL) throws(CollectionManifest.Problem) -> Found? {
        if let cached = byFolder[folder.path] { return try cached?.get() }
        let url = folder.appendingPathComponent("collection.yaml")
        guard FileManager.default.fileExists(atPath: url.path) else {
            byFolder[folder.path] = .some(nil)
            return nil
        }
        let result = Result { () throws(CollectionManifest.Problem) -> Found in
            let manifest = try CollectionManifest.load(url)
            return Found(url: url, slug: manifest.slug ?? MediaCollection.slug(from: folder.lastPathComponent), manifest: manifest)
        }
        byFolder[folder.path] = result
        return try result.get()
    }
}
