internal import Hummingbird
internal import Publishing

/// Turns a cached document into the answer for one request: gzip when the client takes it, 304
/// when its ETag is current, and the caching headers documents carry.
enum DocumentResponses {
    /// Documents change when staff edit; clients and CDNs revalidate after a minute.
    static let cacheControl = "public, max-age=60"

    static func response(_ entry: DocumentCache.Entry, for request: Request) -> Response {
        answer(entry, acceptEncoding: request.headers[.acceptEncoding], ifNoneMatch: request.headers[.ifNoneMatch]).response
    }

    static func answer(_ entry: DocumentCache.Entry, acceptEncoding: String?, ifNoneMatch: String?) -> ReadyAnswer {
        let representation = (acceptsGzip(acceptEncoding) ? entry.gzip : nil) ?? entry.identity
        if let ifNoneMatch, PublishedDocument.matches(ifNoneMatch: ifNoneMatch, representation.etag) {
            var headers = representation.headers
            headers[.contentLength] = nil
            headers[.contentEncoding] = nil
            return ReadyAnswer(status: .notModified, headers: headers, body: nil)
        }
        return ReadyAnswer(status: .ok, headers: representation.headers, body: representation.body)
    }

    /// A document's representations with their headers, computed once when it enters the cache.
    static func entry(_ document: PublishedDocument) -> DocumentCache.Entry {
        func representation(_ body: [UInt8], etag: String, encoding: String?) -> DocumentCache.Entry.Representation {
            var headers = HTTPFields()
            headers.reserveCapacity(8)
            headers[.contentType] = document.contentType
            headers[.eTag] = etag
            headers[.cacheControl] = cacheControl
            headers[.vary] = "Accept-Encoding"
            headers[.contentEncoding] = encoding
            headers[.contentLength] = String(body.count)
            return .init(body: ByteBuffer(bytes: body), etag: etag, headers: headers)
        }
        return DocumentCache.Entry(identity: representation(document.body, etag: document.etag, encoding: nil),
                                   gzip: document.gzipped.map { representation($0, etag: document.gzipETag, encoding: "gzip") })
    }

    /// True unless the client refuses gzip or does not name it (`gzip;q=0` refuses).
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header, header.utf8.count < 512 else { return false }
        for item in header.lowercased().split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingSpaces }
            guard let coding = parts.first, coding == "gzip" || coding == "x-gzip" || coding == "*" else { continue }
            let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return quality > 0
        }
        return false
    }

    /// A JSON error answer that names what was wrong and nothing about the server.
    static func error(_ status: HTTPResponse.Status, _ message: String) -> Response {
        let document = Publisher.errorDocument(status: status.code, message: message)
        var headers = HTTPFields()
        headers[.contentType] = document.contentType
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: document.body)))
    }
}
