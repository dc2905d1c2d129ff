internal import GRDB

/// What a manifest (or a person) says about a collection.
public struct CollectionDescription: Sendable, Equatable {
    public var title: String?
    public var kind: MediaCollection.Kind?
    public var description: String?
    public var publishedDate: String?
    public var status: PublicationStatus?
    public var allowLocation: Bool?
    public var publishOriginals: Bool?

    public init(title: String? = nil, kind: MediaCollection.Kind? = nil, description: String? = nil,
                publishedDate: String? = nil, status: PublicationStatus? = nil, allowLocation: Bool? = nil,
                publishOriginals: Bool? = nil) {
        self.title = title
        self.kind = kind
        self.description = description
        self.publishedDate = publishedDate
        self.status = status
        self.allowLocation = allowLocation
        self.publishOriginals = publishOriginals
    }
}

extension Catalog {
    /// All collections in natural title order ("Parade 5" before "Parade 10").
    public func collections() throws -> [MediaCollection] {
        try read { db in try MediaCollection.order(MediaCollection.Columns.sortKey, MediaCollection.Columns.slug).fetchAll(db) }
    }

    public func collection(slug: String) throws -> MediaCollection? {
        try read { db in try MediaCollection.filter(MediaCollection.Columns.slug == slug).fetchOne(db) }
    }

    /// Creates the collection if it does not exist and applies what `description` says, except
    /// fields a person edited with the CLI (those win over manifests).
    @discardableResult
    public func upsertCollection(slug: String, _ description: CollectionDescription) throws -> MediaCollection {
        guard MediaCollection.isValidSlug(slug) else {
            throw CatalogError.invalid("'\(slug)' is not a valid slug: use lowercase letters, digits and hyphens")
        }
        return try write { db in
            let now = Catalog.now()
            var collection = try MediaCollection.filter(MediaCollection.Columns.slug == slug).fetchOne(db)
                ?? MediaCollection(slug: slug, title: description.title ?? slug, kind: description.kind ?? .gallery, now: now)
            let before = collection
            let edited = Set(collection.editedFields)
            if let title = description.title, !edited.contains("title") {
                collection.title = title
                collection.sortKey = NaturalSort.key(title)
            }
            if let kind = description.kind, !edited.contains("kind") { collection.kind = kind }
            if let text = description.description, !edited.contains("description") { collection.description = text }
            if let date = description.publishedDate, !edited.contains("publishedDate") { collection.publishedDate = date }
            if let status = description.status, !edited.contains("status") { collection.status = status }
            if let allow = description.allowLocation, !edited.contains("allowLocation") { collection.allowLocation = allow }
            if let allow = description.publishOriginals, !edited.contains("publishOriginals") { collection.publishOriginals = allow }
            if collection.id == nil || collection != before {
                collection.updatedAt = now
                try collection.save(db)
                if collection.title != before.title { try reindexCollection(db, collection.id!) }
            }
            return collection
        }
    }

    /// A person's edit of one field; see `editCollection(slug:changes:)`.
    @discardableResult
    public func editCollection(slug: String, field: String, value: String?) throws -> MediaCollection {
        try editCollection(slug: slug, changes: [(field, value)])
    }

    /// A person's edits, all or none: each recorded in `editedFields`, so later manifests
    /// leave the field alone.
    @discardableResult
    public func editCollection(slug: String, changes: [(String, String?)]) throws -> MediaCollection {
        try write { db in
            guard var collection = try MediaCollection.filter(MediaCollection.Columns.slug == slug).fetchOne(db) else {
                throw CatalogError.notFound("collection '\(slug)'")
            }
            for (field, value) in changes { try Self.set(field, value, on: &collection, db) }
            collection.updatedAt = Catalog.now()
            try collection.update(db)
            if changes.contains(where: { $0.0 == "title" }) { try reindexCollection(db, collection.id!) }
            return collection
        }
    }

    private static func set(_ field: String, _ value: String?, on collection: inout MediaCollection, _ db: Database) throws {
        let text = value?.isEmpty == true ? nil : value
        switch field {
        case "title":
            guard let text else { throw CatalogError.invalid("a collection needs a title") }
            collection.title = text
            collection.sortKey = NaturalSort.key(text)
        case "description": collection.description = text
        case "kind":
            guard let kind = text.flatMap(MediaCollection.Kind.init(rawValue:)) else {
                throw CatalogError.invalid("kind must be gallery, campaign or psaSeries")
            }
            collection.kind = kind
        case "publishedDate":
            guard text.map(Asset.isISODate) ?? true else { throw CatalogError.invalid("published date must be YYYY-MM-DD") }
            collection.publishedDate = text
        case "allowLocation":
            guard let flag = text.flatMap(Self.bool) else { throw CatalogError.invalid("allowLocation must be true or false") }
            collection.allowLocation = flag
        case "publishOriginals":
            guard let flag = text.flatMap(Self.bool) else { throw CatalogError.invalid("publishOriginals must be true or false") }
            collection.publishOriginals = flag
        case "status":
            guard let status = text.flatMap(PublicationStatus.init(rawValue:)) else {
                throw CatalogError.invalid("status must be draft or published")
            }
            collection.status = status
        case "cover":
            guard let publicId = text, let asset = try Asset.filter(Asset.Columns.publicId == publicId).fetchOne(db),
                  asset.collectionId == collection.id else {
                throw CatalogError.invalid("the cover must be an asset of this collection, by its public id")
            }
            collection.coverAssetId = asset.id
        default:
            throw CatalogError.invalid("unknown field '\(field)': use title, description, kind, publishedDate, allowLocation, publishOriginals, status or cover")
        }
        if !collection.editedFields.contains(field) { collection.editedFields = (collection.editedFields + [field]).sorted() }
    }

    private func reindexCollection(_ db: Database, _ id: Int64) throws {
        for assetId in try Int64.fetchAll(db, sql: "SELECT id FROM asset WHERE collectionId = ?", arguments: [id]) {
            try indexForSearch(db, assetId: assetId)
        }
    }

    static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "1", "on": true
        case "false", "no", "0", "off": false
        default: nil
        }
    }
}
