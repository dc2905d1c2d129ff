import Catalog
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import TestSupport

/// The sample library, ingested, exported and served by the real binary: the server answers
/// every exported document with the exported bytes, and nothing private is in either.
@Suite(.serialized) struct ServeExportEndToEndTests {
    let cli = CLIEndToEndTests()

    @Test func serverAndExportAgreeOnTheSampleLibrary() async throws {
        let folder = try Fixtures.temporaryFolder("serve")
        defer { try? FileManager.default.removeItem(at: folder) }
        let catalog = folder.appendingPathComponent("catalog.sqlite").path, out = folder.appendingPathComponent("export")
        let library = Fixtures.sampleLibrary.path
        let ingest = try cli.run(["ingest", "--catalog", catalog, "--library", library, library])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let export = try cli.run(["export", "--catalog", catalog, "--out", out.path])
        #expect(export.status == 0 && export.stdout.contains(" 0 failed"), "\(export.stdout)\(export.stderr)")

        let (server, port) = try await startServer(catalog: catalog, folder: folder)
        defer { if server.isRunning { server.terminate() } }
        let documents = try exportedDocuments(out)
        // Serials of the sample cameras, their GPS, the draft collection, the library's file names and folder.
        let fileNames = (FileManager.default.enumerator(atPath: library)?.allObjects as? [String] ?? [])
            .compactMap { $0.split(separator: "/").last.map(String.init) }.filter { $0.contains(".") && $0 != "collection.yaml" }
        let secrets = ["032024001234", "6021387", "02A51537", "3378912", "41.14171", "73.3626", "group-original", "Group Original",
                       library] + fileNames
        #expect(fileNames.count >= 30)
        #expect(documents.count > 30)
        for (file, url) in documents {
            let (body, status) = try await get("http://127.0.0.1:\(port)\(url)")
            #expect(status == 200, "\(url)")
            #expect(body == (try Data(contentsOf: out.appendingPathComponent(file))), "server and export differ for \(url)")
            let text = String(decoding: body, as: UTF8.self)
            let leaked = secrets.filter { text.contains($0) }
            #expect(leaked.isEmpty, "\(url) contains \(leaked)")
        }
        try await expectPlayableDemoPSAs(documents, export: out, port: port)
        // Graceful shutdown: SIGTERM ends the server cleanly.
        server.terminate()
        let deadline = Date().addingTimeInterval(10)
        while server.isRunning, Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!server.isRunning && server.terminationStatus == 0)
    }

    /// The demo PSAs #1 and #3 carry a position, and their collection publishes originals: the
    /// documents give their web videos and clean originals, which the server and the export
    /// hand out byte for byte alike (never the library's files), in ranges too.
    func expectPlayableDemoPSAs(_ documents: [(String, String)], export out: URL, port: Int) async throws {
        var checked: [Int] = []
        for (file, _) in documents where file.hasPrefix("api/v1/assets/") {
            let data = try Data(contentsOf: out.appendingPathComponent(file))
            let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            guard let asset = json?["asset"] as? [String: Any], let number = asset["psaNumber"] as? Int,
                  [1, 3].contains(number),
                  (asset["collection"] as? [String: Any])?["slug"] as? String == "westport-united" else { continue }
            checked.append(number)
            let sources = asset["sources"] as? [[String: Any]] ?? []
            #expect(sources.first?["variant"] as? String == "web", "PSA #\(number)")
            let type = sources.first?["mimeType"] as? String ?? ""
            #expect(type.hasPrefix("video/mp4; codecs=\"avc1."), "PSA #\(number): \(type)")
            let original = try #require(asset["original"] as? [String: Any], "PSA #\(number) has a clean original")
            let url = try #require(original["url"] as? String)
            #expect(url.hasPrefix("/originals/"))
            let exported = try Data(contentsOf: out.appendingPathComponent(String(url.dropFirst())))
            #expect(exported.count == original["bytes"] as? Int)
            let (body, status) = try await get("http://127.0.0.1:\(port)\(url)")
            #expect(status == 200 && body == exported, "PSA #\(number): server and export agree on the original")
            let (start, partial) = try await get("http://127.0.0.1:\(port)\(url)", range: "bytes=0-99")
            #expect(partial == 206 && start == exported.prefix(100))
            let web = try #require(sources.first?["url"] as? String)
            let (_, webStatus) = try await get("http://127.0.0.1:\(port)\(web)", range: "bytes=0-99")
            #expect(webStatus == 206, "PSA #\(number): the web video seeks")
        }
        #expect(checked.sorted() == [1, 3])
    }

    /// Export files and the URL each stands for.
    func exportedDocuments(_ out: URL) throws -> [(String, String)] {
        let api = out.appendingPathComponent("api/v1")
        let walker = FileManager.default.enumerator(atPath: api.path)
        var found: [(String, String)] = []
        while let relative = walker?.nextObject() as? String {
            guard relative.hasSuffix(".json") else { continue }
            let file = "api/v1/" + relative
            var url = "/" + file
            if !["api/v1/feed.json", "api/v1/openapi.json", "api/v1/schemas/v1.json"].contains(file) { url.removeLast(5) }
            if let range = url.range(of: ".cursor-") { url.replaceSubrange(range, with: "?cursor=") }
            found.append((file, url))
        }
        return found.sorted { $0.0 < $1.0 }
    }

    func startServer(catalog: String, folder: URL) async throws -> (Process, Int) {
        for _ in 0..<5 {
            let port = Int.random(in: 20000...40000)
            let process = Process()
            process.executableURL = CLIEndToEndTests.binary
            process.arguments = ["serve", "--catalog", catalog, "--port", "\(port)", "--log-level", "warning"]
            // A file, not the test's own output: a server left behind must not hold the test runner's pipe.
            let log = folder.appendingPathComponent("serve-\(port).log")
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: log)
            process.standardError = try FileHandle(forWritingTo: log)
            try process.run()
            for _ in 0..<200 where process.isRunning {
                if (try? await get("http://127.0.0.1:\(port)/api/v1/collections"))?.1 == 200 { return (process, port) }
                try await Task.sleep(for: .milliseconds(50))
            }
            if process.isRunning { process.terminate() }
        }
        throw CocoaError(.featureUnsupported, userInfo: [NSLocalizedDescriptionKey: "the server did not start"])
    }

    func get(_ url: String, range: String? = nil) async throws -> (Data, Int) {
        var request = URLRequest(url: URL(string: url)!)
        request.setValue("identity", forHTTPHeaderField: "Accept-Encoding")
        if let range { request.setValue(range, forHTTPHeaderField: "Range") }
        let (data, response) = try await URLSession.shared.data(for: request)
        return (data, (response as? HTTPURLResponse)?.statusCode ?? 0)
    }
}
