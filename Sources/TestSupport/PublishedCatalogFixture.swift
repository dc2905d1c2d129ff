public import Catalog
public import Foundation

/// A catalog on disk with its library and rendition files, holding what publishing must get
/// right: published and draft assets, a draft collection, a photo with a GPS position and a
/// camera serial, a collection that publishes positions, PSAs and campaign videos. Its private
/// strings (serial, paths, consent note, draft titles) are listed in `secrets` so tests can
/// prove that no public byte carries them.
public struct PublishedCatalogFixture: Sendable {
    public let folder: URL
    public let catalog: Catalog
    public let library: URL
    public let renditions: URL
    /// Public id by the fixture's short name ("marching", "psa1", …).
    public let ids: [String: String]

    /// Strings that must never appear in anything public.
    public static let secrets = [
        "SN-4471-PRIVATE", "IMG_PRIVATE", "CONSENT-PRIVATE", "DRAFT-PRIVATE", "Group Original", "group-original",
        "41.14171", "73.35791", "parade-1/", "westport-united/", "/tmp", "sha256", "sourcePath", "serialNumber", "consentNote",
    ]

    struct Item {
        var name: String, slug: String, path: String, kind: Asset.Kind, bytes: Int
        var fields: [Asset.EditableField: String]
        var captureTime: String?, latitude: Double? = nil, longitude: Double? = nil
        var mediaInfo = #"{"kind":"photo"}"#
    }

    static let collections: [(String, CollectionDescription)] = [
        ("parade-1", .init(title: "Parade 1", kind: .gallery, description: "Memorial Day 2019", publishedDate: "2019-05-28", status: .published,
                           publishOriginals: true)),
        ("shore", .init(title: "Shore", kind: .gallery, publishedDate: "2021-07-01", status: .published, allowLocation: true,
                        publishOriginals: true)),
        ("westport-united", .init(title: "Westport United", kind: .psaSeries, publishedDate: "2020-03-22", status: .published,
                                  publishOriginals: true)),
        ("i-love-westport", .init(title: "I Love Westport", kind: .campaign, publishedDate: "2022-06-04", status: .published,
                                  publishOriginals: true)),
        ("group-original", .init(title: "Group Original", kind: .gallery, status: .draft)),
    ]

