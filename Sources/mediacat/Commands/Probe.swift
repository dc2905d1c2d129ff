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
            let output = BatchOutput<MediaInfo, ProbeError>(
                json: json, key: "info", verb: "probed", text: ProbeText.render, warnings: \.warnings,
                reason: \.reason.description)
            try output.run(files) { onResult in prober.probeAll(files, jobs: jobs, onResult: onResult) }
        }
    }
}
