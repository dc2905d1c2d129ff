/// The schema version every document carries; bumped only for changes that break readers.
/// Still 1 with web videos and clean originals: `sources`, `download`, the new variants and
/// formats and `RenditionLink`'s `codecs`, `bitRate` and `duration` are all additions, and a
/// reader of version 1 that ignores what it does not know reads every document as before.
public let publicSchemaVersion = 1

/// One file made from an asset, as a browser fetches it.
struct RenditionLink: Encodable, Equatable {
    /// "thumb", "preview", "download", "poster", "storyboard", "storyboard-cues", "web" or
    /// "web-small"; never "original" (published originals are `AssetDocument.Original`).
    var variant: String
    /// "jpeg", "webp", "vtt" or, for web videos, "mp4".
    var format: String
    var mimeType: String
    var url: String
    var width: Int?
    var height: Int?
    var bytes: Int
    /// Video and audio files: RFC 6381 codecs, "avc1.640028, mp4a.40.2".
    var codecs: String? = nil
    /// Video and audio files: average bits per second.
    var bitRate: Int64? = nil
    /// Video and audio files: seconds.
    var duration: Double? = nil
}

/// When a photo or video was taken: the wall-clock time where it was taken, the offset from
/// UTC when it is known, and the UTC instant when it is known (a video may record only that).
struct CaptureTimeDocument: Encodable, Equatable {
    var local: String?
    var offset: String?
    var utc: String?
}

/// What the file is encoded with, for players and curious viewers.
struct CodecSummary: Encodable, Equatable {
    struct Video: Encodable, Equatable {
        var codec: String?
        var profile: String?
        var frameRate: Double?
        var bitDepth: Int?
    }

    struct Audio: Encodable, Equatable {
        var codec: String?
        var profile: String?
        var channels: Int?
        var sampleRate: Int?
    }

    var bitRate: Int64?
    var video: Video?
    var audio: Audio?
}

/// A published collection named from an asset or search result.
struct CollectionReference: Encodable, Equatable {
    var slug: String
    var title: String
    var url: String
}

/// How many published assets a collection holds, by kind.
struct AssetCounts: Encodable, Equatable {
    var total = 0
    var photos = 0
    var videos = 0
    var audio = 0
}

/// The image that stands for a collection in a list.
struct CoverDocument: Encodable, Equatable {
    var assetId: String
    var width: Int?
    var height: Int?
    var thumbHash: String?
    var renditions: [RenditionLink]
}

/// An asset as it appears in lists (a collection page, search results).
struct AssetSummary: Encodable, Equatable {
    var id: String
    var kind: String
    var url: String
    var collection: String
    var title: String?
    var caption: String?
    var altText: String?
    var width: Int?
    var height: Int?
    var duration: Double?
    var captureTime: CaptureTimeDocument?
    var publishedDate: String?
    var psaNumber: Int?
    var thumbHash: String?
    var thumbnails: [RenditionLink]
}

/// The body of every 4xx/5xx answer.
struct ErrorDocument: Encodable {
    struct Detail: Encodable {
        var status: Int
        var message: String
    }

    var schemaVersion = publicSchemaVersion
    var error: Detail
}
