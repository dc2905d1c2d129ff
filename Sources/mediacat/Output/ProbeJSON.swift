import Foundation
import MediaProbe

/// `mediacat probe --json`: one object per file, in the order given.
enum ProbeJSON {
    private struct Entry: Encodable {
        var path: String
        var info: MediaInfo?
        var error: String?
    }

    static func render(_ outcomes: [ProbeOutcome]) throws -> String {
        let entries = outcomes.map { outcome in
            switch outcome.result {
            case .success(let info): Entry(path: outcome.path, info: info)
            case .failure(let error): Entry(path: outcome.path, error: error.reason.description)
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(entries), as: UTF8.self)
    }
}
