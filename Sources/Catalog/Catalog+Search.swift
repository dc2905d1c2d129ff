internal import Foundation
internal import GRDB

extension Catalog {
    /// Keeps the full-text row of one asset in step with it and its collection.
    func indexForSearch(_ db: Database, assetId: Int64) throws {
        try db.execute(sql: """
            INSERT OR REPLACE INTO assetSearch (rowid, title, caption, altText, tags, people, collectionTitle)
            SELECT asset.id, asset.title, asset.caption, asset.altText,
                   (SELECT group_concat(value, ' ') FROM json_each(asset.tags)),
                   (SELECT group_concat(value, ' ') FROM json_each(asset.people)),
                   collection.title
            FROM asset JOIN collection ON collection.id = asset.collectionId
            WHERE asset.id = ?
            """, arguments: [assetId])
    }

    func removeFromSearch(_ db: Database, assetId: Int64) throws {
        try db.execute(sql: "DELETE FROM assetSearch WHERE rowid = ?", arguments: [assetId])
    }

    /// Assets matching `text`, best first. Words match by prefix ("parad" finds "Parade");
    /// all words must match. `publishedOnly` hides drafts and assets of draft collections.
    public func search(_ text: String, publishedOnly: Bool = false, limit: Int = 50) throws -> [Asset] {
        guard let pattern = Self.ftsPattern(text) else { return [] }
        return try read { db in
            try Asset.fetchAll(db, sql: """
                SELECT asset.* FROM assetSearch
                JOIN asset ON asset.id = assetSearch.rowid
                JOIN collection ON collection.id = asset.collectionId
                WHERE assetSearch MATCH ?
                  AND (? = 0 OR (asset.status = 'published' AND collection.status = 'published'))
                ORDER BY bm25(assetSearch, 10.0, 4.0, 2.0, 3.0, 5.0, 1.0), asset.id
                LIMIT ?
                """, arguments: [pattern, publishedOnly ? 1 : 0, max(1, min(limit, 1000))])
        }
    }

    /// A safe FTS5 query: each word quoted (so punctuation and FTS operators in user text are
    /// literal) and matched as a prefix; nil when there is nothing to search for.
    static func ftsPattern(_ text: String) -> String? {
        let words = text.split { !$0.isLetter && !$0.isNumber }.prefix(16)
        guard !words.isEmpty else { return nil }
        return words.map { "\"\($0)\"*" }.joined(separator: " ")  // the split left no quotes
    }
}
