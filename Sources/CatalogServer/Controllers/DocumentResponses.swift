internal import Hummingbird
internal import Publishing

/// Turns a cached document into the answer for one request: gzip when the client takes it, 304
/// when its ETag is current, and the caching headers documents carry.
enum DocumentResponses {
    /// Documents change when staff edit; clients and CDNs revalidate after a minute.
    static let cacheControl = "public, max-age=60"

    static func response(_ entry: DocumentCache.Entry, for request: Request) -> Response {
        let gzip = entry.gzipped != nil && acceptsGzip(request.headers[.acceptEncoding])
        let etag = gzip ? entry.gzipETag : entry.etag
        var headers = HTTPFields()
        headers.reserveCapacity(8)
        headers[.contentType] = entry.contentType
        headers[.eTag] = etag
        headers[.cacheControl] = cacheControl
        headers[.vary] = "Accept-Encoding"
        if let ifNoneMatch = request.headers[.ifNoneMatch], PublishedDocument.matches(ifNoneMatch: ifNoneMatch, etag) {
            return Response(status: .notModified, headers: headers)
        }
        if gzip, let gzipped = entry.gzipped {
            headers[.contentEncoding] = "gzip"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: gzipped))
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: entry.body))
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
