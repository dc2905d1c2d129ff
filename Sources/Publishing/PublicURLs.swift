/// The URLs of everything public, in one place so the server's routes, the documents' links and
/// the export's file names agree.
public struct PublicURLs: Sendable {
    public static let apiPrefix = "/api/v1"
    let base: String

    init(base: String) {
        self.base = base
    }

    var collections: String { base + Self.apiPrefix + "/collections" }
    func collection(_ slug: String) -> String { collections + "/" + slug }
    func asset(_ publicId: String) -> String { base + Self.apiPrefix + "/assets/" + publicId }
    var feed: String { base + Self.apiPrefix + "/feed.json" }
    var openAPI: String { base + Self.apiPrefix + "/openapi.json" }
    var schema: String { base + Self.apiPrefix + "/schemas/v1.json" }
    func search(_ query: String) -> String { base + Self.apiPrefix + "/search?q=" + Self.percentEncoded(query) }
    func rendition(_ path: String) -> String { base + "/renditions/" + path }
    func original(_ name: String) -> String { base + "/originals/" + name }

    /// `text` safe inside a query value: unreserved characters stay, every other byte is %XX.
    static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 0x80, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-._~".unicodeScalars.contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
