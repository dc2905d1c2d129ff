public import Catalog
public import Foundation

/// A catalog on disk with its library and rendition files, holding what publishing must get
/// right: published and draft assets, a draft collection, a photo with a GPS position and a
/// camera serial, a video whose file carries both, a collection that publishes positions, PSAs,
/// a radio PSA (audio), and campaign videos in a collection that does not publish originals.
/// Renditions are real files of arbitrary bytes (a few hundred bytes to 300 KB), as ingest
/// makes them: thumbnails for photos and videos, previews and downloads for photos, posters,
/// storyboards, web videos and clean originals for videos, a clean original for audio. Its
/// private strings (serials, paths, consent note, draft titles) are listed in `secrets` so
/// tests can prove that no public byte carries them.
public struct PublishedCatalogFixture: Sendable {
    public let folder: URL
    public let catalog: Catalog
    public let library: URL
    public let renditions: URL
    /// Public id by the fixture's short name ("marching", "psa1", …).
    public let ids: [String: String]

    /// Strings that must never appear in anything public.
    public static let secrets = [
        "SN-4471-PRIVATE", "SN-VIDEO-PRIVATE", "IMG_PRIVATE", "CONSENT-PRIVATE", "DRAFT-PRIVATE", "Group Original",
        "group-original", "41.14171", "73.35791", "parade-1/", "westport-united/", "/tmp", "sha256", "sourcePath",
        "serialNumber", "consentNote",
    ]

    /// The RFC 6381 codecs the fixture's web videos and video originals claim.
    public static let webCodecs = "avc1.640028, mp4a.40.2"
    public static let smallCodecs = "avc1.42E01E, mp4a.40.2"

    struct Item {
        var name: String, slug: String, path: String, kind: Asset.Kind, bytes: Int
        var fields: [Asset.EditableField: String]
        var captureTime: String?, latitude: Double? = nil, longitude: Double? = nil
        var mediaInfo = #"{"kind":"photo"}"#
    }

    static let collections: [(String, CollectionDescription)] = [
        ("parade-1", .init(title: "Parade 1", kind: .gallery, description: "Memorial Day 2019",
                           publishedDate: "2019-05-28", status: .published, publishOriginals: true)),
        ("shore", .init(title: "Shore", kind: .gallery, publishedDate: "2021-07-01", status: .published,
                        allowLocation: true, publishOriginals: true)),
        ("westport-united", .init(title: "Westport United", kind: .psaSeries, publishedDate: "2020-03-22",
                                  status: .published, publishOriginals: true)),
        // Web videos only: its originals are not published.
        ("i-love-westport", .init(title: "I Love Westport", kind: .campaign, publishedDate: "2022-06-04",
                                  status: .published, publishOriginals: false)),
        ("group-original", .init(title: "Group Original", kind: .gallery, status: .draft)),
    ]

