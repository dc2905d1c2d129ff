import Catalog
@testable import CatalogServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Publishing
import TestSupport

struct TestArguments: ServerArguments {
    var host = "127.0.0.1"
    var port = 0
    var corsOrigins: [String] = []
    var renditionRoot: URL
    var publishing = PublishingOptions()
    var refreshInterval: Duration = .milliseconds(20)
    var logLevel: Logger.Level = .warning

    init(_ fixture: PublishedCatalogFixture) {
        renditionRoot = fixture.renditions
    }
}

/// The ETag of a rendition file: its name without the extension, quoted.
func fileTag(_ path: String) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? ""
    return "\"" + (name.split(separator: ".").first.map(String.init) ?? "") + "\""
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var bytes: [UInt8] { Array(body.readableBytesView) }

    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]) ?? [:]
    }
}

/// Runs `test` against the server of a fresh fixture catalog, through the router or a real socket.
func withServer(_ setup: TestingSetup = .router, configure: (inout TestArguments) -> Void = { _ in },
                _ test: @escaping @Sendable (any TestClientProtocol, PublishedCatalogFixture) async throws -> Void) async throws {
    try await withServerAndLane(setup, configure: configure) { client, fixture, _ in try await test(client, fixture) }
}

/// `withServer`, also handing the test the server's fast lane (to read its counter).
func withServerAndLane(_ setup: TestingSetup = .router, configure: (inout TestArguments) -> Void = { _ in },
                       _ test: @escaping @Sendable (any TestClientProtocol, PublishedCatalogFixture, FastLane) async throws -> Void)
    async throws {
    let fixture = try PublishedCatalogFixture.make()
    defer { fixture.remove() }
    var arguments = TestArguments(fixture)
    configure(&arguments)
    let (app, lane) = try buildServer(arguments, catalog: fixture.catalog)
    try await app.test(setup) { client in try await test(client, fixture, lane) }
}
