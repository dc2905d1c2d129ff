public import GRDB

/// A file made from an asset (thumbnail, preview, poster, storyboard), by its path relative to
/// the rendition root.
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

    public static let databaseTableName = "rendition"

    public enum Columns {
        public static let assetId = Column(CodingKeys.assetId)
        public static let path = Column(CodingKeys.path)
        public static let variant = Column(CodingKeys.variant)
    }

    public init(assetId: Int64, variant: String, format: String, width: Int?, height: Int?, bytes: Int, path: String,
                thumbHash: String?) {
        self.assetId = assetId
        self.variant = variant
        self.format = format
        self.width = width
        self.height = height
        self.bytes = bytes
        self.path = path
        self.thumbHash = thumbHash
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
