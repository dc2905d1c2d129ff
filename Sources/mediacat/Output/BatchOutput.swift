import ArgumentParser
import Foundation
import MediaProbe

/// One file's result, with the path as given.
struct Outcome<Value: Sendable, Failure: Error>: Sendable {
    var path: String
    var result: Result<Value, Failure>
}

/// What `probe` and `render` share: results printed in input order as files finish, warnings
/// and errors on standard error (one line each, naming the file), a summary line, a JSON array
/// with `--json`, and exit status 1 when any file failed.
struct BatchOutput<Value: Sendable & Encodable, Failure: Error & CustomStringConvertible> {
    var json: Bool
    /// The JSON key for a file's value: "info", "renditions".
    var key: String
    /// Past tense for the summary: "probed", "rendered".
    var verb: String
    var text: @Sendable (String, Value) -> String
    var warnings: @Sendable (Value) -> [String]
    /// The reason alone (the JSON entry carries the path already).
    var reason: @Sendable (Failure) -> String

    /// - Parameter start: runs the batch, calling back with each file's index and result.
    func run(_ files: [String], start: (@escaping @Sendable (Int, Result<Value, Failure>) -> Void) -> Void) throws {
        let (json, text, warnings) = (self.json, self.text, self.warnings)
        let printer = OrderedPrinter<Outcome<Value, Failure>> { outcome in
            switch outcome.result {
            case .failure(let error):
                printError("error: \(error)")
            case .success(let value):
                for warning in warnings(value) {
                    printError("warning: \(ProbeError.printable(outcome.path)): \(ProbeError.printable(warning))")
                }
                if !json { print(text(outcome.path, value), terminator: "") }
            }
        }
        start { index, result in printer.deliver(index, Outcome(path: files[index], result: result)) }
        let outcomes = printer.outcomes
        if json { print(try BatchJSON.render(outcomes, key: key, reason: reason)) }
        let failed = outcomes.filter { if case .failure = $0.result { true } else { false } }.count
        printError("\(verb) \(outcomes.count - failed) of \(outcomes.count) file\(outcomes.count == 1 ? "" : "s"), \(failed) failed")
        if failed > 0 { throw ExitCode(1) }
    }
}

/// `--json`: one object per file, in the order given: `{"path": ..., "<key>": ...}` or
/// `{"path": ..., "error": ...}`.
enum BatchJSON {
    private struct Entry<Value: Encodable>: Encodable {
        var path: String
        var key: String
        var value: Value?
        var error: String?

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(_ string: String) { stringValue = string }
            init?(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(path, forKey: Key("path"))
            try container.encodeIfPresent(value, forKey: Key(key))
            try container.encodeIfPresent(error, forKey: Key("error"))
        }
    }

    /// Encodes each file on its own, so one value JSON cannot represent becomes that file's
    /// error instead of losing the whole batch.
    static func render<Value: Encodable, Failure>(_ outcomes: [Outcome<Value, Failure>], key: String,
                                                  reason: (Failure) -> String) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let objects = try outcomes.map { outcome in
            let entry: Entry<Value>
            switch outcome.result {
            case .success(let value): entry = Entry(path: outcome.path, key: key, value: value)
            case .failure(let error): entry = Entry(path: outcome.path, key: key, error: reason(error))
            }
            do {
                return try encoder.encode(entry)
            } catch {
                return try encoder.encode(Entry<Value>(path: outcome.path, key: key, error: "cannot be written as JSON (\(error))"))
            }
        }
        let body = objects.map { String(decoding: $0, as: UTF8.self).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") }
        return objects.isEmpty ? "[]" : "[\n" + body.joined(separator: ",\n") + "\n]"
    }
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
