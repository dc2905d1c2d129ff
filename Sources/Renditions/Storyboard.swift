internal import Foundation

/// The layout of a storyboard: evenly spaced tiles in a grid, and the WebVTT that maps each
/// time range to its tile (`sprite.jpg#xywh=x,y,w,h`), the format video players' scrubbing
/// previews read.
struct StoryboardLayout: Equatable {
    var tileCount: Int
    var tileWidth: Int
    var tileHeight: Int
    var columns: Int
    var duration: Double

    /// About one tile a second, at most `maxTiles`, for a display size of `width`×`height`.
    init(duration: Double, width: Int, height: Int, tileWidth: Int, maxTiles: Int, columns: Int) {
        self.duration = duration
        let seconds = duration.isFinite ? min(max(duration, 1), Double(maxTiles)) : 1
        tileCount = max(1, min(maxTiles, Int(seconds.rounded(.up))))
        self.tileWidth = tileWidth
        tileHeight = max(2, Int((Double(tileWidth) * Double(height) / Double(max(width, 1))).rounded()))
        self.columns = max(1, min(columns, tileCount))
    }

    var rows: Int { (tileCount + columns - 1) / columns }
    var spriteWidth: Int { columns * tileWidth }
    var spriteHeight: Int { rows * tileHeight }
    var interval: Double { duration / Double(tileCount) }

    /// When tile `i` is taken: the middle of its time range.
    func time(ofTile i: Int) -> Double { (Double(i) + 0.5) * interval }

    func origin(ofTile i: Int) -> (x: Int, y: Int) { ((i % columns) * tileWidth, (i / columns) * tileHeight) }

    /// The WebVTT text; `sprite` is the sprite's file name, relative to the VTT file.
    func webVTT(sprite: String) -> String {
        var text = "WEBVTT\n"
        for i in 0..<tileCount {
            let (x, y) = origin(ofTile: i)
            let end = i == tileCount - 1 ? duration : Double(i + 1) * interval
            text += "\n\(Self.timestamp(Double(i) * interval)) --> \(Self.timestamp(end))\n"
            text += "\(sprite)#xywh=\(x),\(y),\(tileWidth),\(tileHeight)\n"
        }
        return text
    }

    /// "hh:mm:ss.mmm".
    static func timestamp(_ seconds: Double) -> String {
        let millis = Int((min(max(0, seconds), 1e9) * 1000).rounded())  // clamped: durations come from files
        let h = millis / 3_600_000, m = millis / 60_000 % 60, s = millis / 1000 % 60, ms = millis % 1000
        return String(format: "%02d:%02d:%02d.%03d", h, m, s, ms)
    }
}
