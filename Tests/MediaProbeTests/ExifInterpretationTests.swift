import MediaBindings
import Testing
@testable import MediaProbe

/// Decisions about EXIF values, on plain values: no files involved.
struct ExifInterpretationTests {
    private func r(_ n: Int64, _ d: Int64 = 1) -> ExifRational { ExifRational(n, d) }

    private func tags(_ ifd0: [UInt16: ExifValue] = [:], exif: [UInt16: ExifValue] = [:],
                      gps: [UInt16: ExifValue] = [:]) -> ExifTags {
        ExifTags(values: [.ifd0: ifd0, .exif: exif, .gps: gps])
    }

    @Test func invalidOrientationBecomesUprightWithWarning() {
        let e = ExifInterpretation(tags([ExifTag.orientation: .unsigned([0])]))
        #expect(e.orientation == 1)
        #expect(e.warnings == ["EXIF orientation 0 is not 1–8; treated as 1 (upright)"])
    }

    @Test func dateTimeOriginalWithOffsetAndSubseconds() throws {
        let e = ExifInterpretation(tags(exif: [
            ExifTag.dateTimeOriginal: .text("2023:10:22 09:39:48"),
            ExifTag.offsetTimeOriginal: .text("+02:00"),
            ExifTag.subSecTimeOriginal: .text("445"),
        ]))
        let t = try #require(e.captureTime)
        #expect(t == CaptureTime(local: "2023-10-22T09:39:48.445", offset: "+02:00", utc: "2023-10-22T07:39:48.445Z",
                                 source: "DateTimeOriginal", offsetSource: "OffsetTimeOriginal"))
    }

    @Test func zeroOriginalFallsThroughToDigitizedThenDateTime() throws {
        let digitized = ExifInterpretation(tags(exif: [
            ExifTag.dateTimeOriginal: .text("0000:00:00 00:00:00"),
            ExifTag.dateTimeDigitized: .text("2019:01:02 03:04:05"),
        ]))
        #expect(digitized.captureTime?.source == "DateTimeDigitized")
        let modified = ExifInterpretation(tags([ExifTag.dateTime: .text("2018:06:01 12:00:00")],
                                               exif: [ExifTag.dateTimeOriginal: .text("    :  :     :  :  ")]))
        #expect(modified.captureTime?.source == "DateTime")
        #expect(modified.captureTime?.local == "2018-06-01T12:00:00")
        #expect(modified.captureTime?.utc == nil)
    }

    @Test func offsetOfAnotherDateIsNotBorrowed() {
        let e = ExifInterpretation(tags(exif: [ExifTag.dateTimeOriginal: .text("2019:06:06 07:29:51"),
                                               ExifTag.offsetTime: .text("+02:00")]))
        #expect(e.captureTime?.offset == nil)
    }

    @Test func offsetInferredFromGPSClock() throws {
        let e = ExifInterpretation(tags(exif: [ExifTag.dateTimeOriginal: .text("2021:05:31 10:02:41")],
                                        gps: [ExifTag.gpsDateStamp: .text("2021:05:31"),
                                              ExifTag.gpsTimeStamp: .rationals([r(14), r(2), r(40)])]))
        let t = try #require(e.captureTime)
        #expect(t.offset == "-04:00")
        #expect(t.offsetSource == "GPSDateStamp+GPSTimeStamp")
    }

    @Test func staleGPSClockGivesNoOffset() {
        let e = ExifInterpretation(tags(exif: [ExifTag.dateTimeOriginal: .text("2021:05:31 10:02:41")],
                                        gps: [ExifTag.gpsDateStamp: .text("2021:05:31"),
                                              ExifTag.gpsTimeStamp: .rationals([r(13), r(40), r(0)])]))
        #expect(e.captureTime?.offset == nil)
    }

    @Test(arguments: [("N", "E", 1.0, 1.0), ("N", "W", 1.0, -1.0), ("S", "E", -1.0, 1.0), ("S", "W", -1.0, -1.0)])
    func hemispheres(_ latRef: String, _ lonRef: String, _ latSign: Double, _ lonSign: Double) throws {
        let e = ExifInterpretation(tags(gps: [
            ExifTag.gpsLatitudeRef: .text(latRef), ExifTag.gpsLatitude: .rationals([r(41), r(8), r(2994, 100)]),
            ExifTag.gpsLongitudeRef: .text(lonRef), ExifTag.gpsLongitude: .rationals([r(73), r(21), r(2844, 100)]),
            ExifTag.gpsAltitudeRef: .bytes([1]), ExifTag.gpsAltitude: .rationals([r(5)]),
        ]))
        let l = try #require(e.location)
        #expect(abs(l.latitude - latSign * (41 + 8.0 / 60 + 29.94 / 3600)) < 1e-9)
        #expect(abs(l.longitude - lonSign * (73 + 21.0 / 60 + 28.44 / 3600)) < 1e-9)
        #expect(l.altitude == -5)
    }

    @Test func nonFiniteValuesAreAbsent() {
        let e = ExifInterpretation(tags(exif: [ExifTag.exposureTime: .reals([1e-300])],
                                        gps: [ExifTag.gpsLatitude: .rationals([r(41)]), ExifTag.gpsLongitude: .rationals([r(73)]),
                                              ExifTag.gpsAltitude: .reals([.nan])]))
        #expect(e.exposure == nil)
        #expect(e.location?.altitude == nil)
    }

    @Test func gpsIFDWithoutPositionHasNoLocation() {
        let e = ExifInterpretation(tags(gps: [0x0000: .bytes([2, 3, 0, 0])]))
        #expect(e.location == nil)
        #expect(e.warnings.isEmpty)
    }

    @Test func blankGPSValuesHaveNoLocationAndWarn() {
        let e = ExifInterpretation(tags(gps: [ExifTag.gpsLatitude: .rationals([r(0, 0), r(0, 0), r(0, 0)]),
                                              ExifTag.gpsLongitude: .rationals([r(0, 0), r(0, 0), r(0, 0)])]))
        #expect(e.location == nil)
        #expect(e.warnings.count == 1)
    }

    @Test func cameraAndExposure() {
        let e = ExifInterpretation(tags([ExifTag.make: .text("Canon "), ExifTag.model: .text("  "),
                                         ExifTag.software: .text("Firmware 1.0")],
                                        exif: [ExifTag.bodySerialNumber: .text("0320"), ExifTag.exposureTime: .rationals([r(1, 250)]),
                                               ExifTag.fNumber: .rationals([r(56, 10)]), ExifTag.iso: .unsigned([400, 0]),
                                               ExifTag.focalLength: .rationals([r(0, 0)]), ExifTag.flash: .unsigned([16])]))
        #expect(e.camera == CameraInfo(make: "Canon", serialNumber: "0320", software: "Firmware 1.0"))
        #expect(e.exposure == ExposureInfo(exposureTime: 0.004, fNumber: 5.6, iso: 400, flash: 16))
        #expect(e.exposure?.flashFired == false)
    }
}
