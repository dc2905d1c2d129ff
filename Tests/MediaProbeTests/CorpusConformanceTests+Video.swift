import Foundation
@testable import MediaProbe

extension CorpusConformanceTests {
    func compareVideo(_ file: String, _ info: MediaInfo, _ e: [String: Any], _ probe: [String: Any], _ t: ConformanceTally) {
        let format = probe["format"] as? [String: Any] ?? [:]
        let streams = probe["streams"] as? [[String: Any]] ?? []
        let isPicture = { (s: [String: Any]) in ((s["disposition"] as? [String: Any])?["attached_pic"] as? Int) == 1 }
        let videos = streams.filter { $0["codec_type"] as? String == "video" && !isPicture($0) }
        t.record("kind", file: file, ours: info.kind.rawValue, theirs: videos.isEmpty ? "audio" : "video")
        t.record("container", file: file, ours: info.container, theirs: CorpusOracle.text(format["format_name"]))
        t.record("duration", file: file, ours: info.duration, theirs: CorpusOracle.number(format["duration"]), absolute: 0.05, relative: 0.01)
        t.record("bit rate", file: file, ours: info.bitRate.map(Double.init), theirs: CorpusOracle.number(format["bit_rate"]), absolute: 0, relative: 0.01)
        for s in streams {
            guard let index = s["index"] as? Int else { continue }
            let ours = info.streams?.first { $0.index == index }
            let label = "stream \(index)"
            t.record("stream codec", file: "\(file) \(label)", ours: ours?.codec, theirs: CorpusOracle.text(s["codec_name"]))
            t.record("stream profile", file: "\(file) \(label)", ours: ours?.profile, theirs: CorpusOracle.text(s["profile"]))
            t.record("stream language", file: "\(file) \(label)", ours: ours?.language,
                     theirs: CorpusOracle.text((s["tags"] as? [String: Any])?["language"]).flatMap { $0 == "und" ? nil : $0 })
            switch s["codec_type"] as? String {
            case "video":
                compareVideoStream(file, label, ours, s, t)
            case "audio":
                t.record("audio channels", file: "\(file) \(label)", ours: ours?.channels.map(String.init), theirs: CorpusOracle.text(s["channels"]))
                t.record("audio layout", file: "\(file) \(label)", ours: ours?.channelLayout, theirs: CorpusOracle.text(s["channel_layout"]))
                t.record("audio sample rate", file: "\(file) \(label)", ours: ours?.sampleRate.map(String.init), theirs: CorpusOracle.text(s["sample_rate"]))
            default:
                break
            }
        }
        if let main = videos.max(by: { ($0["width"] as? Int ?? 0) * ($0["height"] as? Int ?? 0) < ($1["width"] as? Int ?? 0) * ($1["height"] as? Int ?? 0) }) {
            let ccw = ((main["side_data_list"] as? [[String: Any]])?.compactMap { CorpusOracle.number($0["rotation"]) }.first) ?? 0
            let rotation = ((Int(-ccw) % 360) + 360) % 360
            t.record("rotation", file: file, ours: info.rotation.map(String.init), theirs: String(rotation))
            let w = main["width"] as? Int ?? 0, h = main["height"] as? Int ?? 0
            t.record("width", file: file, ours: info.width.map(String.init), theirs: String(w))
            t.record("height", file: file, ours: info.height.map(String.init), theirs: String(h))
            t.record("display size", file: file, ours: info.displayWidth.map { "\($0)x\(info.displayHeight ?? 0)" },
                     theirs: rotation % 180 == 0 ? "\(w)x\(h)" : "\(h)x\(w)")
        }
        let tags = format["tags"] as? [String: Any] ?? [:]
        t.record("capture local time", file: file, ours: info.captureTime?.local.map { String($0.prefix(19)) },
                 theirs: CorpusOracle.date(e["Keys:CreationDate"])?.local)
        t.record("capture UTC offset", file: file, ours: info.captureTime?.offset, theirs: CorpusOracle.date(e["Keys:CreationDate"])?.offset)
        // When Apple's creation date wins, the local time and offset above are the comparison.
        if info.captureTime?.source != ContainerMetadata.appleCreationDate {
            t.record("video creation_time (UTC)", file: file, ours: info.captureTime?.utc.map { String($0.prefix(19)) },
                     theirs: CorpusOracle.date(e["QuickTime:CreateDate"])?.local)
        }
        t.record("make", file: file, ours: info.camera?.make, theirs: CorpusOracle.text(e["Keys:Make"]) ?? CorpusOracle.text(e["UserData:Make"]))
        t.record("model", file: file, ours: info.camera?.model, theirs: CorpusOracle.text(e["Keys:Model"]) ?? CorpusOracle.text(e["UserData:Model"]))
        t.record("title", file: file, ours: info.title, theirs: CorpusOracle.text(tags["title"]))
        t.record("comment", file: file, ours: info.comment, theirs: CorpusOracle.text(tags["comment"]))
        t.record("artist", file: file, ours: info.artist, theirs: CorpusOracle.text(tags["artist"]))
    }

    private func compareVideoStream(_ file: String, _ label: String, _ ours: StreamInfo?, _ s: [String: Any], _ t: ConformanceTally) {
        let name = "\(file) \(label)"
        t.record("video pixel format", file: name, ours: ours?.pixelFormat, theirs: CorpusOracle.text(s["pix_fmt"]))
        let pix = CorpusOracle.text(s["pix_fmt"]) ?? ""
        let depth = CorpusOracle.text(s["bits_per_raw_sample"])
            ?? (pix.contains("16") ? "16" : pix.contains("12") ? "12" : pix.contains("10") ? "10" : pix.isEmpty ? nil : "8")
        t.record("video bit depth", file: name, ours: ours?.bitDepth.map(String.init), theirs: depth)
        let rate = CorpusOracle.text(s["avg_frame_rate"]).flatMap { text -> Double? in
            let parts = text.split(separator: "/").compactMap { Double($0) }
            return parts.count == 2 && parts[1] != 0 && parts[0] != 0 ? parts[0] / parts[1] : nil
        }
        t.record("video frame rate", file: name, ours: ours?.frameRate, theirs: rate, absolute: 0.01)
        let known = { (v: String?) in v == "unknown" ? nil : v }
        t.record("video colour primaries", file: name, ours: ours?.colorPrimaries, theirs: known(CorpusOracle.text(s["color_primaries"])))
        t.record("video colour transfer", file: name, ours: ours?.colorTransfer, theirs: known(CorpusOracle.text(s["color_transfer"])))
    }

    /// GPS, for photos and videos alike (exiftool's composite, signed decimal degrees).
    func compareCommon(_ file: String, _ info: MediaInfo, _ e: [String: Any], _ t: ConformanceTally) {
        t.record("latitude", file: file, ours: info.location?.latitude, theirs: CorpusOracle.number(e["Composite:GPSLatitude"]), absolute: 1e-5)
        t.record("longitude", file: file, ours: info.location?.longitude, theirs: CorpusOracle.number(e["Composite:GPSLongitude"]), absolute: 1e-5)
        t.record("altitude", file: file, ours: info.location?.altitude,
                 theirs: info.location == nil && CorpusOracle.number(e["Composite:GPSLatitude"]) == nil ? nil : CorpusOracle.number(e["Composite:GPSAltitude"]),
                 absolute: 0.01)
    }
}
