internal import MediaBindings

/// Probes anything libavformat opens: headers and bitstream headers only, no decoding.
enum VideoProbe {
    /// Demuxers mediacat accepts. Playlist and "meta" demuxers (HLS, DASH, concat, image2
    /// sequences) are left out on purpose: a hostile file could make them open other files or URLs.
    static let allowedFormats = [
        "mov", "mp4", "matroska", "webm", "avi", "mpegts", "mpeg", "mpegvideo", "ogg", "mp3", "flac",
        "wav", "aac", "asf", "flv", "aiff", "caf", "amr", "ac3", "eac3", "dts", "h264", "hevc", "m4v",
        "mjpeg", "mxf", "dv", "w64", "wv", "ape", "tta", "gif", "ivf", "obu", "av1",
        "jpeg_pipe", "png_pipe", "bmp_pipe", "webp_pipe", "tiff_pipe", "gif_pipe", "j2k_pipe",
        "jpegxl_pipe", "psd_pipe", "qoi_pipe", "dpx_pipe", "exr_pipe",
    ].joined(separator: ",")

    static func probe(path: String, file: SourceFile, options: ProbeOptions) throws(ProbeError.Reason) -> MediaInfo {
        let context: FormatContext
        do {
            context = try FormatContext(url: "file:" + path, timeLimit: options.timeLimit, probeSize: options.probeSize,
                                        options: MediaProber.containerOptions)
        } catch {
            if error.isTimeout { throw .timedOut(seconds: options.timeLimit) }
            // A refused demuxer is explained by the detail alone ("'hls' is not a container...").
            let refused = error.detail?.contains("mediacat opens") == true
            throw .unrecognized("libavformat: " + (refused ? error.detail ?? error.message : error.explanation))
        }
        let format = context.formatName
        do {
            try context.findStreamInfo()
            let streams = try context.streamsCompletedByParsers()
            var info = try describe(context, streams: streams, file: file)
            try checkExtent(context, info: &info)
            return info
        } catch let error as FFmpegError {
            throw error.isTimeout ? .timedOut(seconds: options.timeLimit) : .corrupt(format: format, detail: error.description)
        } catch let reason as ProbeError.Reason {
            throw reason
        } catch {
            throw .corrupt(format: format, detail: "\(error)")
        }
    }

    private static func describe(_ context: FormatContext, streams: [StreamParameters], file: SourceFile) throws -> MediaInfo {
        let playable = streams.filter { ($0.mediaType == .video && !$0.isAttachedPicture) || $0.mediaType == .audio }
        guard !playable.isEmpty else { throw ProbeError.Reason.noMediaStreams }
        let video = streams.filter { $0.mediaType == .video && !$0.isAttachedPicture }
            .max { $0.width * $0.height < $1.width * $1.height }
        let naming = try ContainerNaming(formatName: context.formatName, file: file, streams: streams)
        var info = MediaInfo(kind: naming.kind, format: naming.format, mimeType: naming.mimeType, fileSize: file.size)
        info.container = context.formatName
        info.fastStart = naming.fastStart
        info.duration = context.duration ?? streams.compactMap(\.duration).max()
        info.bitRate = context.bitRate > 0 ? context.bitRate : nil
        info.streams = streams.map(StreamInfo.init)
        if let video {
            guard video.width > 0, video.height > 0, video.pixelFormat != nil else {
                throw ProbeError.Reason.corrupt(format: naming.format,
                    detail: "the \(video.codecName ?? "unknown") video stream's size or pixel format cannot be read from its headers")
            }
            let rotation = Self.clockwiseRotation(video.displayMatrixRotation)
            info.width = video.width
            info.height = video.height
            info.rotation = rotation
            info.displayWidth = rotation % 180 == 0 ? video.width : video.height
            info.displayHeight = rotation % 180 == 0 ? video.height : video.width
            if naming.kind == .photo { info.orientation = 1 }
        }
        info.adopt(ContainerMetadata(tags: context.metadata, streamTags: streams.map(\.metadata)))
        // 3GPP `loci` (16.16 fixed point, about 2 m) is finer than the 4-decimal ©xyz strings
        // phones and cameras write beside it (about 11 m); Apple's ISO 6709 key stays first.
        if context.formatName.hasPrefix("mov"), info.location?.source != ContainerMetadata.locationKeys[0],
           let payload = try BMFFAtoms.payload(file, path: ["moov", "udta", "loci"]),
           let loci = BMFFAtoms.locationInformation(payload) {
            info.location = GeoLocation(latitude: loci.latitude, longitude: loci.longitude, altitude: loci.altitude, source: "loci")
        }
        return info
    }

