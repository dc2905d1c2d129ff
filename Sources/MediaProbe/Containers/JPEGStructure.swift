internal import Foundation

/// The layout of a JPEG file found by walking its markers up to the first scan: where the EXIF
/// block is, the frame size the SOF states, and where the entropy-coded data starts.
struct JPEGStructure {
    /// The APP1 payload that starts with "Exif\0\0".
    var exif: UnsafeRawBufferPointer?
    var frameWidth = 0
    var frameHeight = 0
    var hasFrame = false
    /// Offset of the first byte after the first SOS segment.
    var entropyStart = 0

    enum Failure: Error, Equatable {
        case noFrame
        case truncatedHeader(offset: Int)
        case noEndMarker
    }

    /// Walks the markers of `bytes`, which start with SOI, up to the first scan. `bytes` may be
    /// a prefix of the file: a walk that runs off its end fails with `truncatedHeader`.
    static func scan(_ bytes: UnsafeRawBufferPointer) -> Result<JPEGStructure, Failure> {
        let reader = ByteReader(bytes)
        var structure = JPEGStructure()
        var offset = 2
        while true {
            // Markers may be preceded by any number of 0xFF fill bytes.
            guard reader.u8(offset) == 0xFF else {
                return structure.hasFrame ? .failure(.truncatedHeader(offset: offset)) : .failure(.noFrame)
            }
            while reader.u8(offset + 1) == 0xFF { offset += 1 }
            guard let marker = reader.u8(offset + 1) else { return .failure(.truncatedHeader(offset: offset)) }
            if marker == 0xD9 { return .failure(.noFrame) }  // EOI before any scan: no image data
            if marker == 0x01 || (0xD0...0xD7).contains(marker) { offset += 2; continue }
            guard let length = reader.u16(offset + 2), length >= 2,
                  let payload = reader.slice(offset + 4, Int(length) - 2) else {
                return .failure(.truncatedHeader(offset: offset))
            }
            let payloadReader = ByteReader(payload)
            if marker == 0xE1, structure.exif == nil, payloadReader.matches("Exif\0\0", at: 0) {
                structure.exif = payload
            } else if isStartOfFrame(marker), let height = payloadReader.u16(1), let width = payloadReader.u16(3) {
                structure.hasFrame = true
                structure.frameWidth = Int(width)
                structure.frameHeight = Int(height)
            } else if marker == 0xDA {
                guard structure.hasFrame else { return .failure(.noFrame) }
                structure.entropyStart = offset + 2 + Int(length)
                return .success(structure)
            }
            offset += 2 + Int(length)
        }
    }

    /// SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    private static func isStartOfFrame(_ marker: UInt8) -> Bool {
        (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC
    }

    /// True when the last bytes, ignoring zero padding, are the end-of-image marker: the cheap
    /// check that holds for almost every file.
    static func endsWithEndMarker(_ tail: [UInt8]) -> Bool {
        guard let last = tail.lastIndex(where: { $0 != 0 }), last >= 1 else { return false }
        return tail[last - 1] == 0xFF && tail[last] == 0xD9
    }

    /// Searches the entropy-coded data for FF D9. Encoders stuff every 0xFF data byte with 0x00,
    /// so the first FF D9 after the first scan is the real end of the image, even when other
    /// data (a motion-photo video, a maker's trailer) follows it.
    static func containsEndMarker(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Bool {
        guard let base = bytes.baseAddress, start < bytes.count else { return false }
        var position = start
        while position < bytes.count - 1 {
            guard let hit = memchr(base + position, 0xFF, bytes.count - 1 - position) else { return false }
            let index = base.distance(to: UnsafeRawPointer(hit))
            if bytes[index + 1] == 0xD9 { return true }
            position = index + 1
        }
        return false
    }
}
