internal import Foundation
internal import Hummingbird
internal import NIOCore
internal import Publishing
internal import Synchronization

/// Small rendition files kept in memory once read: they are content-addressed (a name never
/// changes bytes), so an entry never goes stale; thumbnails are then served without touching
/// the disk. Each file is kept with the headers of its 200 answer (Content-Length included).
/// Stills and cue files only: a video or audio file, however small, is always streamed from
/// disk, where ranges are read. Bounded by total bytes; when full, it starts over.
final class RenditionMemory: Sendable {
    static let largestFile = 512 * 1024
    private let capacity: Int
    typealias Kept = (body: ByteBuffer, headers: HTTPFields)
    private let entries = Mutex<(files: [String: Kept], bytes: Int)>(([:], 0))

    init(capacity: Int = 128 * 1024 * 1024) {
        self.capacity = capacity
    }

    subscript(path: String) -> Kept? {
        entries.withLock { $0.files[path] }
    }

    /// Reads a small still or cue file and keeps it; nil for video and audio files, files too
    /// large to keep, and unreadable ones.
    func load(_ rendition: PublicFiles.File, from file: RootedFolder.File, headers: HTTPFields) -> Kept? {
        guard !rendition.isAudiovisual, file.size <= Int64(Self.largestFile), capacity > 0,
              let data = FileManager.default.contents(atPath: file.path), Int64(data.count) == file.size
        else { return nil }
        let path = rendition.path
        var headers = headers
        headers[.contentLength] = String(data.count)
        let kept = (ByteBuffer(bytes: data), headers)
        entries.withLock { entries in
            if entries.bytes + data.count > capacity { entries = ([:], 0) }
            if entries.files.updateValue(kept, forKey: path) == nil { entries.bytes += data.count }
        }
        return kept
    }
}
