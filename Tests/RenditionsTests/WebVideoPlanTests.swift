import MediaBindings
import Testing
@testable import Renditions

/// Which rungs a video gets and what is copied or encoded, decided on plain values.
struct WebVideoPlanTests {
    static func picture(_ codec: String = "h264", profile: String? = "High", width: Int = 1920, height: Int = 1080,
                        format: String = "yuv420p", depth: Int = 8) -> VideoSource.Picture {
        VideoSource.Picture(index: 0, codec: codec, profile: profile, width: width, height: height, pixelFormat: format,
                            bitDepth: depth, frameRate: 30)
    }

    static let aac = VideoSource.Sound(index: 1, codec: "aac", profile: "LC", channels: 2, sampleRate: 48_000)
    let options = RenditionOptions()

    func plan(_ picture: VideoSource.Picture?, sound: VideoSource.Sound? = aac, loudness: Loudness? = nil) -> WebVideoPlan {
        WebVideoPlan.make(VideoSource(picture: picture, sound: sound, container: "mov,mp4"), loudness: loudness, options: options)
    }

    @Test func h264WithinTheBoxIsCopiedAndGetsASmallRung() {
        let plan = plan(Self.picture())
        #expect(plan.rungs == [.init(variant: .web, picture: .copy), .init(variant: .webSmall, picture: .encode(width: 640, height: 360))])
        #expect(plan.reasons.isEmpty)
    }

    @Test func smallVideoGetsNoSmallRung() {
        #expect(plan(Self.picture(width: 640, height: 360)).rungs == [.init(variant: .web, picture: .copy)])
    }

    @Test(arguments: [
        (picture("hevc", profile: "Main"), ["HEVC"]),
        (picture(profile: "High 10", format: "yuv420p10le", depth: 10), ["H.264 High 10 profile", "10-bit"]),
        (picture(profile: "High 4:2:2", format: "yuv422p"), ["H.264 High 4:2:2 profile", "4:2:2"]),
        (picture(width: 3840, height: 2160), ["larger than 1920 px"]),
    ])
    func whatMustBeEncoded(_ picture: VideoSource.Picture, reasons: [String]) {
        let plan = plan(picture)
        #expect(plan.reasons == reasons)
        #expect(plan.rungs.first?.picture == .encode(width: 1920, height: 1080))
    }

    @Test func interlacedHDRAndOddSizes() {
        var p = Self.picture(width: 1280, height: 720)
        p.interlaced = true
        p.transfer = "smpte2084"
        #expect(WebVideoPlan.reasonsToEncode(p, box: 1920) == ["interlaced", "HDR (PQ)"])
        // 1080×1350 fitted into 640: 512×640; 853×480 stays, made even.
        #expect(WebVideoPlan.encoding(Self.picture(width: 1080, height: 1350), box: 640) == .encode(width: 512, height: 640))
        #expect(WebVideoPlan.encoding(Self.picture(width: 853, height: 481), box: 1920) == .encode(width: 854, height: 482))
    }

    @Test func rotationAndNonSquarePixelsDecideTheDisplaySize() {
        var p = Self.picture(width: 1920, height: 1080)
        p.rotation = 90
        #expect(WebVideoPlan.encoding(p, box: 640) == .encode(width: 360, height: 640))
        var dv = Self.picture(width: 720, height: 480, format: "yuv420p")
        dv.sampleAspect = 32.0 / 27  // DV widescreen
        #expect(WebVideoPlan.reasonsToEncode(dv, box: 1920) == ["non-square pixels"])
        #expect(WebVideoPlan.encoding(dv, box: 1920) == .encode(width: 854, height: 480))
    }

    @Test func soundAtTheTargetIsCopiedOtherwiseEncodedWithAGain() {
        let atTarget = Loudness(integrated: -16.4, truePeak: -3)
        #expect(plan(Self.picture(), loudness: atTarget).sound == .copy)
        #expect(plan(Self.picture(), loudness: Loudness(integrated: -23, truePeak: -9)).sound == .encode(gain: 7, limit: false))
        // Raised 10 dB, a -4 dBTP peak would reach +6: the limiter goes on.
        #expect(plan(Self.picture(), loudness: Loudness(integrated: -26, truePeak: -4)).sound == .encode(gain: 10, limit: true))
        // Whisper-quiet: raised at most 20 dB.
        #expect(plan(Self.picture(), loudness: Loudness(integrated: -60, truePeak: -40)).sound == .encode(gain: 20, limit: false))
    }

    @Test func soundThatIsNotPlainAACIsEncodedEvenAtTheTarget() {
        let atTarget = Loudness(integrated: -16, truePeak: -3)
        let mp3 = VideoSource.Sound(index: 1, codec: "mp3", profile: nil, channels: 2, sampleRate: 44_100)
        let surround = VideoSource.Sound(index: 1, codec: "aac", profile: "LC", channels: 6, sampleRate: 48_000)
        let heAAC = VideoSource.Sound(index: 1, codec: "aac", profile: "HE-AAC", channels: 2, sampleRate: 48_000)
        for sound in [mp3, surround, heAAC] {
            #expect(plan(Self.picture(), sound: sound, loudness: atTarget).sound == .encode(gain: 0, limit: false))
        }
        #expect(plan(Self.picture(), sound: nil).sound == .none)
        #expect(plan(Self.picture(), loudness: Loudness(integrated: nil, truePeak: nil)).sound == .copy)
    }

    @Test func audioFilesAndDisabledVariantsGetNoRungs() {
        #expect(plan(nil).rungs.isEmpty)
        var options = RenditionOptions()
        options.variants.remove(.webSmall)
        let plan = WebVideoPlan.make(VideoSource(picture: Self.picture(), sound: nil, container: "mov"), loudness: nil, options: options)
        #expect(plan.rungs.map(\.variant) == [.web])
    }
}
