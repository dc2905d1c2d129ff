import Foundation
import TestSupport

/// The exiftool and ffprobe reference output in `../shared/corpus/oracle`, read as plain values.
struct CorpusOracle {
    let root: URL
    /// exiftool -json -n -G1 records by SourceFile ("photos/x.jpg").
    let exiftool: [String: [String: Any]]

    init?(root: URL?) {
        guard let root,
              let data = try? Data(contentsOf: root.appendingPathComponent("oracle/exiftool.json")),
              let array = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { return nil }
        self.root = root
        var records: [String: [String: Any]] = [:]
        for record in array { if let file = record["SourceFile"] as? String { records[file] = record } }
        exiftool = records
    }

    /// Corpus files under `folder` ("photos", "videos", "bad"), sorted.
    func files(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
        return names.sorted().map { "\(folder)/\($0)" }
    }

    func path(_ file: String) -> String { root.appendingPathComponent(file).path }

    /// ffprobe's -show_format -show_streams JSON for a file in videos/.
    func ffprobe(_ file: String) -> [String: Any]? {
        let name = (file as NSString).lastPathComponent
        guard let data = try? Data(contentsOf: root.appendingPathComponent("oracle/ffprobe/\(name).json")) else { return nil }
        return try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    }

    /// A value as text: strings trimmed (blank is absent), numbers without a needless ".0".
    static func text(_ value: Any?) -> String? {
        switch value {
        case let s as String:
            let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
            return t.isEmpty ? nil : t
        case let n as NSNumber:
            return ConformanceTally.format(n.doubleValue)
        default:
            return nil
        }
    }

    static func number(_ value: Any?) -> Double? {
        switch value {
        case let n as NSNumber: n.doubleValue
        case let s as String: Double(s.trimmingCharacters(in: .whitespaces))
        default: nil
        }
    }

    /// "2019:07:24 11:25:40+03:00" → ("2019-07-24T11:25:40", "+03:00"); zero or blank dates → nil.
    static func date(_ value: Any?) -> (local: String, offset: String?)? {
        guard let text = text(value), text.count >= 19 else { return nil }
        let chars = Array(text)
        let digits = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]
        guard digits.allSatisfy({ chars[$0].isNumber }), !text.hasPrefix("0000") else { return nil }
        let local = String(chars[0..<4]) + "-" + String(chars[5..<7]) + "-" + String(chars[8..<10]) + "T"
            + String(chars[11..<19])
        guard local.dropFirst(5).prefix(2) != "00" else { return nil }
        var rest = String(chars[19...])
        if rest.hasPrefix(".") { rest = String(rest.drop { $0 == "." || $0.isNumber }) }
        let offset = rest.count >= 6 && (rest.hasPrefix("+") || rest.hasPrefix("-")) ? String(rest.prefix(6)) : (rest.hasPrefix("Z") ? "+00:00" : nil)
        return (local, offset)
    }
}
