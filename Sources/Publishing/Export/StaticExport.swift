public import Foundation

/// Writes the public documents, renditions and published (clean) originals into a folder any
/// static host can serve. Documents are the server's bytes; files are copied, all from the
/// rendition root (the library is never read). A re-export writes only what changed and removes
/// what is no longer public (an unpublished asset must disappear from the copy too), touching
/// only files a previous export wrote, as its manifest lists them.
public struct StaticExport {
    public struct Report: Sendable, Equatable {
        public var written = 0
        public var unchanged = 0
        public var removed = 0
        /// One line per file that could not be exported, naming it and the reason.
        public var failures: [String] = []
    }

    static let manifestName = ".mediacat-export"

    let publisher: Publisher
    let output: URL
    let renditions: RootedFolder?

    public init(publisher: Publisher, output: URL, renditionRoot: URL) {
        self.publisher = publisher
        self.output = output.standardizedFileURL
        renditions = RootedFolder(renditionRoot)
    }

    public func run() throws -> Report {
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        var report = Report()
        var written: Set<String> = []
        let writer = ExportFileWriter(output: output)
        // Leaves first (files, then asset documents, then pages and indexes): a folder served
        // while it is written never links to a file that is not there yet.
        for (path, file) in publisher.files.renditions.sorted(by: { $0.key < $1.key }) {
            writer.copy(onDisk(file), to: "renditions/" + path, named: "rendition \(path)", report: &report,
                        written: &written)
        }
        for (name, file) in publisher.files.originals.sorted(by: { $0.key < $1.key }) {
            writer.copy(onDisk(file), to: "originals/" + name, named: "original \(name)", report: &report,
                        written: &written)
        }
        for (path, request) in try publisher.exportedDocuments().reversed() {
            let document = try publisher.document(request)
            if let gzipped = document.gzipped {
                writer.put(gzipped, at: path + ".gz", report: &report, written: &written)
            }
            writer.put(document.body, at: path, report: &report, written: &written)
        }
        try writer.prune(keeping: written, manifest: Self.manifestName, report: &report)
        return report
    }

    /// The rendition file, when it is inside the rendition root and has the size the catalog recorded.
    private func onDisk(_ file: PublicFiles.File) -> RootedFolder.File? {
        renditions?.file(file.path).flatMap { $0.size == Int64(file.bytes) ? $0 : nil }
    }
}
