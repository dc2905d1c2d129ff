import Testing
@testable import Publishing
import Catalog

struct PublishingValuesTests {
    @Test func isoDurations() {
        #expect(LinkedDataObject.isoDuration(0) == "PT0S")
        #expect(LinkedDataObject.isoDuration(5) == "PT5S")
        #expect(LinkedDataObject.isoDuration(65.5) == "PT1M5.5S")
        #expect(LinkedDataObject.isoDuration(3600.25) == "PT1H0.25S")
        #expect(LinkedDataObject.isoDuration(.nan) == nil && LinkedDataObject.isoDuration(-1) == nil)
    }

    @Test func base64URLRoundTripsAndRejectsOtherForms() {
        for bytes in [[], [0], [0xFF, 0xFE], Array("2020-03-22\u{1F}abc".utf8), Array(0...255)] as [[UInt8]] {
            #expect(Base64URL.decode(Base64URL.encode(bytes)) == bytes)
        }
        #expect(Base64URL.decode("a+b/") == nil && Base64URL.decode("YQ==") == nil && Base64URL.decode("Y") == nil)
        #expect(Base64URL.decode("YR") == nil, "non-canonical trailing bits")
    }

    @Test func feedDates() {
        #expect(Publisher.feedDate("2020-03-22") == "2020-03-22T00:00:00Z")
        #expect(Publisher.feedDate("March 22") == nil && Publisher.feedDate("2020-3-22") == nil && Publisher.feedDate(nil) == nil)
    }

    @Test func percentEncoding() {
        #expect(PublicURLs.percentEncoded("a b&c=d/é") == "a%20b%26c%3Dd%2F%C3%A9")
    }

    @Test func originalNamesNeverCarryTheFileName() {
        var asset = PublishedCatalogValues.asset(path: "parade-1/IMG_0001 copy.JPG", mime: "image/jpeg")
        #expect(PublicFiles.originalName(asset) == "abcdefghjkmn.jpg")
        asset = PublishedCatalogValues.asset(path: "clips/weird.name.<script>", mime: "video/quicktime")
        #expect(PublicFiles.originalName(asset) == "abcdefghjkmn.quicktime")
        asset = PublishedCatalogValues.asset(path: "noextension", mime: "video/mp4")
        #expect(PublicFiles.originalName(asset) == "abcdefghjkmn.mp4")
    }
}

enum PublishedCatalogValues {
    static func asset(path: String, mime: String) -> Asset {
        Asset(publicId: "abcdefghjkmn", collectionId: 1, kind: .photo, sourcePath: path, fileSize: 1, modifiedAt: 1,
                      sha256: "00", format: "jpeg", mimeType: mime, mediaInfo: "{}", tags: [], people: [], status: .published,
                      editedFields: [], createdAt: "", updatedAt: "")
    }
}
