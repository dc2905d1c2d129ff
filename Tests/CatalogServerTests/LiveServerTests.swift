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

    @Test func rangesOfAnOriginal() async throws {
        try await withServer(.live) { client, fixture in
            let uri = "/originals/\(fixture.ids["psa1"]!).mp4"
            let file = Array(try Data(contentsOf: fixture.library.appendingPathComponent("westport-united/psa-1.mp4")))
            #expect(file.count == 300_000)
            let whole = try await client.execute(uri: uri, method: .get) { $0 }
            #expect(whole.status == .ok && whole.bytes == file)
            #expect(whole.headers[.acceptRanges] == "bytes" && whole.headers[.contentType] == "video/mp4")
            let etag = try #require(whole.headers[.eTag])

            for (range, status, slice, contentRange) in Self.rangeCases {
                try await client.execute(uri: uri, method: .get, headers: [.range: range]) { response in
                    #expect(response.status == status, "\(range)")
                    #expect(response.headers[.contentRange] == contentRange, "\(range)")
                    if let slice { #expect(response.bytes == Array(file[slice]), "\(range)") }
                }
            }
            // If-Range: the range applies only to the version named.
            try await client.execute(uri: uri, method: .get, headers: [.range: "bytes=0-9", .ifRange: etag]) {
                #expect($0.status == .partialContent && $0.bytes.count == 10)
            }
            try await client.execute(uri: uri, method: .get, headers: [.range: "bytes=0-9", .ifRange: "\"stale\""]) {
                #expect($0.status == .ok && $0.bytes.count == 300_000)
            }
            try await client.execute(uri: uri, method: .get, headers: [.ifNoneMatch: etag]) {
                #expect($0.status == .notModified && $0.body.readableBytes == 0)
            }
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

    @Test func anOriginalChangedAfterIngestIsNotServed() async throws {
        try await withServer(.live) { client, fixture in
            let uri = "/originals/\(fixture.ids["psa2"]!).mp4"
            try await client.execute(uri: uri, method: .get) { #expect($0.status == .ok) }
            // Same size, new bytes and time: it may carry what nobody reviewed.
            let path = fixture.library.appendingPathComponent("westport-united/psa-2.mp4")
            try Data(repeating: 9, count: 5000).write(to: path)
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: path.path)
            try await client.execute(uri: uri, method: .get) { #expect($0.status == .notFound) }
            // A link out of the library, in place of a published original.
            let promise = fixture.library.appendingPathComponent("i-love-westport/resident.mp4")
            let uriOfPromise = "/originals/\(fixture.ids["promiseA"]!).mp4"
            try await client.execute(uri: uriOfPromise, method: .get) { #expect($0.status == .ok) }
            try FileManager.default.removeItem(at: promise)
            try FileManager.default.createSymbolicLink(at: promise, withDestinationURL: URL(fileURLWithPath: "/etc/passwd"))
            try await client.execute(uri: uriOfPromise, method: .get) { #expect($0.status == .notFound) }
        }
    }
}
