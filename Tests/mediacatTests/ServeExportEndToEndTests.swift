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
        // Graceful shutdown: SIGTERM ends the server cleanly.
        server.terminate()
        let deadline = Date().addingTimeInterval(10)
        while server.isRunning, Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!server.isRunning && server.terminationStatus == 0)
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

    func get(_ url: String) async throws -> (Data, Int) {
        var request = URLRequest(url: URL(string: url)!)
        request.setValue("identity", forHTTPHeaderField: "Accept-Encoding")
        let (data, response) = try await URLSession.shared.data(for: request)
        return (data, (response as? HTTPURLResponse)?.statusCode ?? 0)
    }
}
