@testable import CatalogServer
import Hummingbird
import Testing

struct ByteRangeTests {
    @Test func parsesSingleByteRanges() {
        #expect(ByteRange(header: nil, size: 10) == .whole)
        #expect(ByteRange(header: "bytes=0-0", size: 10) == .partial(0...0))
        #expect(ByteRange(header: " bytes = 2 - 4 ", size: 10) == .whole, "the unit must be 'bytes=' exactly")
        #expect(ByteRange(header: "bytes= 2 - 4 ", size: 10) == .partial(2...4))
        #expect(ByteRange(header: "BYTES=9-", size: 10) == .partial(9...9))
        #expect(ByteRange(header: "bytes=-3", size: 10) == .partial(7...9))
        #expect(ByteRange(header: "bytes=10-", size: 10) == .unsatisfiable)
        #expect(ByteRange(header: "bytes=0-", size: 0) == .unsatisfiable)
        #expect(ByteRange(header: "bytes=-5", size: 0) == .unsatisfiable)
        #expect(ByteRange(header: "bytes=99999999999999999999-", size: 10) == .whole, "too many digits: ignored, not trapped")
        #expect(ByteRange(header: "bytes=-", size: 10) == .whole)
        #expect(ByteRange(header: "bytes=+1-2", size: 10) == .whole)
        #expect(ByteRange(header: "bytes=1-2,3-4", size: 10) == .whole)
        #expect(ByteRange(header: "bytes=" + String(repeating: "1", count: 300) + "-", size: 10) == .whole)
    }

    @Test func gzipNegotiation() {
        #expect(DocumentResponses.acceptsGzip("gzip, deflate, br"))
        #expect(DocumentResponses.acceptsGzip("br;q=1.0, gzip;q=0.8"))
        #expect(DocumentResponses.acceptsGzip("*"))
        #expect(!DocumentResponses.acceptsGzip("gzip;q=0"))
        #expect(!DocumentResponses.acceptsGzip("identity"))
        #expect(!DocumentResponses.acceptsGzip(nil))
    }

    @Test func plainPaths() {
        for path in ["/", "/x", "/renditions/ab/cd/x.jpg", "/a/.b/..c/", "/%41"] {
            #expect(ServingMiddleware<BasicRequestContext>.isPlainPath(path), "\(path)")
        }
        for path in ["/a/../b", "/a/./b", "/..", "/.", "/%2e%2e/x", "/a%2Fb", "/a\\b", "/a%00", "relative", "", "/a%2"] {
            #expect(!ServingMiddleware<BasicRequestContext>.isPlainPath(path), "\(path)")
        }
    }
}
