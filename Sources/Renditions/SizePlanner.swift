/// Output sizes: fit inside a square box, keep the aspect ratio, never upscale.
enum SizePlanner {
    /// The size `width`×`height` takes inside a `box`×`box` square, at most its own size.
    static func fit(width: Int, height: Int, box: Int) -> (width: Int, height: Int) {
        guard width > 0, height > 0, box > 0 else { return (0, 0) }
        let scale = min(1, Double(box) / Double(max(width, height)))
        return (max(1, Int((Double(width) * scale).rounded())), max(1, Int((Double(height) * scale).rounded())))
    }

    /// The stored-pixel size that becomes `display` after EXIF orientation `orientation`.
    static func stored(_ display: (width: Int, height: Int), orientation: Int) -> (width: Int, height: Int) {
        orientation >= 5 ? (display.height, display.width) : display
    }

    /// Among libjpeg-turbo's DCT scale factors, the smallest whose output still covers
    /// `target` (so the final resize only ever shrinks).
    static func jpegFactor(width: Int, height: Int, covering target: (width: Int, height: Int),
                           factors: [(num: Int, denom: Int)], scaled: (Int, Int, (num: Int, denom: Int)) -> (width: Int, height: Int))
        -> (num: Int, denom: Int) {
        var chosen = (num: 1, denom: 1)
        for factor in factors {  // largest first
            let size = scaled(width, height, factor)
            if size.width >= target.width, size.height >= target.height { chosen = factor } else { break }
        }
        return chosen
    }
}
