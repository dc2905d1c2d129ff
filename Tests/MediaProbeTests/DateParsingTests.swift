import Testing
@testable import MediaProbe

struct DateParsingTests {
    @Test func exifDateWithoutOffset() throws {
        let stamp = try #require(DateParsing.stamp("2023:10:22 09:39:48"))
        #expect(stamp.time.iso8601 == "2023-10-22T09:39:48")
        #expect(stamp.offsetSeconds == nil)
    }

    @Test func isoDateWithOffsetAndFraction() throws {
        let stamp = try #require(DateParsing.stamp("2019-05-12T10:20:30.250-0700"))
        #expect(stamp.time.iso8601 == "2019-05-12T10:20:30.25")
        #expect(stamp.offsetSeconds == -7 * 3600)
    }

    @Test func utcWithZuluAndZeroFraction() throws {
        let stamp = try #require(DateParsing.stamp("2022-06-04T14:00:00.000000Z"))
        #expect(stamp.time.iso8601 == "2022-06-04T14:00:00")
        #expect(stamp.offsetSeconds == 0)
    }

    @Test(arguments: ["0000:00:00 00:00:00", "    :  :     :  :  ", "", "2023:13:01 00:00:00",
                      "2023:02:30 10:00:00", "2023:10:22 24:00:00", "garbage"])
    func absentDates(_ text: String) {
        #expect(DateParsing.stamp(text) == nil)
    }

    @Test func leapDay() {
        #expect(DateParsing.stamp("2024:02:29 12:00:00") != nil)
        #expect(DateParsing.stamp("2023:02:29 12:00:00") == nil)
    }

    @Test(arguments: [("+02:00", 7200), ("-04:00", -14400), ("+0530", 19800), ("-03", -10800), ("Z", 0)])
    func offsets(_ text: String, _ seconds: Int) {
        #expect(DateParsing.offsetSeconds(text) == seconds)
    }

    @Test(arguments: ["", "   :  ", "+15:00", "+02:75", "02:00"])
    func invalidOffsets(_ text: String) {
        #expect(DateParsing.offsetSeconds(text) == nil)
    }
}

struct CivilDateTimeTests {
    @Test func epochRoundTrip() throws {
        for seconds in [0, 86_399, 951_782_400, 1_700_000_000, -1] {
            let time = try #require(CivilDateTime(epochSeconds: seconds))
            #expect(time.epochSeconds == seconds)
        }
    }

    @Test func knownEpoch() throws {
        let time = try #require(CivilDateTime(year: 2000, month: 3, day: 1, hour: 0, minute: 0, second: 0))
        #expect(time.epochSeconds == 951_868_800)
    }

    @Test func negativeOffsetCrossesMidnight() throws {
        let local = try #require(CivilDateTime(year: 2020, month: 3, day: 22, hour: 23, minute: 45, second: 0))
        let capture = CaptureTime(local, offsetSeconds: -4 * 3600, source: "DateTimeOriginal")
        #expect(capture.local == "2020-03-22T23:45:00")
        #expect(capture.offset == "-04:00")
        #expect(capture.utc == "2020-03-23T03:45:00Z")
    }

    @Test func halfHourOffsetKeepsFraction() throws {
        let local = try #require(CivilDateTime(year: 2024, month: 7, day: 4, hour: 9, minute: 30, second: 15, fraction: "25"))
        let capture = CaptureTime(local, offsetSeconds: 19_800, source: "DateTimeOriginal")
        #expect(capture.utc == "2024-07-04T04:00:15.25Z")
        #expect(capture.offset == "+05:30")
    }
}
