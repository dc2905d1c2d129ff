import Catalog
@testable import CatalogServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

/// Range requests, validators and streaming over a real socket.
struct LiveServerTests {
    /// Range header → status, bytes of the 300,000-byte file, Content-Range.
    static let rangeCases: [(String, HTTPResponse.Status, ClosedRange<Int>?, String?)] = [
        ("bytes=0-99", .partialContent, 0...99, "bytes 0-99/300000"),
        ("bytes=299990-", .partialContent, 299_990...299_999, "bytes 299990-299999/300000"),
        ("bytes=-10", .partialContent, 299_990...299_999, "bytes 299990-299999/300000"),
        ("bytes=100000-999999999", .partialContent, 100_000...299_999, "bytes 100000-299999/300000"),
        ("bytes=-999999", .partialContent, 0...299_999, "bytes 0-299999/300000"),
        ("bytes=300000-", .rangeNotSatisfiable, nil, "bytes */300000"),
        ("bytes=-0", .rangeNotSatisfiable, nil, "bytes */300000"),
        ("bytes=5-1", .ok, 0...299_999, nil),
        ("bytes=0-1,5-6", .ok, 0...299_999, nil),
        ("items=0-1", .ok, 0...299_999, nil),
        ("bytes=abc", .ok, 0...299_999, nil),
    ]

