import ArgumentParser
import Foundation
import MediaProbe

extension Mediacat {
    struct Probe: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print what mediacat reads from media files, without decoding pixels.",
            discussion: """
                Folders are walked recursively (hidden files are skipped). Each file that cannot be \
                read gets one line on standard error naming it and the reason; the others are still \
                probed, and the exit status is 1 when any file failed.
                """)

        @Argument(help: "Files or folders to probe.", completion: .file())
        var paths: [String]

        @Flag(help: "Print a JSON array with one object per file.")
        var json = false

        @Option(help: "Files probed in parallel (default: one per core).")
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        @Option(help: "Seconds one file may take before it is reported as timed out.")
        var timeLimit: Double = ProbeOptions().timeLimit

        func validate() throws {
            guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
            guard timeLimit > 0, timeLimit <= 86_400 else {
                throw ValidationError("--time-limit must be more than 0 and at most 86400 seconds.")
            }
        }

        func run() throws {
            let files = FileWalker.expand(paths)
            let prober = MediaProber(options: ProbeOptions(timeLimit: timeLimit))
            let json = self.json
            let printer = OrderedPrinter<ProbeOutcome> { outcome in
                switch outcome.result {
                case .failure(let error):
                    printError("error: \(error)")
                case .success(let info):
                    for warning in info.warnings { printError("warning: \(ProbeError.printable(outcome.path)): \(ProbeError.printable(warning))") }
                    if !json { print(ProbeText.render(path: outcome.path, info: info), terminator: "") }
                }
            }
            prober.probeAll(files, jobs: jobs) { index, result in
                printer.deliver(index, ProbeOutcome(path: files[index], result: result))
            }
            let outcomes = printer.outcomes
            if json { print(try ProbeJSON.render(outcomes)) }
            let failed = outcomes.filter { if case .failure = $0.result { true } else { false } }.count
            printError("probed \(outcomes.count) file\(outcomes.count == 1 ? "" : "s"): \(outcomes.count - failed) read, \(failed) failed")
            if failed > 0 { throw ExitCode(1) }
        }
    }
}

/// One file's result, with the path as given.
struct ProbeOutcome: Sendable {
    var path: String
    var result: Result<MediaInfo, ProbeError>
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
