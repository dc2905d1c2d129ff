/// What a transcode makes from one source file: any number of output files, each a list of
/// tracks, where a track is a source stream copied bit for bit or the output of one encoder.
/// Decisions (what to copy, which filters, which encoder settings) are the caller's; the job
/// only says them. Every stream decoded is decoded once, however many outputs use it.
public struct TranscodeJob: Sendable {
    public enum Track: Sendable, Equatable {
        /// The packets of source stream `source`, unchanged but for `packetFilter`; with the
        /// display matrix when `keepRotation`.
        case copy(source: Int, keepRotation: Bool)
        /// The packets of video encoder `rung`.
        case encodedVideo(rung: Int)
        /// The packets of the audio encoder.
        case encodedAudio
    }

    public struct Output: Sendable {
        public var path: String
        /// libavformat's muxer name: "mp4", "mov", "matroska", "mp3"...
        public var format: String
        /// Muxer options ("movflags": "+faststart").
        public var muxerOptions: [String: String]
        public var tracks: [Track]

        public init(path: String, format: String, muxerOptions: [String: String] = [:], tracks: [Track]) {
            self.path = path
            self.format = format
            self.muxerOptions = muxerOptions
            self.tracks = tracks
        }
    }

    /// Decoded once, filtered by `filter` (a libavfilter graph from `[in]` to `[out0]`,
    /// `[out1]`... one per encoder), then encoded by each of `encoders`.
    public struct Encoding: Sendable {
        public var source: Int
        public var filter: String
        public var encoders: [EncoderSettings]

        public init(source: Int, filter: String, encoders: [EncoderSettings]) {
            self.source = source
            self.filter = filter
            self.encoders = encoders
        }
    }

    public var video: Encoding?
    public var audio: Encoding?
    public var outputs: [Output]
    /// Rewrites a copied packet's payload of a source stream (nil: keep it), e.g. to drop user
    /// data from an H.264 bitstream. May only make packets shorter.
    public var packetFilters: [Int: @Sendable (UnsafeRawBufferPointer) -> [UInt8]?] = [:]

    public init(video: Encoding? = nil, audio: Encoding? = nil, outputs: [Output]) {
        self.video = video
        self.audio = audio
        self.outputs = outputs
    }
}

/// What a transcode wrote: each output's size and stream facts, and how much of the source
/// could not be decoded.
public struct TranscodeResult: Sendable {
    public struct Output: Sendable {
        public var path: String
        public var bytes: Int64
        public var streams: [StreamParameters]
    }

    public var outputs: [Output]
    /// Seconds of the source that went through, by the last timestamp seen.
    public var duration: Double
    /// Packets or frames the decoders refused as damaged.
    public var rejectedPackets: Int
}
