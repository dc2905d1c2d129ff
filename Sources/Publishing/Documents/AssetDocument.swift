/// `GET /api/v1/assets/{id}`: everything public about one asset.
struct AssetDocument: Encodable {
    struct Body: Encodable {
        var id: String
        var kind: String
        var url: String
        var collection: CollectionReference
        var title: String?
        var caption: String?
        var altText: String?
        var credit: String?
        var people: [String]
        var tags: [String]
        var psaNumber: Int?
        var captureTime: CaptureTimeDocument?
        var publishedDate: String?
        var width: Int?
        var height: Int?
        var duration: Double?
        var mimeType: String
        var media: CodecSummary
        /// Only when the collection publishes positions.
        var location: Location?
        var thumbHash: String?
        var renditions: [RenditionLink]
        /// Videos: the files a player chooses from, in order (`<source>` elements), whatever the
        /// collection says about originals. Empty until the web renditions are made.
        var sources: [Source]?
        /// Photos: the full-size picture, upright, without metadata.
        var download: Download?
        /// Videos and audio, when the collection publishes originals: the clean original.
        var original: Original?
    }

    struct Location: Encodable, Equatable {
        var latitude: Double
        var longitude: Double
    }

    /// A web video: what a `<source src type>` needs, and what a player shows about it.
    struct Source: Encodable, Equatable {
        /// "web" or "web-small".
        var variant: String
        var url: String
        /// With the codecs parameter when known: `video/mp4; codecs="avc1.640028, mp4a.40.2"`.
        var mimeType: String
        var width: Int?
        var height: Int?
        var bytes: Int
        var bitRate: Int64?
        var duration: Double?
    }

    struct Download: Encodable, Equatable {
        var url: String
        var mimeType: String
        var width: Int?
        var height: Int?
        var bytes: Int
    }

    /// The picture and sound streams of the file, copied bit for bit into a fresh container
    /// without metadata: never the file itself.
    struct Original: Encodable, Equatable {
        var url: String
        var mimeType: String
        var bytes: Int
    }

    var schemaVersion = publicSchemaVersion
    var asset: Body
    var jsonLd: LinkedDataObject
}
