/// The top-level boxes ("atoms") of an MP4/MOV/3GP file, read from their 8- or 16-byte headers.
struct BMFFAtoms {
    struct Atom: Equatable {
        var type: String
        var offset: Int64
        var size: Int64
    }

    var atoms: [Atom] = []
    /// The `ftyp` major brand ("isom", "qt  ", "3gp5", "M4A "...), if there is one.
    var majorBrand: String?

    /// Walks top-level atom headers only; stops at the first malformed size or after `limit` atoms.
    init(_ file: SourceFile, limit: Int = 256) throws(ProbeError.Reason) {
        var offset: Int64 = 0
        while offset + 8 <= file.size, atoms.count < limit {
            let header = try file.read(at: offset, count: 16)
            let (size32, type, large) = header.withUnsafeBytes { raw in
                let reader = ByteReader(raw)
                return (reader.u32(0), reader.fourCC(4), reader.u64(8))
            }
            guard let size32, let type else { break }
            var size = Int64(size32)
            if size32 == 1 {
                guard let large, large <= UInt64(Int64.max) else { break }
                size = Int64(large)
            } else if size32 == 0 {
                size = file.size - offset  // extends to the end of the file
            }
            guard size >= 8 else { break }
            if type == "ftyp", majorBrand == nil, header.count >= 12 {
                majorBrand = String(decoding: header[8..<12], as: UTF8.self)
            }
            // An atom that claims to run past the end (a truncated mdat, or a hostile size) is
            // recorded for the atom order, and ends the walk.
            let remaining = file.size - offset
            atoms.append(Atom(type: type, offset: offset, size: min(size, remaining)))
            if size >= remaining { break }
            offset += size
        }
    }

    /// True when `moov` comes before `mdat`; nil when either is missing.
    var isFastStart: Bool? {
        guard let moov = atoms.firstIndex(where: { $0.type == "moov" }),
              let mdat = atoms.firstIndex(where: { $0.type == "mdat" }) else { return nil }
        return moov < mdat
    }
}
