internal import CHeif

/// A libheif call that failed: the function and libheif's own code and message.
public struct HeifError: Error, CustomStringConvertible, Sendable, Equatable {
    public let function: String
    public let code: Int32
    public let message: String
    public var description: String { "\(function): \(message)" }
}

/// Passes every `heif_error` through one place.
func check(_ error: heif_error, _ function: String) throws(HeifError) {
    guard error.code != heif_error_Ok else { return }
    let message = error.message.map { String(cString: $0) } ?? "error \(error.code.rawValue)"
    throw HeifError(function: function, code: Int32(error.code.rawValue), message: message)
}

/// What the primary image of a HEIF/AVIF file is, without decoding it.
public struct HeifImageInfo: Sendable, Equatable {
    /// Size of the coded image (`ispe`), before the container's rotation and mirroring.
    public var codedWidth: Int
    public var codedHeight: Int
    /// Size after `irot`/`imir`/`clap`, as libheif's decoder outputs it.
    public var width: Int
    public var height: Int
    public var lumaBitDepth: Int
    public var hasAlpha: Bool
    /// Each EXIF block as stored: a 4-byte offset to the TIFF header, then the data.
    public var exifBlocks: [[UInt8]]
}

/// An opened HEIF/AVIF file: owns the `heif_context` from `heif_context_alloc`
/// (freed by `heif_context_free`).
public final class HeifContext {
    let context: OpaquePointer

    public init(path: String) throws(HeifError) {
        guard let context = heif_context_alloc() else {
            throw HeifError(function: "heif_context_alloc", code: -1, message: "out of memory")
        }
        self.context = context
        try check(heif_context_read_from_file(context, path, nil), "heif_context_read_from_file")
    }

    deinit { heif_context_free(context) }

    /// Describes the primary image. The handle from `heif_context_get_primary_image_handle`
    /// is released on the next line's defer.
    public func primaryImage(maxMetadataBytes: Int = 1 << 20) throws(HeifError) -> HeifImageInfo {
        var handle: OpaquePointer? = nil
        try check(heif_context_get_primary_image_handle(context, &handle), "heif_context_get_primary_image_handle")
        defer { heif_image_handle_release(handle) }
        return HeifImageInfo(
            codedWidth: Int(heif_image_handle_get_ispe_width(handle)),
            codedHeight: Int(heif_image_handle_get_ispe_height(handle)),
            width: Int(heif_image_handle_get_width(handle)),
            height: Int(heif_image_handle_get_height(handle)),
            lumaBitDepth: Int(heif_image_handle_get_luma_bits_per_pixel(handle)),
            hasAlpha: heif_image_handle_has_alpha_channel(handle) != 0,
            exifBlocks: try Self.exifBlocks(handle, limit: maxMetadataBytes))
    }

    private static func exifBlocks(_ handle: OpaquePointer?, limit: Int) throws(HeifError) -> [[UInt8]] {
        let count = Int(heif_image_handle_get_number_of_metadata_blocks(handle, "Exif"))
        guard count > 0 else { return [] }
        var ids = [heif_item_id](repeating: 0, count: count)
        let found = Int(heif_image_handle_get_list_of_metadata_block_IDs(handle, "Exif", &ids, Int32(count)))
        var blocks: [[UInt8]] = []
        for id in ids.prefix(found) {
            let size = heif_image_handle_get_metadata_size(handle, id)
            guard size > 4, size <= limit else { continue }
            var block = [UInt8](repeating: 0, count: size)
            try check(heif_image_handle_get_metadata(handle, id, &block), "heif_image_handle_get_metadata")
            blocks.append(block)
        }
        return blocks
    }
}
