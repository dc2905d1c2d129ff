internal import GRDB

/// Public identifiers: 12 random characters from a 31-character alphabet without look-alikes
/// (no i, l, o, 0 or 1; about 59 bits). Random rather than derived from the file, so nothing
/// about the source (its path, its bytes) can be read from a URL, and it never has to change.
enum PublicID {
    private static let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")

    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<12).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }

    static func unique(_ db: Database) throws -> String {
        while true {
            let id = make()
            if try !(Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM asset WHERE publicId = ?)", arguments: [id]) ?? false) {
                return id
            }
        }
    }
}
