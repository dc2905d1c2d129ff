internal import Foundation
internal import MediaBindings
internal import MediaProbe

/// The web renditions and the clean original of a video (the clean original of an audio
/// file), made in one pass over the source: every packet is read once, the picture and sound
/// decoded at most once each, whatever the number of outputs.
struct MediaFileRenderer {
    let options: RenditionOptions
    let writer: RenditionWriter
    let progress: (@Sendable (RenderProgress) -> Void)?

    /// One file to make or reuse.
    struct Output {
        var recipe: RenditionRecipe
        var muxer: String
        var muxerOptions: [String: String]
        /// The web rung it carries out, or nil for the clean original.
        var rung: WebVideoPlan.Rung?
        var exists: Bool
        var temporary: URL?
    }

    func render(path: String, info: MediaInfo, into set: inout RenditionSet) throws(RenderError.Reason) {
        let limit = options.timeLimit(forDuration: info.duration)
        let started = Date()
        do {
            let context = try FormatContext(url: "file:" + path, timeLimit: limit, options: MediaProber.containerOptions)
            try context.findStreamInfo()
            var source = VideoSource(streams: try context.streamsCompletedByParsers(), container: context.formatName,
                                     rotation: info.rotation ?? 0)
            // Containers rarely say a picture is interlaced; its first frame does.
            if let index = source.picture?.index, source.picture?.interlaced == false, info.kind == .video,
               try Decoder(container: context, streamIndex: index).keyframe(near: 0)?.isInterlaced == true {
                source.picture?.interlaced = true
            }
            var plan = WebVideoPlan.make(info.kind == .video ? source : VideoSource(picture: nil, sound: nil, container: ""),
                                         loudness: nil, options: options)
            var outputs = self.outputs(source, plan: plan)
            if outputs.contains(where: { !$0.exists && $0.rung != nil }), let sound = source.sound {
                let loudness = try LoudnessMeter.measure(
                    url: "file:" + path, stream: sound.index, filter: WebVideoEncoding.audioConversion(sound),
                    timeLimit: limit - Date().timeIntervalSince(started), containerOptions: MediaProber.containerOptions)
                plan.sound = WebVideoPlan.sound(sound, loudness: loudness, options: options)
                set.notes.append(Self.describe(loudness))
            }
            if outputs.contains(where: { !$0.exists }) {
                try transcode(path: path, source: source, plan: plan, outputs: &outputs, info: info,
                              timeLimit: limit - Date().timeIntervalSince(started), warnings: &set.warnings)
            }
            for output in outputs { set.renditions.append(try describe(output)) }
            set.notes += Self.notes(plan, source: source)
            if info.kind == .video, !plan.rungs.contains(where: { $0.variant == .webSmall }), options.variants.contains(.webSmall) {
                set.skipped.append("web-small: the video is no larger than \(options.webSmallBox) px")
            }
        } catch let reason as RenderError.Reason {
            throw reason
        } catch let error as FFmpegError where error.isTimeout {
            throw .timedOut(seconds: limit)
        } catch let error as FFmpegError {
            throw .transcode(error.description)
        } catch {
            throw .write("\(error)")
        }
    }

    /// The files this source should have, each marked as already there or still to make.
    private func outputs(_ source: VideoSource, plan: WebVideoPlan) -> [Output] {
        var outputs: [Output] = plan.rungs.map { rung in
            let small = rung.variant == .webSmall
            let recipe = RenditionRecipe.web(rung.variant, box: small ? options.webSmallBox : options.webBox,
                                             quality: small ? options.smallVideoQuality : options.videoQuality, options: options)
            return Output(recipe: recipe, muxer: "mp4", muxerOptions: ["movflags": "+faststart"], rung: rung,
                          exists: writer.store.contains(writer.relativePath(recipe)))
        }
        if options.variants.contains(.original), let container = CleanOriginal.container(for: source, accepts: Muxer.accepts) {
            let recipe = RenditionRecipe.original(container.format)
            outputs.append(Output(recipe: recipe, muxer: container.muxer, muxerOptions: container.muxerOptions, rung: nil,
                                  exists: writer.store.contains(writer.relativePath(recipe))))
        }
        return outputs
    }

    private static func describe(_ loudness: Loudness) -> String {
        guard let integrated = loudness.integrated else { return "sound: silent" }
        let peak = loudness.truePeak.map { String(format: ", true peak %.1f dBTP", $0) } ?? ""
        return String(format: "sound: %.1f LUFS", integrated) + peak
    }

    private static func notes(_ plan: WebVideoPlan, source: VideoSource) -> [String] {
        plan.rungs.map { rung in
            let picture = switch rung.picture {
            case .copy: "picture copied"
            case .encode(let w, let h):
                "picture encoded to \(w)×\(h)" + (rung.variant == .web && !plan.reasons.isEmpty ? " (\(plan.reasons.joined(separator: ", ")))" : "")
            }
            let sound = switch plan.sound {
            case .none: "no sound"
            case .copy: "sound copied"
            case .encode(let gain, let limit): String(format: "sound encoded, %+.1f dB", gain) + (limit ? ", limited" : "")
            }
            return "\(rung.variant.rawValue): \(picture), \(sound)"
        }
    }
}
