/// Interleaved 8-bit pixels, rows packed without padding: RGB (3 bytes) or RGBA (4 bytes).
/// The one image type the bindings hand to Swift code; every decoder copies into it.
public struct PixelImage: Sendable, Equatable {
    public enum Layout: Int, Sendable {
        case rgb = 3
        case rgba = 4
        public var bytesPerPixel: Int { rawValue }
    }

    public var width: Int
    public var height: Int
    public var layout: Layout
    public var pixels: [UInt8]

    public init(width: Int, height: Int, layout: Layout, pixels: [UInt8]) {
        precondition(pixels.count == width * height * layout.bytesPerPixel, "pixel buffer does not match its size")
        self.width = width
        self.height = height
        self.layout = layout
        self.pixels = pixels
    }

    public var rowBytes: Int { width * layout.bytesPerPixel }
}
