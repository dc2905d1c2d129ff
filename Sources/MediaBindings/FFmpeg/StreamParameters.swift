internal import CFFmpeg

/// What libavformat knows about one stream, copied out of `AVStream`/`AVCodecParameters`.
public struct StreamParameters: Sendable, Equatable {
    public enum MediaType: String, Sendable {
        case video, audio, subtitle, data, attachment, unknown
    }

    public var index: Int
    public var mediaType: MediaType
    /// libavcodec's name for the codec; nil when libavcodec does not know it (timecode and
    /// metadata tracks such as QuickTime `tmcd` and `mebx`).
    public var codecName: String?
    public var profileName: String?
    public var width: Int
    public var height: Int
    public var pixelFormat: String?
    /// Bits per sample of the first component of `pixelFormat` (8, 10, 12...).
    public var pixelFormatDepth: Int?
    public var bitsPerRawSample: Int
    public var averageFrameRate: Rational
    public var realFrameRate: Rational
    /// Full-range ("JPEG") luma, when the container or headers already said so.
    public var fullRange = false
    /// The codec's out-of-band setup (avcC, hvcC...), up to 4 KiB, for header parsers.
    public var extradata: [UInt8] = []
    public var colorPrimaries: String?
    public var colorTransfer: String?
    /// The YUV matrix ("bt709", "bt2020nc"...), when stated.
    public var colorSpace: String?
    /// True when the stream says its pictures are interlaced (either field first).
    public var interlaced = false
    /// Width of a pixel relative to its height (non-square pixels in DV and broadcast video).
    public var sampleAspect = Rational(num: 0, den: 1)
    public var channels: Int
    public var channelLayout: String?
    public var sampleRate: Int
    public var sampleFormat: String?
    public var bitRate: Int64
    /// Duration in seconds from the stream's own time base, when the container states it.
    public var duration: Double?
    public var frameCount: Int64
    /// Rotation from the display matrix in degrees counter-clockwise, as `av_display_rotation_get` gives it.
    public var displayMatrixRotation: Double?
    public var isAttachedPicture: Bool
    public var metadata: [String: String]
}

/// A fraction such as a frame rate; `den == 0` means unknown.
public struct Rational: Sendable, Equatable, CustomStringConvertible {
    public var num: Int32
    public var den: Int32
    public init(num: Int32, den: Int32) { self.num = num; self.den = den }
    public var value: Double? { den == 0 || num == 0 ? nil : Double(num) / Double(den) }
    public var description: String { "\(num)/\(den)" }
}

extension Rational {
    init(_ r: AVRational) { self.init(num: r.num, den: r.den) }
}