    static let items: [Item] = [
        Item(name: "marching", slug: "parade-1", path: "parade-1/IMG_PRIVATE_0001.jpg", kind: .photo, bytes: 4000,
             fields: [.title: "Marching band", .caption: "The high school band on Post Road.", .tags: "band, parade",
                      .consentNote: "CONSENT-PRIVATE on file", .status: "published"],
             captureTime: "2019-05-27T14:31:09Z", latitude: 41.14171, longitude: -73.35791,
             mediaInfo: #"{"kind":"photo","camera":{"make":"Canon","serialNumber":"SN-4471-PRIVATE"},"#
                 + #""location":{"latitude":41.14171,"longitude":-73.35791,"source":"EXIF"}}"#),
        Item(name: "salute", slug: "parade-1", path: "parade-1/IMG_PRIVATE_0002.jpg", kind: .photo, bytes: 3000,
             fields: [.title: "Veterans salute", .altText: "Veterans saluting the flag.", .status: "published"],
             captureTime: "2019-05-27T14:31:26Z"),
        Item(name: "draftPhoto", slug: "parade-1", path: "parade-1/IMG_PRIVATE_0003.jpg", kind: .photo, bytes: 2000,
             fields: [.title: "Unreleased DRAFT-PRIVATE"], captureTime: "2019-05-27T14:30:00Z"),
        Item(name: "beach", slug: "shore", path: "shore/beach.jpg", kind: .photo, bytes: 2500,
             fields: [.title: "Compo Beach", .status: "published"], captureTime: "2021-06-30T17:00:00Z",
             latitude: 41.11612, longitude: -73.3501,
             mediaInfo: #"{"kind":"photo","location":{"latitude":41.11612,"longitude":-73.3501,"source":"EXIF"}}"#),
        Item(name: "psa2", slug: "westport-united", path: "westport-united/psa-2.mp4", kind: .video, bytes: 5000,
             fields: [.title: "Westport United #2", .psaNumber: "2", .publishedDate: "2020-03-23",
                      .status: "published"],
             captureTime: "2020-03-23T16:30:00Z", mediaInfo: Self.videoInfo),
        Item(name: "psa1", slug: "westport-united", path: "westport-united/psa-1.mp4", kind: .video, bytes: 300_000,
             fields: [.title: "Westport United #1", .psaNumber: "1", .publishedDate: "2020-03-22", .status: "published",
                      .people: "Chief Foti Koskinas"],
             captureTime: "2020-03-22T15:00:00Z", latitude: 41.14171, longitude: -73.35791,
             mediaInfo: Self.privateVideoInfo),
        Item(name: "psa3", slug: "westport-united", path: "westport-united/psa-3.mp4", kind: .video, bytes: 1000,
             fields: [.title: "Westport United #3 DRAFT-PRIVATE", .psaNumber: "3", .publishedDate: "2020-03-26"],
             captureTime: "2020-03-26T14:15:00Z", mediaInfo: Self.videoInfo),
        Item(name: "radio", slug: "westport-united", path: "westport-united/psa-4-radio.m4a", kind: .audio, bytes: 2400,
             fields: [.title: "Westport United #4 (radio)", .psaNumber: "4", .publishedDate: "2020-03-28",
                      .status: "published"],
             captureTime: nil, mediaInfo: Self.audioInfo),
        Item(name: "promiseA", slug: "i-love-westport", path: "i-love-westport/resident.mp4", kind: .video, bytes: 1500,
             fields: [.title: "A resident's promise", .publishedDate: "2022-06-04", .status: "published"],
             captureTime: nil, mediaInfo: Self.videoInfo),
        Item(name: "promiseB", slug: "i-love-westport", path: "i-love-westport/leader.mp4", kind: .video, bytes: 1500,
             fields: [.title: "A town leader's promise", .publishedDate: "2022-06-18", .status: "published"],
             captureTime: nil, mediaInfo: Self.videoInfo),
        Item(name: "group", slug: "group-original", path: "group-original/officers.jpg", kind: .photo, bytes: 1000,
             fields: [.title: "Officers", .status: "published"], captureTime: "2024-06-14T15:06:02Z"),
    ]

    static let videoInfo = #"{"kind":"video","container":"mov,mp4","bitRate":1000000,"streams":["#
        + #"{"index":0,"kind":"video","codec":"h264","profile":"High","frameRate":29.97,"bitDepth":8},"#
        + #"{"index":1,"kind":"audio","codec":"aac","channels":2,"sampleRate":48000}]}"#
    /// A camera serial, a position and a telemetry track in the file: its clean original carries none of them.
    static let privateVideoInfo = #"{"kind":"video","container":"mov,mp4","#
        + #""camera":{"serialNumber":"SN-VIDEO-PRIVATE"},"#
        + #""location":{"latitude":41.14171,"longitude":-73.35791,"source":"QuickTime"},"streams":["#
        + #"{"index":0,"kind":"video","codec":"h264"},{"index":1,"kind":"audio","codec":"aac"},"#
        + #"{"index":2,"kind":"data","codec":"gpmd"}]}"#
    static let audioInfo = #"{"kind":"audio","container":"mov,mp4","bitRate":128000,"streams":["#
        + #"{"index":0,"kind":"audio","codec":"aac","channels":2,"sampleRate":48000}]}"#

    public static func make() throws -> PublishedCatalogFixture {
        let folder = try Fixtures.temporaryFolder("published")
        let library = folder.appendingPathComponent("library"), renditions = folder.appendingPathComponent("renditions")
        let catalog = try Catalog(path: folder.appendingPathComponent("catalog.sqlite").path)
        try catalog.setSetting("libraryRoot", library.path)
        for (slug, description) in collections { try catalog.upsertCollection(slug: slug, description) }
        var ids: [String: String] = [:]
        for (index, item) in items.enumerated() {
            let content = try writeFiles(item, index: index, library: library, renditions: renditions)
            let outcome = try catalog.apply([.store(sourcePath: item.path, collectionSlug: item.slug, content: content,
                                                    description: AssetDescription(item.fields))])
            if let failure = outcome.failures.first { throw CatalogError.invalid("\(failure.path): \(failure.reason)") }
            ids[item.name] = try catalog.asset(sourcePath: item.path)?.publicId
        }
        return PublishedCatalogFixture(folder: folder, catalog: catalog, library: library, renditions: renditions,
                                       ids: ids)
    }

    public func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// One rendition the fixture makes: variant, format, extension, size, codecs, bits per second.
    struct Made {
        var variant: String, format: String, ext: String
        var width: Int?, height: Int?
        /// nil: a line of text naming it.
        var bytes: Int? = nil
        var codecs: String? = nil, bitRate: Int64? = nil
    }

    /// What ingest makes of each kind of file (`Rendition.Variant`).
    static func plan(_ item: Item) -> [Made] {
        let stills = [Made(variant: "thumb", format: "jpeg", ext: "jpg", width: 400, height: 300),
                      Made(variant: "thumb", format: "webp", ext: "webp", width: 400, height: 300)]
        switch item.kind {
        case .photo:
            return stills + [Made(variant: "preview", format: "jpeg", ext: "jpg", width: 1280, height: 960),
                             Made(variant: "download", format: "jpeg", ext: "jpg", width: 1600, height: 1200,
                                  bytes: item.bytes / 2)]
        case .video:
            return stills + [
                Made(variant: "poster", format: "jpeg", ext: "jpg", width: 1280, height: 960),
                Made(variant: "storyboard", format: "jpeg", ext: "jpg", width: 1600, height: 900),
                Made(variant: "storyboard-cues", format: "vtt", ext: "vtt", width: nil, height: nil),
                Made(variant: "web", format: "mp4", ext: "mp4", width: 1600, height: 1200,
                     bytes: max(600, item.bytes / 3), codecs: webCodecs, bitRate: 2_500_000),
                Made(variant: "web-small", format: "mp4", ext: "mp4", width: 640, height: 480,
                     bytes: max(300, item.bytes / 6), codecs: smallCodecs, bitRate: 600_000),
                // As large as the file (the same streams), other bytes: tests tell the two apart.
                Made(variant: "original", format: "mp4", ext: "mp4", width: 1600, height: 1200, bytes: item.bytes,
                     codecs: webCodecs, bitRate: 1_000_000),
            ]
        case .audio:
            return [Made(variant: "original", format: "m4a", ext: "m4a", width: nil, height: nil, bytes: item.bytes,
                         codecs: "mp4a.40.2", bitRate: 128_000)]
        }
    }

    /// The library file and its renditions.
    private static func writeFiles(_ item: Item, index: Int, library: URL, renditions: URL) throws -> AssetContent {
        let original = library.appendingPathComponent(item.path)
        try FileManager.default.createDirectory(at: original.deletingLastPathComponent(),
                                                withIntermediateDirectories: true)
        let bytes = (0..<item.bytes).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ index) }
        try Data(bytes).write(to: original)
        var info = stat()
        stat(original.path, &info)
        let sha = String(repeating: String(format: "%02x", index + 16), count: 32)
        var made: [RenditionContent] = []
        for rendition in plan(item) {
            let name = "\(sha)-\(rendition.variant)-0000abcd.\(rendition.ext)"
            let path = "\(sha.prefix(2))/\(sha.dropFirst(2).prefix(2))/" + name
            let seed = 13 &* index &+ rendition.variant.utf8.count
            let body = rendition.bytes.map { count in
                Data((0..<count).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ seed) })
            } ?? Data("\(rendition.variant) \(rendition.format) of \(item.name)\n".utf8)
            let url = renditions.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try body.write(to: url)
            let isMedia = rendition.codecs != nil
            made.append(RenditionContent(variant: rendition.variant, format: rendition.format, width: rendition.width,
                                         height: rendition.height, bytes: body.count, path: path, thumbHash: nil,
                                         codecs: rendition.codecs, bitRate: rendition.bitRate,
                                         duration: isMedia ? 30 : nil))
        }
        let (format, mimeType) = switch item.kind {
        case .photo: ("jpeg", "image/jpeg")
        case .video: ("mp4", "video/mp4")
        case .audio: ("m4a", "audio/mp4")
        }
        var content = AssetContent(kind: item.kind, fileSize: Int64(item.bytes),
                                   modifiedAt: FileTime.nanoseconds(info.st_mtim), sha256: sha, format: format,
                                   mimeType: mimeType, mediaInfo: item.mediaInfo, renditions: made)
        content.width = item.kind == .audio ? nil : 1600
        content.height = item.kind == .audio ? nil : 1200
        content.captureTime = item.captureTime
        content.latitude = item.latitude
        content.longitude = item.longitude
        content.duration = item.kind == .photo ? nil : 30
        content.thumbHash = item.kind == .audio ? nil : "AAAA"
        return content
    }

    /// The catalog row of `variant` of the asset named `name` (any status): what a test fetches
    /// or looks for on disk.
    public func rendition(_ name: String, _ variant: String) throws -> AssetRendition? {
        guard let publicId = ids[name], let asset = try catalog.asset(publicId: publicId), let id = asset.id else {
            return nil
        }
        return try catalog.renditions(assetId: id).first { $0.variant == variant }
    }
}
