internal import Catalog
internal import Foundation
internal import MediaProbe
internal import Renditions
internal import Synchronization

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
}

/// What the worker decided and did for one file: the catalog change and the report entry.
struct WorkResult: Sendable {
    var change: IngestChange?
    var entry: IngestReport.Entry
    var probed = false
}

/// Hashes, decides (new, changed, moved, duplicate) and probes and renders one file.
/// Runs on many threads at once; everything it shares is read-only or locked.
struct IngestWorker: Sendable {
    let catalog: Catalog
    let options: IngestOptions
    let prober: MediaProber
    /// Hashes claimed in this run, so two copies in one batch are caught as duplicates.
    let claimed: SharedClaims

    func process(_ item: WorkItem) -> WorkResult {
        var entry = IngestReport.Entry(path: item.path, action: .failed, collection: item.collection)
        do {
            let hash = try SourceHash.sha256(path: item.url.path)
            if let known = item.known, known.sha256 == hash, known.hasRenditions {
                entry.action = .unchanged
                return WorkResult(change: .touch(assetId: known.assetId, fileSize: item.size, modifiedAt: item.modifiedAt), entry: entry)
            }
            if item.known == nil {
                if let original = claimed.claim(hash, for: item.path) {
                    entry.action = .duplicate
                    entry.detail = "same bytes as \(original)"
                    return WorkResult(change: nil, entry: entry)
                }
                for asset in try catalog.assets(sha256: hash) {
                    let stillThere = FileManager.default.fileExists(atPath: options.libraryRoot.appendingPathComponent(asset.sourcePath).path)
                    entry.asset = asset.publicId
                    if stillThere {
                        entry.action = .duplicate
                        entry.detail = "same bytes as \(asset.sourcePath)"
                        return WorkResult(change: nil, entry: entry)
                    }
                    entry.action = .moved
                    entry.detail = "from \(asset.sourcePath)"
                    return WorkResult(change: .move(assetId: asset.id!, to: item.path, fileSize: item.size, modifiedAt: item.modifiedAt),
                                      entry: entry)
                }
            }
            let info = try prober.probe(path: item.url.path)
            var renditionOptions = options.renditions
            renditionOptions.posterTime = item.posterTime
            let set: RenditionSet
            if options.dryRun {
                set = RenditionSet(sourceSHA256: hash, renditions: [], skipped: [], warnings: [])
            } else {
                let renderer = Renderer(options: renditionOptions, store: RenditionStore(root: options.renditionRoot), prober: prober)
                set = try renderer.render(path: item.url.path, info: info, sourceSHA256: hash)
            }
            let content = try AssetContent(info: info, renditions: set, fileSize: item.size, modifiedAt: item.modifiedAt)
            entry.action = item.known == nil ? .added : .updated
            return WorkResult(change: .store(sourcePath: item.path, collectionSlug: item.collection, content: content,
                                             description: item.description), entry: entry, probed: true)
        } catch {
            entry.action = .failed
            entry.detail = Self.reason(error)
            return WorkResult(change: nil, entry: entry)
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

/// Hash → first path in this run.
final class SharedClaims: Sendable {
    private let claims = Mutex<[String: String]>([:])

    /// Records `path` as the holder of `hash`; returns the earlier holder if there is one.
    func claim(_ hash: String, for path: String) -> String? {
        claims.withLock { table in
            if let holder = table[hash], holder != path { return holder }
            table[hash] = path
            return nil
        }
    }
}
