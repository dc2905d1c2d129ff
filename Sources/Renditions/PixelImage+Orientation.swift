public import MediaBindings

extension PixelImage {
    /// Applies EXIF orientation `orientation` (1–8): the transform a viewer applies to the stored
    /// pixels to show them upright (2 mirrors, 3 turns 180°, 6 turns 90° clockwise...).
    public func oriented(_ orientation: Int) -> PixelImage {
        guard (2...8).contains(orientation) else { return self }
        let swap = orientation >= 5
        let outWidth = swap ? height : width, outHeight = swap ? width : height
        let bpp = layout.bytesPerPixel
        var out = [UInt8](repeating: 0, count: pixels.count)
        pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for y in 0..<outHeight {
                    for x in 0..<outWidth {
                        // The stored pixel that lands at display (x, y).
                        let (sx, sy): (Int, Int)
                        switch orientation {
                        case 2: (sx, sy) = (width - 1 - x, y)
                        case 3: (sx, sy) = (width - 1 - x, height - 1 - y)
                        case 4: (sx, sy) = (x, height - 1 - y)
                        case 5: (sx, sy) = (y, x)
                        case 6: (sx, sy) = (y, height - 1 - x)
                        case 7: (sx, sy) = (width - 1 - y, height - 1 - x)
                        default: (sx, sy) = (width - 1 - y, x)  // 8
                        }
                        let s = (sy * width + sx) * bpp, d = (y * outWidth + x) * bpp
                        for c in 0..<bpp { dst[d + c] = src[s + c] }
                    }
                }
            }
        }
        return PixelImage(width: outWidth, height: outHeight, layout: layout, pixels: out)
    }

    /// Turns the image clockwise by 0, 90, 180 or 270 degrees (a video's display rotation).
    public func rotated(clockwise degrees: Int) -> PixelImage {
        switch ((degrees % 360) + 360) % 360 {
        case 90: oriented(6)
        case 180: oriented(3)
        case 270: oriented(8)
        default: self
        }
    }

    /// RGB, with any alpha composited over white (JPEG has no alpha; a transparent PNG on
    /// white looks as its author saw it on a web page).
    public func flattened() -> PixelImage {
        guard layout == .rgba else { return self }
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        for i in 0..<(width * height) {
            let a = UInt32(pixels[i * 4 + 3])
            for c in 0..<3 {
                rgb[i * 3 + c] = UInt8((UInt32(pixels[i * 4 + c]) * a + 255 * (255 - a) + 127) / 255)
            }
        }
        return PixelImage(width: width, height: height, layout: .rgb, pixels: rgb)
    }
}
