internal import Catalog
internal import Foundation

/// The export's file operations: write when the bytes differ, copy when size or time differ,
/// always through a temporary file and rename(2), so a reader never sees half a file.
struct ExportFileWriter {
    let output: URL

    func put(_ bytes: [UInt8], at path: String, report: inout StaticExport.Report, written: inout Set<String>) {
        written.insert(path)
        let destination = output.appendingPathComponent(path)
        if let existing = FileManager.default.contents(atPath: destination.path), existing.elementsEqual(bytes) {
            report.unchanged += 1
            return
        }
        do {
            try replace(destination) { try Data(bytes).write(to: $0) }
            report.written += 1
        } catch {
            report.failures.append("\(path): cannot write: \(error.localizedDescription)")
        }
    }

    /// Copies `source` unless the copy has its size and modification time (to the nanosecond) already.
    func copy(_ source: RootedFolder.File?, to path: String, named name: String, report: inout StaticExport.Report,
              written: inout Set<String>) {
        guard let source else {
            report.failures.append("\(name): missing, changed since it was rendered, or outside the rendition folder")
            return
        }
        written.insert(path)
        let destination = output.appendingPathComponent(path)
        if let existing = Self.fingerprint(destination.path), existing == (source.size, source.modifiedAt) {
            report.unchanged += 1
            return
        }
        do {
            try replace(destination) { temporary in
                try FileManager.default.copyItem(atPath: source.path, toPath: temporary.path)
                // Floor division: a time before 1970 still gets 0 ≤ tv_nsec < 1e9, as utimensat requires.
                var seconds = source.modifiedAt / 1_000_000_000, nanoseconds = source.modifiedAt % 1_000_000_000
                if nanoseconds < 0 { (seconds, nanoseconds) = (seconds - 1, nanoseconds + 1_000_000_000) }
                let time = timespec(tv_sec: Int(seconds), tv_nsec: Int(nanoseconds))
                guard utimensat(AT_FDCWD, temporary.path, [time, time], 0) == 0 else { throw Self.systemError() }
            }
            report.written += 1
        } catch {
            report.failures.append("\(name): cannot copy: \(error.localizedDescription)")
        }
    }

    /// The last system call's failure, with its reason.
    private static func systemError() -> CocoaError {
        CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
    }

    private static func fingerprint(_ path: String) -> (Int64, Int64)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (Int64(info.st_size), FileTime.nanoseconds(info.st_mtim))
    }

    /// Removes what the previous export wrote and this one did not, then records this one's files.
    func prune(keeping written: Set<String>, manifest: String, report: inout StaticExport.Report) throws {
        let manifestURL = output.appendingPathComponent(manifest)
        let manifestText = (try? String(contentsOf: manifestURL, encoding: .utf8)) ?? ""
        let previous = manifestText.split(separator: "\n").map(String.init)
        for path in previous where !written.contains(path) && Self.isOwnPath(path) {
            if (try? FileManager.default.removeItem(at: output.appendingPathComponent(path))) != nil {
                report.removed += 1
            }
        }
        try replace(manifestURL) { try Data((written.sorted().joined(separator: "\n") + "\n").utf8).write(to: $0) }
    }

    /// A manifest line names a file below the export folder, never a way out of it.
    private static func isOwnPath(_ path: String) -> Bool {
        !path.hasPrefix("/") && !path.split(separator: "/").contains("..") && !path.isEmpty
    }

    private func replace(_ destination: URL, with make: (URL) throws -> Void) throws {
        let folder = destination.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".tmp-\(UUID().uuidString)")
        do {
            try make(temporary)
            guard rename(temporary.path, destination.path) == 0 else { throw Self.systemError() }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
