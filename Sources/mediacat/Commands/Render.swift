import ArgumentParser
import Foundation
import MediaProbe
import Renditions

extension Mediacat {
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make thumbnails, previews, poster frames and storyboards (for debugging; ingest uses the same code).",
            discussion: """
                Files are written to content-addressed paths under --out: \
                <aa>/<bb>/<sha256-of-source>-<variant>-<recipe>.<ext>. A file that cannot be rendered \
                gets one line on standard error; the exit status is 1 when any file failed.
                """)

        @Argument(help: "Files or folders to render.", completion: .file())
        var paths: [String]

        @Option(help: "Folder for the renditions.")
        var out: String

        @Flag(help: "Print a JSON array with one object per file.")
        var json = false

        @Option(help: "Seconds into a video for an exact poster frame (default: the best of several keyframes).")
        var posterAt: Double?

        @Option(help: "Variants, comma-separated: \(Render.variantNames).")
        var variants = Render.variantNames

        @Option(help: "Formats, comma-separated: jpeg, webp.")
        var formats = "jpeg,webp"

        @Option(help: "Files rendered in parallel (default: one per core).")
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        @Option(help: "Seconds one file may take, plus --time-per-second for each second of video or sound.")
        var timeLimit: Double = RenditionOptions().timeLimit

        @Option(help: "Extra seconds allowed per second of a clip's duration (transcoding grows with it).")
        var timePerSecond: Double = RenditionOptions().timeLimitPerSecond

        @Option(help: "Refuse images with more megapixels than this.")
        var maxMegapixels: Int = RenditionOptions().maxPixels / 1_000_000

        func validate() throws {
            guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
            guard timeLimit > 0, timeLimit <= 86_400 else { throw ValidationError("--time-limit must be more than 0 and at most 86400 seconds.") }
            guard timePerSecond >= 0, timePerSecond <= 1000 else { throw ValidationError("--time-per-second must be 0 to 1000.") }
            guard (1...10_000).contains(maxMegapixels) else { throw ValidationError("--max-megapixels must be 1 to 10000.") }
            if let posterAt, !(posterAt >= 0 && posterAt.isFinite) { throw ValidationError("--poster-at must be 0 or more seconds.") }
            _ = try parsedVariants()
            _ = try parsedFormats()
        }

        /// Every variant a person can ask for (the storyboard's cues come with the storyboard).
        static let variantNames = Rendition.Variant.allCases.filter { $0 != .storyboardCues }.map(\.rawValue).joined(separator: ",")

        func parsedVariants() throws -> Set<Rendition.Variant> {
            let names = variants.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            return Set(try names.map { name in
                guard let variant = Rendition.Variant(rawValue: name), variant != .storyboardCues else {
                    throw ValidationError("Unknown variant '\(name)': use \(Render.variantNames).")
                }
                return variant
            })
        }

        func parsedFormats() throws -> [Rendition.Format] {
            try formats.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.map { name in
                guard let format = Rendition.Format(rawValue: name), format.isImage else {
                    throw ValidationError("Unknown format '\(name)': use jpeg or webp.")
                }
                return format
            }
        }

        func renditionOptions() throws -> RenditionOptions {
            var options = RenditionOptions()
            options.variants = try parsedVariants()
            options.formats = try parsedFormats()
            options.posterTime = posterAt
            options.timeLimit = timeLimit
            options.timeLimitPerSecond = timePerSecond
            options.maxPixels = maxMegapixels * 1_000_000
            return options
        }

        func run() throws {
            let files = FileWalker.expand(paths)
            let renderer = Renderer(options: try renditionOptions(), store: RenditionStore(root: URL(fileURLWithPath: out)))
            let output = BatchOutput<RenditionSet, RenderError>(
                json: json, key: "renditions", verb: "rendered", text: RenderText.render, warnings: \.warnings,
                reason: \.reason.description)
            let progress = WorkProgress()
            try output.run(files) { onResult in
                renderer.renderAll(files, jobs: jobs, progress: { path, done in progress.report(path, done) }, onResult: onResult)
            }
        }
    }
}
