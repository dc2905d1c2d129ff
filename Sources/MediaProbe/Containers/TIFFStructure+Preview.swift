extension TIFFStructure {
    /// The largest JPEG-compressed image that a raw (DNG, and TIFF-based raws) carries beside
    /// its sensor data: camera makers embed one for exactly this purpose, since rendering the
    /// raw itself needs demosaicing. Returns its byte range and size.
    func largestEmbeddedJPEG() -> (offset: Int, length: Int, width: Int, height: Int)? {
        guard let first = firstIFDOffset, let ifd0 = entries(at: first) else { return nil }
        var directories = [ifd0]
        if let sub = ifd0.first(where: { $0.tag == Tag.subIFDs }) {
            directories += integers(sub, limit: 16).compactMap { entries(at: $0) }
        }
        var best: (offset: Int, length: Int, width: Int, height: Int)?
        for ifd in directories {
            func value(_ tag: UInt16) -> Int? { ifd.first { $0.tag == tag }.flatMap(integer) }
            // Compression 6 (old-style JPEG) or 7 (JPEG), not Linear Raw / CFA data (34892, 32803).
            guard let compression = value(0x0103), compression == 6 || compression == 7,
                  let photometric = value(0x0106), photometric == 2 || photometric == 6 else { continue }
            let range: (Int, Int)?
            if let offset = value(0x0201), let length = value(0x0202) {
                range = (offset, length)
            } else if let strips = ifd.first(where: { $0.tag == 0x0111 }), let counts = ifd.first(where: { $0.tag == 0x0117 }),
                      integers(strips, limit: 2).count == 1, let offset = integers(strips, limit: 1).first,
                      let length = integers(counts, limit: 1).first {
                range = (offset, length)
            } else {
                range = nil
            }
            guard let (offset, length) = range, length > 0, reader.slice(offset, length) != nil,
                  let width = value(Tag.imageWidth), let height = value(Tag.imageLength) else { continue }
            if Double(width) * Double(height) > (best.map { Double($0.width) * Double($0.height) } ?? 0) {
                best = (offset, length, width, height)
            }
        }
        return best
    }
}
