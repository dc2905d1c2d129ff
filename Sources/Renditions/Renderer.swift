internal import Foundation
public import MediaProbe

/// Makes every rendition of a media file: probe (unless the caller has), hash, decode once,
/// scale, orient, encode, store. Ingest calls the same code as `mediacat render`.
public struct Renderer: Sendable {
    public let options: RenditionOptions
    public let store: RenditionStore
    public let prober: MediaProber

    public init(options: RenditionOptions, store: RenditionStore, prober: MediaProber = MediaProber()) {
        self.options = options
        self.store = store
        self.prober = prober
    }

    /// - Parameters:
    ///   - info: the probe's result when the caller already has it.
    ///   - sourceSHA256: the file's hash when the caller already has it.
    ///   - progress: told how a long transcode is going.
    ///   - deadline: a watchdog's deadline, moved out by the extra time a long clip is allowed.
    public func render(path: String, info: MediaInfo? = nil, sourceSHA256: String? = nil,
                       progress: (@Sendable (RenderProgress) -> Void)? = nil, deadline: Deadline? = nil)
        throws(RenderError) -> RenditionSet {
        do throws(RenderError.Reason) {
            let info = if let info { info } else { try probe(path) }
            deadline?.extend(by: options.timeLimit(forDuration: info.duration) - options.timeLimit)
            let hash = if let sourceSHA256 { sourceSHA256 } else { try self.hash(path) }
            let writer = RenditionWriter(store: store, source: hash)
            do throws(RenderError.Reason) {
                switch info.kind {
                case .photo: return try PhotoRenderer(options: options, writer: writer).render(path: path, info: info)
                case .video, .audio:
                    var set = try VideoRenderer(options: options, writer: writer).render(path: path, info: info)
                    try MediaFileRenderer(options: options, writer: writer, progress: progress).render(path: path, info: info, into: &set)
                    return set
                }
            } catch {
                writer.discardCreated()
                throw error
            }
        } catch {
            throw RenderError(path: path, reason: error)
        }
    }

    private func hash(_ path: String) throws(RenderError.Reason) -> String {
        do { return try SourceHash.sha256(path: path) } catch { throw .probe(.unreadable(error.localizedDescription)) }
    }

    private func probe(_ path: String) throws(RenderError.Reason) -> MediaInfo {
        do { return try prober.probe(path: path) } catch { throw .probe(error.reason) }
    }
}

extension Renderer {
    /// Renders many files in parallel, each under the time limit (which grows with a clip's duration).
    public func renderAll(_ paths: [String], jobs: Int? = nil, progress: (@Sendable (String, RenderProgress) -> Void)? = nil,
                          onResult: @escaping @Sendable (Int, Result<RenditionSet, RenderError>) -> Void) {
        let renderer = self
        // Largest files first (longest-processing-time scheduling): no core idles at the end
        // while one big video finishes.
        let sizes = paths.map { (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int) ?? 0 }
        let order = paths.indices.sorted { sizes[$0] > sizes[$1] }
        Batch.run(count: paths.count, jobs: jobs, timeLimit: options.timeLimit + 1, order: order, extendableWork: { index, deadline in
            let report = progress.map { report in { @Sendable (done: RenderProgress) in report(paths[index], done) } }
            return Result { () throws(RenderError) in try renderer.render(path: paths[index], progress: report, deadline: deadline) }
        }, timedOut: { index in
            .failure(RenderError(path: paths[index], reason: .timedOut(seconds: renderer.options.timeLimit)))
        }, onResult: onResult)
    }
}
