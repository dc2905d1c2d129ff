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
        /// Present for a video or audio file when the collection publishes originals and the file
        /// carries no camera serial, telemetry, or position its collection does not publish.
        var original: Original?
    }

    struct Location: Encodable, Equatable {
        var latitude: Double
        var longitude: Double
    }

    struct Original: Encodable, Equatable {
        var url: String
        var mimeType: String
        var bytes: Int64
    }

    var schemaVersion = publicSchemaVersion
    var asset: Body
    var jsonLd: LinkedDataObject
}
