internal import CFFmpeg

/// One compressed packet: owns the `AVPacket` from `av_packet_alloc` (freed by `av_packet_free`).
/// Reused from read to read; its payload is a reference the next read replaces.
public final class Packet {
    var pointer: UnsafeMutablePointer<AVPacket>

    public init() throws(FFmpegError) {
        try FFmpegLibrary.load()
        guard let packet = av_packet_alloc() else { throw FFmpegError(function: "av_packet_alloc", code: mc_averror(ENOMEM)) }
        pointer = packet
    }

    deinit {
        var packet: UnsafeMutablePointer<AVPacket>? = pointer
        av_packet_free(&packet)
    }

    /// The index of the stream this packet belongs to, in the container it was read from.
    public var streamIndex: Int { Int(pointer.pointee.stream_index) }
    public var size: Int { Int(pointer.pointee.size) }

    /// The payload, valid until the packet is read into or released again.
    public func withBytes<T>(_ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        guard let data = pointer.pointee.data, pointer.pointee.size > 0 else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeRawBufferPointer(start: data, count: Int(pointer.pointee.size)))
    }

    /// Replaces the payload with `bytes`, which may not be longer than the current payload
    /// (filters here only ever remove data).
    public func shrink(to bytes: [UInt8]) throws(FFmpegError) {
        precondition(bytes.count <= size, "a packet may only shrink")
        try check(av_packet_make_writable(pointer), "av_packet_make_writable")
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress { pointer.pointee.data.update(from: base.assumingMemoryBound(to: UInt8.self), count: bytes.count) }
        }
        av_shrink_packet(pointer, Int32(bytes.count))
    }

    /// Drops the payload reference (the packet object stays for reuse).
    public func release() { av_packet_unref(pointer) }
}
