/// The chunks of a PNG that matter before decoding: the header, the EXIF chunk and the end.
/// Every chunk except IDAT has its CRC checked (IDAT is the decoder's business, and the bulk of
/// the file), so a damaged header or metadata chunk is caught here.
struct PNGStructure {
    var width = 0
    var height = 0
    var bitDepth = 0
    var colorType = 0
    /// The `eXIf` chunk: a TIFF structure without the "Exif\0\0" prefix.
    var exif: UnsafeRawBufferPointer?

    enum Failure: Error, Equatable {
        case badChunk(type: String, offset: Int)
        case truncated(afterChunk: String)
        case noHeader
    }

    static func scan(_ bytes: UnsafeRawBufferPointer) -> Result<PNGStructure, Failure> {
        let reader = ByteReader(bytes)
        var structure = PNGStructure()
        var offset = 8
        var last = "signature"
        while true {
            guard let length = reader.u32(offset), let type = reader.fourCC(offset + 4),
                  let data = reader.slice(offset + 8, Int(length)), let crc = reader.u32(offset + 8 + Int(length)) else {
                return .failure(.truncated(afterChunk: last))
            }
            if type != "IDAT", let typed = reader.slice(offset + 4, 4 + Int(length)), CRC32.checksum(typed) != crc {
                return .failure(.badChunk(type: type, offset: offset))
            }
            let chunk = ByteReader(data)
            switch type {
            case "IHDR":
                guard let w = chunk.u32(0), let h = chunk.u32(4) else { return .failure(.noHeader) }
                structure.width = Int(w)
                structure.height = Int(h)
                structure.bitDepth = Int(chunk.u8(8) ?? 0)
                structure.colorType = Int(chunk.u8(9) ?? 0)
            case "eXIf" where structure.exif == nil:
                structure.exif = data
            case "IEND":
                return structure.width > 0 ? .success(structure) : .failure(.noHeader)
            default:
                if last == "signature" { return .failure(.noHeader) }
            }
            last = type
            offset += 12 + Int(length)
        }
    }
}

/// The CRC-32 of PNG (and zlib), table-driven.
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { n in
        (0..<8).reduce(UInt32(n)) { c, _ in c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    }

    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        table.withUnsafeBufferPointer { t in
            for b in bytes { c = t[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        }
        return c ^ 0xFFFF_FFFF
    }
}