extension StreamParameters {
    /// Copies one stream's parameters; `stream` stays owned by its `AVFormatContext`.
    init(stream: UnsafeMutablePointer<AVStream>) {
        let st = stream.pointee
        let par = st.codecpar.pointee
        let type = StreamParameters.mediaType(par.codec_type)
        self.init(
            index: Int(st.index),
            mediaType: type,
            codecName: par.codec_id == AV_CODEC_ID_NONE ? nil : String(cString: avcodec_get_name(par.codec_id)),
            profileName: avcodec_profile_name(par.codec_id, par.profile).map { String(cString: $0) },
            width: Int(par.width), height: Int(par.height),
            pixelFormat: nil, pixelFormatDepth: nil,
            bitsPerRawSample: Int(par.bits_per_raw_sample),
            averageFrameRate: Rational(st.avg_frame_rate),
            realFrameRate: Rational(st.r_frame_rate),
            colorPrimaries: nil, colorTransfer: nil,
            channels: Int(par.ch_layout.nb_channels), channelLayout: nil,
            sampleRate: Int(par.sample_rate), sampleFormat: nil,
            bitRate: par.bit_rate,
            duration: StreamParameters.seconds(st.duration, st.time_base),
            frameCount: st.nb_frames,
            displayMatrixRotation: StreamParameters.displayRotation(stream),
            isAttachedPicture: st.disposition & AV_DISPOSITION_ATTACHED_PIC != 0,
            metadata: Dictionary(dictionaryEntries(st.metadata).map { ($0.key, $0.value) },
                                 uniquingKeysWith: { first, _ in first }))
        if let data = par.extradata, par.extradata_size > 0, par.extradata_size <= 4096, type == .video || type == .audio {
            extradata = Array(UnsafeBufferPointer(start: data, count: Int(par.extradata_size)))
        }
        if type == .video {
            fullRange = par.color_range == AVCOL_RANGE_JPEG
            setPixelFormat(par.format)
            if par.color_primaries != AVCOL_PRI_UNSPECIFIED {
                colorPrimaries = av_color_primaries_name(par.color_primaries).map { String(cString: $0) }
            }
            if par.color_trc != AVCOL_TRC_UNSPECIFIED {
                colorTransfer = av_color_transfer_name(par.color_trc).map { String(cString: $0) }
            }
            if par.color_space != AVCOL_SPC_UNSPECIFIED {
                colorSpace = av_color_space_name(par.color_space).map { String(cString: $0) }
            }
            interlaced = [AV_FIELD_TT, AV_FIELD_BB, AV_FIELD_TB, AV_FIELD_BT].contains(par.field_order)
            let aspect = par.sample_aspect_ratio.num > 0 ? par.sample_aspect_ratio : st.sample_aspect_ratio
            sampleAspect = Rational(aspect)
        } else if type == .audio {
            sampleFormat = av_get_sample_fmt_name(AVSampleFormat(rawValue: par.format)).map { String(cString: $0) }
            channelLayout = StreamParameters.describe(layout: st.codecpar)
        }
    }

    mutating func setPixelFormat(_ raw: Int32) {
        guard raw >= 0, let descriptor = av_pix_fmt_desc_get(AVPixelFormat(rawValue: raw)) else { return }
        pixelFormat = String(cString: descriptor.pointee.name)
        pixelFormatDepth = Int(descriptor.pointee.comp.0.depth)
    }

    private static func mediaType(_ type: AVMediaType) -> MediaType {
        switch type {
        case AVMEDIA_TYPE_VIDEO: .video
        case AVMEDIA_TYPE_AUDIO: .audio
        case AVMEDIA_TYPE_SUBTITLE: .subtitle
        case AVMEDIA_TYPE_DATA: .data
        case AVMEDIA_TYPE_ATTACHMENT: .attachment
        default: .unknown
        }
    }

    static func seconds(_ value: Int64, _ base: AVRational) -> Double? {
        guard value != mc_nopts_value(), value >= 0, base.den != 0 else { return nil }
        return Double(value) * Double(base.num) / Double(base.den)
    }

    /// The layout's name ("stereo", "5.1(side)"); nil when the container left it unspecified.
    private static func describe(layout parameters: UnsafeMutablePointer<AVCodecParameters>) -> String? {
        guard parameters.pointee.ch_layout.order != AV_CHANNEL_ORDER_UNSPEC else { return nil }
        var buffer = [CChar](repeating: 0, count: 128)
        let written = withUnsafePointer(to: &parameters.pointee.ch_layout) {
            av_channel_layout_describe($0, &buffer, buffer.count)
        }
        return written > 0 ? String(cBuffer: buffer) : nil
    }

    /// Reads the display matrix side data. This is the one place that changes for FFmpeg 6.1+,
    /// where the matrix moves to `codecpar->coded_side_data`.
    private static func displayRotation(_ stream: UnsafeMutablePointer<AVStream>) -> Double? {
        var size: Int = 0
        guard let data = av_stream_get_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, &size),
              size >= 9 * MemoryLayout<Int32>.size else { return nil }
        let degrees = data.withMemoryRebound(to: Int32.self, capacity: 9) { av_display_rotation_get($0) }
        return degrees.isNaN ? nil : degrees
    }
}
