import Foundation
import MediaProbe
import Renditions

/// The human-readable form of `mediacat render`.
enum RenderText {
    static func render(path: String, set: RenditionSet) -> String {
        var lines = [ProbeError.printable(path) + "  (sha256 \(set.sourceSHA256.prefix(16))…)"]
        for r in set.renditions {
            let size = r.width.flatMap { w in r.height.map { "\(w)×\($0)" } } ?? ""
            lines.append("  \(r.variant.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0))"
                + "\(r.format.rawValue.padding(toLength: 5, withPad: " ", startingAt: 0))"
                + "\(size.padding(toLength: 10, withPad: " ", startingAt: 0))"
                + "\(ProbeText.bytes(Int64(r.bytes)).padding(toLength: 10, withPad: " ", startingAt: 0))\(r.path)")
            if let codecs = r.codecs { lines.append("                  codecs \(codecs)" + (r.bitRate.map { ", \($0 / 1000) kb/s" } ?? "")) }
        }
        if let time = set.posterTime { lines.append("  poster   \(ProbeText.decimal(time, 3)) s (\(set.posterChoice ?? ""))") }
        if let hash = set.thumbHash { lines.append("  thumbhash \(hash)") }
        for note in set.notes { lines.append("  note     \(note)") }
        for skipped in set.skipped { lines.append("  skipped  \(skipped)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
