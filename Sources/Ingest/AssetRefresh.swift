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

    /// Renders `asset` again and replaces its rendition rows; `edits` (a new poster time) are
    /// committed in the same transaction, after the render succeeded.
    public func rerender(_ asset: Asset, edits: [(Asset.EditableField, String?)] = []) throws -> Asset {
        let url = options.libraryRoot.appendingPathComponent(asset.sourcePath)
        guard let stat = LibraryWalker.fingerprint(url) else { throw Problem.originalMissing(asset.sourcePath) }
        guard stat.size == asset.fileSize, stat.modifiedAt == asset.modifiedAt else { throw Problem.originalChanged(asset.sourcePath) }
        var edited = asset
        for (field, value) in edits { try edited.set(field, to: value) }
        var renditionOptions = options.renditions
        renditionOptions.posterTime = edited.posterTime
        let renderer = Renderer(options: renditionOptions, store: RenditionStore(root: options.renditionRoot),
                                prober: MediaProber(options: options.probe))
        let set: RenditionSet
        do { set = try renderer.render(path: url.path, sourceSHA256: asset.sha256) } catch {
            throw Problem.render("\(asset.sourcePath): \(error.reason)")
        }
        let rows = RenditionContent.rows(of: set)
        let released = try catalog.replaceRenditions(assetId: asset.id!, with: rows, thumbHash: set.thumbHash,
                                                     posterTimeUsed: set.posterTime, edits: edits)
        for path in released {
            try? FileManager.default.removeItem(at: options.renditionRoot.appendingPathComponent(path))
        }
        return try catalog.asset(id: asset.id!) ?? asset
    }

    /// What `verify` finds wrong with an asset.
    public enum Finding: Equatable, CustomStringConvertible {
        case originalMissing
        case originalChanged
        case renditionsMissing(Int)
        case noRenditions
        /// The poster was not taken at the time staff asked for.
        case posterOutOfDate(requested: Double, used: Double?)

        /// Findings `verify --repair` fixes by rendering again.
        public var isRepairable: Bool {
            switch self {
            case .renditionsMissing, .noRenditions, .posterOutOfDate: true
            case .originalMissing, .originalChanged: false
            }
        }

        public var description: String {
            switch self {
            case .originalMissing: "the original is missing"
            case .originalChanged: "the original changed since it was ingested (run ingest on it)"
            case .renditionsMissing(let n): "\(n) rendition file\(n == 1 ? "" : "s") missing"
            case .noRenditions: "no renditions"
            case .posterOutOfDate(let requested, let used):
                "the poster was taken at \(used.map { String($0) } ?? "no time"), not the requested \(requested) s"
            }
        }
    }

    /// What `verify` finds wrong with one asset.
    public func problems(_ asset: Asset) throws -> [Finding] {
        var findings: [Finding] = []
        let url = options.libraryRoot.appendingPathComponent(asset.sourcePath)
        if let stat = LibraryWalker.fingerprint(url) {
            if stat.size != asset.fileSize || stat.modifiedAt != asset.modifiedAt { findings.append(.originalChanged) }
        } else {
            findings.append(.originalMissing)
        }
        let renditions = try catalog.renditions(assetId: asset.id!)
        if renditions.isEmpty, asset.kind != .audio { findings.append(.noRenditions) }
        let missing = renditions.filter { !FileManager.default.fileExists(atPath: options.renditionRoot.appendingPathComponent($0.path).path) }
        if !missing.isEmpty { findings.append(.renditionsMissing(missing.count)) }
        // Within one frame at 24 fps of the requested time counts as that time.
        if asset.kind == .video, let requested = asset.posterTime, abs((asset.posterTimeUsed ?? -1) - requested) > 1.0 / 24 + 1e-6 {
            findings.append(.posterOutOfDate(requested: requested, used: asset.posterTimeUsed))
        }
        return findings
    }
}
