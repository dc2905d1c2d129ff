/// Everything mediacat knows about one media file before decoding any pixels.
///
/// This is the catalog's internal record: it includes facts that must never be published as
/// they are (the camera's serial number, the GPS position). Public documents pick fields from
/// it through an allow-list.
public struct MediaInfo: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case photo, video, audio
    }

    public var kind: Kind
    /// Short format name: "jpeg", "png", "heic", "mp4", "mov", "webm", "mp3"...
    public var format: String
    public var mimeType: String
    public var fileSize: Int64

    /// Stored pixel size (before orientation or rotation), from the image data itself.
    public var width: Int?
    public var height: Int?
    /// Size as a viewer shows it, after EXIF orientation or the video's display rotation.
    public var displayWidth: Int?
    public var displayHeight: Int?
    /// EXIF orientation 1–8 (photos); 1 when absent or invalid.
    public var orientation: Int?
    /// Clockwise display rotation 0/90/180/270 (videos).
    public var rotation: Int?

    public var captureTime: CaptureTime?
    public var camera: CameraInfo?
    public var exposure: ExposureInfo?
    public var location: GeoLocation?

    public var title: String?
    public var description: String?
    public var comment: String?
    public var artist: String?
    public var copyright: String?

    /// libavformat's name for the container (videos and audio).
    public var container: String?
    /// Seconds.
    public var duration: Double?
    /// Overall bits per second.
    public var bitRate: Int64?
    public var streams: [StreamInfo]?
    /// MP4/MOV only: the movie header comes before the media data, so playback can start early.
    public var fastStart: Bool?

    /// Things a person should know: invalid values that were ignored, libexif's complaints.
    public var warnings: [String]

    public init(kind: Kind, format: String, mimeType: String, fileSize: Int64) {
        self.kind = kind
        self.format = format
        self.mimeType = mimeType
        self.fileSize = fileSize
        self.warnings = []
    }
}

/// The make, model and lens that took a photo or video.
public struct CameraInfo: Sendable, Codable, Equatable {
    public var make: String?
    public var model: String?
    public var lens: String?
    /// Body serial number. Internal only: identifies a person's camera; never publish it.
    public var serialNumber: String?
    public var software: String?

    public init(make: String? = nil, model: String? = nil, lens: String? = nil,
                serialNumber: String? = nil, software: String? = nil) {
        self.make = make
        self.model = model
        self.lens = lens
        self.serialNumber = serialNumber
        self.software = software
    }

    var isEmpty: Bool { [make, model, lens, serialNumber, software].allSatisfy { $0 == nil } }
}

/// How a photo was exposed.
public struct ExposureInfo: Sendable, Codable, Equatable {
    /// Seconds.
    public var exposureTime: Double?
    public var fNumber: Double?
    public var iso: Int?
    /// Millimetres.
    public var focalLength: Double?
    public var focalLength35mm: Int?
    /// The EXIF Flash value; bit 0 says whether it fired.
    public var flash: Int?
    public var flashFired: Bool? { flash.map { $0 & 1 == 1 } }

    public init(exposureTime: Double? = nil, fNumber: Double? = nil, iso: Int? = nil,
                focalLength: Double? = nil, focalLength35mm: Int? = nil, flash: Int? = nil) {
        self.exposureTime = exposureTime
        self.fNumber = fNumber
        self.iso = iso
        self.focalLength = focalLength
        self.focalLength35mm = focalLength35mm
        self.flash = flash
    }

    var isEmpty: Bool {
        exposureTime == nil && fNumber == nil && iso == nil && focalLength == nil && focalLength35mm == nil && flash == nil
    }

    enum CodingKeys: String, CodingKey {
        case exposureTime, fNumber, iso, focalLength, focalLength35mm, flash, flashFired
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        exposureTime = try c.decodeIfPresent(Double.self, forKey: .exposureTime)
        fNumber = try c.decodeIfPresent(Double.self, forKey: .fNumber)
        iso = try c.decodeIfPresent(Int.self, forKey: .iso)
        focalLength = try c.decodeIfPresent(Double.self, forKey: .focalLength)
        focalLength35mm = try c.decodeIfPresent(Int.self, forKey: .focalLength35mm)
        flash = try c.decodeIfPresent(Int.self, forKey: .flash)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(exposureTime, forKey: .exposureTime)
        try c.encodeIfPresent(fNumber, forKey: .fNumber)
        try c.encodeIfPresent(iso, forKey: .iso)
        try c.encodeIfPresent(focalLength, forKey: .focalLength)
        try c.encodeIfPresent(focalLength35mm, forKey: .focalLength35mm)
        try c.encodeIfPresent(flash, forKey: .flash)
        try c.encodeIfPresent(flashFired, forKey: .flashFired)
    }
}

/// A position in WGS 84: signed decimal degrees (north and east positive) and metres.
public struct GeoLocation: Sendable, Codable, Equatable {
    public var latitude: Double
    public var longitude: Double
    public var altitude: Double?
    /// The tag it came from: "GPS" (EXIF) or the QuickTime/MP4 key.
    public var source: String

    public init(latitude: Double, longitude: Double, altitude: Double? = nil, source: String) {
        self.latitude = latitude
        self.longitude = longitude
        self.altitude = altitude
        self.source = source
    }
}

/// One stream of a video or audio file.
public struct StreamInfo: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable { case video, audio, subtitle, data, attachment, unknown }

    public var index: Int
    public var kind: Kind
    /// libavcodec's codec name; absent for tracks it does not know (timecode, metadata).
    public var codec: String?
    public var profile: String?
    public var width: Int?
    public var height: Int?
    public var pixelFormat: String?
    public var bitDepth: Int?
    /// Average frames per second.
    public var frameRate: Double?
    public var colorPrimaries: String?
    public var colorTransfer: String?
    /// True for PQ (smpte2084) and HLG (arib-std-b67) transfer.
    public var hdr: Bool?
    public var channels: Int?
    public var channelLayout: String?
    public var sampleRate: Int?
    public var language: String?
    public var bitRate: Int64?
    public var duration: Double?
    /// A cover image stored as a video stream (MP3 and M4A artwork).
    public var isAttachedPicture: Bool?

    public init(index: Int, kind: Kind, codec: String?) {
        self.index = index
        self.kind = kind
        self.codec = codec
    }
}
