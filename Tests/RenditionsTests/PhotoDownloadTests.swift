import Foundation
import MediaBindings
import MediaProbe
import Testing
import TestSupport
@testable import Renditions

/// downloads/aligned-N.jpg (96×64) and unaligned-N.jpg (100×75) store the upright picture (red,
/// green / blue, white quadrants) transformed by the inverse of N, with EXIF GPS and serial,
/// XMP, IPTC, a comment and an ICC profile (see scripts/fixtures/photo-downloads.sh).
struct PhotoDownloadTests {
    /// The download of a fixture made directly, to see which path it took.
    func make(_ fixture: String) throws -> PhotoDownload.Output {
        try make(path: Fixtures.path(fixture))
    }

    /// - Parameter probed: the file to probe instead of `path` (the probe refuses damaged ones).
    func make(path: String, probed: String? = nil) throws -> PhotoDownload.Output {
        let options = RenditionOptions()
        let info = try MediaProber().probe(path: probed ?? path)
        let source = try PhotoSource.decode(path: path, info: info, cover: (16, 16), options: options)
        let display = try source.displaySize ?? (#require(info.displayWidth), #require(info.displayHeight))
        let unused = RenditionWriter(store: RenditionStore(root: FileManager.default.temporaryDirectory), source: "")
        return try PhotoDownload(options: options, writer: unused).make(path: path, info: info, source: source,
                                                                         display: display)
    }

    func decode(_ jpeg: [UInt8]) throws -> PixelImage {
        try jpeg.withUnsafeBytes { try JPEGDecompressor().decode($0).image }
    }

    func expectUpright(_ image: PixelImage, _ name: String) {
        let (w, h) = (image.width, image.height)
        #expect(isColor(image.color(atX: w / 4, y: h / 4), (255, 0, 0)), "top-left is red in \(name)")
        #expect(isColor(image.color(atX: w * 3 / 4, y: h / 4), (0, 255, 0)), "top-right is green in \(name)")
        #expect(isColor(image.color(atX: w / 4, y: h * 3 / 4), (0, 0, 255)), "bottom-left is blue in \(name)")
        #expect(isColor(image.color(atX: w * 3 / 4, y: h * 3 / 4), (255, 255, 255)), "bottom-right is white in \(name)")
    }

    static let jpegtranArguments = [1: [], 2: ["-flip", "horizontal"], 3: ["-rotate", "180"], 4: ["-flip", "vertical"],
                                    5: ["-transpose"], 6: ["-rotate", "90"], 7: ["-transverse"], 8: ["-rotate", "270"]]

    @Test(arguments: 1...8)
    func alignedIsLosslessUprightAndJpegtransPixels(_ n: Int) throws {
        let name = "downloads/aligned-\(n).jpg"
        let output = try make(name)
        #expect(output.method == (n == 1 ? .copied : .transformed(PhotoDownload.operation(forOrientation: n))))
        #expect(output.width == 96)
        #expect(output.height == 64)
        let image = try decode(output.bytes)
        #expect(image.width == 96 && image.height == 64)
        expectUpright(image, name)
        let arguments = ["-copy", "none", "-perfect"] + Self.jpegtranArguments[n]! + [Fixtures.path(name)]
        let reference = try decode(try run("jpegtran", arguments))
        #expect(reference.width == image.width && reference.height == image.height)
        #expect(reference.pixels == image.pixels, "every decoded byte equals jpegtran's for orientation \(n)")
    }

    /// 100×75 at 4:2:0 has partial MCU blocks: only orientations 1 and 5 stay lossless.
    @Test(arguments: 1...8)
    func unalignedIsReencodedWhereItMustBe(_ n: Int) throws {
        let name = "downloads/unaligned-\(n).jpg"
        let output = try make(name)
        let expected: PhotoDownload.Method = n == 1 ? .copied : n == 5 ? .transformed(.transpose) : .reencoded
        #expect(output.method == expected)
        #expect(output.width == 100)
        #expect(output.height == 75)
        let image = try decode(output.bytes)
        #expect(image.width == 100 && image.height == 75)
        expectUpright(image, name)
    }

    /// A scan cut short (no EOI, as in a damaged raw file's preview, which no probe checks):
    /// the strict segment walk refuses it, so the upright copy comes from libjpeg, with its
    /// warning and without the profile.
    @Test func scanCutShortFallsBackToLibjpeg() throws {
        let intact = Fixtures.path("downloads/aligned-1.jpg")
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: intact))).dropLast(40)
        let folder = try Fixtures.temporaryFolder("download-damaged")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("damaged.jpg").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let output = try make(path: path, probed: intact)  // the probe refuses the damaged file
        #expect(output.method == .transformed(.none))
        #expect(output.warnings.first?.hasPrefix("download: JPEG stream ends inside marker 0xDA") == true)
        #expect(output.warnings.contains { $0.contains("Premature end of JPEG file") }, "\(output.warnings)")
        #expect(try JPEGSegments.iccSegments(in: output.bytes).isEmpty)
        let image = try decode(output.bytes)
        #expect(image.width == 96 && image.height == 64)
    }

    @Test func pngAlphaIsFlattenedOntoWhite() throws {
        let output = try make("downloads/alpha.png")
        #expect(output.method == .reencoded)
        let image = try decode(output.bytes)
        #expect(image.width == 64 && image.height == 48)
        #expect(isColor(image.color(atX: 16, y: 24), (0, 0, 255), tolerance: 24), "opaque blue stays blue")
        #expect(isColor(image.color(atX: 48, y: 12), (255, 255, 255), tolerance: 8), "transparent red becomes white")
        #expect(isColor(image.color(atX: 48, y: 36), (128, 128, 128), tolerance: 12), "half-transparent black is grey")
    }

    @Test func renditionIsWrittenOnceAndReused() throws {
        let fixture = try RenderFixture { $0.formats = [.jpeg] }
        let set = try fixture.render("downloads/aligned-6.jpg")
        let downloads = set.renditions.filter { $0.variant == .download }
        let download = try #require(downloads.first)
        #expect(downloads.count == 1)
        #expect(download.format == .jpeg)
        #expect(download.width == 96 && download.height == 64)
        #expect(download.path.hasSuffix("-download-\(PhotoDownload.recipe(RenditionOptions()).identifier).jpg"))
        #expect(try fixture.bytes(download).count == download.bytes)
        let files = fixture.files
        #expect(try fixture.render("downloads/aligned-6.jpg") == set, "the existing file is reused")
        #expect(fixture.files == files)
        let without = try RenderFixture { $0.formats = [.jpeg]; $0.variants = [.thumb, .preview] }
        #expect(try without.render("downloads/aligned-6.jpg").renditions.allSatisfy { $0.variant != .download })
    }

    /// Every download of every fixture: nothing but the picture and its colour profile.
    @Test func noMetadataIsLeft() throws {
        let fixture = try RenderFixture { $0.variants = [.download] }
        let names = (1...8).flatMap { ["downloads/aligned-\($0).jpg", "downloads/unaligned-\($0).jpg"] }
            + ["downloads/two-chunk-icc.jpg", "downloads/alpha.png"]
        var made: [String: String] = [:]  // download path -> fixture
        for name in names {
            let download = try #require(try fixture.render(name).renditions.first { $0.variant == .download })
            made[fixture.root.appendingPathComponent(download.path).path] = name
        }
        let tags = try exiftoolTags(Array(made.keys))
        #expect(tags.count == names.count)
        for (path, name) in made {
            let entries = try #require(tags[path], "exiftool read \(name)'s download")
            expectNoMetadata(entries, name)
            let hasProfile = entries.contains { $0.group.hasPrefix("ICC_Profile") }
            #expect(hasProfile == name.hasSuffix(".jpg"), "ICC profile kept exactly where \(name) had one")
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(bytes.range(of: Data("DL-SERIAL-0042".utf8)) == nil, "no serial in \(name)'s download")
        }
        // The two-segment profile arrives whole, byte for byte.
        let twoChunk = try #require(made.first { $0.value == "downloads/two-chunk-icc.jpg" }?.key)
        let profile = try run("exiftool", ["-b", "-ICC_Profile", twoChunk])
        #expect(profile == [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("downloads/large.icc")))))
    }
}