    /// The published original is the clean rendition, read from the rendition root: the library
    /// file is gone and it is still served, byte for byte the rendition's.
    @Test func rangesOfAnOriginal() async throws {
        try await withServer(.live) { client, fixture in
            try FileManager.default.removeItem(at: fixture.library)
            let uri = "/originals/\(fixture.ids["psa1"]!).mp4"
            let clean = try #require(try fixture.rendition("psa1", "original"))
            let file = Array(try Data(contentsOf: fixture.renditions.appendingPathComponent(clean.path)))
            #expect(file.count == 300_000)
            let whole = try await client.execute(uri: uri, method: .get) { $0 }
            #expect(whole.status == .ok && whole.bytes == file)
            #expect(whole.headers[.acceptRanges] == "bytes" && whole.headers[.contentType] == "video/mp4")
            let etag = try #require(whole.headers[.eTag])
            #expect(etag == fileTag(clean.path))

            for (range, status, slice, contentRange) in Self.rangeCases {
                try await client.execute(uri: uri, method: .get, headers: [.range: range]) { response in
                    #expect(response.status == status, "\(range)")
                    #expect(response.headers[.contentRange] == contentRange, "\(range)")
                    if let slice { #expect(response.bytes == Array(file[slice]), "\(range)") }
                }
            }
            try await expectIfRange(client, uri: uri, etag: etag, size: 300_000)
        }
    }

    /// What a browser's player does: fetch the start of a web video, then seek.
    @Test func webRenditionsAnswerRanges() async throws {
        try await withServerAndLane(.live) { client, fixture, lane in
            let web = try #require(try fixture.rendition("psa1", "web"))
            let uri = "/renditions/" + web.path
            let file = Array(try Data(contentsOf: fixture.renditions.appendingPathComponent(web.path)))
            #expect(file.count == 100_000)
            for _ in 0..<2 {
                try await client.execute(uri: uri, method: .get, headers: [.range: "bytes=0-99"]) { response in
                    #expect(response.status == .partialContent)
                    #expect(response.bytes == Array(file[0...99]))
                    #expect(response.headers[.contentLength] == "100")
                    #expect(response.headers[.contentRange] == "bytes 0-99/100000")
                    #expect(response.headers[.contentType] == "video/mp4")
                    #expect(response.headers[.acceptRanges] == "bytes")
                    #expect(response.headers[.cacheControl] == "public, max-age=31536000, immutable")
                }
            }
            try await client.execute(uri: uri, method: .get, headers: [.range: "bytes=99990-"]) { response in
                #expect(response.status == .partialContent && response.bytes == Array(file[99_990...]))
            }
            try await client.execute(uri: uri, method: .get, headers: [.range: "bytes=100000-"]) { response in
                #expect(response.status == .rangeNotSatisfiable)
                #expect(response.headers[.contentRange] == "bytes */100000")
            }
            for _ in 0..<2 {
                try await client.execute(uri: uri, method: .get) { #expect($0.status == .ok && $0.bytes == file) }
            }
            #expect(lane.memory[web.path] == nil, "a video is never held in memory, however small")
            #expect(lane.answered == 0, "nor answered by the fast lane, which holds whole files only")
            try await expectIfRange(client, uri: uri, etag: fileTag(web.path), size: 100_000)
        }
    }

    /// A thumbnail the fast lane holds: a Range request for it still gets its range.
    @Test func aRangeOfAThumbnailInMemoryIsTheRouters() async throws {
        try await withServerAndLane(.live) { client, fixture, lane in
            let thumb = try #require(try fixture.rendition("psa1", "thumb"))
            let uri = "/renditions/" + thumb.path
            let file = Array(try Data(contentsOf: fixture.renditions.appendingPathComponent(thumb.path)))
            for _ in 0..<2 { try await client.execute(uri: uri, method: .get) { #expect($0.bytes == file) } }
            #expect(lane.memory[thumb.path] != nil)
            let answered = lane.answered
            #expect(answered == 1, "the second whole request was the lane's")
            try await client.execute(uri: uri, method: .get, headers: [.range: "bytes=0-3"]) { response in
                #expect(response.status == .partialContent)
                #expect(response.bytes == Array(file[0...3]))
            }
            try await client.execute(uri: uri, method: .head, headers: [.range: "bytes=0-3"]) { response in
                #expect(response.status == .partialContent)
                #expect(response.headers[.contentLength] == "4")
            }
            #expect(lane.answered == answered)
        }
    }

    /// If-Range: the range applies only to the version named; If-None-Match: 304.
    func expectIfRange(_ client: some TestClientProtocol, uri: String, etag: String, size: Int) async throws {
        try await client.execute(uri: uri, method: .get, headers: [.range: "bytes=0-9", .ifRange: etag]) {
            #expect($0.status == .partialContent && $0.bytes.count == 10, "\(uri)")
        }
        try await client.execute(uri: uri, method: .get, headers: [.range: "bytes=0-9", .ifRange: "\"stale\""]) {
            #expect($0.status == .ok && $0.bytes.count == size, "\(uri)")
        }
        try await client.execute(uri: uri, method: .get, headers: [.ifNoneMatch: etag]) {
            #expect($0.status == .notModified && $0.body.readableBytes == 0, "\(uri)")
        }
    }

    @Test func documentsOverASocket() async throws {
        try await withServer(.live) { client, _ in
            let first = try await client.execute(uri: "/api/v1/collections", method: .get, headers: [.acceptEncoding: "gzip"]) { $0 }
            #expect(first.status == .ok && first.headers[.contentEncoding] == "gzip")
            let etag = try #require(first.headers[.eTag])
            try await client.execute(uri: "/api/v1/collections", method: .get, headers: [.acceptEncoding: "gzip", .ifNoneMatch: etag]) {
                #expect($0.status == .notModified)
            }
        }
    }

    @Test func aChangedOrEscapingRenditionIsNotServed() async throws {
        try await withServer(.live) { client, fixture in
            let uri = "/originals/\(fixture.ids["psa2"]!).mp4"
            try await client.execute(uri: uri, method: .get) { #expect($0.status == .ok) }
            // Not the size the catalog recorded: not the file that was rendered.
            let psa2 = try #require(try fixture.rendition("psa2", "original"))
            try Data(repeating: 9, count: 10).write(to: fixture.renditions.appendingPathComponent(psa2.path))
            try await client.execute(uri: uri, method: .get) { #expect($0.status == .notFound) }
            // A link out of the rendition root, in place of a published original.
            let radio = try #require(try fixture.rendition("radio", "original"))
            let uriOfRadio = "/originals/\(fixture.ids["radio"]!).m4a"
            try await client.execute(uri: uriOfRadio, method: .get) { #expect($0.status == .ok) }
            let link = fixture.renditions.appendingPathComponent(radio.path)
            try FileManager.default.removeItem(at: link)
            let passwords = URL(fileURLWithPath: "/etc/passwd")
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: passwords)
            try await client.execute(uri: uriOfRadio, method: .get, headers: [.range: "bytes=0-9"]) {
                #expect($0.status == .notFound)
            }
        }
    }
}
