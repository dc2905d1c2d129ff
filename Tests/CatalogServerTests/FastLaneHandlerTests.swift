import Catalog
@testable import CatalogServer
import Hummingbird
import Logging
import NIOCore
import NIOEmbedded
import NIOHTTPTypes
import Publishing
import Testing
import TestSupport

/// The lane's handler in a real NIO pipeline (an embedded channel): when it steps aside.
struct FastLaneHandlerTests {
    /// Holds flushes (the bytes stay unwritten) until opened, like a client that reads slowly.
    final class Valve: ChannelOutboundHandler, RemovableChannelHandler {
        typealias OutboundIn = HTTPResponsePart
        var open = false
        private var held: ChannelHandlerContext?

        func flush(context: ChannelHandlerContext) {
            if open { context.flush() } else { held = context }
        }

        func release() {
            open = true
            held?.flush()
        }
    }

    /// What reaches the router's side of the lane.
    final class Probe: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = HTTPRequestPart
        var targets: [String] = []
        var quiesced = false

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            if case .head(let request) = unwrapInboundIn(data) { targets.append(request.path ?? "") }
        }

        func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
            if event is ChannelShouldQuiesceEvent { quiesced = true }
        }
    }

    static let known = "/api/v1/collections"

    /// A lane that knows `known` (as if the router had answered it once).
    static func lane(_ fixture: PublishedCatalogFixture) async throws -> FastLane {
        let cache = try DocumentCache(catalog: fixture.catalog, options: PublishingOptions())
        _ = try await cache.document(.collections)
        cache.remember(target: known, as: .collections)
        return FastLane(cache: cache, memory: RenditionMemory(), cors: nil, logger: Logger(label: "test"), serverName: "mediacat")
    }

    static func get(_ path: String, _ fields: HTTPFields = [:]) -> HTTPRequestPart {
        .head(HTTPRequest(method: .get, scheme: "http", authority: "127.0.0.1", path: path, headerFields: fields))
    }

    /// Sends one request (head and end) and returns the status the lane answered with, if it did.
    static func ask(_ channel: EmbeddedChannel, _ request: HTTPRequestPart) throws -> HTTPResponse.Status? {
        try channel.writeInbound(request)
        try channel.writeInbound(HTTPRequestPart.end(nil))
        guard case .head(let response) = try channel.readOutbound(as: HTTPResponsePart.self) else { return nil }
        while try channel.readOutbound(as: HTTPResponsePart.self) != nil {}
        return response.status
    }

    /// The router's answer to the request it was given, written from the router's side.
    static func routerAnswers(_ channel: EmbeddedChannel) throws {
        try channel.writeOutbound(HTTPResponsePart.head(HTTPResponse(status: .ok)))
        try channel.writeOutbound(HTTPResponsePart.end(nil))
        while try channel.readOutbound(as: HTTPResponsePart.self) != nil {}
    }

    @Test func answersWaitForTheRouterAndStopAfterClose() async throws {
        let fixture = try PublishedCatalogFixture.make()
        defer { fixture.remove() }
        let probe = Probe()
        let channel = EmbeddedChannel(handlers: [FastLaneHandler(lane: try await Self.lane(fixture)), probe])
        #expect(try Self.ask(channel, Self.get(Self.known)) == .ok)
        // Something only the router knows, then the known target: the router's answer comes first.
        #expect(try Self.ask(channel, Self.get("/api/v1/feed.json")) == nil)
        #expect(try Self.ask(channel, Self.get(Self.known)) == nil)
        try Self.routerAnswers(channel)
        try Self.routerAnswers(channel)
        #expect(try Self.ask(channel, Self.get(Self.known)) == .ok)
        // A request asking to close: the router answers it and everything after it.
        #expect(try Self.ask(channel, Self.get(Self.known, [.connection: "close"])) == nil)
        try Self.routerAnswers(channel)
        #expect(try Self.ask(channel, Self.get(Self.known)) == nil)
        #expect(probe.targets == ["/api/v1/feed.json", Self.known, Self.known, Self.known])
        _ = try? channel.finish()
    }

    @Test func shutdownWaitsForTheLanesLastAnswer() async throws {
        let fixture = try PublishedCatalogFixture.make()
        defer { fixture.remove() }
        let (valve, probe) = (Valve(), Probe())
        let channel = EmbeddedChannel(handlers: [valve, FastLaneHandler(lane: try await Self.lane(fixture)), probe])
        try channel.writeInbound(Self.get(Self.known))  // answered by the lane, not yet on the wire
        try channel.writeInbound(HTTPRequestPart.end(nil))
        channel.pipeline.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
        #expect(!probe.quiesced, "the router must not close while the lane's answer is unwritten")
        valve.release()
        #expect(probe.quiesced)
        // Shutting down: the router answers whatever still comes (and then closes).
        try channel.writeInbound(Self.get(Self.known))
        #expect(probe.targets == [Self.known])
        _ = try? channel.finish()
    }
}
