internal import CompressNIO
internal import Crypto
internal import Foundation
internal import NIOCore

/// One public document as bytes, ready to send or write: the JSON, its gzip form, and strong
/// ETags for both. The server and the export both send exactly these bytes.
public struct PublishedDocument: Sendable {
    public let body: [UInt8]
    /// Present when compressing saves bytes.
    public let gzipped: [UInt8]?
    /// Strong, quoted: a digest of `body`.
    public let etag: String
    /// The ETag of the gzip representation (a different byte sequence needs its own tag).
    public var gzipETag: String { String(etag.dropLast()) + "-gz\"" }
    public let contentType: String

    init(body: [UInt8], contentType: String = "application/json; charset=utf-8") {
        self.body = body
        self.contentType = contentType
        let digest = SHA256.hash(data: body).map { String($0, radix: 16).leftPadded(to: 2) }.joined()
        etag = "\"" + digest.prefix(32) + "\""
        gzipped = Self.gzip(body)
    }

    /// Encodes `document` the one way mediacat does: sorted keys, no escaped slashes, no spaces.
    static func json(_ document: some Encodable) -> PublishedDocument {
        PublishedDocument(body: Array(encodedJSON(document)))
    }

    static func encodedJSON(_ document: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        do {
            return try encoder.encode(document)
        } catch {
            // Only non-conforming floats can fail, and the strategy above encodes them.
            preconditionFailure("document encoding failed: \(error)")
        }
    }

    /// gzip at the best compression, once per document; nil for bodies too small to gain.
    private static func gzip(_ body: [UInt8]) -> [UInt8]? {
        guard body.count >= 256 else { return nil }
        var input = ByteBuffer(bytes: body)
        guard let compressed = try? input.compress(with: .gzip(configuration: .init(compressionLevel: .bestCompression))),
              compressed.readableBytes < body.count else { return nil }
        return Array(compressed.readableBytesView)
    }

    /// True when an `If-None-Match` value names `tag` (or is "*"). Comparison is weak, as
    /// RFC 9110 §13.1.2 asks: a "W/" prefix does not matter.
    public static func matches(ifNoneMatch header: String, _ tag: String) -> Bool {
        header.split(separator: ",").contains { candidate in
            var candidate = candidate.trimmingCharacters(in: .whitespaces)
            if candidate == "*" { return true }
            if candidate.hasPrefix("W/") { candidate.removeFirst(2) }
            return candidate == tag
        }
    }
}
