internal import MediaBindings

/// Probes still images: the size from the image data's own header, the metadata through libexif.
enum PhotoProbe {
    static func probe(path: String, format: FileFormat, file: SourceFile, options: ProbeOptions) throws(ProbeError.Reason) -> MediaInfo {
        if case .heif(let brand) = format { return try heif(path: path, brand: brand, file: file) }
        guard file.size <= options.maxPhotoBytes else { throw .tooLarge(bytes: file.size, limit: options.maxPhotoBytes) }
        let image: ImageHeader
        if format == .jpeg {
            image = try ImageHeader.jpeg(file)
        } else {
            // PNG, WebP, TIFF and GIF keep metadata anywhere in the file: read it whole.
            let bytes = try file.readAll()
            image = try bytes.withUnsafeBytes { raw in
                Result { () throws(ProbeError.Reason) in try ImageHeader.read(raw, format: format) }
            }.get()
        }
        var info = MediaInfo(kind: .photo, format: image.format, mimeType: image.mimeType, fileSize: file.size)
        info.width = image.width
        info.height = image.height
        apply(exifBlock: image.exif, to: &info)
        let orientation = info.orientation ?? 1
        info.orientation = orientation
        info.displayWidth = orientation >= 5 ? image.height : image.width
        info.displayHeight = orientation >= 5 ? image.width : image.height
        return info
    }

    /// libheif applies the container's rotation and mirroring itself, so its output size is the
    /// display size; the EXIF orientation is reported as written but must not be applied again.
    private static func heif(path: String, brand: String, file: SourceFile) throws(ProbeError.Reason) -> MediaInfo {
        let format = brand.hasPrefix("avi") ? "avif" : brand.hasPrefix("mif") || brand == "msf1" ? "heif" : "heic"
        let image: HeifImageInfo
        do {
            image = try HeifContext(path: path).primaryImage()
        } catch {
            throw .corrupt(format: format.uppercased(), detail: "libheif: \(error.message)")
        }
        guard image.width > 0, image.height > 0 else {
            throw .corrupt(format: format.uppercased(), detail: "the primary image has no size")
        }
        var info = MediaInfo(kind: .photo, format: format, mimeType: "image/\(format)", fileSize: file.size)
        info.width = image.codedWidth > 0 ? image.codedWidth : image.width
        info.height = image.codedHeight > 0 ? image.codedHeight : image.height
        info.displayWidth = image.width
        info.displayHeight = image.height
        if let block = image.exifBlocks.first {
            // Each block starts with a 4-byte big-endian offset from its end to the TIFF header.
            let offset = block.withUnsafeBytes { ByteReader($0).u32(0) }.map { 4 + Int($0) } ?? 4
            if offset < block.count {
                apply(exifBlock: Array("Exif\0\0".utf8) + block[offset...], to: &info)
            }
        }
        info.orientation = info.orientation ?? 1
        return info
    }

    /// Parses an APP1-style EXIF block ("Exif\0\0" + TIFF) into `info`.
    static func apply(exifBlock: [UInt8]?, to info: inout MediaInfo) {
        guard let exifBlock else { return }
        var block = exifBlock
        if block.count > 0xFFF0 {
            // libexif reads 64 KiB at most: repack the IFDs that matter into a small block.
            guard let compact = block.withUnsafeBytes({ raw in
                TIFFStructure(UnsafeRawBufferPointer(rebasing: raw[6...]))?.compactExifBlock()
            }) else {
                info.warnings.append("EXIF block is too large to read and could not be repacked; metadata ignored")
                return
            }
            block = compact
        }
        let parsed = block.withUnsafeBytes { raw in
            Result { () throws(ExifError) in try ExifData(bytes: raw).tags }
        }
        guard case .success(let tags) = parsed else {
            if case .failure(let error) = parsed { info.warnings.append("EXIF unreadable: \(error.message)") }
            return
        }
        if tags.isEmpty {
            info.warnings.append("EXIF unreadable: " + (tags.problems.first ?? "no tags found"))
            return
        }
        let exif = ExifInterpretation(tags)
        info.orientation = exif.orientation
        info.exposure = exif.exposure
        info.adopt(exif)
    }
}
