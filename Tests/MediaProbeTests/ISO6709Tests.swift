import Testing
@testable import MediaProbe

struct ISO6709Tests {
    @Test func decimalDegreesWithAltitude() throws {
        let p = try #require(ISO6709.parse("+41.1415-073.3579+005.000/"))
        #expect(p.latitude == 41.1415)
        #expect(p.longitude == -73.3579)
        #expect(p.altitude == 5)
    }

    @Test func withoutAltitude() throws {
        let p = try #require(ISO6709.parse("+34.0413-118.2546/"))
        #expect(p.latitude == 34.0413)
        #expect(p.longitude == -118.2546)
        #expect(p.altitude == nil)
    }

    @Test func degreesMinutes() throws {
        let p = try #require(ISO6709.parse("+4108.49-07321.47/"))
        #expect(abs(p.latitude - (41 + 8.49 / 60)) < 1e-9)
        #expect(abs(p.longitude + (73 + 21.47 / 60)) < 1e-9)
    }

    @Test func degreesMinutesSecondsWithCRS() throws {
        let p = try #require(ISO6709.parse("-335124+1511255/CRSWGS_84/"))
        #expect(abs(p.latitude + (33 + 51.0 / 60 + 24.0 / 3600)) < 1e-9)
        #expect(abs(p.longitude - (151 + 12.0 / 60 + 55.0 / 3600)) < 1e-9)
    }

    @Test func unrepresentableAltitudeIsDropped() throws {
        let p = try #require(ISO6709.parse("+41.1415-073.3579+" + String(repeating: "9", count: 400) + "/"))
        #expect(p.altitude == nil)
    }

    @Test(arguments: ["", "hello", "+95.0000+010.0000/", "+10.0+190.0/", "+41.1415", "41.1415-073.3579/"])
    func rejects(_ text: String) {
        #expect(ISO6709.parse(text) == nil)
    }
}
