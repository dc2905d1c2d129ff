internal import Catalog
internal import Foundation
internal import MediaProbe
internal import Renditions

extension AssetContent {
    /// The catalog's record of a probed and rendered file.
    init(info: MediaInfo, renditions: RenditionSet, fileSize: Int64, modifiedAt: Int64) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(info), as: UTF8.self)
        let kind: Asset.Kind = switch info.kind {
        case .photo: .photo
        case .video: .video
        case .audio: .audio
        }
        self.init(kind: kind, fileSize: fileSize, modifiedAt: modifiedAt, sha256: renditions.sourceSHA256, format: info.format,
                  mimeType: info.mimeType, mediaInfo: json, renditions: RenditionContent.rows(of: renditions))
        (width, height, displayWidth, displayHeight) = (info.width, info.height, info.displayWidth, info.displayHeight)
        duration = info.duration
        captureTime = info.captureTime.flatMap { $0.utc ?? $0.local }
        captureTimeLocal = info.captureTime?.local
        captureOffset = info.captureTime?.offset
        latitude = info.location?.latitude
        longitude = info.location?.longitude
        thumbHash = renditions.thumbHash
        posterTimeUsed = renditions.posterTime
    }
}

extension RenditionContent {
    /// The catalog rows of a rendition set: the one place a `Rendition` becomes a row.
    static func rows(of set: RenditionSet) -> [RenditionContent] {
        set.renditions.map { r in
            RenditionContent(variant: r.variant.rawValue, format: r.format.rawValue, width: r.width, height: r.height,
                             bytes: r.bytes, path: r.path, thumbHash: r.variant == .thumb ? set.thumbHash : nil,
                             codecs: r.codecs, bitRate: r.bitRate, duration: r.duration)
        }
    }
}
