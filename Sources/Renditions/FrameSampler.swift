internal import MediaBindings

/// Takes frames from a video with a bounded amount of decoding. A keyframe costs one decoded
/// picture; an exact frame costs every picture from the keyframe before it, which for 4K HEVC
/// with 10-second keyframe intervals is hundreds. Exact frames are taken only within a budget
/// of decoded pixels, so a long 4K clip costs about what a short 1080p one does.
final class FrameSampler {
    let decoder: Decoder
    private let budget: Double
    private let spentBefore: Double

    /// - Parameter budget: pixels that exact (forward) decoding may spend.
    init(decoder: Decoder, budget: Double) {
        self.decoder = decoder
        self.budget = budget
        spentBefore = decoder.decodedPixels
    }

    /// The frame at `time` when the keyframe before it lies more than `tolerance` seconds
    /// earlier and the forward decoding fits the budget; otherwise that keyframe.
    func frame(at time: Double, tolerance: Double) throws -> DecodedFrame? {
        let keyframe = try decoder.keyframe(near: time)
        guard let keyframe, let found = keyframe.time, found + tolerance < time else { return keyframe }
        let estimate = (time - found) * decoder.frameRate * Double(keyframe.width) * Double(keyframe.height)
        guard decoder.decodedPixels - spentBefore + estimate <= budget else { return keyframe }
        return try decoder.frame(at: time) ?? keyframe
    }
}
