import Testing
@testable import MediaProbe

struct ContainerMetadataTests {
    @Test func appleCreationDateWinsOverCreationTime() throws {
        let m = ContainerMetadata(tags: [
            ("creation_time", "2020-03-26T14:15:00.000000Z"),
            ("com.apple.quicktime.creationdate", "2020-03-26T10:15:00-0400"),
        ])
        let t = try #require(m.captureTime)
        #expect(t.source == "com.apple.quicktime.creationdate")
        #expect(t.local == "2020-03-26T10:15:00")
        #expect(t.offset == "-04:00")
        #expect(t.utc == "2020-03-26T14:15:00Z")
    }

    @Test func creationTimeIsUTCOnly() throws {
        let t = try #require(ContainerMetadata(tags: [("creation_time", "2022-06-04T14:00:00.000000Z")]).captureTime)
        #expect(t.local == nil)
        #expect(t.offset == nil)
        #expect(t.utc == "2022-06-04T14:00:00Z")
        #expect(t.source == "creation_time")
    }

    @Test func epochZeroDatesAreAbsent() {
        #expect(ContainerMetadata(tags: [("creation_time", "1904-01-01T00:00:00.000000Z")]).captureTime == nil)
        #expect(ContainerMetadata(tags: [("creation_time", "1970-01-01T00:00:00.000000Z")]).captureTime == nil)
    }

    @Test func streamCreationTimeIsTheFallback() throws {
        let m = ContainerMetadata(tags: [], streamTags: [["creation_time": "2019-07-03T18:55:03.000000Z"]])
        #expect(m.captureTime?.utc == "2019-07-03T18:55:03Z")
    }

    @Test func locationKeysInOrder() throws {
        let m = ContainerMetadata(tags: [("location", "+10.0000+020.0000/"),
                                         ("com.apple.quicktime.location.ISO6709", "+41.1415-073.3579+005.000/")])
        let l = try #require(m.location)
        #expect(l.source == "com.apple.quicktime.location.ISO6709")
        #expect(l.latitude == 41.1415)
    }

    @Test func nullIslandIsKeptWithAWarning() {
        let m = ContainerMetadata(tags: [("location", "+00.0000+000.0000/")])
        #expect(m.location == GeoLocation(latitude: 0, longitude: 0, source: "location"))
        #expect(m.warnings == ["location is exactly 0°, 0°: probably a device without a fix"])
    }

    @Test func descriptiveTags() {
        let m = ContainerMetadata(tags: [("title", "Westport United #3"), ("artist", "Westport PD"),
                                         ("com.apple.quicktime.make", "Apple"), ("com.apple.quicktime.model", "iPhone 11")])
        #expect(m.title == "Westport United #3")
        #expect(m.artist == "Westport PD")
        #expect(m.camera == CameraInfo(make: "Apple", model: "iPhone 11"))
    }

    @Test(arguments: [(-90.0, 90), (90.0, 270), (180.0, 180), (-180.0, 180), (0.0, 0), (-89.6, 90), (270.0, 90)])
    func rotationIsClockwise(_ counterClockwise: Double, _ clockwise: Int) {
        #expect(VideoProbe.clockwiseRotation(counterClockwise) == clockwise)
    }
}
