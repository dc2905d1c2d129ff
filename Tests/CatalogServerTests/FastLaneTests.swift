import Catalog
@testable import CatalogServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Publishing
import Testing
import TestSupport

/// The fast lane answers repeated requests on the event loop: the answers must be the router's,
/// byte for byte and header for header (but `Date`), stay current, and keep their order.
struct FastLaneTests {
    /// What a client can observe of an answer, `Date` aside.
    struct Seen: Equatable, CustomStringConvertible {
        let status: UInt16
        let headers: [String]
        let body: [UInt8]

        init(_ response: TestResponse) {
            status = UInt16(response.status.code)
            headers = response.headers.filter { $0.name != .date }.map { "\($0.name.canonicalName): \($0.value)" }.sorted()
            body = Array(response.body.readableBytesView)
        }

        var description: String { "\(status) \(headers) \(body.count) bytes" }
    }

    @Test func theLaneAnswersAsTheRouterDoes() async throws {
        let website = "https://www.westportct.gov"
        try await withServerAndLane(.live, configure: { $0.corsOrigins = [website] }) { client, fixture, lane in
            let id = fixture.ids["psa1"]!
            let publisher = try Publisher(catalog: fixture.catalog, options: PublishingOptions())
            let thumbnail = try "/renditions/" + #require(publisher.files.renditions.keys.first { $0.hasSuffix(".jpg") })
            let thumbnailTag = try await client.execute(uri: thumbnail, method: .get) { try #require($0.headers[.eTag]) }
            let collectionsTag = try await client.execute(uri: "/api/v1/collections", method: .get) { try #require($0.headers[.eTag]) }
            let cases: [(String, HTTPRequest.Method, HTTPFields)] = [
                ("/api/v1/collections/westport-united?limit=1&kind=video", .get, [:]),
                ("/api/v1/collections/parade-1", .get, [.acceptEncoding: "gzip, br"]),
                ("/api/v1/collections/parade-1", .get, [.origin: website]),
                ("/api/v1/collections/parade-1", .get, [.origin: "https://elsewhere.example"]),
                ("/api/v1/assets/\(id)", .head, [:]),
                ("/api/v1/search?q=band", .get, [:]),
                ("/api/v1/feed.json", .get, [.acceptEncoding: "gzip"]),
                ("/api/v1/openapi.json", .get, [:]),
                ("/api/v1/collections", .get, [.ifNoneMatch: collectionsTag]),
                (thumbnail, .get, [.ifNoneMatch: thumbnailTag]),
                (thumbnail, .head, [.origin: website]),
            ]
            for (index, (uri, method, headers)) in cases.enumerated() {
                _ = try await client.execute(uri: uri, method: method, headers: headers) { $0.status }
                let before = lane.answered
                let fast = try await client.execute(uri: uri, method: method, headers: headers) { Seen($0) }
                #expect(lane.answered == before + 1, "\(uri) \(method): a repeated target is the lane's")
                // A target never seen (an extra query parameter, which the router ignores) is the router's.
                let fresh = uri + (uri.contains("?") ? "&" : "?") + "fresh=\(index)"
                let routed = try await client.execute(uri: fresh, method: method, headers: headers) { Seen($0) }
                #expect(lane.answered == before + 1, "\(fresh) \(method): a new target is the router's")
                #expect(fast.status == 200 || fast.status == 304)
                #expect(fast == routed, "\(uri) \(method) \(headers)")
            }
        }
    }

    @Test func aChangeInTheCatalogReachesTheLane() async throws {
        try await withServerAndLane(.live) { client, fixture, lane in
            let uri = "/api/v1/assets/\(fixture.ids["psa1"]!)"
            for _ in 0..<2 { try await client.execute(uri: uri, method: .get) { #expect($0.status == .ok) } }
            #expect(lane.answered == 1)
            try fixture.catalog.editAsset(publicId: fixture.ids["psa1"]!, field: .status, value: "draft")
            var status = HTTPResponse.Status.ok
            for _ in 0..<250 where status != .notFound {
                try await Task.sleep(for: .milliseconds(20))
                status = try await client.execute(uri: uri, method: .get) { $0.status }
            }
            #expect(status == .notFound, "a withdrawn asset leaves the lane with the next refresh")
        }
    }

    @Test func pipelinedAnswersKeepTheirOrder() async throws {
        try await withServerAndLane(.live) { client, _, lane in
            let port = try #require(client.port)
            // Known to the lane: it would answer this at once if it ignored the requests before it.
            let known = try await client.execute(uri: "/api/v1/collections", method: .get) { try #require($0.headers[.eTag]) }
            let routed = ["/api/v1/search?q=band", "/api/v1/feed.json"]
            let request = { (target: String, close: Bool) in
                "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n" + (close ? "Connection: close\r\n" : "") + "\r\n"
            }
            let raw = try RawConnection.exchange(port: port, request(routed[0], false) + request("/api/v1/collections", false)
                                                 + request(routed[1], true))
            let tags = try await [client.execute(uri: routed[0], method: .get) { try #require($0.headers[.eTag]) }, known,
                                  client.execute(uri: routed[1], method: .get) { try #require($0.headers[.eTag]) }]
            let positions = tags.map { raw.range(of: "ETag: \($0)\r\n")?.lowerBound }
            #expect(positions.allSatisfy { $0 != nil }, "three answers: \(raw.prefix(300))")
            #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "answers in request order")
        }
    }

    @Test func datesAreIMFFixdate() {
        #expect(HTTPDate.format(0) == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(HTTPDate.format(951_782_400) == "Tue, 29 Feb 2000 00:00:00 GMT")
        #expect(HTTPDate.format(1_795_816_182) == "Fri, 27 Nov 2026 21:49:42 GMT")
    }
}

/// A plain TCP connection to the test server: one write, then everything until the server closes.
enum RawConnection {
    static func exchange(port: Int, _ text: String) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        let bytes = Array(text.utf8)
        guard send(fd, bytes, bytes.count, 0) == bytes.count else { throw POSIXError(.EIO) }
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(fd, &chunk, chunk.count, 0)
            if count <= 0 { break }
            received += chunk[0..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }
}
