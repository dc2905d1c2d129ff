/// Sort keys that order numbers by value: "Parade 10" after "Parade 5", "PSA #2" before "#10".
public enum NaturalSort {
    /// Lowercased text with every run of digits left-padded with zeros to 12 places.
    public static func key(_ text: String) -> String {
        var key = ""
        var digits = ""
        func flush() {
            if !digits.isEmpty {
                let trimmed = digits.drop { $0 == "0" }
                key += String(repeating: "0", count: max(0, 12 - trimmed.count)) + trimmed
                digits = ""
            }
        }
        for character in text.lowercased() {
            if character.isASCII, character.isNumber {
                digits.append(character)
            } else {
                flush()
                key.append(character)
            }
        }
        flush()
        return key
    }
}
