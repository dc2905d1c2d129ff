internal import Foundation
internal import MediaBindings
internal import MediaProbe

/// Poster frames (thumbnail and preview size) and the storyboard of a video.
/// Candidate poster frames, scored; only the best picture so far is kept (4K frames are
/// 12 MB each).
private struct CandidatePool {
    var statistics: [FrameStatistics] = []
    var best: DecodedFrame?
    private var times = Set<Double>()

    mutating func add(_ frame: DecodedFrame?) throws {
        guard let frame, let time = frame.time, times.insert(time).inserted else { return }
        statistics.append(FrameStatistics(luma: try frame.luma(width: 64, height: 36)))
        if PosterChoice.best(statistics)?.index == statistics.count - 1 { best = frame }
    }
}

struct VideoRenderer {
    let options: RenditionOptions
    let writer: RenditionWriter

    func render(path: String, info: MediaInfo) throws(RenderError.Reason) -> RenditionSet {
        var set = RenditionSet(sourceSHA256: writer.source, renditions: [], skipped: [], warnings: [])
        guard info.kind == .video, let stream = mainVideoStream(info), let width = info.displayWidth, let height = info.displayHeight
        else {
            set.skipped.append("audio only: no poster or storyboard")
            return set
        }
        do {
            let context = try FormatContext(url: "file:" + path, timeLimit: options.timeLimit, options: MediaProber.containerOptions)
            // MP4/MOV headers give decoders all they need; other containers (MPEG-TS...) may
            // state their streams only in the data.
            if !(info.container ?? "").hasPrefix("mov") { try context.findStreamInfo() }
            let decoder = try Decoder(container: context, streamIndex: stream)
            let encoder = try ImageEncoder(options: options)
            if options.variants.contains(.thumb) || options.variants.contains(.poster) {
                try renderPoster(decoder, info: info, display: (width, height), encoder: encoder, into: &set)
            }
            if options.variants.contains(.storyboard), let duration = info.duration, duration > 0 {
                try renderStoryboard(try decoder.sibling(fast: true), info: info, display: (width, height), duration: duration, encoder: encoder, into: &set)
            }
        } catch let reason as RenderError.Reason {
            throw reason
        } catch let error as FFmpegError where error.isTimeout {
            throw .timedOut(seconds: options.timeLimit)
        } catch let error as FFmpegError {
            throw .decode(error.description)
        } catch {
            throw .write("\(error)")
        }
        return set
    }

    private func mainVideoStream(_ info: MediaInfo) -> Int? {
        info.streams?.filter { $0.kind == .video && $0.isAttachedPicture != true }
            .max { ($0.width ?? 0) * ($0.height ?? 0) < ($1.width ?? 0) * ($1.height ?? 0) }?.index
    }

    private func renderPoster(_ decoder: Decoder, info: MediaInfo, display: (width: Int, height: Int), encoder: ImageEncoder,
                              into set: inout RenditionSet) throws {
        let (frame, time, choice) = try choosePoster(decoder, info: info)
        guard let frame else {
            set.skipped.append("no frame could be decoded: no poster")
            return
        }
        set.posterTime = time
        set.posterChoice = choice
        let rotation = info.rotation ?? 0
        for (variant, box) in [(Rendition.Variant.thumb, options.thumbBox), (.poster, options.previewBox)]
        where options.variants.contains(variant) {
            let size = SizePlanner.fit(width: display.width, height: display.height, box: box)
            let stored = rotation % 180 == 0 ? size : (size.height, size.width)
            let image = try frame.converted(width: stored.0, height: stored.1, layout: .rgb).rotated(clockwise: rotation)
            if variant == .thumb || set.thumbHash == nil { set.thumbHash = try PhotoRenderer.thumbHash(image) }
            for format in options.formats where format.isImage {
                let recipe = RenditionRecipe.image(variant, format, box: box, options: options,
                                                   pipeline: RenditionRecipe.posterPipelineVersion,
                                                   extra: options.posterTime.map { "at\($0)" } ?? "scored\(options.posterCandidates)")
                set.renditions.append(try writer.write(recipe, width: image.width, height: image.height) {
                    try encoder.encode(image, as: format)
                })
            }
        }
    }

