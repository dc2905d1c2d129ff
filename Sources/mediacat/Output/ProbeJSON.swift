import Foundation
import MediaProbe

/// `mediacat probe --json`: one object per file, in the order given.
enum ProbeJSON {
    private struct Entry: Encodable {
        var path: String
        var info: MediaInfo?
        var error: String?
    }

    /// Encodes each file on its own, so one value JSON cannot represent becomes that file's
    /// error instead of losing the whole batch.
    static func render(_ outcomes: [ProbeOutcome]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let objects = try outcomes.map { outcome in
            let entry: Entry
            switch outcome.result {
            case .success(let info): entry = Entry(path: outcome.path, info: info)
            case .failure(let error): entry = Entry(path: outcome.path, error: error.reason.description)
            }
            do {
                return try encoder.encode(entry)
            } catch {
                return try encoder.encode(Entry(path: outcome.path, error: "metadata cannot be written as JSON (\(error))"))
            }
        }
        let body = objects.map { String(decoding: $0, as: UTF8.self).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") }
        return objects.isEmpty ? "[]" : "[\n" + body.joined(separator: ",\n") + "\n]"
    }
}
