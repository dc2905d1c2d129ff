import MediaBindings
import Testing
@testable import Renditions

/// The filter graphs and encoder settings, as text: what FFmpeg is asked to do.
struct WebVideoEncodingTests {
    let options = RenditionOptions()

    @Test func twoRungsShareOneDecodeThroughASplit() {
        let filter = WebVideoEncoding.videoFilter(WebVideoPlanTests.picture(), sizes: [(1920, 1080), (640, 360)])
        #expect(filter == "[in]split=2[v0][v1];"
            + "[v0]scale=w=1920:h=1080:flags=bicubic:out_range=tv,format=yuv420p,setsar=1[out0];"
            + "[v1]scale=w=640:h=360:flags=bicubic:out_range=tv,format=yuv420p,setsar=1[out1]")
    }

    @Test func interlacedRotatedSourceIsDeinterlacedScaledThenTurned() {
        var p = WebVideoPlanTests.picture(width: 1920, height: 1080)
        p.interlaced = true
        p.rotation = 90
        let filter = WebVideoEncoding.videoFilter(p, sizes: [(360, 640)])
        #expect(filter == "[in]bwdif=mode=send_frame:parity=auto:deint=all,"
            + "scale=w=640:h=360:flags=bicubic:out_range=tv,format=yuv420p,setsar=1,transpose=clock[out0]")
    }

    @Test func hdrIsToneMappedAfterScaling() {
        var p = WebVideoPlanTests.picture("hevc", profile: "Main 10", format: "yuv420p10le", depth: 10)
        (p.transfer, p.primaries, p.matrix) = ("smpte2084", "bt2020", "bt2020nc")
        let filter = WebVideoEncoding.videoFilter(p, sizes: [(1280, 720)])
        #expect(filter.hasPrefix("[in]scale=w=1280:h=720:flags=bicubic,format=yuv420p10le,"
            + "zscale=tin=smpte2084:min=2020_ncl:pin=2020:rin=limited:t=linear:npl=100,format=gbrpf32le,"
            + "zscale=p=709,tonemap=tonemap=hable:desat=0,zscale=t=709:m=709:r=limited,format=yuv420p"))
        let x264 = WebVideoEncoding.x264(p, width: 1280, height: 720, quality: 23, options: options)
        #expect(x264.options["color_trc"] == "bt709")
        #expect(x264.options["color_primaries"] == "bt709")
    }

    @Test func x264SettingsCapTheBitRateByPixels() {
        let x264 = WebVideoEncoding.x264(WebVideoPlanTests.picture(), width: 1920, height: 1080, quality: 23, options: options)
        #expect(x264.encoder == "libx264")
        #expect(x264.options["crf"] == "23")
        #expect(x264.options["preset"] == "veryfast")
        #expect(x264.options["profile"] == "high")
        #expect(x264.options["g"] == "60")
        // 1920 × 1080 × 30 × 0.12 bits = 7,465 kb/s, buffer twice that.
        #expect(x264.options["maxrate"] == "7465k")
        #expect(x264.options["bufsize"] == "14930k")
    }

    @Test func soundIsConvertedGainedAndLimited() {
        let mono = VideoSource.Sound(index: 1, codec: "mp3", profile: nil, channels: 1, sampleRate: 22_050)
        #expect(WebVideoEncoding.audioConversion(mono) == "aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo")
        let plain = WebVideoEncoding.audioFilter(WebVideoPlanTests.aac, gain: 3.5, limit: false, options: options)
        #expect(plain == "[in]aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,"
            + "volume=volume=3.5000dB:precision=float[out0]")
        let limited = WebVideoEncoding.audioFilter(WebVideoPlanTests.aac, gain: 10, limit: true, options: options)
        #expect(limited.contains("alimiter=limit=0.8414:attack=5:release=50:level=false:latency=true,"
            + "aformat=sample_fmts=fltp:channel_layouts=stereo[out0]"))
    }
}
