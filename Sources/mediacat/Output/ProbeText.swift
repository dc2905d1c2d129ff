import Foundation
import MediaProbe

/// The human-readable form of `mediacat probe`: a heading line per file, then indented facts.
enum ProbeText {
    static func render(path: String, info: MediaInfo) -> String {
        var lines = [ProbeError.printable(path)]
        func add(_ label: String, _ parts: [String?]) {
            let present = parts.compactMap { $0 }
            // Tag text comes from the file: keep it on its line.
            if !present.isEmpty {
                let text = ProbeError.printable(present.joined(separator: " · "))
                lines.append("  \(label.padding(toLength: 9, withPad: " ", startingAt: 0))\(text)")
            }
        }
        add(info.kind.rawValue, [info.format, size(info), info.duration.map { "\(decimal($0, 2)) s" },
                                 info.bitRate.map { "\(decimal(Double($0) / 1000, 0)) kb/s" }, bytes(info.fileSize),
                                 info.fastStart.map { $0 ? "fast start" : "moov after mdat (not fast start)" }])
        if let t = info.captureTime {
            add("taken", [t.local ?? t.utc, t.local != nil ? t.offset ?? "(no UTC offset)" : nil, "from \(t.source)"])
        }
        if let c = info.camera {
            add("camera", [c.make, c.model, c.lens, c.serialNumber.map { "serial \($0)" }, c.software.map { "software \($0)" }])
        }
        if let e = info.exposure {
            add("exposure", [e.exposureTime.map(shutter), e.fNumber.map { "f/\(decimal($0, 1))" }, e.iso.map { "ISO \($0)" },
                             e.focalLength.map { "\(decimal($0, 1)) mm" }, e.focalLength35mm.map { "\($0) mm (35 mm eq.)" },
                             e.flashFired.map { $0 ? "flash fired" : "no flash" }])
        }
        if let l = info.location {
            add("location", [String(format: "%.6f, %.6f", l.latitude, l.longitude), l.altitude.map { "\(decimal($0, 1)) m" }, "from \(l.source)"])
        }
        add("title", [info.title])
        add("text", [info.description, info.comment])
        add("credit", [info.artist, info.copyright])
        for s in info.streams ?? [] { add("stream \(s.index)", stream(s)) }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func size(_ info: MediaInfo) -> String? {
        guard let w = info.width, let h = info.height else { return nil }
        var text = "\(w)×\(h)"
        if let o = info.orientation, o != 1 { text += " orientation \(o)" }
        if let r = info.rotation, r != 0 { text += " rotated \(r)°" }
        if let dw = info.displayWidth, let dh = info.displayHeight, dw != w || dh != h { text += " → shown \(dw)×\(dh)" }
        return text
    }

    private static func stream(_ s: StreamInfo) -> [String?] {
        [s.kind.rawValue, (s.codec ?? "unknown codec") + (s.profile.map { " (\($0))" } ?? ""),
         s.width.flatMap { w in s.height.map { "\(w)×\($0)" } }, s.pixelFormat, s.bitDepth.map { "\($0)-bit" },
         s.frameRate.map { "\(decimal($0, 3)) fps" }, s.hdr == true ? "HDR (\(s.colorTransfer ?? ""))" : nil,
         s.sampleRate.map { "\($0) Hz" }, s.channelLayout ?? s.channels.map { "\($0) ch" }, s.language,
         s.isAttachedPicture == true ? "cover art" : nil]
    }

    static func shutter(_ seconds: Double) -> String {
        seconds > 0 && seconds < 0.5 ? "1/\(decimal(1 / seconds, 0)) s" : "\(decimal(seconds, 1)) s"
    }

    static func decimal(_ value: Double, _ places: Int) -> String {
        let text = String(format: "%.\(places)f", value)
        guard text.contains(".") else { return text }
        let trimmed = text.reversed().drop { $0 == "0" }.reversed()
        return String(trimmed.last == "." ? trimmed.dropLast() : trimmed[...])
    }

    static func bytes(_ count: Int64) -> String {
        ByteCountFormatter.string(fromByteCount: count, countStyle: .file)
    }
}
