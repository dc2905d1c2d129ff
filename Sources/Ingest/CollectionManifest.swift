internal import Catalog
internal import Foundation
internal import Yams

/// `collection.yaml`: how staff describe a collection and its files next to the files.
///
/// ```yaml
/// title: Westport United
/// kind: psaSeries            # gallery, campaign or psaSeries
/// description: Public service announcements, spring 2020.
/// published: 2020-03-22
/// status: published          # draft (the default) or published
/// allowLocation: false       # publish GPS positions (off by default)
/// publishOriginals: true     # let viewers play/download the video files as they are (off by default)
/// defaults:                  # applied to every file, before its own entry
///   credit: Westport Police Department
/// files:
///   westport-united-1.mp4:
///     title: "Westport United #1"
///     psaNumber: 1
///     published: 2020-03-22
///     people: [Chief Foti Koskinas]
/// ```
///
/// A field a person changed with `mediacat collection edit` or `asset edit` wins over the
/// manifest from then on; the manifest still fills every other field.
struct CollectionManifest: Decodable, Equatable {
    var slug: String?
    var title: String?
    var kind: String?
    var description: String?
    var published: String?
    var status: String?
    var allowLocation: Bool?
    var publishOriginals: Bool?
    var defaults: FileEntry?
    var files: [String: FileEntry]?

    struct FileEntry: Decodable, Equatable {
        var title: String?
        var caption: String?
        var altText: String?
        var credit: String?
        var tags: [String]?
        var people: [String]?
        var psaNumber: Int?
        var published: String?
        var status: String?
        var posterTime: Double?
        var consentNote: String?
    }

    enum Problem: Error, CustomStringConvertible {
        case unreadable(path: String, reason: String)
        case invalid(path: String, reason: String)

        var description: String {
            switch self {
            case .unreadable(let path, let reason): "\(path): cannot read the manifest (\(reason))"
            case .invalid(let path, let reason): "\(path): \(reason)"
            }
        }
    }

    static func load(_ url: URL) throws(Problem) -> CollectionManifest {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
        let manifest: CollectionManifest
        do { manifest = try YAMLDecoder().decode(CollectionManifest.self, from: text) } catch {
            throw .invalid(path: url.path, reason: "not a valid collection manifest: \(String(describing: error).prefix(200))")
        }
        if let kind = manifest.kind, MediaCollection.Kind(rawValue: kind) == nil {
            throw .invalid(path: url.path, reason: "kind must be gallery, campaign or psaSeries, not '\(kind)'")
        }
        if let status = manifest.status, PublicationStatus(rawValue: status) == nil {
            throw .invalid(path: url.path, reason: "status must be draft or published, not '\(status)'")
        }
        if let date = manifest.published, !Asset.isISODate(date) {
            throw .invalid(path: url.path, reason: "published must be a date like 2020-03-22, not '\(date)'")
        }
        var entries = manifest.files ?? [:]
        entries["defaults"] = manifest.defaults
        for (name, entry) in entries {
            if let date = entry.published, !Asset.isISODate(date) {
                throw .invalid(path: url.path, reason: "\(name): published must be a date like 2020-03-22, not '\(date)'")
            }
            if let status = entry.status, PublicationStatus(rawValue: status) == nil {
                throw .invalid(path: url.path, reason: "\(name): status must be draft or published, not '\(status)'")
            }
            if let number = entry.psaNumber, !(1..<100_000).contains(number) {
                throw .invalid(path: url.path, reason: "\(name): psaNumber must be from 1 to 99999")
            }
            if let time = entry.posterTime, !(time >= 0 && time.isFinite) {
                throw .invalid(path: url.path, reason: "\(name): posterTime must be 0 or more seconds")
            }
        }
        if let slug = manifest.slug, !MediaCollection.isValidSlug(slug) {
            throw .invalid(path: url.path, reason: "slug '\(slug)' may hold only lowercase letters, digits and hyphens")
        }
        return manifest
    }

    var collectionDescription: CollectionDescription {
        CollectionDescription(title: title, kind: kind.flatMap(MediaCollection.Kind.init(rawValue:)), description: description,
                              publishedDate: published, status: status.flatMap(PublicationStatus.init(rawValue:)),
                              allowLocation: allowLocation, publishOriginals: publishOriginals)
    }

    /// What the manifest says about `file`: its entry (by path relative to the manifest's
    /// folder, "sub/x.jpg", or else by bare name) over the defaults.
    func description(of file: URL, under folder: URL) -> AssetDescription {
        let relative = LibraryWalker.relativePath(of: file, under: folder)
        let entry = relative.flatMap { files?[$0] } ?? files?[file.lastPathComponent]
        var values: [Asset.EditableField: String] = [:]
        for entry in [defaults, entry].compactMap({ $0 }) {
            let fields: [(Asset.EditableField, String?)] = [
                (.title, entry.title), (.caption, entry.caption), (.altText, entry.altText), (.credit, entry.credit),
                (.tags, entry.tags?.joined(separator: ", ")), (.people, entry.people?.joined(separator: ", ")),
                (.psaNumber, entry.psaNumber.map(String.init)), (.publishedDate, entry.published), (.status, entry.status),
                (.posterTime, entry.posterTime.map { String($0) }), (.consentNote, entry.consentNote),
            ]
            for case let (field, value?) in fields { values[field] = value }
        }
        return AssetDescription(values)
    }
}
