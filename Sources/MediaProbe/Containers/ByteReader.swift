/// Bounds-checked reads from untrusted bytes: every read returns nil instead of running past
/// the end, so a hostile length or offset can never reach memory outside the buffer.
struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    var bigEndian: Bool

    init(_ bytes: UnsafeRawBufferPointer, bigEndian: Bool = true) {
        self.bytes = bytes
        self.bigEndian = bigEndian
    }

    var count: Int { bytes.count }

    func u8(_ offset: Int) -> UInt8? {
        offset >= 0 && offset < bytes.count ? bytes[offset] : nil
    }

    func u16(_ offset: Int) -> UInt16? {
        guard let b = slice(offset, 2) else { return nil }
        return bigEndian ? UInt16(b[0]) << 8 | UInt16(b[1]) : UInt16(b[1]) << 8 | UInt16(b[0])
    }

    func u32(_ offset: Int) -> UInt32? {
        guard let b = slice(offset, 4) else { return nil }
        let v = (0..<4).reduce(UInt32(0)) { $0 << 8 | UInt32(b[bigEndian ? $1 : 3 - $1]) }
        return v
    }

    func u64(_ offset: Int) -> UInt64? {
        guard let high = u32(bigEndian ? offset : offset + 4), let low = u32(bigEndian ? offset + 4 : offset) else { return nil }
        return UInt64(high) << 32 | UInt64(low)
    }

    /// `count` bytes at `offset`, or nil when any of them lies outside the buffer.
    func slice(_ offset: Int, _ count: Int) -> UnsafeRawBufferPointer? {
        guard offset >= 0, count >= 0, offset <= bytes.count, count <= bytes.count - offset else { return nil }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
    }

    /// True when the bytes at `offset` equal `latin1`, one byte per character ("\u{89}PNG" is 89 50 4E 47).
    func matches(_ latin1: String, at offset: Int) -> Bool {
        let pattern = latin1.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        guard let s = slice(offset, pattern.count) else { return false }
        return s.elementsEqual(pattern)
    }

    /// Four bytes as text, for chunk and box types.
    func fourCC(_ offset: Int) -> String? {
        slice(offset, 4).map { String(decoding: $0, as: UTF8.self) }
    }
}
