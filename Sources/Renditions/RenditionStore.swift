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
        if FileManager.default.fileExists(atPath: url(relative).path) { return }
        let temporary = try temporaryFile(for: relative)
        do {
            try Data(bytes).write(to: temporary)
            // rename(2) replaces atomically; another process writing the same name wrote the same bytes.
            try moveIntoPlace(temporary, as: relative)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// A fresh temporary file beside where `relative` will go, for a writer that streams into a
    /// file (a transcode) rather than handing over bytes. Its name carries this process's id:
    /// temporary files of the same name left by a process that no longer runs (killed
    /// half-way) are removed first, so a redone transcode leaves no partial file behind.
    func temporaryFile(for relative: String) throws -> URL {
        let destination = url(relative)
        let folder = destination.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let name = destination.lastPathComponent
        for leftover in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        where leftover.hasPrefix(".tmp-") && leftover.hasSuffix("-" + name) {
            let pid = leftover.dropFirst(5).split(separator: "-").first.flatMap { Int32($0) } ?? 0
            if pid > 0, kill(pid, 0) != 0, errno == ESRCH { try? FileManager.default.removeItem(at: folder.appendingPathComponent(leftover)) }
        }
        return folder.appendingPathComponent(".tmp-\(getpid())-\(UUID().uuidString.prefix(8))-\(name)")
    }

    /// Renames a finished temporary file to `relative` (atomic; same folder).
    func moveIntoPlace(_ temporary: URL, as relative: String) throws {
        guard rename(temporary.path, url(relative).path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url(relative).path, NSLocalizedDescriptionKey: reason])
        }
    }
}
