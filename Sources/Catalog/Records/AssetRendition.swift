public import GRDB

/// A file made from an asset (thumbnail, preview, poster, storyboard, web video, clean
/// original), by its path relative to the rendition root.
public struct AssetRendition: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var assetId: Int64
    public var variant: String
    public var format: String
    public var width: Int?
    public var height: Int?
    public var bytes: Int
    public var path: String
    public var thumbHash: String?
    /// RFC 6381 codecs of a video or audio file ("avc1.640028, mp4a.40.2").
    public var codecs: String?
    /// Average bits per second of a video or audio file.
    public var bitRate: Int64?
    /// Seconds, for video and audio files.
    public var duration: Double?

    public static let databaseTableName = "rendition"

    public enum Columns {
        public static let assetId = Column(CodingKeys.assetId)
        public static let path = Column(CodingKeys.path)
        public static let variant = Column(CodingKeys.variant)
    }

    /// The row for one rendition of `assetId`: the one place a `RenditionContent` becomes a row.
    public init(assetId: Int64, content: RenditionContent) {
        self.assetId = assetId
        variant = content.variant
        format = content.format
        width = content.width
        height = content.height
        bytes = content.bytes
        path = content.path
        thumbHash = content.thumbHash
        codecs = content.codecs
        bitRate = content.bitRate
        duration = content.duration
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
