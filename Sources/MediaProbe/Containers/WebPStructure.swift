/// The RIFF chunks of a WebP: the canvas or bitstream size and the EXIF chunk.
struct WebPStructure {
    var width = 0
    var height = 0
    var exif: UnsafeRawBufferPointer?

    enum Failure: Error, Equatable {
        case truncated(declared: Int, actual: Int)
        case noImage
    }

    static func scan(_ bytes: UnsafeRawBufferPointer) -> Result<WebPStructure, Failure> {
        let reader = ByteReader(bytes, bigEndian: false)
        guard let riffSize = reader.u32(4) else { return .failure(.noImage) }
        let end = Int(riffSize) + 8
        if end > bytes.count { return .failure(.truncated(declared: end, actual: bytes.count)) }
        var structure = WebPStructure()
        var offset = 12
        while offset + 8 <= end {
            guard let type = reader.fourCC(offset), let size = reader.u32(offset + 4),
                  let data = reader.slice(offset + 8, Int(size)) else { break }
            let chunk = ByteReader(data, bigEndian: false)
            switch type {
            case "VP8X":
                if let w = chunk.slice(4, 3), let h = chunk.slice(7, 3) {
                    structure.width = (Int(w[0]) | Int(w[1]) << 8 | Int(w[2]) << 16) + 1
                    structure.height = (Int(h[0]) | Int(h[1]) << 8 | Int(h[2]) << 16) + 1
                }
            case "VP8 " where structure.width == 0:
                // Lossy key frame: 3-byte frame tag, start code 9D 01 2A, then 14-bit sizes.
                if chunk.u8(3) == 0x9D, chunk.u8(4) == 0x01, chunk.u8(5) == 0x2A,
                   let w = chunk.u16(6), let h = chunk.u16(8) {
                    structure.width = Int(w & 0x3FFF)
                    structure.height = Int(h & 0x3FFF)
                }
            case "VP8L" where structure.width == 0:
                // Lossless: signature 0x2F, then 14-bit width-1 and height-1.
                if chunk.u8(0) == 0x2F, let bits = chunk.u32(1) {
                    structure.width = Int(bits & 0x3FFF) + 1
                    structure.height = Int((bits >> 14) & 0x3FFF) + 1
                }
            case "EXIF" where structure.exif == nil:
                structure.exif = data
            default:
                break
            }
            offset += 8 + Int(size) + Int(size & 1)  // chunks are padded to even sizes
        }
        return structure.width > 0 && structure.height > 0 ? .success(structure) : .failure(.noImage)
    }
}
