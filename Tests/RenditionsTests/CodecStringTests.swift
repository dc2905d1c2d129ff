import Testing
@testable import Renditions

/// RFC 6381 values from real setup records.
struct CodecStringTests {
    @Test func avcFromAvcCAndFromAnnexB() {
        #expect(CodecString.avc([1, 0x64, 0x00, 0x28, 0xFF]) == "avc1.640028")
        #expect(CodecString.avc([0, 0, 0, 1, 0x67, 0x42, 0xC0, 0x1E, 0x95]) == "avc1.42c01e")
        #expect(CodecString.avc([0, 0, 1, 0x68, 0xCE]) == nil)
        #expect(CodecString.avc([]) == nil)
    }

    /// An iPhone HEVC Main 10 record: general_profile_idc 2, compatibility 0x20000000 (bit 2),
    /// level 123 (4.1), progressive and frame-only constraint flags.
    @Test func hevcFromHvcC() {
        let record: [UInt8] = [1, 0x02, 0x20, 0x00, 0x00, 0x00, 0x90, 0, 0, 0, 0, 0, 123, 0xF0]
        #expect(CodecString.hevc(record) == "hvc1.2.4.L123.90")
        #expect(CodecString.hevc([1, 0x01, 0x60, 0, 0, 0, 0xB0, 0, 0, 0, 0, 0, 93]) == "hvc1.1.6.L93.B0")
    }

    @Test func av1AndAudio() {
        #expect(CodecString.av1([0x81, 0x08, 0x0C, 0x00]) == "av01.0.08M.08")
        #expect(CodecString.of(codec: "aac", profile: "LC", extradata: [0x11, 0x90]) == "mp4a.40.2")
        #expect(CodecString.of(codec: "aac", profile: "HE-AAC", extradata: []) == "mp4a.40.5")
        #expect(CodecString.of(codec: "aac", profile: nil, extradata: [0x2B, 0x92, 0x08, 0x00]) == "mp4a.40.5")
        #expect(CodecString.of(codec: "mp3", profile: nil, extradata: []) == "mp4a.40.34")
        #expect(CodecString.of(codec: "opus", profile: nil, extradata: []) == "opus")
        #expect(CodecString.of(codec: "prores", profile: nil, extradata: []) == nil)
    }
}
