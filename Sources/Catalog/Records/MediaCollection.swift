public import GRDB

/// A named set of assets the department publishes together: a photo gallery ("Parade 5"), a
/// campaign ("I Love Westport") or a numbered PSA series ("Westport United").
public struct MediaCollection: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case gallery, campaign, psaSeries
    }

    public var id: Int64?
    /// Stable and URL-safe: lowercase letters, digits and hyphens.
    public var slug: String
    public var title: String
    /// `title` with numbers padded, so "Parade 10" sorts after "Parade 5".
    public var sortKey: String
    public var kind: Kind
    public var description: String?
    /// ISO date, "2020-03-22".
    public var publishedDate: String?
    public var status: PublicationStatus
    /// Whether GPS positions of this collection's assets may be published (off by default).
    public var allowLocation: Bool
    /// Whether viewers may download the original of each video and recording (off by default).
    /// What they get is its clean original: the picture and sound copied into a fresh file
    /// without any metadata, never the file itself.
    public var publishOriginals: Bool
    public var coverAssetId: Int64?
    /// Fields a person changed with the CLI; manifests no longer overwrite them.
    public var editedFields: [String]
    public var createdAt: String
    public var updatedAt: String

    public static let databaseTableName = "collection"

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let slug = Column(CodingKeys.slug)
        public static let sortKey = Column(CodingKeys.sortKey)
        public static let status = Column(CodingKeys.status)
    }

    public init(slug: String, title: String, kind: Kind, now: String) {
        self.slug = slug
        self.title = title
        self.sortKey = NaturalSort.key(title)
        self.kind = kind
        self.status = .draft
        self.allowLocation = false
        self.publishOriginals = false
        self.editedFields = []
        self.createdAt = now
        self.updatedAt = now
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// True when `slug` is usable in a URL path as it is.
    public static func isValidSlug(_ slug: String) -> Bool {
        guard let first = slug.unicodeScalars.first, !slug.isEmpty, slug.count <= 80 else { return false }
        let allowed = { (c: Unicode.Scalar) in ("a"..."z").contains(c) || ("0"..."9").contains(c) }
        return allowed(first) && slug.unicodeScalars.allSatisfy { allowed($0) || $0 == "-" }
    }

    /// A slug made from a folder name or title: "Parade 5" → "parade-5".
    public static func slug(from text: String) -> String {
        var slug = ""
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return String(slug.prefix(80))
    }
}

/// Drafts are invisible to everything public; only published items are served or exported.
public enum PublicationStatus: String, Codable, Sendable {
    case draft, published
}
