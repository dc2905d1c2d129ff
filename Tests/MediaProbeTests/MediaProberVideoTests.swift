import Testing
import TestSupport
@testable import MediaProbe

/// Probes the generated video and audio fixtures and checks exact values.
struct MediaProberVideoTests {
    let prober = MediaProber()

    func probe(_ name: String) throws -> MediaInfo {
        try prober.probe(path: Fixtures.path(name))
    }

    @Test func fastStartMP4() throws {
        let info = try probe("videos/faststart.mp4")
        #expect(info.kind == .video)
        #expect(info.format == "mp4")
        #expect(info.mimeType == "video/mp4")
        #expect(info.fastStart == true)
        #expect(info.width == 320 && info.height == 240 && info.rotation == 0)
        #expect(abs((info.duration ?? 0) - 2.0) < 0.05)
        #expect(info.title == "Fast start")
        #expect(info.captureTime == CaptureTime(local: nil, offset: nil, utc: "2022-06-04T14:00:00Z", source: "creation_time"))
        let streams = try #require(info.streams)
        #expect(streams.count == 2)
        let video = streams[0], audio = streams[1]
        #expect(video.codec == "h264" && video.profile == "High" && video.pixelFormat == "yuv420p")
        #expect(video.bitDepth == 8 && video.frameRate == 30 && video.hdr == nil)
        #expect(audio.codec == "aac" && audio.channels == 2 && audio.channelLayout == "stereo" && audio.sampleRate == 48000)
    }

    @Test func notFastStart() throws {
        #expect(try probe("videos/not-faststart.mp4").fastStart == false)
    }

    @Test func portraitPhoneClip() throws {
        let info = try probe("videos/rotated-90.mov")
        #expect(info.format == "mov" && info.mimeType == "video/quicktime")
        #expect(info.width == 320 && info.height == 240)
        #expect(info.rotation == 90)
        #expect(info.displayWidth == 240 && info.displayHeight == 320)
        #expect(info.captureTime == CaptureTime(local: "2020-03-26T10:15:00", offset: "-04:00", utc: "2020-03-26T14:15:00Z",
                                                source: "com.apple.quicktime.creationdate"))
        #expect(info.location == GeoLocation(latitude: 41.1415, longitude: -73.3579, altitude: 5,
                                             source: "com.apple.quicktime.location.ISO6709"))
        #expect(info.camera == CameraInfo(make: "Apple", model: "iPhone 11"))
    }

    @Test(arguments: [("videos/rotated-180.mp4", 180, 320, 240), ("videos/rotated-270.mp4", 270, 240, 320)])
    func otherRotations(_ name: String, _ rotation: Int, _ width: Int, _ height: Int) throws {
        let info = try probe(name)
        #expect(info.rotation == rotation)
        #expect(info.displayWidth == width && info.displayHeight == height)
    }

    @Test func mp4LocationAtom() throws {
        let l = try #require(try probe("videos/location.mp4").location)
        #expect(abs(l.latitude + 33.8568) < 1e-5 && abs(l.longitude + 151.2153) < 1e-5)
        #expect(l.source == "location")
    }

    @Test func hdr10() throws {
        let video = try #require(try probe("videos/hdr10.mp4").streams?.first)
        #expect(video.codec == "hevc" && video.profile == "Main 10")
        #expect(video.pixelFormat == "yuv420p10le" && video.bitDepth == 10)
        #expect(video.colorPrimaries == "bt2020" && video.colorTransfer == "smpte2084" && video.hdr == true)
        #expect(video.frameRate == 25)
    }

    @Test func audioOnly() throws {
        let info = try probe("videos/audio.m4a")
        #expect(info.kind == .audio && info.format == "m4a" && info.mimeType == "audio/mp4")
        #expect(info.width == nil && info.rotation == nil)
        let audio = try #require(info.streams?.first)
        #expect(audio.channels == 1 && audio.channelLayout == "mono" && audio.sampleRate == 44100 && audio.language == "eng")
    }

    @Test func fullRangeH264DecodesToTheJFormat() throws {
        #expect(try probe("videos/full-range.mp4").streams?.first?.pixelFormat == "yuvj420p")
    }

    @Test func clipUnderASecond() throws {
        let info = try probe("videos/short.mp4")
        #expect(info.kind == .video)
        #expect((info.duration ?? 1) < 0.5)
    }
}
