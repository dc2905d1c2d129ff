/// Parses ISO 6709 position strings as QuickTime and MP4 store them:
/// "+41.1415-073.3579+005.000/", "+4108.49-07321.47/", "+410829-0732128/CRSWGS_84/".
enum ISO6709 {
    static func parse(_ text: String) -> (latitude: Double, longitude: Double, altitude: Double?)? {
        let parts = components(text)
        guard parts.count >= 2,
              let latitude = angle(parts[0], degreeDigits: 2), abs(latitude) <= 90,
              let longitude = angle(parts[1], degreeDigits: 3), abs(longitude) <= 180 else { return nil }
        let altitude = parts.count >= 3 ? Double(parts[2]).flatMap { $0.isFinite ? $0 : nil } : nil
        return (latitude, longitude, altitude)
    }

    /// Splits at each sign up to the first "/" or "CRS": ["+41.1415", "-073.3579", "+005.000"].
    private static func components(_ text: String) -> [String] {
        var parts: [String] = []
        for character in text.trimmingPrefix(while: { $0 == " " }) {
            if character == "/" || character == "C" { break }
            if character == "+" || character == "-" {
                parts.append(String(character))
            } else if character.isASCII, character.isNumber || character == ".", !parts.isEmpty {
                parts[parts.count - 1].append(character)
            } else {
                return []
            }
        }
        return parts
    }

    /// "±DD.D", "±DDMM.M" or "±DDMMSS.S" (latitude; longitude has one more degree digit).
    private static func angle(_ part: String, degreeDigits: Int) -> Double? {
        let sign: Double = part.hasPrefix("-") ? -1 : 1
        let body = part.dropFirst()
        let integerDigits = body.prefix { $0 != "." }.count
        guard integerDigits >= degreeDigits, let value = Double(body) else { return nil }
        switch integerDigits - degreeDigits {
        case 0:
            return sign * value
        case 2:
            let degrees = (value / 100).rounded(.towardZero)
            let minutes = value - degrees * 100
            return minutes < 60 ? sign * (degrees + minutes / 60) : nil
        case 4:
            let degrees = (value / 10_000).rounded(.towardZero)
            let minutes = ((value - degrees * 10_000) / 100).rounded(.towardZero)
            let seconds = value - degrees * 10_000 - minutes * 100
            return minutes < 60 && seconds < 60 ? sign * (degrees + minutes / 60 + seconds / 3600) : nil
        default:
            return nil
        }
    }
}
