/// A schema.org `ImageObject`, `VideoObject` or `AudioObject` that the website can embed as
/// JSON-LD (`<script type="application/ld+json">`). Links are absolute only when a base URL is set.
struct LinkedDataObject: Encodable, Equatable {
    struct Place: Encodable, Equatable {
        struct Coordinates: Encodable, Equatable {
            var type = "GeoCoordinates"
            var latitude: Double
            var longitude: Double

            enum CodingKeys: String, CodingKey {
                case type = "@type", latitude, longitude
            }
        }

        var type = "Place"
        var geo: Coordinates

        enum CodingKeys: String, CodingKey {
            case type = "@type", geo
        }
    }

    var context = "https://schema.org"
    var type: String
    var identifier: String
    var name: String?
    var caption: String?
    var description: String?
    var contentUrl: String?
    var thumbnailUrl: String?
    var encodingFormat: String
    var width: Int?
    var height: Int?
    /// ISO 8601 duration, "PT1M5S".
    var duration: String?
    var dateCreated: String?
    var datePublished: String?
    var uploadDate: String?
    var creditText: String?
    var keywords: String?
    var contentLocation: Place?

    enum CodingKeys: String, CodingKey {
        case context = "@context", type = "@type"
        case identifier, name, caption, description, contentUrl, thumbnailUrl, encodingFormat, width, height, duration
        case dateCreated, datePublished, uploadDate, creditText, keywords, contentLocation
    }

    /// Seconds as an ISO 8601 duration, to the millisecond: 65.5 → "PT1M5.5S".
    static func isoDuration(_ seconds: Double) -> String? {
        guard seconds.isFinite, seconds >= 0, seconds < 1e12 else { return nil }  // a hostile header's duration must not trap
        let millis = Int64((seconds * 1000).rounded())
        let hours = millis / 3_600_000, minutes = millis / 60_000 % 60, rest = millis % 60_000
        var text = "PT"
        if hours > 0 { text += "\(hours)H" }
        if minutes > 0 { text += "\(minutes)M" }
        if rest > 0 || text == "PT" {
            text += rest % 1000 == 0 ? "\(rest / 1000)S" : "\(rest / 1000).\(String(rest % 1000).leftPadded(to: 3).trimmingTrailingZeros)S"
        }
        return text
    }
}

extension String {
    var trimmingTrailingZeros: String {
        var text = self
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
