internal import MediaBindings

/// The size, format and EXIF block of a still image in memory, from its own headers.
struct ImageHeader {
    var format: String
    var mimeType: String
    var width: Int
    var height: Int
    /// APP1-style EXIF ("Exif\0\0" + TIFF), if the image has any.
    var exif: [UInt8]?

    static func read(_ bytes: UnsafeRawBufferPointer, format: FileFormat) throws(ProbeError.Reason) -> ImageHeader {
        switch format {
        case .jpeg: return try jpeg(bytes, entireFile: true)
        case .png: return try png(bytes)
        case .webp: return try webp(bytes)
        case .tiff: return try tiff(bytes)
        case .gif: return try gif(bytes)
        case .heif, .other: throw .unrecognized("not a still image format read in memory")
        }
    }

    /// Reads a JPEG without reading all of it: the head up to the first scan (which holds every
    /// marker segment and the EXIF block) and the tail, which must end with the end-of-image
    /// marker. Only files with data after that marker (motion photos, maker trailers) are read
    /// whole, to find the marker after the scan data.
    static func jpeg(_ file: SourceFile, headBytes: Int = 1 << 18) throws(ProbeError.Reason) -> ImageHeader {
        var bytes = try file.read(at: 0, count: headBytes)
        var entireFile = Int64(bytes.count) == file.size
        let headWalks = bytes.withUnsafeBytes { if case .success = JPEGStructure.scan($0) { true } else { false } }
        if !entireFile, !headWalks {
            bytes = try file.readAll()  // marker segments reach beyond the head
            entireFile = true
        }
        if !entireFile, !JPEGStructure.endsWithEndMarker(try file.read(at: max(0, file.size - 4096), count: 4096)) {
            bytes = try file.readAll()
            entireFile = true
        }
        let head = bytes
        let result = head.withUnsafeBytes { raw in
            Result { () throws(ProbeError.Reason) in try jpeg(raw, entireFile: entireFile) }
        }
        return try result.get()
    }

    /// - Parameter entireFile: false when `bytes` is only the head and the tail was already
    ///   found to end with the end-of-image marker.
    private static func jpeg(_ bytes: UnsafeRawBufferPointer, entireFile: Bool) throws(ProbeError.Reason) -> ImageHeader {
        let structure: JPEGStructure
        switch JPEGStructure.scan(bytes) {
        case .success(let s): structure = s
        case .failure(.noFrame): throw .corrupt(format: "JPEG", detail: "no image frame (SOF) before the image data or end marker")
        case .failure(.truncatedHeader(let offset)): throw .corrupt(format: "JPEG", detail: "marker segment at byte \(offset) is cut off or malformed")
        case .failure(.noEndMarker): throw .corrupt(format: "JPEG", detail: "truncated: the image data ends without an end-of-image marker")
        }
        if entireFile, !JPEGStructure.containsEndMarker(bytes, from: structure.entropyStart) {
            throw .corrupt(format: "JPEG", detail: "truncated: the image data ends without an end-of-image marker")
        }
        // The real decoder's reading of the frame header, with its own message when it refuses.
        let header: JPEGHeader
        do {
            header = try JPEGDecompressor().header(of: bytes)
        } catch {
            throw .corrupt(format: "JPEG", detail: "libjpeg-turbo: \(error.message)")
        }
        guard header.width > 0, header.height > 0 else {
            throw .corrupt(format: "JPEG", detail: "frame header declares \(structure.frameWidth)×\(structure.frameHeight) pixels")
        }
        return ImageHeader(format: "jpeg", mimeType: "image/jpeg", width: header.width, height: header.height,
                           exif: structure.exif.map(Array.init))
    }

    private static func png(_ bytes: UnsafeRawBufferPointer) throws(ProbeError.Reason) -> ImageHeader {
        switch PNGStructure.scan(bytes) {
        case .success(let s):
            guard s.width > 0, s.height > 0 else { throw .corrupt(format: "PNG", detail: "header declares \(s.width)×\(s.height) pixels") }
            return ImageHeader(format: "png", mimeType: "image/png", width: s.width, height: s.height,
                               exif: s.exif.map { Array("Exif\0\0".utf8) + $0 })
        case .failure(.badChunk(let type, let offset)):
            throw .corrupt(format: "PNG", detail: "chunk '\(type)' at byte \(offset) fails its CRC check")
        case .failure(.truncated(let after)):
            throw .corrupt(format: "PNG", detail: "truncated after the '\(after)' chunk (no IEND)")
        case .failure(.noHeader):
            throw .corrupt(format: "PNG", detail: "no IHDR header chunk")
        }
    }

    private static func webp(_ bytes: UnsafeRawBufferPointer) throws(ProbeError.Reason) -> ImageHeader {
        switch WebPStructure.scan(bytes) {
        case .success(let s):
            let exif = s.exif.map { chunk in
                ByteReader(chunk).matches("Exif\0\0", at: 0) ? Array(chunk) : Array("Exif\0\0".utf8) + chunk
            }
            return ImageHeader(format: "webp", mimeType: "image/webp", width: s.width, height: s.height, exif: exif)
        case .failure(.truncated(let declared, let actual)):
            throw .corrupt(format: "WebP", detail: "truncated: RIFF header declares \(declared) bytes, file has \(actual)")
        case .failure(.noImage):
            throw .corrupt(format: "WebP", detail: "no VP8, VP8L or VP8X image chunk")
        }
    }

    private static func tiff(_ bytes: UnsafeRawBufferPointer) throws(ProbeError.Reason) -> ImageHeader {
        guard let tiff = TIFFStructure(bytes), let first = tiff.firstIFDOffset else {
            throw .corrupt(format: "TIFF", detail: "no TIFF header")
        }
        guard tiff.entries(at: first) != nil else {
            throw .corrupt(format: "TIFF", detail: "first IFD offset \(first) lies outside the \(bytes.count)-byte file")
        }
        guard let size = tiff.mainImageSize(), size.width > 0, size.height > 0 else {
            throw .corrupt(format: "TIFF", detail: "no image directory states a width and height")
        }
        let dng = tiff.isDNG
        return ImageHeader(format: dng ? "dng" : "tiff", mimeType: dng ? "image/x-adobe-dng" : "image/tiff",
                           width: size.width, height: size.height, exif: tiff.compactExifBlock())
    }

    private static func gif(_ bytes: UnsafeRawBufferPointer) throws(ProbeError.Reason) -> ImageHeader {
        let reader = ByteReader(bytes, bigEndian: false)
        guard let width = reader.u16(6), let height = reader.u16(8), width > 0, height > 0 else {
            throw .corrupt(format: "GIF", detail: "logical screen has no size")
        }
        guard bytes.last == 0x3B else { throw .corrupt(format: "GIF", detail: "truncated: no trailer byte") }
        return ImageHeader(format: "gif", mimeType: "image/gif", width: Int(width), height: Int(height), exif: nil)
    }
}
