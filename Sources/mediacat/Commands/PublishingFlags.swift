import ArgumentParser
import Foundation
import Publishing

/// How public documents are made, shared by `serve` and `export` so that both produce the same
/// bytes for the same flags.
struct PublishingFlags: ParsableArguments {
    @Option(help: "Prefix for links in documents, e.g. https://media.example.org (default: $MEDIACAT_BASE_URL, else root-relative links).")
    var baseURL: String?

    @Option(help: "Title of the JSON Feed (default: $MEDIACAT_SITE_TITLE, else 'mediacat').")
    var siteTitle: String?

    func validate() throws {
        if let base = resolvedBaseURL, !base.isEmpty, !PublishingOptions.isValidBaseURL(base) {
            throw ValidationError("--base-url must be an http(s) URL without query or fragment: \(base)")
        }
    }

    private var resolvedBaseURL: String? { baseURL ?? ProcessInfo.processInfo.environment["MEDIACAT_BASE_URL"] }

    var options: PublishingOptions {
        PublishingOptions(baseURL: resolvedBaseURL ?? "",
                          siteTitle: siteTitle ?? ProcessInfo.processInfo.environment["MEDIACAT_SITE_TITLE"] ?? "mediacat")
    }
}
