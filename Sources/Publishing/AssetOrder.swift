internal import Catalog
internal import Foundation

/// The order a collection's assets are published in, as comparable keys built from public
/// fields only (a cursor carries a key, so it must reveal nothing private): galleries by capture
/// time, PSA series by number, campaigns by published date, newest first. Ties go by public id.
struct AssetOrder {
    /// One asset's position: compared component by component.
    struct Key: Equatable {
        var components: [String]
    }

    let kind: MediaCollection.Kind

    /// Sorts after every date, number and id (all ASCII below "~").
    private static let last = "~"

    func key(_ asset: Asset) -> Key {
        switch kind {
        case .gallery:
            Key(components: [asset.captureTime ?? Self.last, asset.publicId])
        case .psaSeries:
            Key(components: [asset.psaNumber.map { String($0).leftPadded(to: 12) } ?? Self.last,
                             asset.publishedDate ?? Self.last, asset.publicId])
        case .campaign:
            // Newest first; undated last: "" sorts first, so it is last once reversed.
            Key(components: [asset.publishedDate ?? "", asset.publicId])
        }
    }

    /// How many components a key of this order has.
    var componentCount: Int { kind == .psaSeries ? 3 : 2 }

    /// True when `a` is published before `b`.
    func precedes(_ a: Key, _ b: Key) -> Bool {
        for (index, (x, y)) in zip(a.components, b.components).enumerated() where x != y {
            let descending = kind == .campaign && index == 0
            return descending ? x > y : x < y
        }
        return a.components.count < b.components.count
    }

    func sorted(_ assets: [Asset]) -> [(asset: Asset, key: Key)] {
        assets.map { ($0, key($0)) }.sorted { precedes($0.key, $1.key) }
    }
}

/// An opaque position in a collection's order: the key of the last asset of the previous page,
/// base64url-encoded. Keys, not offsets, so that assets published or withdrawn between two page
/// loads neither repeat nor vanish from the pages a reader has yet to see.
enum PageCursor {
    private static let separator: UInt8 = 0x1F
    static let maxLength = 512

    static func encode(_ key: AssetOrder.Key) -> String {
        let bytes = Array(key.components.joined(separator: String(UnicodeScalar(separator))).utf8)
        return Base64URL.encode(bytes)
    }

    /// The key inside `cursor`, or nil when it is not one of ours.
    static func decode(_ cursor: String, componentCount: Int) -> AssetOrder.Key? {
        guard cursor.utf8.count <= maxLength, let bytes = Base64URL.decode(cursor),
              let text = String(validating: bytes, as: UTF8.self) else { return nil }
        let components = text.split(separator: Character(UnicodeScalar(separator)), omittingEmptySubsequences: false).map(String.init)
        guard components.count == componentCount,
              components.allSatisfy({ $0.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F } }) else { return nil }
        return AssetOrder.Key(components: components)
    }
}

/// RFC 4648 §5 base64 without padding, through Foundation's base64.
enum Base64URL {
    static func encode(_ bytes: [UInt8]) -> String {
        var text = Data(bytes).base64EncodedString()
        while text.hasSuffix("=") { text.removeLast() }
        return String(text.map { $0 == "+" ? "-" : $0 == "/" ? "_" : $0 })
    }

    /// The bytes, or nil unless `text` is canonical base64url (so one position has one cursor).
    static func decode(_ text: String) -> [UInt8]? {
        guard !text.contains(where: { $0 == "+" || $0 == "/" || $0 == "=" }) else { return nil }
        var standard = String(text.map { $0 == "-" ? "+" : $0 == "_" ? "/" : $0 })
        standard += String(repeating: "=", count: (4 - standard.count % 4) % 4)
        guard let data = Data(base64Encoded: standard) else { return nil }
        let bytes = Array(data)
        return encode(bytes) == text ? bytes : nil
    }
}
