import Testing
@testable import MediaBindings

/// Photoshop stores CMYK JPEGs inverted (255 = no ink); RGB = stored C·K/255 and so on.
struct CMYKTests {
    @Test func invertedCMYKToRGB() {
        let white: [UInt8] = [255, 255, 255, 255]  // no ink at all
        let black: [UInt8] = [255, 255, 255, 0]    // full black ink
        let red: [UInt8] = [255, 0, 0, 255]        // magenta + yellow, no cyan or black
        #expect(JPEGDecompressor.rgb(fromInvertedCMYK: white + black + red) == [255, 255, 255, 0, 0, 0, 255, 0, 0])
    }
}
