internal import Catalog

/// A file that needed work, after hashing.
struct HashedItem: Sendable {
    var item: WorkItem
    var hash: String
}

/// What ingest does with one hashed file.
enum Decision: Sendable {
    /// Same bytes as the catalog says: remember the new mtime.
    case touch(HashedItem, assetId: Int64)
    /// The bytes of an asset whose old path no longer holds them: the asset follows.
    case move(HashedItem, asset: Asset)
    /// Probe and render, then store: a new asset, or new content (or missing renditions, or a
    /// new poster time) for the asset at this path, whose edits are kept.
    case render(HashedItem, existing: Int64?)
    /// Byte-identical to a file already catalogued (or met earlier in this run).
    case duplicate(HashedItem, of: String)
    /// Cannot be settled without losing something; the reason says what to do.
    case refuse(HashedItem, reason: String)
}

/// Decides, for all hashed files of a run at once, where each asset's bytes went. Identity
/// follows content: an asset moves to the path that now holds its bytes when its old path no
/// longer does; two files that swapped names swap assets; a renamed photo whose old name got a
/// new photo keeps its id and edits and the new photo becomes a new asset.
enum IngestDecision {
    /// - Parameters:
    ///   - assetsWithHash: the catalogued assets holding a hash.
    ///   - holds: whether a catalogued path outside this run still holds the asset's bytes
    ///     (the file is there with the size and mtime the catalog recorded).
    static func decide(_ items: [HashedItem], assetsWithHash: (String) throws -> [Asset],
                       holds: (Asset) -> Bool) rethrows -> [Decision] {
        let hashAtPath = Dictionary(items.map { ($0.item.path, $0.hash) }, uniquingKeysWith: { a, _ in a })
        func stillHolds(_ asset: Asset) -> Bool {
            if let hash = hashAtPath[asset.sourcePath] { return hash == asset.sha256 }
            return holds(asset)
        }
        var decisions: [String: Decision] = [:]
        var movedAway = Set<Int64>()      // assets leaving their path in this run
        var firstHolder: [String: String] = [:]  // hash → path that took it in this run
        let ordered = items.sorted { $0.item.path < $1.item.path }
        // Pass 1: unchanged content, moves and duplicates.
        for hashed in ordered {
            let item = hashed.item
            if let known = item.known, known.sha256 == hashed.hash {
                firstHolder[hashed.hash] = firstHolder[hashed.hash] ?? item.path
                decisions[item.path] = known.hasRenditions && !item.needsRender
                    ? .touch(hashed, assetId: known.assetId) : .render(hashed, existing: known.assetId)
            }
        }
        for hashed in ordered where decisions[hashed.item.path] == nil {
            let candidates = try assetsWithHash(hashed.hash)
            if let free = candidates.first(where: { !stillHolds($0) && !movedAway.contains($0.id!) }) {
                movedAway.insert(free.id!)
                firstHolder[hashed.hash] = firstHolder[hashed.hash] ?? hashed.item.path
                decisions[hashed.item.path] = .move(hashed, asset: free)
            } else if let holder = firstHolder[hashed.hash] ?? candidates.first(where: stillHolds)?.sourcePath {
                decisions[hashed.item.path] = .duplicate(hashed, of: holder)
            } else {
                firstHolder[hashed.hash] = hashed.item.path
            }
        }
        // A move onto a path whose own asset stays (its bytes are gone, not moved) would have
        // to drop that asset and its edits: refuse, and say how to settle it.
        for hashed in ordered {
            guard case .move(_, let asset)? = decisions[hashed.item.path], let known = hashed.item.known,
                  known.assetId != asset.id, !movedAway.contains(known.assetId) else { continue }
            movedAway.remove(asset.id!)
            decisions[hashed.item.path] = .refuse(hashed, reason: """
                now holds the bytes of \(asset.sourcePath), but the asset already here has no file left; \
                remove one of them (mediacat asset remove) and ingest again
                """)
        }
        // Pass 2: everything else is rendered: in place when the path's asset stayed, new when
        // it moved away (its bytes went elsewhere) or the path is new.
        for hashed in ordered where decisions[hashed.item.path] == nil {
            let existing = hashed.item.known.flatMap { movedAway.contains($0.assetId) ? nil : $0.assetId }
            decisions[hashed.item.path] = .render(hashed, existing: existing)
        }
        return ordered.compactMap { decisions[$0.item.path] }
    }
}
