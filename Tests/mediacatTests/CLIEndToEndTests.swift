import Foundation
import Testing
import TestSupport

/// Runs the built `mediacat` binary as a user would, and reads its exit status and output.
struct CLIEndToEndTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `swift test` builds the executable beside the test bundle.
    static let binary = Bundle.main.bundleURL.appendingPathComponent("mediacat")

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        // Files, not pipes: a child that fills one pipe while we drain the other would block.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mediacat-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("stdout"), errURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: try String(contentsOf: outURL, encoding: .utf8),
                   stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    @Test func badFilesGetOneLineEachAndTheBatchGoesOn() throws {
        let bad = ["bad/empty.jpg", "bad/truncated.jpg", "bad/text.mp4"].map(Fixtures.path)
        let result = try run(["probe", "--json", Fixtures.path("photos/camera.jpg")] + bad + [Fixtures.path("videos/short.mp4")])
        #expect(result.status == 1)
        let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("error: ") }
        #expect(errors.count == 3)
        for (line, path) in zip(errors, bad) { #expect(line.hasPrefix("error: \(path): ")) }
        #expect(result.stderr.contains("probed 2 of 5 files, 3 failed"))
        let entries = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        #expect(entries?.count == 5)
        #expect(entries?.compactMap { $0["info"] }.count == 2)
    }

    @Test func allGoodExitsZero() throws {
        let result = try run(["probe", Fixtures.path("photos/gps-nw.jpg")])
        #expect(result.status == 0)
        #expect(result.stdout.contains("location 41.141500, -73.357900 · 5 m · from GPS"))
    }

    /// Photos never load FFmpeg's ~130 shared libraries; videos load them on first use.
    @Test func ffmpegLoadsOnlyForVideos() throws {
        let photo = try run(["probe", Fixtures.path("photos/camera.jpg")], environment: ["LD_DEBUG": "files"])
        #expect(photo.status == 0)
        #expect(!photo.stderr.contains("libavformat"))
        let video = try run(["probe", Fixtures.path("videos/short.mp4")], environment: ["LD_DEBUG": "files"])
        #expect(video.status == 0)
        #expect(video.stderr.contains("file=libavformat.so"))
    }

    @Test func validationErrorsAreUsageErrors() throws {
        let result = try run(["probe", "--jobs", "0", "x.jpg"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--jobs must be at least 1."))
    }
}

extension CLIEndToEndTests {
    @Test func renderWritesRenditionsAndReportsFailures() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("mediacat-cli-render-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try run(["render", "--json", "--formats", "jpeg", "--out", out.path,
                              Fixtures.path("photos/orientation-6.jpg"), Fixtures.path("bad/empty.jpg"), Fixtures.path("videos/short.mp4")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: \(Fixtures.path("bad/empty.jpg")): empty file (0 bytes)"))
        let entries = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        #expect(entries?.count == 3)
        let photo = entries?[0]["renditions"] as? [String: Any]
        let files = (photo?["renditions"] as? [[String: Any]])?.compactMap { $0["path"] as? String } ?? []
        #expect(files.count == 3)  // thumb, preview, download
        for file in files { #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path)) }
        let video = (entries?[2]["renditions"] as? [String: Any])?["renditions"] as? [[String: Any]] ?? []
        let web = video.first { $0["variant"] as? String == "web" }
        #expect((web?["codecs"] as? String)?.hasPrefix("avc1.") == true)
        #expect(video.contains { $0["variant"] as? String == "original" })
    }

    @Test func renderValidatesItsOptions() throws {
        #expect(try run(["render", "--out", "/tmp/x", "--variants", "thumbnail", "a.jpg"]).status == 64)
        #expect(try run(["render", "--out", "/tmp/x", "--formats", "gif", "a.jpg"]).status == 64)
        #expect(try run(["render", "--out", "/tmp/x", "--poster-at", "-1", "a.jpg"]).status == 64)
    }
}
