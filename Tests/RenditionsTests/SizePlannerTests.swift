import MediaBindings
import Testing
@testable import Renditions

struct SizePlannerTests {
    @Test func fitsTheBoxKeepingAspect() {
        #expect(SizePlanner.fit(width: 6000, height: 4000, box: 400) == (400, 267))
        #expect(SizePlanner.fit(width: 3000, height: 4000, box: 1600) == (1200, 1600))
        #expect(SizePlanner.fit(width: 1, height: 5000, box: 400) == (1, 400))
    }

    @Test func neverUpscales() {
        #expect(SizePlanner.fit(width: 320, height: 240, box: 1600) == (320, 240))
    }

    @Test func storedSizeSwapsForQuarterTurns() {
        #expect(SizePlanner.stored((400, 267), orientation: 6) == (267, 400))
        #expect(SizePlanner.stored((400, 267), orientation: 3) == (400, 267))
    }

    @Test func smallestJPEGScaleThatCovers() {
        let factors = JPEGDecompressor.scaleFactors
        let pick = { (target: (Int, Int)) in
            SizePlanner.jpegFactor(width: 6000, height: 4000, covering: target, factors: factors, scaled: JPEGDecompressor.scaled)
        }
        #expect(pick((400, 267)) == (1, 8))  // 750×500 covers a 400-px thumbnail
        let preview = pick((1600, 1067))
        let size = JPEGDecompressor.scaled(6000, 4000, by: preview)
        #expect(size.width >= 1600 && size.height >= 1067)
        #expect(preview == (3, 8))  // 2250×1500: 1/4 (1500×1000) would not cover
        #expect(pick((6000, 4000)) == (1, 1))
    }
}
