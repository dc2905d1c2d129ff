import Foundation
import Testing
@testable import Renditions

struct StoryboardLayoutTests {
    @Test func aboutOneTileASecondUpToTheLimit() {
        #expect(StoryboardLayout(duration: 5, width: 1920, height: 1080, tileWidth: 160, maxTiles: 100, columns: 10).tileCount == 5)
        #expect(StoryboardLayout(duration: 3600, width: 1920, height: 1080, tileWidth: 160, maxTiles: 100, columns: 10).tileCount == 100)
        #expect(StoryboardLayout(duration: 0.3, width: 1920, height: 1080, tileWidth: 160, maxTiles: 100, columns: 10).tileCount == 1)
    }

    @Test func gridGeometry() {
        let layout = StoryboardLayout(duration: 25, width: 1920, height: 1080, tileWidth: 160, maxTiles: 100, columns: 10)
        #expect(layout.tileHeight == 90 && layout.rows == 3 && layout.spriteWidth == 1600 && layout.spriteHeight == 270)
        #expect(layout.origin(ofTile: 13) == (480, 90))
    }

    /// The VTT parses as cues that cover the whole clip without gaps or overlaps.
    @Test func webVTTCoversTheDuration() throws {
        let layout = StoryboardLayout(duration: 12.34, width: 720, height: 1280, tileWidth: 160, maxTiles: 100, columns: 10)
        let text = layout.webVTT(sprite: "sprite.jpg")
        let cues = try Self.parse(text)
        #expect(cues.count == layout.tileCount)
        #expect(cues.first?.start == 0)
        #expect(abs((cues.last?.end ?? 0) - 12.34) < 0.001)
        for (a, b) in zip(cues, cues.dropFirst()) { #expect(abs(a.end - b.start) < 0.001) }
        #expect(cues[11].target == "sprite.jpg#xywh=160,284,160,284")
    }

    @Test func timestamps() {
        #expect(StoryboardLayout.timestamp(3725.5) == "01:02:05.500")
        #expect(StoryboardLayout.timestamp(-1) == "00:00:00.000")
    }

    struct Cue { var start: Double; var end: Double; var target: String }

    /// A strict reader of the WebVTT subset storyboards use.
    static func parse(_ text: String) throws -> [Cue] {
        let blocks = text.components(separatedBy: "\n\n")
        guard blocks.first == "WEBVTT" else { throw ParseError.header }
        return try blocks.dropFirst().filter { !$0.isEmpty }.map { block in
            let lines = block.split(separator: "\n").map(String.init)
            let times = lines.first?.components(separatedBy: " --> ") ?? []
            guard lines.count == 2, times.count == 2, let start = seconds(times[0]), let end = seconds(times[1]), end > start else {
                throw ParseError.cue(block)
            }
            return Cue(start: start, end: end, target: lines[1])
        }
    }

    static func seconds(_ stamp: String) -> Double? {
        let parts = stamp.split(separator: ":")
        guard parts.count == 3, let h = Double(parts[0]), let m = Double(parts[1]), let s = Double(parts[2]) else { return nil }
        return h * 3600 + m * 60 + s
    }

    enum ParseError: Error { case header, cue(String) }
}
