import Testing
@testable import Renditions

/// Which frame becomes the poster, decided on plain numbers.
struct PosterChoiceTests {
    @Test func statistics() {
        let black = FrameStatistics(luma: [UInt8](repeating: 3, count: 100))
        #expect(black.mean == 3 && black.deviation == 0 && black.entropy == 0 && black.isRejected)
        let white = FrameStatistics(luma: [UInt8](repeating: 250, count: 100))
        #expect(white.isRejected)
        let flat = FrameStatistics(luma: [UInt8](repeating: 128, count: 50) + [UInt8](repeating: 130, count: 50))
        #expect(flat.isRejected && flat.entropy == 1)
        let detailed = FrameStatistics(luma: (0..<256).map { UInt8($0) })
        #expect(!detailed.isRejected && abs(detailed.entropy - 8) < 1e-9)
    }

    @Test func bestPassingCandidateWins() {
        let candidates = [FrameStatistics(mean: 5, deviation: 2, entropy: 7.9),  // black: rejected despite detail
                          FrameStatistics(mean: 120, deviation: 40, entropy: 5),
                          FrameStatistics(mean: 110, deviation: 50, entropy: 6)]
        #expect(PosterChoice.best(candidates)! == (2, false))
    }

    @Test func fallbackWhenEverythingIsRejected() {
        let candidates = [FrameStatistics(mean: 5, deviation: 1, entropy: 0.5), FrameStatistics(mean: 10, deviation: 3, entropy: 2)]
        #expect(PosterChoice.best(candidates)! == (1, true))
        #expect(PosterChoice.best([]) == nil)
    }

    @Test func candidatesSpreadAcrossTheClip() {
        let times = PosterChoice.candidateTimes(duration: 100, count: 8)
        #expect(times.count == 8)
        #expect(abs(times.first! - 5) < 1e-9 && abs(times.last! - 95) < 1e-9)
        #expect(PosterChoice.candidateTimes(duration: nil, count: 8) == [0])
        #expect(PosterChoice.candidateTimes(duration: 0.4, count: 3).allSatisfy { $0 >= 0 && $0 < 0.4 })
    }
}