    /// The staff's exact frame, or the best of several keyframes across the clip, scored in two
    /// stages. All candidates are ranked by compressed size, which costs no decoding: detail
    /// costs bits, and black, white and flat pictures compress to a fraction of a detailed
    /// one's size. Then they are decoded in that order and checked on their luma (mean,
    /// deviation, entropy) until one passes. When none does, exact frames at the same times
    /// are scored too (a fade from black in a clip with a single keyframe), within the
    /// decoding budget, and the best of everything seen is used.
    private func choosePoster(_ decoder: Decoder, info: MediaInfo) throws -> (DecodedFrame?, Double?, String) {
        if let requested = options.posterTime {
            let frame = try decoder.frame(at: requested)
            return (frame, frame?.time ?? requested, "requested")
        }
        let times = PosterChoice.candidateTimes(duration: info.duration, count: options.posterCandidates)
        var keyframes: [(time: Double, bytes: Int)] = []
        for time in times {
            if let packet = try decoder.keyframePacket(near: time), !keyframes.contains(where: { $0.time == packet.time }) {
                keyframes.append(packet)
            }
        }
        var pool = CandidatePool()
        for time in keyframes.sorted(by: { $0.bytes > $1.bytes }).map(\.time) {
            try pool.add(try decoder.keyframe(near: time))
            if PosterChoice.best(pool.statistics)?.fallback == false { break }
        }
        if PosterChoice.best(pool.statistics)?.fallback ?? true {
            let sampler = FrameSampler(decoder: decoder, budget: options.decodingBudget)
            for time in times { try pool.add(try sampler.frame(at: time, tolerance: 0.5)) }
        }
        guard let best = PosterChoice.best(pool.statistics) else { return (nil, nil, "none") }
        return (pool.best, pool.best?.time, best.fallback ? "fallback" : "scored")
    }

    private func renderStoryboard(_ decoder: Decoder, info: MediaInfo, display: (width: Int, height: Int), duration: Double,
                                  encoder: ImageEncoder, into set: inout RenditionSet) throws {
        let layout = StoryboardLayout(duration: duration, width: display.width, height: display.height,
                                      tileWidth: options.storyboardTileWidth, maxTiles: options.storyboardMaxTiles,
                                      columns: options.storyboardColumns)
        let rotation = info.rotation ?? 0
        let stored = rotation % 180 == 0 ? (layout.tileWidth, layout.tileHeight) : (layout.tileHeight, layout.tileWidth)
        var sprite = [UInt8](repeating: 0, count: layout.spriteWidth * layout.spriteHeight * 3)
        var previous: PixelImage?
        // Short clips often have a single keyframe: exact frames keep the tiles distinct.
        let sampler = FrameSampler(decoder: decoder, budget: options.decodingBudget)
        for i in 0..<layout.tileCount {
            let tile = try sampler.frame(at: layout.time(ofTile: i), tolerance: layout.interval / 2)
                .map { try $0.converted(width: stored.0, height: stored.1, layout: .rgb).rotated(clockwise: rotation) } ?? previous
            guard let tile else { continue }
            previous = tile
            let (x, y) = layout.origin(ofTile: i)
            for row in 0..<tile.height {
                let from = row * tile.rowBytes, to = ((y + row) * layout.spriteWidth + x) * 3
                sprite.replaceSubrange(to..<to + tile.rowBytes, with: tile.pixels[from..<from + tile.rowBytes])
            }
        }
        let image = PixelImage(width: layout.spriteWidth, height: layout.spriteHeight, layout: .rgb, pixels: sprite)
        let parameters = "v\(RenditionRecipe.storyboardPipelineVersion)|w\(layout.tileWidth)|max\(options.storyboardMaxTiles)|c\(options.storyboardColumns)|q\(options.storyboardQuality)"
        let spriteRecipe = RenditionRecipe(variant: .storyboard, format: .jpeg, parameters: parameters)
        let spriteRendition = try writer.write(spriteRecipe, width: image.width, height: image.height) {
            try encoder.encode(image, as: .jpeg, quality: options.storyboardQuality)
        }
        let cuesRecipe = RenditionRecipe(variant: .storyboardCues, format: .vtt, parameters: parameters)
        let spriteName = (spriteRendition.path as NSString).lastPathComponent
        let cues = try writer.write(cuesRecipe, width: nil, height: nil) { Array(layout.webVTT(sprite: spriteName).utf8) }
        set.renditions += [spriteRendition, cues]
    }
}
