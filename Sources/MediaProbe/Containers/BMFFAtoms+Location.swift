extension BMFFAtoms {
    /// The payload of the box at `path` below the top level ("moov", "udta", "loci"), read
    /// header by header; nil when absent or larger than `limit` bytes.
    static func payload(_ file: SourceFile, path: [String], limit: Int = 4096) throws(ProbeError.Reason) -> [UInt8]? {
        var start: Int64 = 0, end = file.size
        for (depth, type) in path.enumerated() {
            var offset = start
            var found: (Int64, Int64)?
            var visited = 0
            while offset + 8 <= end, visited < 1024 {
                visited += 1
                let header = try file.read(at: offset, count: 16)
                let (size32, name, large) = header.withUnsafeBytes { raw in
                    let reader = ByteReader(raw)
                    return (reader.u32(0), reader.fourCC(4), reader.u64(8))
                }
                guard let size32, let name else { return nil }
                let headerSize: Int64 = size32 == 1 ? 16 : 8
                let size = size32 == 1 ? Int64(clamping: large ?? 0) : size32 == 0 ? end - offset : Int64(size32)
                guard size >= headerSize, size <= end - offset else { return nil }
                if name == type {
                    found = (offset + headerSize, offset + size)
                    break
                }
                offset += size
            }
            guard let (bodyStart, bodyEnd) = found else { return nil }
            if depth == path.count - 1 {
                guard bodyEnd - bodyStart <= limit else { return nil }
                return try file.read(at: bodyStart, count: Int(bodyEnd - bodyStart))
            }
            (start, end) = (bodyStart, bodyEnd)
        }
        return nil
    }

    /// The 3GPP `loci` box (TS 26.244): longitude, latitude and altitude in 16.16 fixed point,
    /// after a version/flags word, a language code, a name string and a role byte.
    static func locationInformation(_ payload: [UInt8]) -> (latitude: Double, longitude: Double, altitude: Double)? {
        payload.withUnsafeBytes { raw in
            let reader = ByteReader(raw)
            var offset = 6
            while let byte = reader.u8(offset), byte != 0 { offset += 1 }  // name, NUL-terminated
            offset += 2  // the NUL, then the role byte
            guard let lon = reader.u32(offset), let lat = reader.u32(offset + 4), let alt = reader.u32(offset + 8) else { return nil }
            let fixed = { (v: UInt32) in Double(Int32(bitPattern: v)) / 65536 }
            let (latitude, longitude) = (fixed(lat), fixed(lon))
            guard abs(latitude) <= 90, abs(longitude) <= 180 else { return nil }
            return (latitude, longitude, fixed(alt))
        }
    }
}
