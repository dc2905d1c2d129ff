internal import Catalog
internal import Foundation

/// The planning pass: which files need work, and which are known and unchanged (same path,
/// size and mtime: skipped without reading a byte).
struct IngestPlan {
    var work: [WorkItem] = []
    /// Files settled without work: unchanged ones, and those that cannot be ingested at all.
    var entries: [IngestReport.Entry] = []
    /// Catalog changes that need no file work: manifest edits of unchanged files, failures.
    var changes: [IngestChange] = []

    static func make(_ paths: [String], catalog: Catalog, options: IngestOptions) throws -> IngestPlan {
        var plan = IngestPlan()
        let known = try catalog.fingerprints()
        let manifests = ManifestIndex(root: options.libraryRoot)
        var prepared: Set<String> = []  // collections created or updated from their manifest this run
        for url in LibraryWalker.files(paths) {
            guard let path = LibraryWalker.relativePath(of: url, under: options.libraryRoot) else {
                plan.fail(url.path, "outside the library root \(options.libraryRoot.path); pass --library")
                continue
            }
            let found: ManifestIndex.Found?
            do { found = try manifests.manifest(for: url) } catch {
                plan.fail(path, error.description)
                continue
            }
            guard let slug = options.collection ?? found?.slug else {
                plan.fail(path, "no collection: pass --collection SLUG or put a collection.yaml in its folder")
                continue
            }
            if !prepared.contains(slug), !options.dryRun {
                let description = options.collection == nil ? found?.manifest.collectionDescription ?? .init() : .init()
                do { try catalog.upsertCollection(slug: slug, description) } catch {
                    plan.fail(path, "\(error)")
                    continue
                }
                prepared.insert(slug)
            }
            guard let stat = LibraryWalker.fingerprint(url) else {
                plan.fail(path, LibraryWalker.whyNotRegular(url))
                continue
            }
            let description = found.map { $0.manifest.description(of: url, under: $0.url.deletingLastPathComponent()) }
                ?? AssetDescription()
            let fingerprint = known[path]
            // Staff's poster time wins; else the manifest's; else what the catalog has.
            let manifestPoster = description.values[.posterTime].flatMap(Double.init)
            let posterTime = fingerprint.map { $0.posterTimeEdited ? $0.posterTime : manifestPoster ?? $0.posterTime } ?? manifestPoster
            let newPoster = fingerprint.map { $0.isVideo && posterTime != $0.posterTime } ?? false
            let incomplete = fingerprint.map { !options.requiredVariants($0.kind).isSubset(of: $0.variants) } ?? false
            if let fingerprint, fingerprint.fileSize == stat.size, fingerprint.modifiedAt == stat.modifiedAt,
               fingerprint.hasRenditions, !newPoster, !incomplete {
                plan.entries.append(.init(path: path, action: .unchanged, collection: slug))
                if !description.values.isEmpty { plan.changes.append(.describe(assetId: fingerprint.assetId, description: description)) }
                continue
            }
            plan.work.append(WorkItem(url: url, path: path, collection: slug, description: description, size: stat.size,
                                      modifiedAt: stat.modifiedAt, known: fingerprint, posterTime: posterTime,
                                      needsRender: newPoster || incomplete || fingerprint?.hasRenditions == false))
        }
        return plan
    }

    private mutating func fail(_ path: String, _ reason: String) {
        entries.append(.init(path: path, action: .failed, detail: reason))
    }
}
