internal import Hummingbird
internal import NIOCore
internal import NIOHTTPTypes

/// Puts `FastLane` in a connection's pipeline, between the HTTP codec and the router's channel.
/// Responses leave in request order: while a request passed to the router is unanswered, every
/// later request on the connection goes to the router too. The lane also steps aside while the
/// connection cannot take more bytes, so a client that does not read meets the router's
/// back-pressure.
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
    private var needsFlush = false

    init(lane: FastLane) {
        self.lane = lane
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request):
            if routed == 0, context.channel.isWritable, let answer = lane.answer(request) {
                discarding = true
                write(answer, withBody: request.method != .head, context: context)
                return
            }
            routed += 1
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

    private func write(_ answer: ReadyAnswer, withBody: Bool, context: ChannelHandlerContext) {
        context.write(wrapOutboundOut(.head(HTTPResponse(status: answer.status, headerFields: answer.headers))), promise: nil)
        if withBody, let body = answer.body, body.readableBytes > 0 {
            context.write(wrapOutboundOut(.body(body)), promise: nil)
        }
        context.write(wrapOutboundOut(.end(nil)), promise: nil)
        needsFlush = true
    }
}
