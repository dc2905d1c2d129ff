internal import Catalog
public import Foundation
public import MediaProbe
public import Renditions

/// How an ingest runs. `mediacat` builds one from flags, environment and defaults.
public struct IngestOptions: Sendable {
    /// Source paths are stored relative to this folder.
    public var libraryRoot: URL
    /// Where renditions are written (content-addressed).
    public var renditionRoot: URL
    /// Every file goes to this collection; otherwise to the collection of the nearest
    /// `collection.yaml` above it.
    public var collection: String?
    /// Files processed in parallel; nil for one per core.
    public var jobs: Int?
    /// Decide and report, write nothing.
    public var dryRun = false
    /// Stop at the first failure.
    public var strict = false
    /// Changes written per transaction.
    public var batchSize = 32
    public var probe = ProbeOptions()
    public var renditions = RenditionOptions()

    public init(libraryRoot: URL, renditionRoot: URL) {
        self.libraryRoot = libraryRoot.standardizedFileURL
        self.renditionRoot = renditionRoot
    }

    /// Variants every asset of a kind has once rendered by this version: an asset without one
    /// of them (catalogued before it existed) is rendered again, its other files reused.
    func requiredVariants(_ kind: Asset.Kind) -> Set<String> {
        let made: [Rendition.Variant] = switch kind {
        case .photo: [.download]
        case .video: [.web, .original]
        case .audio: [.original]
        }
        return Set(made.filter { renditions.variants.contains($0) }.map(\.rawValue))
    }
}
