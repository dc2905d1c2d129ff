public import Catalog
internal import Foundation
internal import MediaProbe
internal import Renditions

/// Re-renders one catalogued asset from its original: after a new poster time, or when
/// `verify --repair` finds renditions missing.
public struct AssetRefresh: Sendable {
    public let catalog: Catalog
    public let options: IngestOptions

    public init(catalog: Catalog, options: IngestOptions) {
        self.catalog = catalog
        self.options = options
    }

    public enum Problem: Error, CustomStringConvertible {
        case originalMissing(String)
        case originalChanged(String)
        case render(String)

        public var description: String {
            switch self {
            case .originalMissing(let path): "\(path): the original is missing"
            case .originalChanged(let path): "\(path): the original changed since it was ingested; run ingest on it"
            case .render(let why): why
            }
        }
    }

    /// Renders `asset` again (with its current poster time) and replaces its rendition rows.
    public func rerender(_ asset: Asset) throws -> Asset {
        let url = options.libraryRoot.appendingPathComponent(asset.sourcePath)
        guard let stat = LibraryWalker.fingerprint(url) else { throw Problem.originalMissing(asset.sourcePath) }
        guard stat.size == asset.fileSize, stat.modifiedAt == asset.modifiedAt else { throw Problem.originalChanged(asset.sourcePath) }
        var renditionOptions = options.renditions
        renditionOptions.posterTime = asset.posterTime
        let renderer = Renderer(options: renditionOptions, store: RenditionStore(root: options.renditionRoot),
                                prober: MediaProber(options: options.probe))
        let set: RenditionSet
        do { set = try renderer.render(path: url.path, sourceSHA256: asset.sha256) } catch {
            throw Problem.render("\(asset.sourcePath): \(error.reason)")
        }
        let rows = set.renditions.map { r in
            RenditionContent(variant: r.variant.rawValue, format: r.format.rawValue, width: r.width, height: r.height,
                             bytes: r.bytes, path: r.path, thumbHash: r.variant == .thumb ? set.thumbHash : nil)
        }
        for path in try catalog.replaceRenditions(assetId: asset.id!, with: rows, thumbHash: set.thumbHash, posterTimeUsed: set.posterTime) {
            try? FileManager.default.removeItem(at: options.renditionRoot.appendingPathComponent(path))
        }
        return try catalog.asset(id: asset.id!) ?? asset
    }

    /// What `verify` finds wrong with one asset: its original missing or changed, renditions
    /// missing from disk.
    public func problems(_ asset: Asset) throws -> [String] {
        var problems: [String] = []
        let url = options.libraryRoot.appendingPathComponent(asset.sourcePath)
        if let stat = LibraryWalker.fingerprint(url) {
            if stat.size != asset.fileSize || stat.modifiedAt != asset.modifiedAt {
                problems.append("the original changed since it was ingested (run ingest on it)")
            }
        } else {
            problems.append("the original is missing")
        }
        let renditions = try catalog.renditions(assetId: asset.id!)
        if renditions.isEmpty, asset.kind != .audio { problems.append("no renditions") }
        let missing = renditions.filter { !FileManager.default.fileExists(atPath: options.renditionRoot.appendingPathComponent($0.path).path) }
        if !missing.isEmpty { problems.append("\(missing.count) rendition file\(missing.count == 1 ? "" : "s") missing") }
        return problems
    }
}
