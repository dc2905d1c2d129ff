/// Reads a media file's facts in-process: libexif, libjpeg-turbo and libheif for photos,
/// libavformat for video and audio. The kind is decided from the content, never the extension.
public struct MediaProber: Sendable {
    public let options: ProbeOptions

    public init(options: ProbeOptions = ProbeOptions()) {
        self.options = options
    }

    /// libavformat options for opening untrusted files: only the `file:` protocol, only
    /// ordinary containers (see `VideoProbe.allowedFormats`), strict error detection. Anything
    /// that opens a file with libavformat uses these; pass the path as "file:" + path.
    public static let containerOptions = [
        "protocol_whitelist": "file", "format_whitelist": VideoProbe.allowedFormats, "err_detect": "explode",
    ]

    /// Probes one file on the calling thread. Video probing stops at the time limit on its own;
    /// `probeAll` also bounds photos, whose parsers cannot be interrupted.
    public func probe(path: String) throws(ProbeError) -> MediaInfo {
        do {
            return try probeOrThrowReason(path: path)
        } catch {
            throw ProbeError(path: path, reason: error)
        }
    }

    private func probeOrThrowReason(path: String) throws(ProbeError.Reason) -> MediaInfo {
        let file = try SourceFile(path: path)
        guard file.size > 0 else { throw .empty }
        let head = try file.read(at: 0, count: 64)
        let format = head.withUnsafeBytes { FileFormat.sniff(ByteReader($0)) }
        if format == .other {
            return try VideoProbe.probe(path: path, file: file, options: options)
        }
        return try PhotoProbe.probe(path: path, format: format, file: file, options: options)
    }
}
