import ArgumentParser
import Foundation
import MediaProbe
import Testing
import TestSupport
@testable import mediacat

struct ProbeCommandTests {
    @Test func parsesOptions() throws {
        let command = try Mediacat.Probe.parse(["--json", "--jobs", "3", "--time-limit", "2.5", "a.jpg", "b.mp4"])
        #expect(command.json)
        #expect(command.jobs == 3)
        #expect(command.timeLimit == 2.5)
        #expect(command.paths == ["a.jpg", "b.mp4"])
    }

    @Test(arguments: [["--jobs", "0", "a.jpg"], ["--time-limit", "0", "a.jpg"], ["--time-limit", "inf", "a.jpg"],
                      ["--time-limit", "1e300", "a.jpg"], []])
    func rejectsBadArguments(_ arguments: [String]) {
        #expect(throws: (any Error).self) { _ = try Mediacat.Probe.parse(arguments) }
    }

    @Test func exitStatusIsOneWhenAnyFileFails() throws {
        let command = try Mediacat.Probe.parse(["--json", Fixtures.path("photos/camera.jpg"), Fixtures.path("bad/empty.jpg")])
        #expect {
            try command.run()
        } throws: { error in
            (error as? ExitCode) == ExitCode(1)
        }
    }

    @Test func succeedsWhenEveryFileReads() throws {
        let command = try Mediacat.Probe.parse([Fixtures.path("photos/orientation-6.jpg")])
        try command.run()
    }

    @Test func walksFoldersRecursivelySortedSkippingHidden() {
        let files = FileWalker.expand([Fixtures.path("videos"), "/nonexistent/x.jpg"])
        #expect(files.first == Fixtures.path("videos/audio.m4a"))
        #expect(files.last == "/nonexistent/x.jpg")
        #expect(files == files.dropLast().sorted() + ["/nonexistent/x.jpg"])
        #expect(!files.contains { $0.split(separator: "/").last?.hasPrefix(".") == true })
    }

    @Test func jsonHasOneEntryPerFileInOrder() throws {
        let info = try MediaProber().probe(path: Fixtures.path("photos/gps-nw.jpg"))
        let outcomes: [Outcome<MediaInfo, ProbeError>] = [
            Outcome(path: "gps-nw.jpg", result: .success(info)),
            Outcome(path: "empty.jpg", result: .failure(ProbeError(path: "empty.jpg", reason: .empty)))]
        let json = try BatchJSON.render(outcomes, key: "info") { $0.reason.description }
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
        #expect(decoded?.count == 2)
        #expect(decoded?[0]["path"] as? String == "gps-nw.jpg")
        #expect((decoded?[0]["info"] as? [String: Any])?["kind"] as? String == "photo")
        #expect(decoded?[1]["error"] as? String == "empty file (0 bytes)")
    }

    @Test func textSummary() throws {
        let info = try MediaProber().probe(path: Fixtures.path("videos/rotated-90.mov"))
        let text = ProbeText.render(path: "clip.mov", info: info)
        #expect(text.hasPrefix("clip.mov\n  video    mov · 320×240 rotated 90° → shown 240×320 · 2 s"))
        #expect(text.contains("  taken    2020-03-26T10:15:00 · -04:00 · from com.apple.quicktime.creationdate\n"))
        #expect(text.contains("  location 41.141500, -73.357900 · 5 m · from com.apple.quicktime.location.ISO6709\n"))
    }

    @Test func shutterAndNumbers() {
        #expect(ProbeText.shutter(0.004) == "1/250 s")
        #expect(ProbeText.shutter(2) == "2 s")
        #expect(ProbeText.shutter(1e-300).hasPrefix("1/999999"))  // formats, does not trap
        #expect(ProbeText.decimal(5.60, 1) == "5.6")
        #expect(ProbeText.decimal(35.0, 1) == "35")
    }
}
