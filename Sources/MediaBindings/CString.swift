extension String {
    /// The text of a NUL-terminated C buffer filled in by a C function.
    init(cBuffer: [CChar]) {
        self = cBuffer.withUnsafeBufferPointer { buffer in
            String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }
}
