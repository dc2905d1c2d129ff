import Foundation
import Testing
@testable import Publishing
import TestSupport

/// Every kind of public document, validated against the published JSON Schema and the OpenAPI
/// document by an independent validator (Python's jsonschema, Draft 2020-12).
struct SchemaValidationTests {
    static func schemaName(_ request: DocumentRequest) -> String? {
        switch request {
        case .collections: "CollectionsIndex"
        case .collection: "Collection"
        case .asset: "Asset"
        case .search: "Search"
        case .feed: "Feed"
        case .openAPI, .schema: nil
        }
    }

    @Test func everyDocumentMatchesItsSchema() throws {
        let fixture = try PublishedCatalogFixture.make()
        defer { fixture.remove() }
        for options in [PublishingOptions(), PublishingOptions(baseURL: "https://media.example.org", defaultPageSize: 1)] {
            let publisher = try Publisher(catalog: fixture.catalog, options: options)
            var requests = try publisher.exportedDocuments().map(\.request)
            requests += [.search(query: "parade"), .search(query: "nothing-matches"), .collection(slug: "parade-1", limit: 1, kind: "photo")]
            var files: [(URL, String)] = []
            let folder = fixture.folder.appendingPathComponent("documents-\(options.defaultPageSize)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (index, request) in requests.enumerated() {
                guard let schema = Self.schemaName(request) else { continue }
                let url = folder.appendingPathComponent("\(index).json")
                try Data(try publisher.document(request).body).write(to: url)
                files.append((url, schema))
            }
            let error = folder.appendingPathComponent("error.json")
            try Data(Publisher.errorDocument(status: 404, message: "not found").body).write(to: error)
            files.append((error, "Error"))
            try validate(files, publisher: publisher, folder: folder)
        }
    }

    private func validate(_ files: [(URL, String)], publisher: Publisher, folder: URL) throws {
        let openAPI = folder.appendingPathComponent("openapi.json"), schema = folder.appendingPathComponent("schema.json")
        try Data(try publisher.document(.openAPI).body).write(to: openAPI)
        try Data(try publisher.document(.schema).body).write(to: schema)
        let manifest = folder.appendingPathComponent("manifest.json")
        let entries = files.map { ["file": $0.0.path, "schema": $0.1] }
        try JSONSerialization.data(withJSONObject: entries).write(to: manifest)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")  // Debian's, with python3-jsonschema
        process.arguments = [Fixtures.packageRoot.appendingPathComponent("scripts/validate-documents.py").path,
                             openAPI.path, schema.path, manifest.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "schema validation failed (python3-jsonschema comes from scripts/bootstrap.sh):\n\(text)")
        #expect(text.contains("validated \(files.count) documents"), "\(text)")
    }
}
