import Catalog
import Foundation

/// How the CLI shows catalog assets.
enum AssetText {
    /// One line: public id, status, kind, number, title or file, capture time.
    static func line(_ a: Asset) -> String {
        let number = a.psaNumber.map { "#\($0) " } ?? ""
        return "\(a.publicId)  \(a.status.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) "
            + "\(a.kind.rawValue.padding(toLength: 5, withPad: " ", startingAt: 0)) \(number)\(printable(a.title ?? a.sourcePath))"
            + (a.captureTime.map { "  (\($0))" } ?? "")
    }

    static func details(_ a: Asset, renditions: [AssetRendition]) -> String {
        var lines = ["\(a.publicId)  \(printable(a.sourcePath))"]
        let fields: [(String, String?)] = [
            ("status", a.status.rawValue), ("kind", "\(a.kind.rawValue) · \(a.format) · \(a.mimeType)"),
            ("size", a.displayWidth.map { "\($0)×\(a.displayHeight ?? 0)" }), ("duration", a.duration.map { String(format: "%.2f s", $0) }),
            ("taken", a.captureTimeLocal.map { $0 + (a.captureOffset.map { " \($0)" } ?? "") } ?? a.captureTime),
            ("title", a.title), ("caption", a.caption), ("alt text", a.altText), ("credit", a.credit),
            ("tags", a.tags.isEmpty ? nil : a.tags.joined(separator: ", ")), ("people", a.people.isEmpty ? nil : a.people.joined(separator: ", ")),
            ("PSA number", a.psaNumber.map(String.init)), ("published", a.publishedDate),
            ("poster", a.posterTime.map { "\($0) s (set by staff)" } ?? a.posterTimeUsed.map { String(format: "%.3f s (chosen)", $0) }),
            ("location", a.latitude.map { String(format: "%.5f, %.5f (internal)", $0, a.longitude ?? 0) }),
            ("consent", a.consentNote), ("sha256", a.sha256), ("edited", a.editedFields.isEmpty ? nil : a.editedFields.joined(separator: ", ")),
        ]
        for case let (label, value?) in fields { lines.append("  \(label.padding(toLength: 11, withPad: " ", startingAt: 0))\(printable(value))") }
        for r in renditions {
            lines.append("  rendition  \(r.variant) \(r.format) \(r.width.map { "\($0)×\(r.height ?? 0)" } ?? "") \(r.bytes) bytes  \(r.path)")
        }
        return lines.joined(separator: "\n")
    }
}
