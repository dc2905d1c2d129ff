internal import Foundation
public import MediaBindings

/// ThumbHash (Evan Wallace's published algorithm): a ~25-byte placeholder that encodes a
/// blurred version of an image, its average colour and its aspect ratio, so a page can
/// reserve the right space and paint a blur before the thumbnail arrives.
public enum ThumbHash {
    /// Encodes an image of at most 100×100 pixels.
    public static func encode(_ image: PixelImage) -> [UInt8] {
        let w = image.width, h = image.height
        precondition(w > 0 && h > 0 && w <= 100 && h <= 100, "ThumbHash wants an image of at most 100×100")
        let bpp = image.layout.bytesPerPixel
        let alphaAt: (Int) -> Double = { i in bpp == 4 ? Double(image.pixels[i * 4 + 3]) / 255 : 1 }

        // Average colour, weighted by alpha.
        var avgR = 0.0, avgG = 0.0, avgB = 0.0, avgA = 0.0
        for i in 0..<(w * h) {
            let alpha = alphaAt(i)
            avgR += alpha / 255 * Double(image.pixels[i * bpp])
            avgG += alpha / 255 * Double(image.pixels[i * bpp + 1])
            avgB += alpha / 255 * Double(image.pixels[i * bpp + 2])
            avgA += alpha
        }
        if avgA > 0 { avgR /= avgA; avgG /= avgA; avgB /= avgA }

        let hasAlpha = avgA < Double(w * h)
        let lLimit = hasAlpha ? 5.0 : 7.0
        let lx = max(1, Int((lLimit * Double(w) / Double(max(w, h))).rounded()))
        let ly = max(1, Int((lLimit * Double(h) / Double(max(w, h))).rounded()))

        // RGBA to LPQA, composited over the average colour.
        var l = [Double](repeating: 0, count: w * h), p = l, q = l, a = l
        for i in 0..<(w * h) {
            let alpha = alphaAt(i)
            let r = avgR * (1 - alpha) + alpha / 255 * Double(image.pixels[i * bpp])
            let g = avgG * (1 - alpha) + alpha / 255 * Double(image.pixels[i * bpp + 1])
            let b = avgB * (1 - alpha) + alpha / 255 * Double(image.pixels[i * bpp + 2])
            l[i] = (r + g + b) / 3
            p[i] = (r + g) / 2 - b
            q[i] = r - g
            a[i] = alpha
        }

        let (lDC, lAC, lScale) = encodeChannel(l, w, h, max(3, lx), max(3, ly))
        let (pDC, pAC, pScale) = encodeChannel(p, w, h, 3, 3)
        let (qDC, qAC, qScale) = encodeChannel(q, w, h, 3, 3)
        let (aDC, aAC, aScale) = hasAlpha ? encodeChannel(a, w, h, 5, 5) : (0, [], 0)

        let isLandscape = w > h
        let header24 = Int((63 * lDC).rounded()) | (Int((31.5 + 31.5 * pDC).rounded()) << 6)
            | (Int((31.5 + 31.5 * qDC).rounded()) << 12) | (Int((31 * lScale).rounded()) << 18) | ((hasAlpha ? 1 : 0) << 23)
        let header16 = (isLandscape ? ly : lx) | (Int((63 * pScale).rounded()) << 3) | (Int((63 * qScale).rounded()) << 9)
            | ((isLandscape ? 1 : 0) << 15)
        var hash: [UInt8] = [UInt8(header24 & 255), UInt8((header24 >> 8) & 255), UInt8(header24 >> 16),
                             UInt8(header16 & 255), UInt8(header16 >> 8)]
        if hasAlpha { hash.append(UInt8(Int((15 * aDC).rounded()) | (Int((15 * aScale).rounded()) << 4))) }
        let start = hash.count
        let factors = hasAlpha ? [lAC, pAC, qAC, aAC] : [lAC, pAC, qAC]
        var index = 0
        for ac in factors {
            for f in ac {
                let position = start + (index >> 1)
                if position >= hash.count { hash.append(0) }
                hash[position] |= UInt8(Int((15 * f).rounded()) << ((index & 1) << 2))
                index += 1
            }
        }
        return hash
    }

    /// DCT of one channel into a constant term and normalised varying terms.
    private static func encodeChannel(_ channel: [Double], _ w: Int, _ h: Int, _ nx: Int, _ ny: Int)
        -> (dc: Double, ac: [Double], scale: Double) {
        var dc = 0.0, ac: [Double] = [], scale = 0.0
        var fx = [Double](repeating: 0, count: w)
        for cy in 0..<ny {
            var cx = 0
            while cx * ny < nx * (ny - cy) {
                var f = 0.0
                for x in 0..<w { fx[x] = cos(Double.pi / Double(w) * Double(cx) * (Double(x) + 0.5)) }
                for y in 0..<h {
                    let fy = cos(Double.pi / Double(h) * Double(cy) * (Double(y) + 0.5))
                    for x in 0..<w { f += channel[x + y * w] * fx[x] * fy }
                }
                f /= Double(w * h)
                if cx > 0 || cy > 0 {
                    ac.append(f)
                    scale = max(scale, abs(f))
                } else {
                    dc = f
                }
                cx += 1
            }
        }
        if scale > 0 { ac = ac.map { 0.5 + 0.5 / scale * $0 } }
        return (dc, ac, scale)
    }

    /// The aspect ratio (width / height) a hash encodes, to reserve space before decoding it.
    public static func approximateAspectRatio(_ hash: [UInt8]) -> Double? {
        guard hash.count >= 5 else { return nil }
        let header = Int(hash[3])
        let hasAlpha = hash[2] & 0x80 != 0
        let isLandscape = hash[4] & 0x80 != 0
        let lx = isLandscape ? (hasAlpha ? 5 : 7) : header & 7
        let ly = isLandscape ? header & 7 : (hasAlpha ? 5 : 7)
        return ly == 0 ? nil : Double(lx) / Double(ly)
    }
}
