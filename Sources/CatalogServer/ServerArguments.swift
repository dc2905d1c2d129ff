public import Foundation
public import Logging
public import Publishing

/// What `buildApplication` needs; the CLI passes its parsed flags, tests a plain struct.
public protocol ServerArguments: Sendable {
    var host: String { get }
    var port: Int { get }
    /// Origins allowed to read the API from a browser ("*" for any); empty: no CORS headers.
    var corsOrigins: [String] { get }
    /// Where renditions are stored: every file the server hands out (clean originals too).
    var renditionRoot: URL { get }
    var publishing: PublishingOptions { get }
    /// How often the catalog's change counter is read.
    var refreshInterval: Duration { get }
    var logLevel: Logger.Level { get }
}

extension ServerArguments {
    public var refreshInterval: Duration { .milliseconds(250) }
    public var logLevel: Logger.Level { .info }
}
