internal import Foundation

extension Asset {
    /// Sets one editable field from text, as staff type it and manifests write it.
    /// Tags and people are comma-separated; an empty value clears the field.
    /// - Returns: true when the value changed.
    @discardableResult
    public mutating func set(_ field: EditableField, to text: String?) throws(CatalogError) -> Bool {
        let value = text?.trimmingCharacters(in: .whitespacesAndNewlines)
        let empty = value?.isEmpty ?? true
        let before = self
        switch field {
        case .title: title = empty ? nil : value
        case .caption: caption = empty ? nil : value
        case .altText: altText = empty ? nil : value
        case .credit: credit = empty ? nil : value
        case .consentNote: consentNote = empty ? nil : value
        case .tags: tags = Self.list(value)
        case .people: people = Self.list(value)
        case .psaNumber:
            guard empty || Int(value!).map({ $0 > 0 && $0 < 100_000 }) == true else {
                throw .invalid("PSA number must be a whole number from 1, not '\(value!)'")
            }
            psaNumber = empty ? nil : Int(value!)
        case .publishedDate:
            guard empty || Self.isISODate(value!) else { throw .invalid("published date must be YYYY-MM-DD, not '\(value!)'") }
            publishedDate = empty ? nil : value
        case .posterTime:
            guard empty || Double(value!).map({ $0 >= 0 && $0.isFinite }) == true else {
                throw .invalid("poster time must be 0 or more seconds, not '\(value!)'")
            }
            posterTime = empty ? nil : Double(value!)
        case .status:
            guard let status = PublicationStatus(rawValue: empty ? "draft" : value!) else {
                throw .invalid("status must be draft or published, not '\(value!)'")
            }
            self.status = status
        }
        return self != before
    }

    /// Remembers that a person set `field`, so manifests leave it alone from now on.
    mutating func markEdited(_ field: EditableField) {
        if !editedFields.contains(field.rawValue) { editedFields = (editedFields + [field.rawValue]).sorted() }
    }

    /// Comma-separated text as a list: trimmed, blanks dropped, order kept, duplicates removed.
    static func list(_ text: String?) -> [String] {
        var seen = Set<String>()
        return (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
    }

    /// "2020-03-22", a real calendar date.
    public static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m), d >= 1 else { return false }
        let days = [31, y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return d <= days[m - 1]
    }
}
