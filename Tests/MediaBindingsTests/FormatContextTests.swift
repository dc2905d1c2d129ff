import Testing
import TestSupport
@testable import MediaBindings

struct FormatContextTests {
    func open(_ name: String, timeLimit: Double = 10) throws -> FormatContext {
        try FormatContext(url: "file:" + Fixtures.path(name), timeLimit: timeLimit, options: ["protocol_whitelist": "file"])
    }

    @Test func readsContainerAndStreams() throws {
        let context = try open("videos/faststart.mp4")
        try context.findStreamInfo()
        #expect(context.formatName == "mov,mp4,m4a,3gp,3g2,mj2")
        #expect(abs((context.duration ?? 0) - 2) < 0.05)
        #expect(context.metadata.contains { $0.key == "title" && $0.value == "Fast start" })
        let streams = try context.streamsCompletedByParsers()
        #expect(streams.map(\.mediaType) == [.video, .audio])
        #expect(streams[0].codecName == "h264")
        #expect(streams[0].width == 320 && streams[0].height == 240)
        #expect(streams[0].averageFrameRate == Rational(num: 30, den: 1))
        #expect(streams[1].sampleRate == 48000 && streams[1].channels == 2 && streams[1].channelLayout == "stereo")
    }

    /// With `skip_frame=all` the H.264 decoder leaves the pixel format unknown; the parser fills it.
    @Test func parserFillsWhatSkippedDecodingLeftOut() throws {
        let context = try open("videos/faststart.mp4")
        try context.findStreamInfo()
        #expect(context.streams[0].pixelFormat == nil)
        #expect(try context.streamsCompletedByParsers()[0].pixelFormat == "yuv420p")
    }

    @Test func displayMatrixRotationIsCounterClockwise() throws {
        let context = try open("videos/rotated-90.mov")
        try context.findStreamInfo()
        #expect(context.streams[0].displayMatrixRotation == -90)
    }

    @Test func missingFileCarriesFFmpegsMessage() {
        #expect {
            _ = try open("videos/does-not-exist.mp4")
        } throws: { error in
            let ffmpeg = error as? FFmpegError
            return ffmpeg?.function == "avformat_open_input" && ffmpeg?.message == "No such file or directory"
        }
    }

    @Test func logDetailExplainsTheFailure() {
        #expect {
            _ = try open("bad/truncated-moov-last.mp4")
        } throws: { error in
            (error as? FFmpegError)?.detail == "moov atom not found"
        }
    }

    @Test func deadlineInterrupts() {
        #expect {
            _ = try open("videos/faststart.mp4", timeLimit: -1)
        } throws: { error in
            (error as? FFmpegError)?.isTimeout == true
        }
    }

    @Test func extentReachesTheEndOfACompleteFile() throws {
        let context = try open("videos/faststart.mp4")
        try context.findStreamInfo()
        let extent = try context.extent(declaredDuration: 2)
        #expect(extent.readToEnd)
        #expect((extent.reached ?? 0) > 1.9)
    }
}
