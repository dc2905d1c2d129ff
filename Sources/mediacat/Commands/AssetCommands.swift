import ArgumentParser
import Catalog
import Foundation
import Ingest

extension Mediacat {
    struct AssetCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "asset", abstract: "List, show, edit, publish, unpublish and remove assets.",
            subcommands: [List.self, Show.self, Edit.self, Publish.self, Unpublish.self, Remove.self])

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List assets, by collection in each one's order.")
            @Option(help: "Only this collection.") var collection: String?
            @Option(help: "Only draft or published assets.") var status: String?
            @OptionGroup var catalogOptions: CatalogOptions

            func run() throws {
                let catalog = try catalogOptions.open()
                let slugs = try collection.map { [$0] } ?? catalog.collections().map(\.slug)
                for slug in slugs {
                    let assets: [Asset]
                    do { assets = try catalog.assets(inCollection: slug) } catch let error as CatalogError { throw fail(error.description) }
                    for asset in assets where status == nil || asset.status.rawValue == status {
                        print("\(slug.padding(toLength: 18, withPad: " ", startingAt: 0)) " + AssetText.line(asset))
                    }
                }
            }
        }

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Show everything the catalog holds about an asset.")
            @Argument(help: "Public id or source path.") var asset: String
            @OptionGroup var catalogOptions: CatalogOptions

            func run() throws {
                let catalog = try catalogOptions.open()
                let found = try find(catalog, asset)
                print(AssetText.details(found, renditions: try catalog.renditions(assetId: found.id!)))
            }
        }

        struct Edit: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Change asset fields; an edited field is no longer taken from collection.yaml.",
                discussion: """
                    Fields: title, caption, altText, credit, tags, people (comma-separated), psaNumber, \
                    publishedDate (YYYY-MM-DD), posterTime (seconds; re-renders the poster), consentNote, status.
                    """)
            @Argument(help: "Public id or source path.") var asset: String
            @Option(name: .customLong("set"), help: "field=value (repeatable; an empty value clears).") var changes: [String]
            @OptionGroup var catalogOptions: CatalogOptions

            func validate() throws {
                for (field, _) in try fieldValues(changes) where Asset.EditableField(rawValue: field) == nil {
                    throw ValidationError("unknown field '\(field)': use \(Asset.EditableField.allCases.map(\.rawValue).joined(separator: ", "))")
                }
            }

            func run() throws {
                let catalog = try catalogOptions.open()
                var current = try find(catalog, asset)
                let edits = try fieldValues(changes).map { (Asset.EditableField(rawValue: $0.0)!, Optional($0.1)) }
                do {
                    if edits.contains(where: { $0.0 == .posterTime }), current.kind == .video {
                        // Render first; the new time and the new poster are committed together.
                        let root = try catalogOptions.libraryRoot(catalog, requested: nil)
                        current = try AssetRefresh(catalog: catalog, options: IngestOptions(libraryRoot: root,
                                                                                             renditionRoot: catalogOptions.renditionRoot))
                            .rerender(current, edits: edits)
                        print("poster re-rendered at \(current.posterTimeUsed.map { String(format: "%.3f s", $0) } ?? "?")")
                    } else {
                        current = try catalog.editAsset(publicId: current.publicId, changes: edits)
                    }
                } catch let error as CatalogError {
                    throw fail(error.description)
                } catch let error as ExitCode {
                    throw error
                } catch {
                    throw fail("\(error)")
                }
                print("updated \(current.publicId)")
            }
        }

        struct Publish: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Make an asset public (its collection must be published too).")
            @Argument(help: "Public id or source path.") var asset: String
            @OptionGroup var catalogOptions: CatalogOptions
            func run() throws { try setAssetStatus(catalogOptions, asset, "published") }
        }

        struct Unpublish: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Return an asset to draft.")
            @Argument(help: "Public id or source path.") var asset: String
            @OptionGroup var catalogOptions: CatalogOptions
            func run() throws { try setAssetStatus(catalogOptions, asset, "draft") }
        }

        struct Remove: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Remove an asset from the catalog (the original file stays).")
            @Argument(help: "Public id or source path.") var asset: String
            @OptionGroup var catalogOptions: CatalogOptions

            func run() throws {
                let catalog = try catalogOptions.open()
                let found = try find(catalog, asset)
                for path in try catalog.removeAsset(publicId: found.publicId) {
                    try? FileManager.default.removeItem(at: catalogOptions.renditionRoot.appendingPathComponent(path))
                }
                print("removed \(found.publicId) (\(found.sourcePath))")
            }
        }
    }
}

/// An asset by public id or source path, or a one-line error.
func find(_ catalog: Catalog, _ key: String) throws -> Asset {
    if let asset = try catalog.asset(publicId: key) ?? catalog.asset(sourcePath: key) { return asset }
    throw fail("asset '\(key)' not found (give its public id or source path)")
}

private func setAssetStatus(_ options: CatalogOptions, _ key: String, _ status: String) throws {
    let catalog = try options.open()
    let asset = try find(catalog, key)
    try catalog.editAsset(publicId: asset.publicId, field: .status, value: status)
    print("\(asset.publicId): \(status)")
}
