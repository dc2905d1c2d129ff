internal import Foundation

/// How much a small grayscale copy of a frame has to show: brightness, contrast, detail.
/// Poster choice is decided on these plain numbers.
struct FrameStatistics: Equatable {
    /// Mean luma 0–255.
    var mean: Double
    /// Standard deviation of luma.
    var deviation: Double
    /// Shannon entropy of the 256-bin luma histogram, in bits (0–8).
    var entropy: Double

    init(mean: Double, deviation: Double, entropy: Double) {
        self.mean = mean
        self.deviation = deviation
        self.entropy = entropy
    }

    init(luma: [UInt8]) {
        guard !luma.isEmpty else {
            self.init(mean: 0, deviation: 0, entropy: 0)
            return
        }
        var histogram = [Int](repeating: 0, count: 256)
        var sum = 0.0, squares = 0.0
        for value in luma {
            histogram[Int(value)] += 1
            sum += Double(value)
            squares += Double(value) * Double(value)
        }
        let n = Double(luma.count)
        let mean = sum / n
        let entropy = histogram.reduce(0.0) { total, count in
            guard count > 0 else { return total }
            let p = Double(count) / n
            return total - p * log2(p)
        }
        self.init(mean: mean, deviation: (max(0, squares / n - mean * mean)).squareRoot(), entropy: entropy)
    }

    /// Near-black (fades, lens caps), near-white (blown out) or flat (title cards, blank walls).
    var isRejected: Bool { mean < 24 || mean > 232 || deviation < 12 }

    /// Higher is a better poster: detail first, then contrast.
    var score: Double { entropy + deviation / 64 }
}

/// Chooses a poster among candidate frames.
enum PosterChoice {
    /// Where to look: `count` times spread from 5 % to 95 % of the clip (the first and last
    /// moments are often fades or black); a clip without a duration offers only its start.
    static func candidateTimes(duration: Double?, count: Int) -> [Double] {
        guard let duration, duration > 0, count > 1 else { return [0] }
        return (0..<count).map { duration * (0.05 + 0.9 * Double($0) / Double(count - 1)) }
    }

    /// The index of the best candidate that passes the checks; when none does, the best of
    /// all, flagged as a fallback.
    static func best(_ candidates: [FrameStatistics]) -> (index: Int, fallback: Bool)? {
        let passing = candidates.indices.filter { !candidates[$0].isRejected }
        if let index = passing.max(by: { candidates[$0].score < candidates[$1].score }) { return (index, false) }
        return bestOfAll(candidates).map { ($0, true) }
    }

    /// The highest score, rejected or not (earliest on ties).
    static func bestOfAll(_ candidates: [FrameStatistics]) -> Int? {
        candidates.indices.max { candidates[$0].score < candidates[$1].score || (candidates[$0].score == candidates[$1].score && $0 > $1) }
    }
}
