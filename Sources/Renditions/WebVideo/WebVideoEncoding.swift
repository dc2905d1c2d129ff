internal import Foundation
internal import MediaBindings

/// The libavfilter graphs and encoder settings that carry out a `WebVideoPlan`.
enum WebVideoEncoding {
    /// One graph for every encoded rung: deinterlace and cap the frame rate once, then per rung
    /// scale (tone-mapping HDR to SDR BT.709 after scaling, where it is cheapest), square the
    /// pixels and turn the picture upright. `sizes` are display sizes, in rung order.
    static func videoFilter(_ p: VideoSource.Picture, sizes: [(width: Int, height: Int)]) -> String {
        var shared: [String] = []
        if p.interlaced { shared.append("bwdif=mode=send_frame:parity=auto:deint=all") }
        if (p.frameRate ?? 0) > 60.5 { shared.append("fps=fps=60") }
        let chains = sizes.map { chain(p, width: $0.width, height: $0.height) }
        let head = "[in]" + (shared.isEmpty ? "" : shared.joined(separator: ",") + ",")
        if chains.count == 1 { return head + chains[0] + "[out0]" }
        let labels = chains.indices.map { "[v\($0)]" }.joined()
        let branches = chains.enumerated().map { "[v\($0.offset)]\($0.element)[out\($0.offset)]" }
        return head + "split=\(chains.count)\(labels);" + branches.joined(separator: ";")
    }

    private static func chain(_ p: VideoSource.Picture, width: Int, height: Int) -> String {
        let (storedWidth, storedHeight) = p.rotation % 180 == 0 ? (width, height) : (height, width)
        var filters: [String]
        if p.isHDR {
            let transfer = p.transfer ?? "smpte2084"
            filters = [
                "scale=w=\(storedWidth):h=\(storedHeight):flags=bicubic", "format=yuv420p10le",
                "zscale=tin=\(transfer):min=\(zscaleMatrix(p.matrix)):pin=\(zscalePrimaries(p.primaries)):rin=limited:t=linear:npl=100",
                "format=gbrpf32le", "zscale=p=709", "tonemap=tonemap=hable:desat=0", "zscale=t=709:m=709:r=limited",
            ]
        } else {
            filters = ["scale=w=\(storedWidth):h=\(storedHeight):flags=bicubic:out_range=tv"]
        }
        filters += ["format=yuv420p", "setsar=1"]
        switch p.rotation {
        case 90: filters.append("transpose=clock")
        case 180: filters += ["hflip", "vflip"]
        case 270: filters.append("transpose=cclock")
        default: break
        }
        return filters.joined(separator: ",")
    }

    /// zimg's names for the matrices FFmpeg calls bt2020nc, bt2020c and bt709.
    private static func zscaleMatrix(_ name: String?) -> String {
        switch name {
        case "bt709": "709"
        case "bt2020c": "2020_cl"
        default: "2020_ncl"
        }
    }

    private static func zscalePrimaries(_ name: String?) -> String {
        switch name {
        case "bt709": "709"
        case "smpte432": "smpte432"
        case "smpte431": "smpte431"
        default: "2020"
        }
    }

    /// libx264, High profile, 8-bit 4:2:0; the level follows from size and rate (x264 picks the
    /// lowest that fits). Constant quality (CRF), capped at `options.maxBitsPerPixel` so a
    /// clip of snow or confetti does not stall a phone; a keyframe every two seconds for seeking.
    static func x264(_ p: VideoSource.Picture, width: Int, height: Int, quality: Int, options: RenditionOptions) -> EncoderSettings {
        let rate = min(p.frameRate ?? 30, 60)
        let capKbps = Int((Double(width * height) * max(rate, 24) * options.maxBitsPerPixel / 1000).rounded())
        var settings: [String: String] = [
            "preset": options.videoPreset, "crf": String(quality), "profile": "high",
            "g": String(Int((2 * rate).rounded())), "maxrate": "\(capKbps)k", "bufsize": "\(capKbps * 2)k",
            "color_range": "tv", "threads": "auto",
        ]
        if p.isHDR {
            (settings["color_primaries"], settings["color_trc"], settings["colorspace"]) = ("bt709", "bt709", "bt709")
        } else {
            settings["color_primaries"] = p.primaries
            settings["color_trc"] = p.transfer
            settings["colorspace"] = p.matrix
        }
        return EncoderSettings(encoder: "libx264", options: settings)
    }

    /// Resampled (44.1 and 48 kHz stay), mixed to stereo: the sound the meter measures and the
    /// encoder gets, so the gain computed on one applies to the other.
    static func audioConversion(_ sound: VideoSource.Sound) -> String {
        let rate = [44_100, 48_000].contains(sound.sampleRate) ? sound.sampleRate : 48_000
        return "aresample=\(rate),aformat=sample_fmts=fltp:channel_layouts=stereo"
    }

    static func audioFilter(_ sound: VideoSource.Sound, gain: Double, limit: Bool, options: RenditionOptions) -> String {
        var filters = [audioConversion(sound), "volume=volume=\(decimal(gain))dB:precision=float"]
        if limit {
            let ceiling = pow(10, options.truePeakLimit / 20)
            filters.append("alimiter=limit=\(decimal(ceiling)):attack=5:release=50:level=false:latency=true")
            filters.append("aformat=sample_fmts=fltp:channel_layouts=stereo")
        }
        return "[in]" + filters.joined(separator: ",") + "[out0]"
    }

    static func aac(options: RenditionOptions) -> EncoderSettings {
        EncoderSettings(encoder: "aac", options: ["b": String(options.audioBitRate)])
    }

    private static func decimal(_ value: Double) -> String { String(format: "%.4f", value) }
}
