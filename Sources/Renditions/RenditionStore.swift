public import Foundation

/// Content-addressed storage: `<root>/<aa>/<bb>/<sha256>-<variant>-<recipe>.<ext>`. A name
/// never changes meaning, so files can be cached forever; writes are atomic (temporary file
/// in the same folder, then rename), so a crash leaves either the whole file or none.
public struct RenditionStore: Sendable {
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    func relativePath(source: String, recipe: RenditionRecipe) -> String {
        let prefix = source.prefix(4)
        return "\(prefix.prefix(2))/\(prefix.suffix(2))/\(source)-\(recipe.variant.rawValue)-\(recipe.identifier).\(recipe.format.fileExtension)"
    }

    func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// True when the file for this name is already there (same name, same bytes).
    func contains(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: url(relative).path) }

    /// Writes `bytes` atomically; an existing file of the same name is left alone.
    func write(_ bytes: [UInt8], to relative: String) throws {
        let destination = url(relative)
        if FileManager.default.fileExists(atPath: destination.path) { return }
        let folder = destination.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".tmp-\(UUID().uuidString)")
        do {
            try Data(bytes).write(to: temporary)
            // rename(2) replaces atomically; another process writing the same name wrote the same bytes.
            guard rename(temporary.path, destination.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination.path,
                                                               NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