/// The shared corpus: real camera files with maker notes, motion photos, HEIC.
@Suite(.enabled(if: Fixtures.corpus != nil, "\(Fixtures.corpusMissingMessage)"))
struct CorpusPhotoDownloadTests {
    /// Every JPEG, and the raw file whose embedded JPEG preview is its download.
    @Test func everyCorpusJPEGDownloadIsClean() throws {
        let folder = Fixtures.corpus!.appendingPathComponent("photos")
        let paths = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { ["jpg", "jpeg", "dng"].contains(($0 as NSString).pathExtension.lowercased()) }
            .sorted().map { folder.appendingPathComponent($0).path }
        let fixture = try RenderFixture { $0.variants = [.download] }
        let results = ResultCollector<Result<RenditionSet, RenderError>>(count: paths.count)
        let start = Date()
        fixture.renderer.renderAll(paths, jobs: 2) { index, result in results.set(index, result) }
        var made: [String: String] = [:]
        for (path, result) in zip(paths, results.all) {
            let set = try #require(try result?.get(), "\(path)")
            let download = try #require(set.renditions.first { $0.variant == .download }, "\(path)")
            made[fixture.root.appendingPathComponent(download.path).path] = path
        }
        let tags = try exiftoolTags(Array(made.keys))
        for (download, path) in made {
            expectNoMetadata(try #require(tags[download], "exiftool read \(path)'s download"), path)
        }
        let milliseconds = Int(-start.timeIntervalSinceNow * 1000)
        print("corpus downloads: \(made.count) of \(paths.count) JPEG and DNG files in \(milliseconds) ms")
    }

    /// An iPhone HEIC: libheif turns it upright; its Display P3 profile comes along.
    @Test func heicIsReencodedUprightWithItsProfile() throws {
        let fixture = try RenderFixture { $0.variants = [.download] }
        let heic = Fixtures.corpus!.appendingPathComponent("photos/LycheeOrg__classic-car.heic")
        let set = try fixture.renderer.render(path: heic.path)
        let download = try #require(set.renditions.first { $0.variant == .download })
        #expect(download.width == 3024 && download.height == 4032)
        let path = fixture.root.appendingPathComponent(download.path).path
        let entries = try #require(try exiftoolTags([path])[path])
        expectNoMetadata(entries, "classic-car.heic")
        #expect(entries.contains { $0.tag == "ProfileDescription" && $0.value == "Display P3" })
        #expect(entries.contains { $0.tag == "ImageSize" && $0.value == "3024x4032" })
    }
}

/// One line of `exiftool -a -G0:1 -s`: "[EXIF:GPS]  GPSLatitude : 41 deg ...".
private struct ExiftoolEntry {
    var group: String
    var tag: String
    var value: String
}

/// Reads every file with one exiftool process (start-up dominates per-file runs). `-G0:1`
/// prints family 0 and 1, so maker notes show as "MakerNotes:Canon" whatever the camera.
private func exiftoolTags(_ paths: [String]) throws -> [String: [ExiftoolEntry]] {
    guard !paths.isEmpty else { return [:] }
    let text = String(decoding: try run("exiftool", ["-a", "-G0:1", "-s"] + paths), as: UTF8.self)
    var result: [String: [ExiftoolEntry]] = [:]
    var current = paths.count == 1 ? paths[0] : ""
    for line in text.split(separator: "\n") {
        if line.hasPrefix("======== ") {
            current = String(line.dropFirst(9))
        } else if line.hasPrefix("["), let close = line.firstIndex(of: "]"), let colon = line.range(of: " : ") {
            let tag = line[line.index(after: close)..<colon.lowerBound].trimmingCharacters(in: .whitespaces)
            let group = String(line[line.index(after: line.startIndex)..<close])
            let value = String(line[colon.upperBound...])
            result[current, default: []].append(ExiftoolEntry(group: group, tag: tag, value: value))
        }
    }
    return result
}

/// No EXIF (GPS, serials), XMP, IPTC, maker notes, JFIF or comment: only the file's own
/// structure, the ICC profile and Adobe's APP14 may show. One expectation per kind, listing
/// what was found.
private func expectNoMetadata(_ entries: [ExiftoolEntry], _ name: String) {
    func found(_ isFound: (ExiftoolEntry, String) -> Bool) -> [String] {
        entries.filter { isFound($0, String($0.group.prefix { $0 != ":" })) }.map { "\($0.group) \($0.tag)" }
    }
    #expect(found { e, _ in e.tag.hasPrefix("GPS") } == [], "GPS in \(name)")
    #expect(found { e, _ in e.tag.contains("SerialNumber") } == [], "serial numbers in \(name)")
    #expect(found { e, _ in e.tag == "Comment" } == [], "comment in \(name)")
    for denied in ["EXIF", "XMP", "IPTC", "MakerNotes", "Photoshop", "JFIF"] {
        #expect(found { _, family0 in family0 == denied } == [], "\(denied) in \(name)")
    }
    let allowed: Set<String> = ["ExifTool", "File", "Composite", "ICC_Profile", "APP14"]
    #expect(found { _, family0 in !allowed.contains(family0) } == [], "groups not allowed in \(name)")
}

/// Runs a development tool (jpegtran, exiftool) and returns its standard output.
private func run(_ tool: String, _ arguments: [String]) throws -> [UInt8] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        let why = "\(tool) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)"
        throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: why])
    }
    return [UInt8](data)
}
