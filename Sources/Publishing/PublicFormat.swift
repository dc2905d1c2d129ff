/// The formats of the files mediacat publishes, by the catalog's format name: the MIME type a
/// file is served with, the extension of its public name, and whether it is a video or audio
/// file (streamed and asked for in ranges). The table mirrors `Rendition.Format`, which
/// Publishing cannot import: the public side never sees the code that makes the files.
enum PublicFormat {
    struct Entry: Sendable {
        var mimeType: String
        var fileExtension: String
        var isAudiovisual: Bool
    }

    static let table: [String: Entry] = [
        "jpeg": Entry(mimeType: "image/jpeg", fileExtension: "jpg", isAudiovisual: false),
        "webp": Entry(mimeType: "image/webp", fileExtension: "webp", isAudiovisual: false),
        "png": Entry(mimeType: "image/png", fileExtension: "png", isAudiovisual: false),
        "avif": Entry(mimeType: "image/avif", fileExtension: "avif", isAudiovisual: false),
        "vtt": Entry(mimeType: "text/vtt; charset=utf-8", fileExtension: "vtt", isAudiovisual: false),
        "mp4": Entry(mimeType: "video/mp4", fileExtension: "mp4", isAudiovisual: true),
        "mov": Entry(mimeType: "video/quicktime", fileExtension: "mov", isAudiovisual: true),
        "webm": Entry(mimeType: "video/webm", fileExtension: "webm", isAudiovisual: true),
        "mkv": Entry(mimeType: "video/x-matroska", fileExtension: "mkv", isAudiovisual: true),
        "m4a": Entry(mimeType: "audio/mp4", fileExtension: "m4a", isAudiovisual: true),
        "mp3": Entry(mimeType: "audio/mpeg", fileExtension: "mp3", isAudiovisual: true),
        "flac": Entry(mimeType: "audio/flac", fileExtension: "flac", isAudiovisual: true),
        "wav": Entry(mimeType: "audio/wav", fileExtension: "wav", isAudiovisual: true),
        "ogg": Entry(mimeType: "audio/ogg", fileExtension: "ogg", isAudiovisual: true),
    ]

    /// The Content-Type of a file in `format`; an unknown format is plain bytes.
    static func mimeType(_ format: String) -> String {
        table[format]?.mimeType ?? "application/octet-stream"
    }

    /// Treated as audiovisual when unknown: never held in memory, always answered in ranges.
    static func isAudiovisual(_ format: String) -> Bool {
        table[format]?.isAudiovisual ?? true
    }

    /// `mimeType` with the RFC 6381 `codecs` parameter a `<source type>` takes, e.g.
    /// `video/mp4; codecs="avc1.640028, mp4a.40.2"`; without it when the codecs are unknown or
    /// would not fit in a quoted string.
    static func mimeType(_ format: String, codecs: String?) -> String {
        let base = mimeType(format)
        guard let codecs, !codecs.isEmpty, codecs.utf8.count <= 200,
              codecs.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" })
        else { return base }
        return base + "; codecs=\"" + codecs + "\""
    }
}
