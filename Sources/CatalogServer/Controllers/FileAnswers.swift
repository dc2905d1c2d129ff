internal import Hummingbird
internal import Publishing

/// The parts of a file's answer that need no disk access: its headers, 304, the byte range a
/// request asks for, and the bytes `RenditionMemory` already holds. Shared by `FileController`
/// and the fast lane, so either gives the same answer.
enum FileAnswers {
    /// Renditions never change under a name: cache them anywhere for a year.
    static var immutable: String { "public, max-age=31536000, immutable" }
    /// An original's URL names the asset, not the bytes: a new rendering changes what it serves.
    static var originalCaching: String { "public, max-age=3600" }

    static func headers(_ file: PublicFiles.File, cacheControl: String) -> HTTPFields {
        var headers = HTTPFields()
        headers.reserveCapacity(7)
        headers[.contentType] = file.mimeType
        headers[.cacheControl] = cacheControl
        headers[.eTag] = file.etag
        headers[.acceptRanges] = "bytes"
        return headers
    }

    /// The whole rendition from memory, or 304; nil when the answer needs the file read first.
    /// Only for requests without `Range`: memory holds whole files, and a range is never
    /// answered with the whole file.
    static func fromMemory(_ file: PublicFiles.File, memory: RenditionMemory, ifNoneMatch: String?) -> ReadyAnswer? {
        if let ifNoneMatch, PublishedDocument.matches(ifNoneMatch: ifNoneMatch, file.etag) {
            return ReadyAnswer(status: .notModified, headers: headers(file, cacheControl: immutable), body: nil)
        }
        return memory[file.path].map { ReadyAnswer(status: .ok, headers: $0.headers, body: $0.body) }
    }

    /// What `Range` asks of a file of `size` bytes. `If-Range`: a range applies only to the
    /// version the client already has part of (a strong ETag; a date never matches, so the
    /// client gets the whole file, which is always correct).
    static func range(_ headers: HTTPFields, etag: String, size: Int64) -> ByteRange {
        let applies = headers[.ifRange].map { $0.trimmingSpaces == etag } ?? true
        return ByteRange(header: applies ? headers[.range] : nil, size: size)
    }
}
