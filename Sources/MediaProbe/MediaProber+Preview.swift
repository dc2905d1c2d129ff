/// A JPEG stored inside another file (a raw photo's preview), by byte range.
public struct EmbeddedJPEG: Sendable, Equatable {
    public let offset: Int64
    public let length: Int
    public let width: Int
    public let height: Int
}

extension MediaProber {
    /// The largest embedded JPEG preview of a TIFF-based raw (DNG...), when it has one.
    public func embeddedJPEG(path: String) throws(ProbeError) -> EmbeddedJPEG? {
        do throws(ProbeError.Reason) {
            let file = try SourceFile(path: path)
            guard file.size <= options.maxPhotoBytes else { throw .tooLarge(bytes: file.size, limit: options.maxPhotoBytes) }
            let bytes = try file.readAll()
            return bytes.withUnsafeBytes { raw in
                TIFFStructure(raw)?.largestEmbeddedJPEG().map {
                    EmbeddedJPEG(offset: Int64($0.offset), length: $0.length, width: $0.width, height: $0.height)
                }
            }
        } catch {
            throw ProbeError(path: path, reason: error)
        }
    }
}
