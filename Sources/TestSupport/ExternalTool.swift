public import Foundation

/// Runs a development tool (ffprobe, ffmpeg, exiftool, jpegtran) as an independent witness of
/// what mediacat wrote: tests check mediacat's files with other people's readers.
public enum ExternalTool {
    public struct Output: Sendable {
        public var status: Int32
        public var standardOutput: Data
        public var standardError: String
        public var text: String { String(decoding: standardOutput, as: UTF8.self) }
    }

    /// Runs `arguments[0]` (looked up on PATH) with the rest; standard output is kept as bytes.
    public static func run(_ arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let out = Pipe()
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("mediacat-tool-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let err = try FileHandle(forUpdating: errorFile)
        defer { try? err.close() }
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Standard error goes to a file, so a chatty tool cannot block on a full pipe while
        // standard output is read to its end.
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errors = (try? Data(contentsOf: errorFile)) ?? Data()
        return Output(status: process.terminationStatus, standardOutput: data,
                      standardError: String(decoding: errors, as: UTF8.self))
    }
}
