internal import MediaBindings

/// The facts about a video or audio file's streams that decide how it is made web-ready: read
/// from the container's headers, so the decisions are plain functions tested on values.
struct VideoSource: Equatable {
    struct Picture: Equatable {
        var index: Int
        var codec: String
        var profile: String?
        /// Stored pixel size, before rotation.
        var width: Int
        var height: Int
        var pixelFormat: String?
        var bitDepth: Int
        var frameRate: Double?
        /// Clockwise display rotation: 0, 90, 180 or 270.
        var rotation: Int = 0
        var interlaced = false
        /// Pixel width / height; 1 for square pixels.
        var sampleAspect = 1.0
        var primaries: String?
        var transfer: String?
        var matrix: String?
    }

    struct Sound: Equatable {
        var index: Int
        var codec: String
        var profile: String?
        var channels: Int
        var sampleRate: Int
    }

    /// The main picture (the largest non-cover video stream).
    var picture: Picture?
    /// The sound the web renditions carry (the first audio stream).
    var sound: Sound?
    /// Every picture and sound stream a clean original keeps, in file order.
    var keptStreams: [Int] = []
    /// libavcodec names of the kept streams' codecs, in the same order.
    var keptCodecs: [String] = []
    /// libavformat's name of the container ("mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm"...).
    var container: String

    init(picture: Picture?, sound: Sound?, keptStreams: [Int] = [], keptCodecs: [String] = [], container: String) {
        self.picture = picture
        self.sound = sound
        self.keptStreams = keptStreams
        self.keptCodecs = keptCodecs
        self.container = container
    }

    init(streams: [StreamParameters], container: String, rotation: Int) {
        self.container = container
        let kept = streams.filter { ($0.mediaType == .video && !$0.isAttachedPicture) || $0.mediaType == .audio }
            .filter { $0.codecName != nil }
        keptStreams = kept.map(\.index)
        keptCodecs = kept.compactMap(\.codecName)
        if let video = kept.filter({ $0.mediaType == .video }).max(by: { $0.width * $0.height < $1.width * $1.height }),
           let codec = video.codecName {
            picture = Picture(
                index: video.index, codec: codec, profile: video.profileName, width: video.width, height: video.height,
                pixelFormat: video.pixelFormat, bitDepth: video.bitsPerRawSample > 0 ? video.bitsPerRawSample : video.pixelFormatDepth ?? 8,
                frameRate: video.averageFrameRate.value ?? video.realFrameRate.value, rotation: rotation,
                interlaced: video.interlaced, sampleAspect: video.sampleAspect.value ?? 1,
                primaries: video.colorPrimaries, transfer: video.colorTransfer, matrix: video.colorSpace)
        }
        if let audio = kept.first(where: { $0.mediaType == .audio }), let codec = audio.codecName {
            sound = Sound(index: audio.index, codec: codec, profile: audio.profileName ?? Self.aacProfile(audio), channels: audio.channels,
                          sampleRate: audio.sampleRate)
        }
    }
}

extension VideoSource {
    /// The AAC profile by the AudioSpecificConfig's object type, where the container header left
    /// libavcodec's profile unknown.
    private static func aacProfile(_ audio: StreamParameters) -> String? {
        guard audio.codecName == "aac", !audio.extradata.isEmpty else { return nil }
        return switch CodecString.aacObjectType(profile: nil, extradata: audio.extradata) {
        case 1: "Main"
        case 2: "LC"
        case 5: "HE-AAC"
        case 29: "HE-AACv2"
        default: nil
        }
    }
}

extension VideoSource.Picture {
    /// The size a viewer sees: rotated, and stretched by non-square pixels.
    var displaySize: (width: Double, height: Double) {
        let w = Double(width) * (sampleAspect > 0 ? sampleAspect : 1), h = Double(height)
        return rotation % 180 == 0 ? (w, h) : (h, w)
    }

    /// True for PQ (HDR10, Dolby Vision profile 8) and HLG pictures.
    var isHDR: Bool { transfer == "smpte2084" || transfer == "arib-std-b67" }
}
