import Foundation
import Testing
import TestSupport
@testable import MediaProbe

/// Every kind of bad input gives one error naming the file and the reason, never a crash.
struct BadInputTests {
    let prober = MediaProber()

    func reason(_ path: String, options: ProbeOptions = ProbeOptions()) -> ProbeError.Reason? {
        do {
            _ = try MediaProber(options: options).probe(path: path)
            return nil
        } catch {
            #expect(error.path == path)
            #expect(!error.description.contains("\n"))
            return error.reason
        }
    }

    @Test func emptyFile() {
        #expect(reason(Fixtures.path("bad/empty.jpg")) == .empty)
    }

    @Test func truncatedJPEG() {
        #expect(reason(Fixtures.path("bad/truncated.jpg")) ==
            .corrupt(format: "JPEG", detail: "truncated: the image data ends without an end-of-image marker"))
    }

    @Test func textFileNamedMP4() {
        guard case .unrecognized(let detail)? = reason(Fixtures.path("bad/text.mp4")) else {
            Issue.record("expected an unrecognized-format error")
            return
        }
        #expect(detail.hasPrefix("libavformat: "))
    }

    @Test func bytesThatLookLikeAnImageSequence() {
        guard case .unrecognized(let detail)? = reason(Fixtures.path("bad/ff-bytes.jpg")) else {
            Issue.record("expected an unrecognized-format error")
            return
        }
        #expect(detail.contains("is not a container format mediacat opens"))
    }

    @Test func truncatedMediaData() {
        guard case .corrupt(let format, let detail)? = reason(Fixtures.path("bad/truncated-faststart.mp4")) else {
            Issue.record("expected a corrupt-file error")
            return
        }
        #expect(format == "mp4")
        #expect(detail.contains("truncated or damaged"))
    }

    @Test func truncatedBeforeTheMovieHeader() {
        guard case .unrecognized(let detail)? = reason(Fixtures.path("bad/truncated-moov-last.mp4")) else {
            Issue.record("expected an unrecognized-format error")
            return
        }
        #expect(detail.contains("moov atom not found"))
    }

    @Test func notRegularFiles() {
        #expect(reason(Fixtures.path("bad/folder.jpg")) == .notRegularFile)
        #expect(reason("/dev/zero") == .notRegularFile)
        let fifo = FileManager.default.temporaryDirectory.appendingPathComponent("mediacat-fifo-\(getpid())").path
        mkfifo(fifo, 0o600)
        defer { unlink(fifo) }
        #expect(reason(fifo) == .notRegularFile)
    }

    @Test func missingFile() {
        #expect(reason("/nonexistent/mediacat/nothing.jpg") == .notFound)
    }

    @Test func timeLimit() {
        #expect(reason(Fixtures.path("videos/faststart.mp4"), options: ProbeOptions(timeLimit: 1e-6)) == .timedOut(seconds: 1e-6))
    }

    @Test func hostileNamesStayOnOneLine() {
        let error = ProbeError(path: "evil\nerror: forged.jpg\u{1b}[31m", reason: .empty)
        #expect(error.description == "evil\\u{a}error: forged.jpg\\u{1b}[31m: empty file (0 bytes)")
    }

    @Test func bytesFromInsideAFileStayOnOneLine() {
        let error = ProbeError(path: "a.png", reason: .corrupt(format: "PNG", detail: "chunk 'I\nD\u{0}T' at byte 8 fails its CRC check"))
        #expect(error.description == "a.png: corrupt PNG: chunk 'I\\u{a}D\\u{0}T' at byte 8 fails its CRC check")
    }

    @Test func protocolLikeNamesAreFiles() throws {
        // libavformat would read "pipe:0" as standard input; mediacat opens it as a file.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mediacat-names-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = Fixtures.path("videos/short.mp4")
        for name in ["pipe:0", "concat:a|b.mp4", "file:x.mp4"] {
            let path = folder.appendingPathComponent(name).path
            try FileManager.default.copyItem(atPath: source, toPath: path)
            let cwd = FileManager.default.currentDirectoryPath
            _ = FileManager.default.changeCurrentDirectoryPath(folder.path)
            defer { _ = FileManager.default.changeCurrentDirectoryPath(cwd) }
            #expect(try prober.probe(path: name).kind == .video)
        }
    }

    @Test func oneBadFileDoesNotStopABatch() {
        let paths = [Fixtures.path("photos/camera.jpg"), Fixtures.path("bad/empty.jpg"),
                     Fixtures.path("bad/truncated.jpg"), Fixtures.path("videos/short.mp4")]
        let results = ResultCollector<Result<MediaInfo, ProbeError>>(count: paths.count)
        prober.probeAll(paths, jobs: 2) { index, result in results.set(index, result) }
        let collected = results.all
        #expect(collected.map { (try? $0?.get()) != nil } == [true, false, false, true])
    }
}
