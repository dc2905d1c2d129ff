import Foundation
import Testing
import TestSupport
@testable import MediaProbe

/// mediacat against exiftool and ffprobe on ../shared/corpus: a per-field agreement table,
/// every disagreement listed with its reason, and a 95 % floor for every field.
@Suite(.enabled(if: Fixtures.corpus != nil, "\(Fixtures.corpusMissingMessage)"))
struct CorpusConformanceTests {
    let oracle = CorpusOracle(root: Fixtures.corpus)!
    let prober = MediaProber()

    /// Why mediacat and an oracle differ, by "file|field" or "file". These still count against
    /// the figures; they are explanations, not exemptions.
    static let reasons: [String: String] = [
        "photos/ianare__30-type_error.jpg":
            "IFD0's ExifOffset pointer has the wrong type (string), so exiftool does not follow it; libexif does and "
            + "finds DateTimeOriginal 2013-07-05 03:18:27 and Flash 0, which the file's XMP copy confirms",
        "videos/drewnoakes__FLIR_Thermal.mp4":
            "two location tags: libavformat exposes ©xyz (+34.0754-118.2543, 4 decimals, no altitude); exiftool "
            + "prefers the 3GPP loci atom (34.07539, altitude 0)",
    ]

    @Test func photosAndVideosAgreeWithTheOracles() throws {
        let tally = ConformanceTally()
        var gpsInferred: [String] = []
        for file in oracle.files(in: "photos") + oracle.files(in: "videos") {
            let info: MediaInfo
            do {
                info = try prober.probe(path: oracle.path(file))
            } catch {
                Issue.record("\(file) failed to probe: \(error)")
                continue
            }
            let exif = oracle.exiftool[file] ?? [:]
            if file.hasPrefix("photos/") {
                comparePhoto(file, info, exif, tally)
            } else {
                compareVideo(file, info, exif, oracle.ffprobe(file) ?? [:], tally)
            }
            compareCommon(file, info, exif, tally)
            if info.captureTime?.offsetSource == "GPSDateStamp+GPSTimeStamp" { gpsInferred.append(file) }
        }
        print(tally.table(title: "Corpus conformance: mediacat probe vs exiftool 12.57 / ffprobe 5.1", reasons: Self.reasons))
        print("Offsets inferred from the GPS clock (no oracle value, not counted): \(gpsInferred.count) \(gpsInferred)")
        for field in tally.all {
            #expect(field.percent >= 95, "\(field.name): \(field.agreements)/\(field.compared) agree")
        }
    }

    private func comparePhoto(_ file: String, _ info: MediaInfo, _ e: [String: Any], _ t: ConformanceTally) {
        t.record("kind", file: file, ours: info.kind.rawValue, theirs: "photo")
        let size = CorpusOracle.text(e["Composite:ImageSize"])?.split(separator: " ").compactMap { Int($0) } ?? []
        t.record("width", file: file, ours: info.width.map(String.init), theirs: size.first.map(String.init))
        t.record("height", file: file, ours: info.height.map(String.init), theirs: size.dropFirst().first.map(String.init))
        let stated = CorpusOracle.number(e["IFD0:Orientation"]).map(Int.init) ?? 1
        let orientation = (1...8).contains(stated) ? stated : 1
        t.record("orientation", file: file, ours: info.orientation.map(String.init), theirs: String(orientation))
        let rotation = CorpusOracle.number(e["QuickTime:Rotation"]).map(Int.init)
        let swap = rotation.map { $0 % 180 != 0 } ?? (orientation >= 5)
        if size.count == 2 {
            t.record("display size", file: file, ours: info.displayWidth.map { "\($0)x\(info.displayHeight ?? 0)" },
                     theirs: swap ? "\(size[1])x\(size[0])" : "\(size[0])x\(size[1])")
        }
        // Capture time: DateTimeOriginal, then CreateDate (DateTimeDigitized), then ModifyDate.
        let candidates = [("ExifIFD:DateTimeOriginal", "ExifIFD:OffsetTimeOriginal"), ("ExifIFD:CreateDate", "ExifIFD:OffsetTimeDigitized"),
                          ("IFD0:ModifyDate", "ExifIFD:OffsetTime")]
        let chosen = candidates.lazy.compactMap { tag, offsetTag in CorpusOracle.date(e[tag]).map { ($0.local, CorpusOracle.text(e[offsetTag])) } }.first
        t.record("capture local time", file: file, ours: info.captureTime?.local.map { String($0.prefix(19)) }, theirs: chosen?.0)
        let statedOffset = info.captureTime?.offsetSource == "GPSDateStamp+GPSTimeStamp" ? nil : info.captureTime?.offset
        t.record("capture UTC offset", file: file, ours: statedOffset, theirs: chosen?.1)
        t.record("make", file: file, ours: info.camera?.make, theirs: CorpusOracle.text(e["IFD0:Make"]))
        t.record("model", file: file, ours: info.camera?.model, theirs: CorpusOracle.text(e["IFD0:Model"]))
        t.record("lens", file: file, ours: info.camera?.lens, theirs: CorpusOracle.text(e["ExifIFD:LensModel"]))
        t.record("serial number", file: file, ours: info.camera?.serialNumber,
                 theirs: CorpusOracle.text(e["ExifIFD:SerialNumber"]) ?? CorpusOracle.text(e["IFD0:CameraSerialNumber"]))
        t.record("software", file: file, ours: info.camera?.software, theirs: CorpusOracle.text(e["IFD0:Software"]))
        t.record("exposure time", file: file, ours: info.exposure?.exposureTime, theirs: positive(e["ExifIFD:ExposureTime"]), absolute: 1e-6, relative: 1e-4)
        t.record("f-number", file: file, ours: info.exposure?.fNumber, theirs: positive(e["ExifIFD:FNumber"]), absolute: 0.01)
        t.record("ISO", file: file, ours: info.exposure?.iso.map(Double.init), theirs: positive(e["ExifIFD:ISO"]), absolute: 0)
        t.record("focal length", file: file, ours: info.exposure?.focalLength, theirs: positive(e["ExifIFD:FocalLength"]), absolute: 0.01)
        t.record("focal length 35 mm", file: file, ours: info.exposure?.focalLength35mm.map(Double.init),
                 theirs: positive(e["ExifIFD:FocalLengthIn35mmFormat"]), absolute: 0)
        t.record("flash", file: file, ours: info.exposure?.flash.map(Double.init), theirs: CorpusOracle.number(e["ExifIFD:Flash"]), absolute: 0)
        t.record("artist", file: file, ours: info.artist, theirs: CorpusOracle.text(e["IFD0:Artist"]))
        t.record("copyright", file: file, ours: info.copyright, theirs: CorpusOracle.text(e["IFD0:Copyright"]))
        t.record("description", file: file, ours: info.description, theirs: CorpusOracle.text(e["IFD0:ImageDescription"]))
    }

    /// exiftool prints 0 for unset rationals; mediacat leaves them absent.
    private func positive(_ value: Any?) -> Double? {
        CorpusOracle.number(value).flatMap { $0 > 0 ? $0 : nil }
    }
}
