import Foundation
import Testing
import TestSupport

/// What independent tools say about a media file mediacat wrote.
enum MediaCheck {
    struct Stream: Decodable {
        var index: Int
        var codec_type: String
        var codec_name: String?
        var profile: String?
        var pix_fmt: String?
        var width: Int?
        var height: Int?
        var channels: Int?
        var color_transfer: String?
        var side_data_list: [[String: AnyDecodable]]?
        var disposition: [String: Int]?
    }

    struct AnyDecodable: Decodable {
        var value: String
        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            value = (try? c.decode(String.self)) ?? (try? c.decode(Int.self)).map(String.init) ?? ""
        }
    }

    static func streams(_ path: String) throws -> [Stream] {
        let out = try ExternalTool.run(["ffprobe", "-v", "error", "-show_streams", "-of", "json", path])
        struct Root: Decodable { var streams: [Stream] }
        return try JSONDecoder().decode(Root.self, from: out.standardOutput).streams
    }

    /// The rotation ffprobe reads from the display matrix (counter-clockwise degrees), if any.
    static func rotation(_ stream: Stream) -> Int? {
        stream.side_data_list?.compactMap { $0["rotation"].flatMap { Int($0.value) } }.first
    }

    /// Everything ffmpeg reports while decoding every frame of every stream: empty when clean.
    static func decodeErrors(_ path: String) throws -> String {
        try ExternalTool.run(["ffmpeg", "-nostdin", "-v", "error", "-i", path, "-f", "null", "-"]).standardError
    }

    /// MD5 of every decoded video frame, in order.
    static func frameHashes(_ path: String) throws -> [String] {
        let out = try ExternalTool.run(["ffmpeg", "-nostdin", "-v", "error", "-i", path, "-map", "0:v:0", "-f", "framemd5", "-"])
        return out.text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { $0.split(separator: ",").last.map(String.init) }
    }

    /// MD5 of every audio packet as stored (no decoding), in order.
    static func audioPacketHashes(_ path: String) throws -> [String] {
        let out = try ExternalTool.run(["ffmpeg", "-nostdin", "-v", "error", "-i", path, "-map", "0:a:0", "-c", "copy",
                                        "-f", "framemd5", "-"])
        return out.text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { $0.split(separator: ",").last.map(String.init) }
    }

    /// Integrated loudness by ffmpeg's own ebur128 scanner, LUFS.
    static func loudness(_ path: String) throws -> Double? {
        let out = try ExternalTool.run(["ffmpeg", "-nostdin", "-hide_banner", "-nostats", "-i", path, "-map", "0:a:0",
                                        "-af", "ebur128", "-f", "null", "-"])
        let line = out.standardError.split(separator: "\n").last { $0.trimmingCharacters(in: .whitespaces).hasPrefix("I:") }
        return line.flatMap { Double($0.split(separator: " ").dropFirst().first ?? "") }
    }

    /// Top-level MP4 boxes in file order.
    static func topLevelBoxes(_ path: String) throws -> [String] {
        let data = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var boxes: [String] = []
        var i = 0
        while i + 8 <= data.count {
            var size = Int(data[i]) << 24 | Int(data[i + 1]) << 16 | Int(data[i + 2]) << 8 | Int(data[i + 3])
            if size == 1, i + 16 <= data.count { size = data[i + 8..<i + 16].reduce(0) { $0 << 8 | Int($1) } }
            boxes.append(String(decoding: data[i + 4..<i + 8], as: UTF8.self))
            guard size >= 8 else { break }
            i += size
        }
        return boxes
    }

    /// exiftool's every tag, "[Group] Name : value" lines, embedded documents included.
    static func exiftoolTags(_ path: String) throws -> [String] {
        try ExternalTool.run(["exiftool", "-a", "-G1", "-s", "-ee", "-api", "LargeFileSupport=1", path]).text
            .split(separator: "\n").map(String.init).filter { !$0.hasPrefix("[System]") && !$0.hasPrefix("[ExifTool]") }
    }

    /// The first video frame as RGB, by ffmpeg (upright as it displays it).
    static func firstFrame(_ path: String) throws -> (width: Int, height: Int, rgb: [UInt8]) {
        let stream = try #require(try streams(path).first { $0.codec_type == "video" })
        let out = try ExternalTool.run(["ffmpeg", "-nostdin", "-v", "error", "-i", path, "-frames:v", "1", "-f", "rawvideo",
                                        "-pix_fmt", "rgb24", "-"])
        let (w, h) = (stream.width ?? 0, stream.height ?? 0)
        let turned = abs(rotation(stream) ?? 0) % 180 == 90
        return turned ? (h, w, [UInt8](out.standardOutput)) : (w, h, [UInt8](out.standardOutput))
    }
}
