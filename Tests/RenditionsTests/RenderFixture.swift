import Foundation
import MediaBindings
import TestSupport
@testable import Renditions

/// A renderer writing into its own temporary folder, and helpers to read what it wrote.
final class RenderFixture {
    let root: URL
    let renderer: Renderer

    init(_ configure: (inout RenditionOptions) -> Void = { _ in }) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("mediacat-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        var options = RenditionOptions()
        configure(&options)
        renderer = Renderer(options: options, store: RenditionStore(root: root))
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func render(_ fixture: String) throws -> RenditionSet {
        try renderer.render(path: Fixtures.path(fixture))
    }

    func bytes(_ rendition: Rendition) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(rendition.path)))
    }

    /// Decodes a JPEG rendition to RGB.
    func pixels(_ rendition: Rendition) throws -> PixelImage {
        let data = try bytes(rendition)
        return try data.withUnsafeBytes { try JPEGDecompressor().decode($0).image }
    }

    /// Every file under the root, relative.
    var files: [String] {
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        return (enumerator?.allObjects as? [String] ?? []).filter { !$0.hasSuffix("/") }.sorted()
    }
}

extension PixelImage {
    /// The mean colour of a square of `size` pixels centred at (x, y).
    func color(atX x: Int, y: Int, size: Int = 4) -> (r: Int, g: Int, b: Int) {
        var total = (0, 0, 0), count = 0
        for yy in max(0, y - size / 2)..<min(height, y + size / 2 + 1) {
            for xx in max(0, x - size / 2)..<min(width, x + size / 2 + 1) {
                let i = (yy * width + xx) * layout.bytesPerPixel
                total.0 += Int(pixels[i]); total.1 += Int(pixels[i + 1]); total.2 += Int(pixels[i + 2])
                count += 1
            }
        }
        return (total.0 / count, total.1 / count, total.2 / count)
    }

    var meanLuma: Double {
        var sum = 0.0
        for i in stride(from: 0, to: pixels.count, by: layout.bytesPerPixel) {
            sum += 0.299 * Double(pixels[i]) + 0.587 * Double(pixels[i + 1]) + 0.114 * Double(pixels[i + 2])
        }
        return sum / Double(width * height)
    }
}

/// Named colours with a tolerance for JPEG's losses.
func isColor(_ c: (r: Int, g: Int, b: Int), _ expected: (Int, Int, Int), tolerance: Int = 48) -> Bool {
    abs(c.r - expected.0) <= tolerance && abs(c.g - expected.1) <= tolerance && abs(c.b - expected.2) <= tolerance
}
