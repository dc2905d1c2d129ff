public import Foundation

/// Locates test inputs: the fixtures `scripts/make-fixtures.sh` generates, and the shared corpus.
public enum Fixtures {
    /// The package root, found from this file's location.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The generated fixtures folder (`MEDIACAT_FIXTURES`, or `.build-fixtures`). When run
    /// through plain `swift test`, the script is run once here so the fixtures exist.
    public static let generated: URL = {
        let folder = ProcessInfo.processInfo.environment["MEDIACAT_FIXTURES"].map { URL(fileURLWithPath: $0) }
            ?? packageRoot.appendingPathComponent(".build-fixtures")
        if !FileManager.default.fileExists(atPath: folder.appendingPathComponent(".generated").path) {
            let script = packageRoot.appendingPathComponent("scripts/make-fixtures.sh")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = [script.path, folder.path]
            try? process.run()
            process.waitUntilExit()
        }
        return folder
    }()

    /// Path of a generated fixture such as "photos/orientation-6.jpg".
    public static func path(_ relative: String) -> String {
        generated.appendingPathComponent(relative).path
    }

    /// `../shared/corpus` beside the repository, when this checkout has it (CI and developers
    /// do; a user's clone does not, and corpus tests skip with a message).
    public static let corpus: URL? = {
        let folder = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        return FileManager.default.fileExists(atPath: folder.appendingPathComponent("oracle").path) ? folder : nil
    }()

    public static let corpusMissingMessage =
        "../shared/corpus is not beside this checkout; skipping the corpus conformance tests"
}
