internal import Catalog
public import Foundation

/// A folder whose files are handed out (the rendition root: renditions and clean originals), and
/// the one check every hand-out passes: the path, with symbolic links resolved, is a regular file
/// inside the folder. A link that leads out of the folder is refused like a missing file.
public struct RootedFolder: Sendable {
    /// The folder, with symbolic links resolved.
    public let root: String

    /// Nil when the folder does not exist.
    public init?(_ url: URL) {
        guard let resolved = Self.realPath(url.path), Self.isDirectory(resolved) else { return nil }
        root = resolved
    }

    /// A file found inside the folder: its resolved path, size and modification time.
    public struct File: Sendable, Equatable {
        public var path: String
        public var size: Int64
        /// Nanoseconds since 1970, as the catalog records them.
        public var modifiedAt: Int64
    }

    /// The file `relative` names when it is a regular file inside the folder.
    public func file(_ relative: String) -> File? {
        guard !relative.isEmpty, !relative.hasPrefix("/"), !relative.utf8.contains(0),
              !relative.split(separator: "/", omittingEmptySubsequences: false)
                  .contains(where: { $0 == ".." || $0.isEmpty })
        else { return nil }
        guard let resolved = Self.realPath(root + "/" + relative), resolved.hasPrefix(root == "/" ? "/" : root + "/")
        else { return nil }
        var info = stat()
        guard stat(resolved, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return File(path: resolved, size: Int64(info.st_size), modifiedAt: FileTime.nanoseconds(info.st_mtim))
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }
}
