/// What a file's tags say about when, where, by what and by whom it was made: the part of
/// `MediaInfo` that EXIF (photos) and container tags (videos) both supply.
protocol DescriptiveMetadata {
    var captureTime: CaptureTime? { get }
    var camera: CameraInfo? { get }
    var location: GeoLocation? { get }
    var title: String? { get }
    var description: String? { get }
    var comment: String? { get }
    var artist: String? { get }
    var copyright: String? { get }
    var warnings: [String] { get }
}

extension MediaInfo {
    /// Takes every descriptive fact from `metadata` and appends its warnings.
    mutating func adopt(_ metadata: some DescriptiveMetadata) {
        captureTime = metadata.captureTime
        camera = metadata.camera
        location = metadata.location
        title = metadata.title
        description = metadata.description
        comment = metadata.comment
        artist = metadata.artist
        copyright = metadata.copyright
        warnings += metadata.warnings
    }
}
