/// A TIFF structure (a TIFF or DNG file, or the body of an EXIF block) read IFD by IFD.
/// Used for the image size of TIFF files and to repack EXIF that libexif cannot reach:
/// libexif reads only the first 64 KiB, and TIFF writers often put IFD0 at the end.
struct TIFFStructure {
    struct Entry {
        var tag: UInt16
        var type: UInt16
        var count: UInt32
        /// The value bytes, wherever they are stored (inline or at an offset).
        var value: UnsafeRawBufferPointer
    }

    let reader: ByteReader

    /// nil when `bytes` has no TIFF header.
    init?(_ bytes: UnsafeRawBufferPointer) {
        var reader = ByteReader(bytes)
        if reader.matches("II*\0", at: 0) { reader.bigEndian = false }
        else if !reader.matches("MM\0*", at: 0) { return nil }
        self.reader = reader
    }

    var firstIFDOffset: Int? { reader.u32(4).map(Int.init) }

    /// Byte size of each TIFF field type (BYTE...DOUBLE, IFD); 0 for unknown types.
    static func unitSize(_ type: UInt16) -> Int {
        switch type {
        case 1, 2, 6, 7: 1
        case 3, 8: 2
        case 4, 9, 11, 13: 4
        case 5, 10, 12: 8
        default: 0
        }
    }

    /// The entries of the IFD at `offset`; nil when the IFD lies outside the data.
    /// Entries whose value points outside the data are dropped.
    func entries(at offset: Int, limit: Int = 1000) -> [Entry]? {
        guard let count = reader.u16(offset), Int(count) <= limit,
              reader.slice(offset + 2, Int(count) * 12) != nil else { return nil }
        return (0..<Int(count)).compactMap { i in
            let base = offset + 2 + i * 12
            guard let tag = reader.u16(base), let type = reader.u16(base + 2), let n = reader.u32(base + 4) else { return nil }
            let size = Self.unitSize(type) * Int(n)
            guard size > 0 || n == 0 else { return nil }
            let location = size <= 4 ? base + 8 : reader.u32(base + 8).map(Int.init) ?? -1
            guard let value = reader.slice(location, size) else { return nil }
            return Entry(tag: tag, type: type, count: n, value: value)
        }
    }

    /// The first integer of an entry's value (BYTE, SHORT or LONG).
    func integer(_ entry: Entry) -> Int? {
        let value = ByteReader(entry.value, bigEndian: reader.bigEndian)
        switch entry.type {
        case 1: return value.u8(0).map(Int.init)
        case 3: return value.u16(0).map(Int.init)
        case 4, 13: return value.u32(0).map(Int.init)
        default: return nil
        }
    }

    /// The first `limit` integers of a LONG/SHORT/IFD entry, such as the offsets of SubIFDs.
    func integers(_ entry: Entry, limit: Int) -> [Int] {
        let value = ByteReader(entry.value, bigEndian: reader.bigEndian)
        let unit = Self.unitSize(entry.type)
        guard unit == 2 || unit == 4 else { return [] }
        return (0..<min(Int(entry.count), limit)).compactMap { i in
            unit == 2 ? value.u16(i * 2).map(Int.init) : value.u32(i * 4).map(Int.init)
        }
    }
}
