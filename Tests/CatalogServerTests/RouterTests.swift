import Catalog
@testable import CatalogServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Publishing
import Testing
import TestSupport

/// Every endpoint and header through the router.
struct RouterTests {
    @Test func documentsCarryTheirHeaders() async throws {
        try await withServer { client, fixture in
            let id = fixture.ids["psa1"]!
            for uri in ["/api/v1/collections", "/api/v1/collections/parade-1", "/api/v1/collections/westport-united?limit=1&kind=video",
                        "/api/v1/assets/\(id)", "/api/v1/search?q=band", "/api/v1/feed.json", "/api/v1/openapi.json", "/api/v1/schemas/v1.json"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    #expect(response.headers[.eTag]?.hasPrefix("\"") == true, "\(uri)")
                    #expect(response.headers[.cacheControl] == "public, max-age=60")
                    #expect(response.headers[.vary] == "Accept-Encoding")
                    #expect(response.headers[.contentType]?.contains("json") == true, "\(uri)")
                    #expect(response.headers[.contentEncoding] == nil)
                }
            }
        }
    }

    @Test func serverBytesAreThePublisherBytes() async throws {
        try await withServer { client, fixture in
            let publisher = try Publisher(catalog: fixture.catalog, options: PublishingOptions())
            let document = try publisher.document(.collection(slug: "westport-united"))
            try await client.execute(uri: "/api/v1/collections/westport-united", method: .get) { response in
                #expect(response.bytes == document.body && response.headers[.eTag] == document.etag)
            }
            try await client.execute(uri: "/api/v1/collections/westport-united", method: .get, headers: [.acceptEncoding: "br, gzip"]) { response in
                #expect(response.headers[.contentEncoding] == "gzip")
                #expect(response.bytes == document.gzipped && response.headers[.eTag] == document.gzipETag)
            }
            try await client.execute(uri: "/api/v1/collections/westport-united", method: .get, headers: [.acceptEncoding: "gzip;q=0"]) { response in
                #expect(response.headers[.contentEncoding] == nil)
            }
        }
    }

    @Test func currentETagsGet304() async throws {
        try await withServer { client, _ in
            let etag = try await client.execute(uri: "/api/v1/collections", method: .get) { $0.headers[.eTag] }
            try await client.execute(uri: "/api/v1/collections", method: .get, headers: [.ifNoneMatch: "\"old\", \(etag!)"]) { response in
                #expect(response.status == .notModified && response.body.readableBytes == 0)
                #expect(response.headers[.eTag] == etag)
            }
            try await client.execute(uri: "/api/v1/collections", method: .get, headers: [.ifNoneMatch: "\"old\""]) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func headAnswersLikeGetWithoutABody() async throws {
        try await withServer { client, fixture in
            let web = try #require(try fixture.rendition("psa1", "web"))
            for uri in ["/api/v1/collections", "/originals/\(fixture.ids["psa1"]!).mp4", "/renditions/" + web.path] {
                let length = try await client.execute(uri: uri, method: .get) { $0.body.readableBytes }
                try await client.execute(uri: uri, method: .head) { response in
                    #expect(response.status == .ok && response.body.readableBytes == 0, "\(uri)")
                    #expect(response.headers[.contentLength] == "\(length)", "\(uri)")
                }
            }
            try await client.execute(uri: "/renditions/" + web.path, method: .head) { response in
                #expect(response.headers[.contentLength] == "100000")
                #expect(response.headers[.acceptRanges] == "bytes")
                #expect(response.headers[.contentType] == "video/mp4")
            }
        }
    }

    @Test func filesCarryTheirMediaTypes() async throws {
        try await withServer { client, fixture in
            let cases = [("psa1", "web", "video/mp4"), ("psa1", "web-small", "video/mp4"),
                         ("psa1", "storyboard-cues", "text/vtt; charset=utf-8"), ("marching", "download", "image/jpeg"),
                         ("marching", "preview", "image/jpeg")]
            for (name, variant, type) in cases {
                let row = try #require(try fixture.rendition(name, variant))
                try await client.execute(uri: "/renditions/" + row.path, method: .get) { response in
                    #expect(response.status == .ok, "\(name) \(variant)")
                    #expect(response.headers[.contentType] == type, "\(name) \(variant)")
                    #expect(response.headers[.acceptRanges] == "bytes")
                    #expect(response.headers[.eTag] == fileTag(row.path))
                }
            }
            for (name, type) in [("psa1", "video/mp4"), ("radio", "audio/mp4")] {
                let ext = type == "audio/mp4" ? "m4a" : "mp4"
                try await client.execute(uri: "/originals/\(fixture.ids[name]!).\(ext)", method: .get) { response in
                    #expect(response.status == .ok, "\(name)")
                    #expect(response.headers[.contentType] == type)
                    #expect(response.headers[.cacheControl] == "public, max-age=3600")
                }
            }
        }
    }

    @Test func anOriginalIsFetchableOnlyWherePublishedAndNeverAsARendition() async throws {
        try await withServer { client, fixture in
            var uris: [String] = []
            for name in ["psa1", "radio", "promiseA", "promiseB"] {
                uris.append("/renditions/" + (try #require(try fixture.rendition(name, "original"))).path)
            }
            uris += ["/originals/\(fixture.ids["promiseA"]!).mp4", "/originals/\(fixture.ids["promiseB"]!).mp4",
                     "/originals/\(fixture.ids["psa1"]!).m4a", "/originals/\(fixture.ids["radio"]!).mp4"]
            for uri in uris {
                for headers: HTTPFields in [[:], [.range: "bytes=0-9"]] {
                    try await client.execute(uri: uri, method: .get, headers: headers) {
                        #expect($0.status == .notFound, "\(uri)")
                    }
                }
            }
            // A campaign video without published originals still plays.
            let web = try #require(try fixture.rendition("promiseA", "web"))
            try await client.execute(uri: "/renditions/" + web.path, method: .get) { #expect($0.status == .ok) }
        }
    }

    @Test func renditionsAreImmutableAndOnlyPublished() async throws {
        try await withServer { client, fixture in
            let publisher = try Publisher(catalog: fixture.catalog, options: PublishingOptions())
            let path = try #require(publisher.files.renditions.keys.first { $0.hasSuffix(".webp") })
            try await client.execute(uri: "/renditions/" + path, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.cacheControl] == "public, max-age=31536000, immutable")
                #expect(response.headers[.contentType] == "image/webp")
                #expect(response.bytes == Array(try Data(contentsOf: fixture.renditions.appendingPathComponent(path))))
                let etag = try #require(response.headers[.eTag])
                try await client.execute(uri: "/renditions/" + path, method: .get, headers: [.ifNoneMatch: etag]) {
                    #expect($0.status == .notModified)
                }
            }
            // The draft PSA #3's thumbnail exists on disk but is not public.
            let draft = try #require(try fixture.catalog.asset(publicId: fixture.ids["psa3"]!))
            let hidden = try #require(try fixture.catalog.renditions(assetId: draft.id!).first?.path)
            #expect(FileManager.default.fileExists(atPath: fixture.renditions.appendingPathComponent(hidden).path))
            try await client.execute(uri: "/renditions/" + hidden, method: .get) { #expect($0.status == .notFound) }
        }
    }

    @Test func draftsAndUnknownsAreNotFound() async throws {
        try await withServer { client, fixture in
            for uri in ["/api/v1/collections/group-original", "/api/v1/assets/\(fixture.ids["psa3"]!)", "/api/v1/assets/\(fixture.ids["group"]!)",
                        "/api/v1/assets/zzzzzzzzzzzz", "/api/v1/collections/nope", "/originals/\(fixture.ids["marching"]!).jpg",
                        "/originals/\(fixture.ids["psa3"]!).mp4", "/nothing", "/api/v2/collections"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    #expect((response.json["error"] as? [String: Any])?["status"] as? Int == 404, "\(uri): \(response.text)")
                }
            }
        }
    }

    @Test func badRequestsAreExplained() async throws {
        try await withServer { client, _ in
            for (uri, status) in [("/api/v1/collections/parade-1?limit=500", HTTPResponse.Status.badRequest),
                                  ("/api/v1/collections/parade-1?limit=ten", .badRequest), ("/api/v1/collections/parade-1?cursor=%00", .badRequest),
                                  ("/api/v1/collections/parade-1?kind=pdf", .badRequest), ("/api/v1/search", .badRequest),
                                  ("/api/v1/search?q=%20", .badRequest), ("/api/v1/search?q=" + String(repeating: "a", count: 201), .badRequest),
                                  ("/api/v1/search?q=" + String(repeating: "a", count: 3000), .uriTooLong)] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == status, "\(uri.prefix(80))")
                    #expect(response.headers[.cacheControl] == "no-store")
                }
            }
            try await client.execute(uri: "/api/v1/collections", method: .post) { response in
                #expect(response.status == .methodNotAllowed && response.headers[.allow] == "GET, HEAD, OPTIONS")
            }
        }
    }

    @Test func hostilePathsNeverReachAFile() async throws {
        try await withServer { client, fixture in
            let psa1 = fixture.ids["psa1"]!
            for uri in ["/renditions/../../etc/passwd", "/renditions/%2e%2e/%2e%2e/etc/passwd", "/renditions/..%2f..%2fetc%2fpasswd",
                        "/originals/..%2Fcatalog.sqlite", "/originals/%2e%2e", "/renditions//etc/passwd", "/renditions/%00",
                        "/originals/\(psa1).mp4%00.txt", "/renditions/aa\\..\\..\\etc", "/originals/../catalog.sqlite",
                        "/originals/\(psa1)", "/originals/\(psa1).MP4", "/renditions/", "/api/v1/assets/..%2F..%2Fcatalog.sqlite",
                        "/api/v1/collections/parade-1%2F..%2F..", "/renditions/" + fixture.library.path + "/westport-united/psa-1.mp4"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect((400..<500).contains(Int(response.status.code)), "\(uri) → \(response.status)")
                    #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                    #expect(!response.text.contains("/tmp") && !response.text.contains("Error("), "\(uri): \(response.text)")
                }
            }
        }
    }

    @Test func corsOnlyForConfiguredOrigins() async throws {
        try await withServer(configure: { $0.corsOrigins = ["https://www.westportct.gov"] }) { client, _ in
            try await client.execute(uri: "/api/v1/collections", method: .get, headers: [.origin: "https://www.westportct.gov"]) { response in
                #expect(response.headers[.accessControlAllowOrigin] == "https://www.westportct.gov")
                #expect(response.headers[.vary] == "Accept-Encoding, Origin")
                #expect(response.headers[.accessControlExposeHeaders]?.contains("ETag") == true)
            }
            try await client.execute(uri: "/api/v1/collections", method: .get, headers: [.origin: "https://evil.example"]) { response in
                #expect(response.headers[.accessControlAllowOrigin] == nil)
            }
            try await client.execute(uri: "/api/v1/collections", method: .options,
                                     headers: [.origin: "https://www.westportct.gov", .accessControlRequestMethod: "GET"]) { response in
                #expect(response.status == .noContent)
                #expect(response.headers[.accessControlAllowMethods] == "GET, HEAD, OPTIONS")
                #expect(response.headers[.accessControlAllowHeaders]?.contains("Range") == true)
            }
        }
        try await withServer { client, _ in
            try await client.execute(uri: "/api/v1/collections", method: .get, headers: [.origin: "https://www.westportct.gov"]) { response in
                #expect(response.headers[.accessControlAllowOrigin] == nil, "no origins configured: no CORS")
            }
        }
    }

    @Test func catalogChangesReachTheServer() async throws {
        try await withServer { client, fixture in
            let psa3 = fixture.ids["psa3"]!
            try await client.execute(uri: "/api/v1/assets/\(psa3)", method: .get) { #expect($0.status == .notFound) }
            let before = try await client.execute(uri: "/api/v1/collections/westport-united", method: .get) { $0.headers[.eTag] }
            try fixture.catalog.editAsset(publicId: psa3, field: .status, value: "published")
            // The watcher polls every 20 ms in tests; allow it a generous time on a busy machine.
            var status = HTTPResponse.Status.notFound
            for _ in 0..<250 where status != .ok {
                try await Task.sleep(for: .milliseconds(20))
                status = try await client.execute(uri: "/api/v1/assets/\(psa3)", method: .get) { $0.status }
            }
            #expect(status == .ok)
            let after = try await client.execute(uri: "/api/v1/collections/westport-united", method: .get) { $0.headers[.eTag] }
            #expect(before != after)
        }
    }
}
