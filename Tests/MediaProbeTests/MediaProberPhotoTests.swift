import Testing
import TestSupport
@testable import MediaProbe

/// Probes the generated photo fixtures and checks the exact values `make-fixtures.sh` wrote.
struct MediaProberPhotoTests {
    let prober = MediaProber()

    func probe(_ name: String) throws -> MediaInfo {
        try prober.probe(path: Fixtures.path(name))
    }

    @Test(arguments: 1...8)
    func orientations(_ n: Int) throws {
        let info = try probe("photos/orientation-\(n).jpg")
        #expect(info.kind == .photo)
        #expect(info.format == "jpeg")
        #expect(info.orientation == n)
        // Stored pixels are the 96×64 reference transformed by the inverse of n.
        #expect(info.width == (n >= 5 ? 64 : 96))
        #expect(info.height == (n >= 5 ? 96 : 64))
        #expect(info.displayWidth == 96)
        #expect(info.displayHeight == 64)
        #expect(info.warnings.isEmpty)
    }

    @Test func positiveOffsetWithSubseconds() throws {
        let t = try #require(try probe("photos/offset-plus.jpg").captureTime)
        #expect(t == CaptureTime(local: "2024-07-04T09:30:15.25", offset: "+05:30", utc: "2024-07-04T04:00:15.25Z",
                                 source: "DateTimeOriginal", offsetSource: "OffsetTimeOriginal"))
    }

    @Test func negativeOffsetAcrossMidnight() throws {
        let t = try #require(try probe("photos/offset-minus.jpg").captureTime)
        #expect(t.local == "2020-03-22T23:45:00")
        #expect(t.offset == "-04:00")
        #expect(t.utc == "2020-03-23T03:45:00Z")
    }

    @Test func fallbacks() throws {
        let digitized = try #require(try probe("photos/date-digitized.jpg").captureTime)
        #expect(digitized.source == "DateTimeDigitized")
        #expect(digitized.utc == "2019-01-02T11:04:05Z")
        let zero = try #require(try probe("photos/date-zero.jpg").captureTime)
        #expect(zero.source == "DateTime")
        #expect(zero.local == "2018-06-01T12:00:00")
        #expect(zero.utc == nil)
    }

    @Test func offsetFromGPSClock() throws {
        let t = try #require(try probe("photos/date-gps-offset.jpg").captureTime)
        #expect(t.offset == "-04:00")
        #expect(t.utc == "2021-05-31T14:02:41Z")
        #expect(t.offsetSource == "GPSDateStamp+GPSTimeStamp")
    }

    @Test(arguments: [("gps-ne", 35.6586, 139.7454, 45.0), ("gps-nw", 41.1415, -73.3579, 5.0),
                      ("gps-se", -33.8568, 151.2153, -3.0), ("gps-sw", -22.9519, -43.2105, 700.0)])
    func gpsHemispheres(_ name: String, _ latitude: Double, _ longitude: Double, _ altitude: Double) throws {
        let l = try #require(try probe("photos/\(name).jpg").location)
        #expect(abs(l.latitude - latitude) < 1e-5)
        #expect(abs(l.longitude - longitude) < 1e-5)
        #expect(abs((l.altitude ?? .nan) - altitude) < 1e-3)
        #expect(l.source == "GPS")
    }

    @Test func gpsIFDWithoutPosition() throws {
        let info = try probe("photos/gps-empty.jpg")
        #expect(info.location == nil)
        #expect(info.warnings.isEmpty)
    }

    @Test func cameraExposureAndCredits() throws {
        let info = try probe("photos/camera.jpg")
        #expect(info.camera == CameraInfo(make: "Canon", model: "Canon EOS 5D Mark IV", lens: "EF24-105mm f/4L IS II USM",
                                          serialNumber: "032024001234", software: "mediacat fixtures"))
        #expect(info.exposure == ExposureInfo(exposureTime: 0.004, fNumber: 5.6, iso: 400, focalLength: 35,
                                              focalLength35mm: 52, flash: 25))
        #expect(info.exposure?.flashFired == true)
        #expect(info.artist == "Westport Police Department")
        #expect(info.copyright == "(c) Town of Westport")
        #expect(info.description == "Memorial Day parade on Main Street")
        #expect(info.width == 320 && info.height == 240)
    }

    @Test(arguments: [("photos/exif.png", "png", "image/png"), ("photos/exif.webp", "webp", "image/webp"),
                      ("photos/exif.tiff", "tiff", "image/tiff")])
    func exifInOtherContainers(_ name: String, _ format: String, _ mime: String) throws {
        let info = try probe(name)
        #expect(info.format == format)
        #expect(info.mimeType == mime)
        #expect(info.width == 120 && info.height == 80)
        #expect(info.orientation == 6)
        #expect(info.displayWidth == 80 && info.displayHeight == 120)
        #expect(info.camera?.model == "NIKON D750")
        #expect(info.captureTime?.utc == "2021-05-31T14:02:41Z")
    }

    @Test func grayPNGAndGIF() throws {
        let gray = try probe("photos/gray.png")
        #expect(gray.width == 200 && gray.height == 150 && gray.orientation == 1)
        let gif = try probe("photos/animation.gif")
        #expect(gif.format == "gif" && gif.width == 64 && gif.height == 48)
    }

    @Test func contentNotExtensionDecidesTheFormat() throws {
        let info = try probe("bad/really-a-png.jpg")
        #expect(info.format == "png")
        #expect(info.width == 96 && info.height == 64)
    }
}
