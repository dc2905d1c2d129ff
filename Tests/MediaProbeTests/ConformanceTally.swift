import Foundation

/// Per-field agreement between mediacat and a reference tool, printed as a table.
final class ConformanceTally: @unchecked Sendable {
    struct Disagreement {
        var file: String
        var ours: String
        var theirs: String
    }

    struct Field {
        var name: String
        var agreements = 0
        var disagreements: [Disagreement] = []
        var compared: Int { agreements + disagreements.count }
        var percent: Double { compared == 0 ? 100 : 100 * Double(agreements) / Double(compared) }
    }

    private let lock = NSLock()
    private var fields: [Field] = []

    /// Records one comparison. A field counts for a file when either side has a value; both
    /// absent is not a comparison.
    /// Texts agree when equal, or when both read as the same number (exiftool's JSON turns a
    /// Software value of "6.0" into the number 6).
    func record(_ field: String, file: String, ours: String?, theirs: String?,
                equal: (String, String) -> Bool = { $0 == $1 || (Double($0) != nil && Double($0) == Double($1)) }) {
        guard ours != nil || theirs != nil else { return }
        lock.withLock {
            var index = fields.firstIndex { $0.name == field }
            if index == nil {
                fields.append(Field(name: field))
                index = fields.count - 1
            }
            if let ours, let theirs, equal(ours, theirs) {
                fields[index!].agreements += 1
            } else {
                fields[index!].disagreements.append(Disagreement(file: file, ours: ours ?? "—", theirs: theirs ?? "—"))
            }
        }
    }

    /// Numbers within an absolute or relative tolerance.
    func record(_ field: String, file: String, ours: Double?, theirs: Double?, absolute: Double, relative: Double = 0) {
        record(field, file: file, ours: ours.map { Self.format($0) }, theirs: theirs.map { Self.format($0) }) { a, b in
            guard let x = Double(a), let y = Double(b) else { return false }
            return abs(x - y) <= max(absolute, relative * abs(y))
        }
    }

    var all: [Field] { lock.withLock { fields } }

    func table(title: String, reasons: [String: String]) -> String {
        var lines = ["", title, "field                     compared  agree      %",
                     String(repeating: "-", count: 52)]
        for f in all {
            lines.append(f.name.padding(toLength: 26, withPad: " ", startingAt: 0)
                + String(f.compared).leftPadded(8) + String(f.agreements).leftPadded(7)
                + String(format: "%7.1f", f.percent))
        }
        let disagreements = all.flatMap { f in f.disagreements.map { (f.name, $0) } }
        if !disagreements.isEmpty {
            lines.append("")
            lines.append("Disagreements (each counts against its field):")
            for (field, d) in disagreements {
                let reason = reasons["\(d.file)|\(field)"] ?? reasons[d.file] ?? "UNEXPLAINED"
                lines.append("- \(d.file) \(field): mediacat \(d.ours) / oracle \(d.theirs): \(reason)")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