    /// libavutil gives counter-clockwise degrees; viewers need the clockwise quarter turn.
    static func clockwiseRotation(_ counterClockwise: Double?) -> Int {
        guard let degrees = counterClockwise, degrees.isFinite else { return 0 }
        let quarter = Int((-degrees / 90).rounded())
        return ((quarter % 4 + 4) % 4) * 90
    }

    /// A file whose packets stop well before its declared duration was cut short.
    private static func checkExtent(_ context: FormatContext, info: inout MediaInfo) throws {
        guard let duration = info.duration, duration >= 0.5, info.kind != .photo else { return }
        let extent = try context.extent(declaredDuration: duration)
        guard extent.readToEnd else { return }
        if let reached = extent.reached, reached >= duration * 0.9 - 0.25 { return }
        let cause = extent.stoppedBy.map { " (\($0))" } ?? ""
        let declared = ByteCount.trim(duration)
        let detail = extent.reached.map { "media data ends at \(ByteCount.trim($0)) s of the declared \(declared) s" }
            ?? "no media data can be read towards the declared end at \(declared) s"
        throw ProbeError.Reason.corrupt(format: info.format, detail: detail + ": truncated or damaged" + cause)
    }
}

extension StreamInfo {
    init(_ s: StreamParameters) {
        self.init(index: s.index, kind: Kind(rawValue: s.mediaType.rawValue) ?? .unknown, codec: s.codecName)
        profile = s.profileName
        language = s.metadata["language"].flatMap { $0 == "und" ? nil : $0 }
        bitRate = s.bitRate > 0 ? s.bitRate : nil
        duration = s.duration
        switch s.mediaType {
        case .video:
            width = s.width > 0 ? s.width : nil
            height = s.height > 0 ? s.height : nil
            pixelFormat = Self.decoderPixelFormat(s)
            bitDepth = s.bitsPerRawSample > 0 ? s.bitsPerRawSample : s.pixelFormatDepth
            frameRate = s.averageFrameRate.value ?? s.realFrameRate.value
            colorPrimaries = s.colorPrimaries
            colorTransfer = s.colorTransfer
            hdr = s.colorTransfer.map { $0 == "smpte2084" || $0 == "arib-std-b67" }
            isAttachedPicture = s.isAttachedPicture ? true : nil
        case .audio:
            channels = s.channels > 0 ? s.channels : nil
            channelLayout = s.channelLayout
            sampleRate = s.sampleRate > 0 ? s.sampleRate : nil
        default:
            break
        }
    }

    /// The pixel format as libavcodec's decoder names it. Its H.264 decoder outputs full-range
    /// 8-bit streams in the "J" formats (yuvj420p...), which the bitstream parser does not
    /// report, so the SPS's `video_full_range_flag` decides.
    static func decoderPixelFormat(_ s: StreamParameters) -> String? {
        guard let format = s.pixelFormat, s.codecName == "h264", ["yuv420p", "yuv422p", "yuv444p"].contains(format),
              s.fullRange || H264SequenceParameters(extradata: s.extradata)?.fullRange == true else { return s.pixelFormat }
        return "yuvj" + format.dropFirst(3)
    }
}
