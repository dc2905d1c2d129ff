internal import Hummingbird
internal import Publishing

/// The answers for a rendition that need no disk access: 304, or the bytes `RenditionMemory`
/// already holds. Shared by `FileController` and the fast lane.
enum RenditionAnswers {
    /// Renditions never change under a name: cache them anywhere for a year.
    static var immutable: String { "public, max-age=31536000, immutable" }

    static func headers(_ rendition: PublicFiles.Rendition) -> HTTPFields {
        var headers = HTTPFields()
        headers.reserveCapacity(6)
        headers[.contentType] = rendition.mimeType
        headers[.cacheControl] = immutable
        headers[.eTag] = rendition.etag
        return headers
    }

    /// nil when the answer needs the file read first.
    static func fromMemory(_ rendition: PublicFiles.Rendition, memory: RenditionMemory, ifNoneMatch: String?) -> ReadyAnswer? {
        if let ifNoneMatch, PublishedDocument.matches(ifNoneMatch: ifNoneMatch, rendition.etag) {
            return ReadyAnswer(status: .notModified, headers: headers(rendition), body: nil)
        }
        return memory[rendition.path].map { ReadyAnswer(status: .ok, headers: $0.headers, body: $0.body) }
    }
}
