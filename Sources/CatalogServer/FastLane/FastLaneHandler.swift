internal import Hummingbird
internal import NIOCore
internal import NIOHTTPTypes

/// Puts `FastLane` in a connection's pipeline, between the HTTP codec and the router's channel.
///
/// - Order: while a request passed to the router is unanswered, every later request on the
///   connection goes to the router too, so answers leave in request order.
/// - Back-pressure: the lane steps aside while the connection cannot take more bytes, so a
///   client that does not read meets the router's back-pressure.
/// - Closing: after a request asking to close the connection, the lane answers nothing more.
/// - Shutdown: the router's connection handler never sees the lane's requests, so it would close
///   a connection the lane is still writing to. The quiesce event that asks it to close is held
///   back until the lane's last answer is written, and the lane answers nothing after it.
///   (The router's idle timeout is off; it would not see the lane's traffic either.)
final class FastLaneHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let lane: FastLane
    /// Requests passed to the router whose answer has not ended yet.
    private var routed = 0
    /// Dropping the rest (body, end) of a request the lane answered.
    private var discarding = false
    /// A request asked to close the connection, or the server is shutting down.
    private var stepAside = false
    private var needsFlush = false
    /// Completes when the lane's latest answer has been written to the socket.
    private var lastAnswer: EventLoopFuture<Void>?

    init(lane: FastLane) {
        self.lane = lane
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request):
            if routed == 0, !stepAside, context.channel.isWritable, let answer = lane.answer(request) {
                discarding = true
                write(answer, withBody: request.method != .head, context: context)
                return
            }
            routed += 1
            if request.headerFields[.connection]?.lowercased().contains("close") == true { stepAside = true }
        case .body:
            if discarding { return }
        case .end:
            if discarding {
                discarding = false
                return
            }
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data), routed > 0 { routed -= 1 }
        context.write(data, promise: promise)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if needsFlush {
            needsFlush = false
            context.flush()
        }
        context.fireChannelReadComplete()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard event is ChannelShouldQuiesceEvent, let lastAnswer else {
            if event is ChannelShouldQuiesceEvent { stepAside = true }
            context.fireUserInboundEventTriggered(event)
            return
        }
        stepAside = true
        self.lastAnswer = nil
        if needsFlush {
            needsFlush = false
            context.flush()
        }
        lastAnswer.assumeIsolated().whenComplete { _ in context.fireUserInboundEventTriggered(event) }
    }

    private func write(_ answer: ReadyAnswer, withBody: Bool, context: ChannelHandlerContext) {
        context.write(wrapOutboundOut(.head(HTTPResponse(status: answer.status, headerFields: answer.headers))), promise: nil)
        if withBody, let body = answer.body, body.readableBytes > 0 {
            context.write(wrapOutboundOut(.body(body)), promise: nil)
        }
        let written = context.eventLoop.makePromise(of: Void.self)
        context.write(wrapOutboundOut(.end(nil)), promise: written)
        lastAnswer = written.futureResult
        needsFlush = true
    }
}