    static let items: [Item] = [
        Item(name: "marching", slug: "parade-1", path: "parade-1/IMG_PRIVATE_0001.jpg", kind: .photo, bytes: 4000,
             fields: [.title: "Marching band", .caption: "The high school band on Post Road.", .tags: "band, parade",
                      .consentNote: "CONSENT-PRIVATE on file", .status: "published"],
             captureTime: "2019-05-27T14:31:09Z", latitude: 41.14171, longitude: -73.35791,
             mediaInfo: #"{"kind":"photo","camera":{"make":"Canon","serialNumber":"SN-4471-PRIVATE"},"location":{"latitude":41.14171,"longitude":-73.35791,"source":"EXIF"}}"#),
        Item(name: "salute", slug: "parade-1", path: "parade-1/IMG_PRIVATE_0002.jpg", kind: .photo, bytes: 3000,
             fields: [.title: "Veterans salute", .altText: "Veterans saluting the flag.", .status: "published"],
             captureTime: "2019-05-27T14:31:26Z"),
        Item(name: "draftPhoto", slug: "parade-1", path: "parade-1/IMG_PRIVATE_0003.jpg", kind: .photo, bytes: 2000,
             fields: [.title: "Unreleased DRAFT-PRIVATE"], captureTime: "2019-05-27T14:30:00Z"),
        Item(name: "beach", slug: "shore", path: "shore/beach.jpg", kind: .photo, bytes: 2500,
             fields: [.title: "Compo Beach", .status: "published"], captureTime: "2021-06-30T17:00:00Z", latitude: 41.11612, longitude: -73.3501,
             mediaInfo: #"{"kind":"photo","location":{"latitude":41.11612,"longitude":-73.3501,"source":"EXIF"}}"#),
        Item(name: "psa2", slug: "westport-united", path: "westport-united/psa-2.mp4", kind: .video, bytes: 5000,
             fields: [.title: "Westport United #2", .psaNumber: "2", .publishedDate: "2020-03-23", .status: "published"],
             captureTime: "2020-03-23T16:30:00Z", mediaInfo: Self.videoInfo),
        Item(name: "psa1", slug: "westport-united", path: "westport-united/psa-1.mp4", kind: .video, bytes: 300_000,
             fields: [.title: "Westport United #1", .psaNumber: "1", .publishedDate: "2020-03-22", .status: "published",
                      .people: "Chief Foti Koskinas"],
             captureTime: "2020-03-22T15:00:00Z", mediaInfo: Self.videoInfo),
        Item(name: "psa3", slug: "westport-united", path: "westport-united/psa-3.mp4", kind: .video, bytes: 1000,
             fields: [.title: "Westport United #3 DRAFT-PRIVATE", .psaNumber: "3", .publishedDate: "2020-03-26"],
             captureTime: "2020-03-26T14:15:00Z", mediaInfo: Self.videoInfo),
        Item(name: "promiseA", slug: "i-love-westport", path: "i-love-westport/resident.mp4", kind: .video, bytes: 1500,
             fields: [.title: "A resident's promise", .publishedDate: "2022-06-04", .status: "published"], captureTime: nil,
             mediaInfo: Self.videoInfo),
        Item(name: "promiseB", slug: "i-love-westport", path: "i-love-westport/leader.mp4", kind: .video, bytes: 1500,
             fields: [.title: "A town leader's promise", .publishedDate: "2022-06-18", .status: "published"], captureTime: nil,
             mediaInfo: Self.videoInfo),
        Item(name: "group", slug: "group-original", path: "group-original/officers.jpg", kind: .photo, bytes: 1000,
             fields: [.title: "Officers", .status: "published"], captureTime: "2024-06-14T15:06:02Z"),
    ]

    static let videoInfo = #"{"kind":"video","container":"mov,mp4","bitRate":1000000,"streams":[{"index":0,"kind":"video","codec":"h264","profile":"High","frameRate":29.97,"bitDepth":8},{"index":1,"kind":"audio","codec":"aac","channels":2,"sampleRate":48000}]}"#

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
        return PublishedCatalogFixture(folder: folder, catalog: catalog, library: library, renditions: renditions, ids: ids)
    }

    public func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// The original and its renditions (a thumbnail for all, a poster, storyboard and cues for videos).
    private static func writeFiles(_ item: Item, index: Int, library: URL, renditions: URL) throws -> AssetContent {
        let original = library.appendingPathComponent(item.path)
        try FileManager.default.createDirectory(at: original.deletingLastPathComponent(), withIntermediateDirectories: true)
        let bytes = (0..<item.bytes).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ index) }
        try Data(bytes).write(to: original)
        var info = stat()
        stat(original.path, &info)
        let sha = String(repeating: String(format: "%02x", index + 16), count: 32)
        var variants: [(String, String, String)] = [("thumb", "jpeg", "jpg"), ("thumb", "webp", "webp")]
        if item.kind == .video { variants += [("poster", "jpeg", "jpg"), ("storyboard", "jpeg", "jpg"), ("storyboard-cues", "vtt", "vtt")] }
        var made: [RenditionContent] = []
        for (variant, format, ext) in variants {
            let path = "\(sha.prefix(2))/\(sha.dropFirst(2).prefix(2))/\(sha)-\(variant)-0000abcd.\(ext)"
            let body = Data("\(variant) \(format) of \(item.name)\n".utf8)
            let url = renditions.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try body.write(to: url)
            made.append(RenditionContent(variant: variant, format: format, width: format == "vtt" ? nil : 400,
                                         height: format == "vtt" ? nil : 300, bytes: body.count, path: path, thumbHash: nil))
        }
        var content = AssetContent(kind: item.kind, fileSize: Int64(item.bytes),
                                   modifiedAt: FileTime.nanoseconds(info.st_mtim),
                                   sha256: sha, format: item.kind == .photo ? "jpeg" : "mp4",
                                   mimeType: item.kind == .photo ? "image/jpeg" : "video/mp4", mediaInfo: item.mediaInfo, renditions: made)
        content.width = 1600
        content.height = 1200
        content.captureTime = item.captureTime
        content.latitude = item.latitude
        content.longitude = item.longitude
        content.duration = item.kind == .video ? 30 : nil
        content.thumbHash = "AAAA"
        return content
    }
}
