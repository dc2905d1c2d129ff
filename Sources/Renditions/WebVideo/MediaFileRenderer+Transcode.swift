internal import Foundation
internal import MediaBindings
internal import MediaProbe

extension MediaFileRenderer {
    /// Damaged packets a source may have and still be published, with a warning.
    static let toleratedDamagedPackets = 25

    /// Makes every output still missing in one transcode into temporary files, then moves them
    /// into place. A failure (or a time limit) removes the temporary files: nothing partial stays.
    func transcode(path: String, source: VideoSource, plan: WebVideoPlan, outputs: inout [Output], info: MediaInfo,
                   timeLimit: Double, warnings: inout [String]) throws {
        for index in outputs.indices where !outputs[index].exists {
            outputs[index].temporary = try writer.store.temporaryFile(for: writer.relativePath(outputs[index].recipe))
        }
        defer { for output in outputs { if let temporary = output.temporary { try? FileManager.default.removeItem(at: temporary) } } }
        let job = self.job(source: source, plan: plan, outputs: outputs)
        let duration = info.duration ?? 0
        let started = Date()
        let report = progress
        // MP4 and QuickTime headers state every stream; other containers (MPEG-TS...) only the data.
        let result = try Transcoder(url: "file:" + path, timeLimit: timeLimit, containerOptions: MediaProber.containerOptions,
                                    analyzeStreams: !source.container.hasPrefix("mov"))
            .run(job, progress: { done in
                guard let report, duration > 0 else { return }
                let elapsed = max(Date().timeIntervalSince(started), 0.001)
                report(RenderProgress(stage: "web video", fraction: min(done / duration, 1), speed: done / elapsed))
            })
        if result.rejectedPackets > Self.toleratedDamagedPackets {
            throw RenderError.Reason.transcode("\(result.rejectedPackets) damaged packets could not be decoded")
        }
        if result.rejectedPackets > 0 { warnings.append("\(result.rejectedPackets) damaged packets skipped while transcoding") }
        for index in outputs.indices {
            guard let temporary = outputs[index].temporary else { continue }
            if ["mp4", "mov"].contains(outputs[index].muxer) { try MovieBoxes.blankUserData(at: temporary.path) }
            _ = try writer.adopt(temporary, as: outputs[index].recipe)
            outputs[index].temporary = nil
            outputs[index].exists = true
        }
    }

    /// The job for the outputs still to make: one video encoder per encoded rung (one graph,
    /// split), one audio encoder shared by every rung that encodes sound.
    private func job(source: VideoSource, plan: WebVideoPlan, outputs: [Output]) -> TranscodeJob {
        let missing = outputs.filter { !$0.exists }
        var sizes: [(width: Int, height: Int)] = []
        var rungOfOutput: [Int: Int] = [:]
        for (index, output) in missing.enumerated() {
            if case .encode(let w, let h) = output.rung?.picture {
                rungOfOutput[index] = sizes.count
                sizes.append((w, h))
            }
        }
        var job = TranscodeJob(outputs: [])
        if let picture = source.picture, !sizes.isEmpty {
            let encoders = missing.compactMap { output -> EncoderSettings? in
                guard case .encode(let w, let h) = output.rung?.picture else { return nil }
                let quality = output.rung?.variant == .webSmall ? options.smallVideoQuality : options.videoQuality
                return WebVideoEncoding.x264(picture, width: w, height: h, quality: quality, options: options)
            }
            job.video = .init(source: picture.index, filter: WebVideoEncoding.videoFilter(picture, sizes: sizes), encoders: encoders)
        }
        let encodesSound = missing.contains { $0.rung != nil }
        if let sound = source.sound, encodesSound, case .encode(let gain, let limit) = plan.sound {
            job.audio = .init(source: sound.index, filter: WebVideoEncoding.audioFilter(sound, gain: gain, limit: limit, options: options),
                              encoders: [WebVideoEncoding.aac(options: options)])
        }
        job.outputs = missing.enumerated().map { index, output in
            TranscodeJob.Output(path: output.temporary!.path, format: output.muxer, muxerOptions: output.muxerOptions,
                                tracks: tracks(output, rung: rungOfOutput[index], source: source, sound: plan.sound))
        }
        for (index, codec) in zip(source.keptStreams, source.keptCodecs) {
            if let filter = UserDataFilter(codec: codec) { job.packetFilters[index] = { filter.stripped($0) } }
        }
        return job
    }

    private func tracks(_ output: Output, rung: Int?, source: VideoSource, sound: WebVideoPlan.Sound) -> [TranscodeJob.Track] {
        guard output.rung != nil else { return source.keptStreams.map { .copy(source: $0, keepRotation: true) } }
        var tracks: [TranscodeJob.Track] = []
        if let rung { tracks.append(.encodedVideo(rung: rung)) } else if let picture = source.picture {
            tracks.append(.copy(source: picture.index, keepRotation: true))
        }
        switch (sound, source.sound) {
        case (.copy, let stream?): tracks.append(.copy(source: stream.index, keepRotation: false))
        case (.encode, _?): tracks.append(.encodedAudio)
        default: break
        }
        return tracks
    }

    /// A finished file as the catalog lists it: display size, codecs, bit rate, duration.
    func describe(_ output: Output) throws -> Rendition {
        let path = writer.relativePath(output.recipe)
        let file = writer.store.url(path).path
        let context = try FormatContext(url: "file:" + file, timeLimit: 15, options: MediaProber.containerOptions)
        let streams = context.streams
        let codecs = streams.map { CodecString.of(codec: $0.codecName ?? "", profile: $0.profileName, extradata: $0.extradata) }
        let video = streams.first { $0.mediaType == .video }
        // A copied picture keeps its display matrix; an encoded one is upright already.
        let quarter = video?.displayMatrixRotation.map { Int((abs($0) / 90).rounded()) % 2 == 1 } ?? false
        let bytes = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        let duration = context.duration
        return Rendition(
            variant: output.recipe.variant, format: output.recipe.format,
            width: video.map { quarter ? $0.height : $0.width }, height: video.map { quarter ? $0.width : $0.height },
            bytes: bytes, path: path, codecs: codecs.contains(nil) ? nil : codecs.compactMap { $0 }.joined(separator: ", "),
            bitRate: duration.flatMap { $0 > 0 ? Int64((Double(bytes) * 8 / $0).rounded()) : nil }, duration: duration)
    }
}
