internal import Foundation

/// Writes renditions to the store and describes them; remembers what it created, so a file
/// that fails half-way leaves nothing behind.
final class RenditionWriter {
    let store: RenditionStore
    let source: String
    private var created: [String] = []

    init(store: RenditionStore, source: String) {
        self.store = store
        self.source = source
    }

    /// Removes every file this writer created (files that already existed stay: they belong
    /// to an earlier, complete run for the same source).
    func discardCreated() {
        for path in created { try? FileManager.default.removeItem(at: store.url(path)) }
        created.removeAll()
    }

    /// Stores `bytes` under `recipe` unless that exact file already exists.
    func write(_ recipe: RenditionRecipe, width: Int?, height: Int?, bytes: () throws -> [UInt8]) throws -> Rendition {
        let path = store.relativePath(source: source, recipe: recipe)
        var size: Int
        if store.contains(path) {
            size = (try? store.url(path).resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0
        } else {
            let data = try bytes()
            try store.write(data, to: path)
            created.append(path)
            size = data.count
        }
        return Rendition(variant: recipe.variant, format: recipe.format, width: width, height: height, bytes: size, path: path)
    }

    func relativePath(_ recipe: RenditionRecipe) -> String { store.relativePath(source: source, recipe: recipe) }

    /// Moves a finished temporary file into place as `recipe`'s rendition, remembering it as
    /// created (so a later failure of the same source removes it again).
    func adopt(_ temporary: URL, as recipe: RenditionRecipe) throws -> String {
        let path = relativePath(recipe)
        try store.moveIntoPlace(temporary, as: path)
        created.append(path)
        return path
    }
}
