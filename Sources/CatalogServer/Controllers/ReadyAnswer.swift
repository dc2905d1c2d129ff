internal import Hummingbird
internal import NIOCore
internal import Publishing

/// An answer held entirely in memory: status, headers and body. The router's handlers turn it
/// into a `Response`; the fast lane (`FastLaneHandler`) writes it to the channel as it is, so a
/// request gets the same answer whichever of the two serves it.
struct ReadyAnswer: Sendable {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    /// nil: no body (304).
    var body: ByteBuffer?

    var response: Response {
        Response(status: status, headers: headers, body: body.map { .init(byteBuffer: $0) } ?? .init())
    }

    /// 304 with `headers` when `ifNoneMatch` names `etag` (weakly); nil otherwise.
    static func notModified(_ headers: HTTPFields, etag: String, ifNoneMatch: String?) -> ReadyAnswer? {
        guard let ifNoneMatch, PublishedDocument.matches(ifNoneMatch: ifNoneMatch, etag) else { return nil }
        return ReadyAnswer(status: .notModified, headers: headers, body: nil)
    }
}
