import Catalog
import Foundation
import Testing
@testable import Ingest

/// Where each asset's bytes went, decided on plain values.
struct IngestDecisionTests {
    func asset(_ id: Int64, _ path: String, _ sha: String) -> Asset {
        var a = Asset(publicId: "id\(id)", collectionId: 1, kind: .photo, sourcePath: path, fileSize: 1, modifiedAt: 1, sha256: sha,
                      format: "jpeg", mimeType: "image/jpeg", mediaInfo: "{}", tags: [], people: [], status: .draft,
                      editedFields: [], createdAt: "", updatedAt: "")
        a.id = id
        return a
    }

    func item(_ path: String, _ hash: String, known: Asset? = nil) -> HashedItem {
        let fingerprint = known.map { Fingerprint(assetId: $0.id!, fileSize: 1, modifiedAt: 1, sha256: $0.sha256, hasRenditions: true,
                                                  isVideo: false, posterTime: nil, posterTimeEdited: false) }
        return HashedItem(item: WorkItem(url: URL(fileURLWithPath: "/lib/" + path), path: path, collection: "g",
                                         description: AssetDescription(), size: 2, modifiedAt: 2, known: fingerprint), hash: hash)
    }

    func decide(_ items: [HashedItem], catalog: [Asset], onDisk: Set<String> = []) -> [String: String] {
        let decisions = IngestDecision.decide(items, assetsWithHash: { hash in catalog.filter { $0.sha256 == hash } },
                                              holds: { onDisk.contains($0.sourcePath) })
        var summary: [String: String] = [:]
        for decision in decisions {
            switch decision {
            case .touch(let h, let id): summary[h.item.path] = "touch \(id)"
            case .move(let h, let a): summary[h.item.path] = "move \(a.id!)"
            case .render(let h, let existing): summary[h.item.path] = "render \(existing.map(String.init) ?? "new")"
            case .duplicate(let h, let of): summary[h.item.path] = "duplicate of \(of)"
            case .refuse(let h, _): summary[h.item.path] = "refuse"
            }
        }
        return summary
    }

    @Test func swappedNamesSwapAssets() {
        let a = asset(1, "a.jpg", "s1"), b = asset(2, "b.jpg", "s2")
        #expect(decide([item("a.jpg", "s2", known: a), item("b.jpg", "s1", known: b)], catalog: [a, b])
            == ["a.jpg": "move 2", "b.jpg": "move 1"])
    }

    /// mv a.jpg b.jpg, then a new photo saved as a.jpg: the asset follows its bytes to b.jpg.
    @Test func renameAndReplace() {
        let a = asset(1, "a.jpg", "s1")
        #expect(decide([item("a.jpg", "s9", known: a), item("b.jpg", "s1")], catalog: [a])
            == ["a.jpg": "render new", "b.jpg": "move 1"])
    }

    @Test func copiesAndChanges() {
        let a = asset(1, "a.jpg", "s1")
        // A copy of a file that is still in place, and two copies of a new file.
        #expect(decide([item("copy.jpg", "s1"), item("n1.jpg", "s5"), item("n2.jpg", "s5")], catalog: [a], onDisk: ["a.jpg"])
            == ["copy.jpg": "duplicate of a.jpg", "n1.jpg": "render new", "n2.jpg": "duplicate of n1.jpg"])
        // New content at a known path: rendered in place (the edits stay).
        #expect(decide([item("a.jpg", "s2", known: a)], catalog: [a]) == ["a.jpg": "render 1"])
        // Same bytes, new mtime.
        #expect(decide([item("a.jpg", "s1", known: a)], catalog: [a]) == ["a.jpg": "touch 1"])
    }

    /// b.jpg moved onto a.jpg: a.jpg's own asset has no file left; nothing is dropped silently.
    @Test func overwrittenAssetIsNotDropped() {
        let a = asset(1, "a.jpg", "s1"), b = asset(2, "b.jpg", "s2")
        #expect(decide([item("a.jpg", "s2", known: a)], catalog: [a, b]) == ["a.jpg": "refuse"])
    }
}
