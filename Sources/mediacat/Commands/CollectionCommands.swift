import ArgumentParser
import Catalog
import Foundation

extension Mediacat {
    struct CollectionCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "collection", abstract: "Create, list, show, edit, publish and unpublish collections.",
            subcommands: [Create.self, List.self, Show.self, Edit.self, Publish.self, Unpublish.self])

        struct Create: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Create a collection (a draft until published).")
            @Argument(help: "The slug: lowercase letters, digits and hyphens, as in URLs.") var slug: String
            @Option(help: "The title shown to viewers.") var title: String
            @Option(help: "gallery, campaign or psaSeries.") var kind: String = "gallery"
            @Option(help: "A sentence or two for the page.") var description: String?
            @Option(help: "Publication date, YYYY-MM-DD.") var published: String?
            @OptionGroup var catalogOptions: CatalogOptions

            func validate() throws {
                guard MediaCollection.isValidSlug(slug) else { throw ValidationError("'\(slug)' is not a slug: use lowercase letters, digits and hyphens.") }
                guard MediaCollection.Kind(rawValue: kind) != nil else { throw ValidationError("--kind must be gallery, campaign or psaSeries.") }
                if let published, !Asset.isISODate(published) { throw ValidationError("--published must be YYYY-MM-DD.") }
            }

            func run() throws {
                let catalog = try catalogOptions.open()
                if try catalog.collection(slug: slug) != nil { throw fail("collection '\(slug)' already exists") }
                try catalog.upsertCollection(slug: slug, CollectionDescription(title: title))
                // What a person typed here is an edit: a manifest will not overwrite it.
                let fields: [(String, String?)] = [("title", title), ("kind", kind)]
                    + (description.map { [("description", $0)] } ?? []) + (published.map { [("publishedDate", $0)] } ?? [])
                let created = try catalog.editCollection(slug: slug, changes: fields)
                print("created \(created.slug) (\(created.kind.rawValue), draft)")
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List collections in title order.")
            @OptionGroup var catalogOptions: CatalogOptions

            func run() throws {
                let catalog = try catalogOptions.open()
                let counts = try catalog.assetCounts()
                for c in try catalog.collections() {
                    let (total, published) = counts[c.id!] ?? (0, 0)
                    print("\(c.slug.padding(toLength: 20, withPad: " ", startingAt: 0)) \(c.status.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) "
                        + "\(c.kind.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(total) assets (\(published) published)  \(c.title)")
                }
            }
        }

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Show a collection and its assets in order.")
            @Argument var slug: String
            @OptionGroup var catalogOptions: CatalogOptions

            func run() throws {
                let catalog = try catalogOptions.open()
                guard let c = try catalog.collection(slug: slug) else { throw fail("collection '\(slug)' not found") }
                print("\(c.title)  [\(c.slug), \(c.kind.rawValue), \(c.status.rawValue)]")
                if let d = c.description { print("  \(d)") }
                print("  published \(c.publishedDate ?? "—") · location \(c.allowLocation ? "published" : "withheld") · originals \(c.publishOriginals ? "published" : "withheld")"
                    + (c.editedFields.isEmpty ? "" : " · edited: \(c.editedFields.joined(separator: ", "))"))
                for a in try catalog.assets(inCollection: slug) { print("  " + AssetText.line(a)) }
            }
        }

        struct Edit: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Change collection fields; an edited field is no longer taken from collection.yaml.",
                discussion: "Fields: title, description, kind, publishedDate, allowLocation, publishOriginals, status, cover (an asset's public id).")
            @Argument var slug: String
            @Option(name: .customLong("set"), help: "field=value (repeatable; an empty value clears).") var changes: [String]
            @OptionGroup var catalogOptions: CatalogOptions

            func validate() throws { _ = try fieldValues(changes) }

            func run() throws {
                let catalog = try catalogOptions.open()
                do {
                    try catalog.editCollection(slug: slug, changes: try fieldValues(changes).map { ($0.0, Optional($0.1)) })
                } catch let error as CatalogError {
                    throw fail(error.description)
                }
                print("updated \(slug)")
            }
        }

        struct Publish: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Make a collection public (its published assets appear).")
            @Argument var slug: String
            @OptionGroup var catalogOptions: CatalogOptions
            func run() throws { try setStatus(catalogOptions, slug, "published") }
        }

        struct Unpublish: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Return a collection to draft (invisible everywhere public).")
            @Argument var slug: String
            @OptionGroup var catalogOptions: CatalogOptions
            func run() throws { try setStatus(catalogOptions, slug, "draft") }
        }
    }
}

private func setStatus(_ options: CatalogOptions, _ slug: String, _ status: String) throws {
    do { try options.open().editCollection(slug: slug, field: "status", value: status) } catch let error as CatalogError {
        throw fail(error.description)
    }
    print("\(slug): \(status)")
}

/// "field=value" arguments, in order.
func fieldValues(_ arguments: [String]) throws -> [(String, String)] {
    try arguments.map { argument in
        guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
            throw ValidationError("--set wants field=value, not '\(argument)'")
        }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }
}
