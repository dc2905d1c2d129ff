import Testing
@testable import MediaBindings

struct ExifDataTests {
    /// "Exif\0\0" + a little-endian TIFF with IFD0 = { Make: "Acme" }.
    static let makeOnly: [UInt8] = Array("Exif\0\0".utf8) + [
        0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00,  // II*, IFD0 at 8
        0x01, 0x00,  // one entry
        0x0F, 0x01, 0x02, 0x00, 0x05, 0x00, 0x00, 0x00, 0x1A, 0x00, 0x00, 0x00,  // Make, ASCII, 5, @26
        0x00, 0x00, 0x00, 0x00,  // no next IFD
        0x41, 0x63, 0x6D, 0x65, 0x00,  // "Acme\0"
    ]

    @Test func readsOnlyWhatTheFileSays() throws {
        let tags = try Self.makeOnly.withUnsafeBytes { try ExifData(bytes: $0).tags }
        #expect(tags[.ifd0, 0x010F] == .text("Acme"))
        // libexif's "follow the specification" option would add mandatory tags such as a
        // DateTime of now; it is off, so IFD0 holds exactly one tag.
        #expect(tags.values[.ifd0]?.count == 1)
        #expect(tags.values[.exif] == nil)
        #expect(tags.problems.isEmpty)
    }

    @Test func garbageIsReportedNotInvented() throws {
        let bytes = Array("Exif\0\0".utf8) + [0x58, 0x58, 0x2A, 0x00, 0, 0, 0, 8]
        let exif = try bytes.withUnsafeBytes { try ExifData(bytes: $0) }
        #expect(exif.tags.isEmpty)
        #expect(exif.firstProblem?.contains("Unknown encoding") == true)
    }

    @Test func emptyInputThrows() {
        #expect(throws: ExifError.self) {
            _ = try [UInt8]().withUnsafeBytes { try ExifData(bytes: $0) }
        }
    }

    @Test func rationalsAndIntegers() {
        let value = ExifValue.rationals([ExifRational(1, 250), ExifRational(0, 0)])
        #expect(value.reals == [0.004, nil])
        #expect(ExifValue.unsigned([6]).firstInteger == 6)
        #expect(ExifValue.rationals([ExifRational(5, 1)]).firstInteger == 5)
    }
}
