import Testing
@testable import Renditions

/// User-data SEI messages go; every other byte stays.
struct UserDataFilterTests {
    /// An H.264 SEI NAL with a recovery point (type 6, 1 byte) and an unregistered user data
    /// message (type 5: a 16-byte UUID and "GPS").
    static let recovery: [UInt8] = [6, 1, 0x84]
    static let userData: [UInt8] = [5, 19] + Array(repeating: 0xAB, count: 16) + Array("GPS".utf8)
    static let sei: [UInt8] = [0x06] + recovery + userData + [0x80]
    static let slice: [UInt8] = [0x65, 0x88, 0x84, 0x00, 0x00, 0x03, 0x01, 0x42]

    static func lengthPrefixed(_ units: [[UInt8]]) -> [UInt8] {
        units.flatMap { unit in [0, 0, UInt8(unit.count >> 8), UInt8(unit.count & 0xFF)] + unit }
    }

    func strip(_ packet: [UInt8], codec: String = "h264") -> [UInt8]? {
        packet.withUnsafeBytes { UserDataFilter(codec: codec)!.stripped($0) }
    }

    @Test func userDataLeavesOtherMessagesAndSlicesStay() {
        let packet = Self.lengthPrefixed([Self.sei, Self.slice])
        let expected = Self.lengthPrefixed([[0x06] + Self.recovery + [0x80], Self.slice])
        #expect(strip(packet) == expected)
    }

    @Test func anSEIOfOnlyUserDataDisappears() {
        let packet = Self.lengthPrefixed([[0x06] + Self.userData + [0x80], Self.slice])
        #expect(strip(packet) == Self.lengthPrefixed([Self.slice]))
        let annexB = [0, 0, 0, 1] + [0x06] + Self.userData + [0x80] + [0, 0, 1] + Self.slice
        #expect(strip(annexB) == [0, 0, 0, 1] + Self.slice)
    }

    @Test func packetsWithoutUserDataOrUnparseableAreLeftAlone() {
        #expect(strip(Self.lengthPrefixed([[0x06] + Self.recovery + [0x80], Self.slice])) == nil)
        #expect(strip(Self.lengthPrefixed([Self.slice])) == nil)
        #expect(strip([0, 0, 0, 99, 0x06, 5]) == nil)  // length past the end
        #expect(strip(Self.lengthPrefixed([[0x06, 5, 200, 1, 2]])) == nil)  // message past the end
        #expect(UserDataFilter(codec: "vp9") == nil)
    }

    @Test func hevcPrefixSEI() {
        let nal: [UInt8] = [39 << 1, 1] + Self.userData + [0x80]
        #expect(strip(Self.lengthPrefixed([nal, [1 << 1, 1, 0xAF]]), codec: "hevc") == Self.lengthPrefixed([[1 << 1, 1, 0xAF]]))
    }

    @Test func emulationPreventionRoundTrips() {
        let rbsp: [UInt8] = [0, 0, 1, 0, 0, 0, 0, 0, 3, 7]
        let escaped = NALUnits.escaped(rbsp)
        #expect(escaped == [0, 0, 3, 1, 0, 0, 3, 0, 0, 3, 0, 3, 7])
        #expect(NALUnits.unescaped(escaped[...]) == rbsp)
    }
}
