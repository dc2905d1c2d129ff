public import GRDB

/// One photo, video or audio file in the catalog, with what was probed and what staff wrote.
public struct Asset: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public enum Kind: String, Codable, Sendable {
        case photo, video, audio
    }

    public var id: Int64?
    /// Stable, URL-safe identifier for public documents; survives moves, renames and edits.
    public var publicId: String
    public var collectionId: Int64
    public var kind: Kind
    /// Path relative to the library root.
    public var sourcePath: String
    public var fileSize: Int64
    /// Modification time in nanoseconds since 1970: with the size, what makes a file "unchanged".
    public var modifiedAt: Int64
    public var sha256: String
    public var format: String
    public var mimeType: String
    public var width: Int?
    public var height: Int?
    public var displayWidth: Int?
    public var displayHeight: Int?
    public var duration: Double?
    /// UTC instant when the offset is known, else the local wall time (ISO 8601); for sorting.
    public var captureTime: String?
    public var captureTimeLocal: String?
    public var captureOffset: String?
    /// Internal only: published only when the collection allows location.
    public var latitude: Double?
    public var longitude: Double?
    /// The full probe result (`MediaInfo` as JSON). Internal: includes serial numbers.
    public var mediaInfo: String
    public var title: String?
    public var caption: String?
    public var altText: String?
    public var credit: String?
    public var tags: [String]
    /// Who appears or speaks (who made a promise).
    public var people: [String]
    /// Number within a PSA series, unique there.
    public var psaNumber: Int?
    public var publishedDate: String?
    public var status: PublicationStatus
    /// Staff's poster frame, in seconds (nil: chosen automatically).
    public var posterTime: Double?
    /// Consent or model-release note. Internal.
    public var consentNote: String?
    public var thumbHash: String?
    /// Where the current poster was taken from.
    public var posterTimeUsed: Double?
    /// Fields a person changed with the CLI; manifests no longer overwrite them.
    public var editedFields: [String]
    public var createdAt: String
    public var updatedAt: String

    public static let databaseTableName = "asset"

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let publicId = Column(CodingKeys.publicId)
        public static let collectionId = Column(CodingKeys.collectionId)
        public static let sourcePath = Column(CodingKeys.sourcePath)
        public static let sha256 = Column(CodingKeys.sha256)
        public static let captureTime = Column(CodingKeys.captureTime)
        public static let status = Column(CodingKeys.status)
        public static let psaNumber = Column(CodingKeys.psaNumber)
        public static let publishedDate = Column(CodingKeys.publishedDate)
    }

    public static let renditions = hasMany(AssetRendition.self)
    public static let collection = belongsTo(MediaCollection.self)

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The fields staff edit; the names `editedFields` records and manifests fill.
    public enum EditableField: String, CaseIterable, Sendable {
        case title, caption, altText, credit, tags, people, psaNumber, publishedDate, posterTime, consentNote, status
    }
}
