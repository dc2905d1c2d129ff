extension TIFFStructure {
    enum Tag {
        static let newSubfileType: UInt16 = 0x00FE
        static let imageWidth: UInt16 = 0x0100
        static let imageLength: UInt16 = 0x0101
        static let subIFDs: UInt16 = 0x014A
        static let exifIFD: UInt16 = 0x8769
        static let gpsIFD: UInt16 = 0x8825
        static let interoperabilityIFD: UInt16 = 0xA005
        static let dngVersion: UInt16 = 0xC612
    }

    /// Bulky or position-dependent entries that a metadata probe never needs: image strips and
    /// tiles, thumbnails, ICC/XMP/IPTC/Photoshop blocks and maker notes.
    private static let pointers: Set<UInt16> = [Tag.exifIFD, Tag.gpsIFD, Tag.interoperabilityIFD]

    private static let dropped: Set<UInt16> = [0x0111, 0x0117, 0x0144, 0x0145, 0x014A, 0x0201, 0x0202,
                                               0x02BC, 0x83BB, 0x8649, 0x8773, 0x927C]

    /// The size of the full-resolution image: among IFD0 and its SubIFDs, the largest one not
    /// marked as a reduced-resolution copy (DNG files keep a thumbnail in IFD0).
    func mainImageSize() -> (width: Int, height: Int)? {
        guard let first = firstIFDOffset, let ifd0 = entries(at: first) else { return nil }
        var candidates = [ifd0]
        if let sub = ifd0.first(where: { $0.tag == Tag.subIFDs }) {
            candidates += integers(sub, limit: 16).compactMap { entries(at: $0) }
        }
        var best: (width: Int, height: Int)?
        for ifd in candidates {
            let type = ifd.first { $0.tag == Tag.newSubfileType }.flatMap(integer) ?? 0
            guard type & 1 == 0,
                  let w = ifd.first(where: { $0.tag == Tag.imageWidth }).flatMap(integer),
                  let h = ifd.first(where: { $0.tag == Tag.imageLength }).flatMap(integer) else { continue }
            // Areas as Double: hostile sizes of 2^32-1 × 2^32-1 must not overflow.
            if Double(w) * Double(h) > (best.map { Double($0.width) * Double($0.height) } ?? 0) { best = (w, h) }
        }
        return best
    }

    /// True when IFD0 carries a DNGVersion tag.
    var isDNG: Bool {
        guard let first = firstIFDOffset else { return false }
        return entries(at: first)?.contains { $0.tag == Tag.dngVersion } ?? false
    }

    /// IFD0, the Exif, GPS and Interoperability IFDs rebuilt into one small APP1-style block
    /// ("Exif\0\0" + TIFF) in the source byte order, values copied verbatim. Returns nil when
    /// there is no IFD0 or the result would not fit libexif's 64 KiB window.
    func compactExifBlock(maxValueSize: Int = 4096) -> [UInt8]? {
        guard let first = firstIFDOffset, let ifd0 = entries(at: first) else { return nil }
        func child(_ ifd: [Entry], _ tag: UInt16) -> [Entry]? {
            ifd.first { $0.tag == tag }.flatMap(integer).flatMap { entries(at: $0) }
        }
        let keep: ([Entry]) -> [Entry] = {
            $0.filter { !Self.dropped.contains($0.tag) && !Self.pointers.contains($0.tag) && $0.value.count <= maxValueSize }
        }
        let rawExif = child(ifd0, Tag.exifIFD)
        // IFD0, Exif, GPS, Interoperability; each with the pointer tags it gets to its children.
        let directories: [(entries: [Entry], children: [(tag: UInt16, index: Int)])?] = [
            (keep(ifd0), [(Tag.exifIFD, 1), (Tag.gpsIFD, 2)]),
            rawExif.map { (keep($0), [(Tag.interoperabilityIFD, 3)]) },
            child(ifd0, Tag.gpsIFD).map { (keep($0), []) },
            rawExif.flatMap { child($0, Tag.interoperabilityIFD) }.map { (keep($0), []) },
        ]
        let children = directories.map { directory in
            (directory?.children ?? []).filter { directories[$0.index] != nil }
        }
        // Layout: the 8-byte header, then each IFD followed by its out-of-line values.
        var offsets: [Int] = []
        var position = 8
        for (i, directory) in directories.enumerated() {
            offsets.append(position)
            guard let directory else { continue }
            position += 2 + 12 * (directory.entries.count + children[i].count) + 4
            position += directory.entries.reduce(0) { $0 + ($1.value.count > 4 ? ($1.value.count + 1) & ~1 : 0) }
        }
        guard position <= 0xFFF0 else { return nil }

        var writer = TIFFWriter(bigEndian: reader.bigEndian)
        writer.bytes += reader.bigEndian ? Array("MM\0*".utf8) : Array("II*\0".utf8)
        writer.append32(8)
        for (i, directory) in directories.enumerated() {
            guard let directory else { continue }
            writer.writeIFD(directory.entries, pointers: children[i].map { ($0.tag, offsets[$0.index]) })
        }
        return Array("Exif\0\0".utf8) + writer.bytes
    }
}

/// Serializes IFDs for `compactExifBlock`, in one byte order.
private struct TIFFWriter {
    let bigEndian: Bool
    var bytes: [UInt8] = []

    mutating func append16(_ v: UInt16) {
        bytes += bigEndian ? [UInt8(v >> 8), UInt8(v & 0xFF)] : [UInt8(v & 0xFF), UInt8(v >> 8)]
    }

    mutating func append32(_ v: UInt32) {
        let be = [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
        bytes += bigEndian ? be : be.reversed()
    }

    /// Writes one IFD at the current end, its large values right after it.
    mutating func writeIFD(_ entries: [TIFFStructure.Entry], pointers: [(tag: UInt16, offset: Int)]) {
        let start = bytes.count
        let count = entries.count + pointers.count
        var valueOffset = start + 2 + 12 * count + 4
        append16(UInt16(count))
        var outOfLine: [UnsafeRawBufferPointer] = []
        for entry in entries {
            append16(entry.tag)
            append16(entry.type)
            append32(entry.count)
            if entry.value.count <= 4 {
                bytes += entry.value + [UInt8](repeating: 0, count: 4 - entry.value.count)
            } else {
                append32(UInt32(valueOffset))
                valueOffset += (entry.value.count + 1) & ~1
                outOfLine.append(entry.value)
            }
        }
        for pointer in pointers {
            append16(pointer.tag)
            append16(4)
            append32(1)
            append32(UInt32(pointer.offset))
        }
        append32(0)  // no next IFD: the thumbnail IFD is left out
        for value in outOfLine {
            bytes += value
            if value.count & 1 == 1 { bytes.append(0) }
        }
    }
}
