internal import MediaBindings

/// What the web renditions of one video will be, decided from its streams alone: which rungs,
/// whether the picture is copied or encoded for each, and what happens to the sound.
struct WebVideoPlan: Equatable {
    enum Picture: Equatable {
        /// The H.264 stream goes into the MP4 bit for bit, its rotation kept as a display matrix.
        case copy
        /// Decoded, filtered (deinterlaced, tone-mapped, scaled, turned upright) and encoded to
        /// `width`×`height`, the size a viewer sees.
        case encode(width: Int, height: Int)
    }

    enum Sound: Equatable {
        case none
        /// AAC-LC already at the loudness target: copied.
        case copy
        /// Encoded to AAC-LC stereo after a gain in dB; `limit` puts a true-peak limiter after it.
        case encode(gain: Double, limit: Bool)
    }

    struct Rung: Equatable {
        var variant: Rendition.Variant
        var picture: Picture
    }

    var rungs: [Rung]
    var sound: Sound
    /// Why the picture of the main rung is encoded rather than copied ("HEVC", "10-bit"...).
    var reasons: [String]

    static func make(_ source: VideoSource, loudness: Loudness?, options: RenditionOptions) -> WebVideoPlan {
        guard let picture = source.picture else { return WebVideoPlan(rungs: [], sound: .none, reasons: []) }
        let reasons = reasonsToEncode(picture, box: options.webBox)
        var rungs = [Rung(variant: .web, picture: reasons.isEmpty ? .copy : encoding(picture, box: options.webBox))]
        let (w, h) = picture.displaySize
        if max(w, h) > Double(options.webSmallBox) + 0.5 {
            rungs.append(Rung(variant: .webSmall, picture: encoding(picture, box: options.webSmallBox)))
        }
        rungs = rungs.filter { options.variants.contains($0.variant) }
        return WebVideoPlan(rungs: rungs, sound: sound(source.sound, loudness: loudness, options: options), reasons: reasons)
    }

    /// Everything that keeps a picture from being copied into a web MP4 as it is.
    static func reasonsToEncode(_ p: VideoSource.Picture, box: Int) -> [String] {
        var reasons: [String] = []
        if p.codec != "h264" { reasons.append(p.codec == "hevc" ? "HEVC" : p.codec) }
        let profiles: Set<String> = ["Baseline", "Constrained Baseline", "Main", "High"]
        if p.codec == "h264", let profile = p.profile, !profiles.contains(profile) { reasons.append("H.264 \(profile) profile") }
        if p.bitDepth > 8 { reasons.append("\(p.bitDepth)-bit") }
        let format = p.pixelFormat ?? ""
        if format.contains("422") { reasons.append("4:2:2") } else if format.contains("444") { reasons.append("4:4:4") }
        if !["yuv420p", "yuvj420p", "yuv420p10le", "yuv422p", "yuvj422p", "yuv422p10le", "yuv444p", "yuvj444p"].contains(format),
           !format.isEmpty, p.bitDepth <= 8 { reasons.append(format) }
        if p.interlaced { reasons.append("interlaced") }
        if p.isHDR { reasons.append(p.transfer == "smpte2084" ? "HDR (PQ)" : "HDR (HLG)") }
        if abs(p.sampleAspect - 1) > 0.01 { reasons.append("non-square pixels") }
        if (p.frameRate ?? 0) > 60.5 { reasons.append("over 60 frames/s") }
        let (w, h) = p.displaySize
        if max(w, h) > Double(box) + 0.5 { reasons.append("larger than \(box) px") }
        return reasons
    }

    /// The encoded size: the display size fitted into `box`, never larger, both sides even.
    static func encoding(_ p: VideoSource.Picture, box: Int) -> Picture {
        let (w, h) = p.displaySize
        let scale = min(1, Double(box) / max(w, h, 1))
        let even = { (value: Double) in max(2, Int((value * scale / 2).rounded()) * 2) }
        return .encode(width: min(even(w), box), height: min(even(h), box))
    }

    static func sound(_ sound: VideoSource.Sound?, loudness: Loudness?, options: RenditionOptions) -> Sound {
        guard let sound else { return .none }
        let plainAAC = sound.codec == "aac" && sound.profile == "LC" && (1...2).contains(sound.channels)
            && [44_100, 48_000].contains(sound.sampleRate)
        guard let integrated = loudness?.integrated else {
            // Silence: nothing to normalise.
            return plainAAC ? .copy : .encode(gain: 0, limit: false)
        }
        let peak = loudness?.truePeak ?? 0
        if plainAAC, abs(integrated - options.loudnessTarget) <= options.loudnessTolerance,
           peak <= options.truePeakLimit + 0.5 {
            return .copy
        }
        let gain = min(options.loudnessTarget - integrated, options.maximumGain)
        return .encode(gain: (gain * 100).rounded() / 100, limit: peak + gain > options.truePeakLimit)
    }
}
