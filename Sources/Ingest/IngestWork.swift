internal import Catalog
internal import Foundation
internal import MediaProbe
internal import Renditions

/// One file that the planning pass could not skip, with what is known of it.
struct WorkItem: Sendable {
    var url: URL
    var path: String
    var collection: String
    var description: AssetDescription
    var size: Int64
    var modifiedAt: Int64
    /// The catalog's record of this path, when it has one.
    var known: Fingerprint?
    /// Staff's poster time for this asset, from the catalog or the manifest.
    var posterTime: Double?
    /// The file is unchanged but its renditions must be made again (missing, or a new poster time).
    var needsRender = false
}

/// What rendering one file gave: the change to store, or why it failed.
struct RenderResult: Sendable {
    var change: IngestChange?
    var entry: IngestReport.Entry
}

/// Probes and renders one file for storing. Runs on many threads at once; everything it
/// shares is read-only.
struct IngestRenderer: Sendable {
    let options: IngestOptions
    let prober: MediaProber

    /// - Parameters:
    ///   - deadline: the watchdog's, moved out for a long clip once it is probed.
    ///   - onEvent: told how a long transcode is going.
    func render(_ hashed: HashedItem, existing: Int64?, deadline: Deadline? = nil,
                onEvent: (@Sendable (IngestEvent) -> Void)? = nil) -> RenderResult {
        let item = hashed.item
        var entry = IngestReport.Entry(path: item.path, action: existing == nil ? .added : .updated, collection: item.collection)
        do {
            let info = try prober.probe(path: item.url.path)
            var renditionOptions = options.renditions
            renditionOptions.posterTime = item.posterTime
            let path = item.path
            let progress = onEvent.map { report in { @Sendable (done: RenderProgress) in report(.working(path: path, done)) } }
            let set = options.dryRun
                ? RenditionSet(sourceSHA256: hashed.hash)
                : try Renderer(options: renditionOptions, store: RenditionStore(root: options.renditionRoot), prober: prober)
                    .render(path: item.url.path, info: info, sourceSHA256: hashed.hash, progress: progress, deadline: deadline)
            let content = try AssetContent(info: info, renditions: set, fileSize: item.size, modifiedAt: item.modifiedAt)
            return RenderResult(change: .store(sourcePath: item.path, collectionSlug: item.collection, content: content,
                                               description: item.description), entry: entry)
        } catch {
            entry.action = .failed
            entry.detail = IngestRenderer.reason(error)
            return RenderResult(change: nil, entry: entry)
        }
    }

    /// The reason alone: the report and the failure table carry the path.
    static func reason(_ error: any Error) -> String {
        switch error {
        case let e as ProbeError: e.reason.description
        case let e as RenderError: e.reason.description
        case let e as POSIXError: "cannot read the file (\(e.code))"
        default: "\(error)"
        }
    }
}
