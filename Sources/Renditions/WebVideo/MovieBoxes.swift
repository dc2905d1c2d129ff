internal import Foundation

/// Post-processing of an MP4/QuickTime file libavformat wrote: its muxer always adds a
/// `udta` box holding an empty iTunes `meta` list, even when there is no metadata at all.
/// Nothing is in it, but a file whose promise is "no udta, no meta" should not have one:
/// each such box becomes a `free` box of the same size with its bytes zeroed, so no offset
/// in the file changes and every reader skips it.
enum MovieBoxes {
    /// Containers whose children are searched: the movie and its tracks.
    private static let parents: Set<String> = ["moov", "trak"]
    private static let blanked: Set<String> = ["udta", "meta"]

    static func blankUserData(at path: String) throws {
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        let size = try handle.seekToEnd()
        try walk(handle, from: 0, to: size)
    }

    private static func walk(_ handle: FileHandle, from start: UInt64, to end: UInt64) throws {
        var position = start
        while position + 8 <= end {
            try handle.seek(toOffset: position)
            guard let header = try handle.read(upToCount: 16), header.count >= 8 else { return }
            var size = UInt64(header.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
            let type = String(decoding: header[4..<8], as: UTF8.self)
            var headerSize: UInt64 = 8
            if size == 1, header.count >= 16 {
                size = header[8..<16].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
                headerSize = 16
            } else if size == 0 {
                size = end - position
            }
            guard size >= headerSize, position + size <= end else { return }
            if parents.contains(type) {
                try walk(handle, from: position + headerSize, to: position + size)
            } else if blanked.contains(type) {
                try handle.seek(toOffset: position + 4)
                handle.write(Data("free".utf8))
                handle.write(Data(count: Int(size - 8)))
            }
            position += size
        }
    }
}
