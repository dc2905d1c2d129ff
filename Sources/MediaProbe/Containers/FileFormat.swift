/// What a file's first bytes say it is; the extension is never consulted.
enum FileFormat: Equatable {
    case jpeg, png, gif, webp, tiff, heif(brand: String)
    /// Anything else goes to libavformat, which knows hundreds of containers.
    case other

    /// Sniffs the first bytes of a file (at least 32 when the file has them).
    static func sniff(_ head: ByteReader) -> FileFormat {
        if head.u8(0) == 0xFF, head.u8(1) == 0xD8, head.u8(2) == 0xFF { return .jpeg }
        if head.matches("\u{89}PNG\r\n\u{1A}\n", at: 0) { return .png }
        if head.matches("GIF87a", at: 0) || head.matches("GIF89a", at: 0) { return .gif }
        if head.matches("RIFF", at: 0), head.matches("WEBP", at: 8) { return .webp }
        if head.matches("II*\0", at: 0) || head.matches("MM\0*", at: 0) { return .tiff }
        if head.matches("ftyp", at: 4), let brand = heifBrand(head) { return .heif(brand: brand) }
        return .other
    }

    /// HEIF and AVIF still-image brands; MP4/MOV brands return nil and go to libavformat.
    private static let stillBrands: Set<String> = ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "mif2", "msf1", "avif", "avis"]

    private static func heifBrand(_ head: ByteReader) -> String? {
        guard let size = head.u32(0), let major = head.fourCC(8) else { return nil }
        if stillBrands.contains(major) { return major }
        // Some writers use a generic major brand and list the image brand as compatible.
        var offset = 16
        while offset + 4 <= min(Int(size), head.count) {
            if let brand = head.fourCC(offset), stillBrands.contains(brand), brand != "mif1", brand != "msf1" { return brand }
            offset += 4
        }
        return nil
    }
}
