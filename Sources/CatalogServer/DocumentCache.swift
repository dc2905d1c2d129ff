internal import Catalog
internal import Dispatch
internal import Hummingbird
internal import NIOCore
internal import Publishing
internal import Synchronization

/// The server's copy of the public documents: one `Publisher` for the catalog's current change,
/// and the documents already rendered from it, as ready-to-send buffers. A request is a
/// dictionary lookup; a catalog change (seen by `refresh`) swaps in a new publisher and drops
/// the old documents at once.
final class DocumentCache: Sendable {
    /// A rendered document: each encoding as a ready buffer (copy-on-write, so sending one copies
    /// nothing) with the headers of its 200 answer.
    struct Entry: Sendable {
        struct Representation: Sendable {
            let body: ByteBuffer
            let etag: String
            let headers: HTTPFields
        }

        let identity: Representation
        /// Present when compressing saves bytes.
        let gzip: Representation?

        var size: Int { identity.body.readableBytes + (gzip?.body.readableBytes ?? 0) }
    }

    private struct State {
        var publisher: Publisher
        var documents: [DocumentRequest: Entry] = [:]
        var bytes = 0
        /// Request targets (path and query, as sent) the router resolved to a document.
        var targets: [String: DocumentRequest] = [:]
    }

    /// Beyond this many bytes of documents (arbitrary cursors, limits and searches can make many),
    /// the cache starts over: memory stays bounded whatever clients ask.
    static let byteBudget = 64 * 1024 * 1024
    /// Targets remembered for the fast lane, at most (each at most 2 KB long).
    static let targetBudget = 4096
    private let catalog: Catalog
    private let options: PublishingOptions
    private let state: Mutex<State>

    init(catalog: Catalog, options: PublishingOptions) throws(PublishingError) {
        self.catalog = catalog
        self.options = options
        state = Mutex(State(publisher: try Publisher(catalog: catalog, options: options)))
    }

    var publisher: Publisher { state.withLock { $0.publisher } }

    /// The public rendition at `path` below `/renditions/`, if there is one.
    func rendition(_ path: String) -> PublicFiles.File? {
        state.withLock { $0.publisher.files.renditions[path] }
    }

    /// The published clean original named `name` below `/originals/`, if there is one.
    func original(_ name: String) -> PublicFiles.File? {
        state.withLock { $0.publisher.files.originals[name] }
    }

    /// The document for `request`; one not rendered yet is rendered off the concurrency pool
    /// (a search reads the catalog, every document is compressed), so that a burst of new
    /// searches never holds the threads every other request needs.
    func document(_ request: DocumentRequest) async throws -> Entry {
        if let cached = state.withLock({ $0.documents[request] }) { return cached }
        return try await Self.offPool { try self.render(request) }
    }

    private func render(_ request: DocumentRequest) throws(PublishingError) -> Entry {
        let (cached, publisher) = state.withLock { ($0.documents[request], $0.publisher) }
        if let cached { return cached }
        let document = try publisher.document(request)
        let entry = DocumentResponses.entry(document)
        state.withLock { state in
            // A refresh may have happened meanwhile: only keep documents of the current publisher.
            guard state.publisher.changeCounter == publisher.changeCounter, entry.size <= Self.byteBudget / 4 else {
                return
            }
            if state.bytes + entry.size > Self.byteBudget {
                (state.documents, state.bytes, state.targets) = ([:], 0, [:])
            }
            if state.documents.updateValue(entry, forKey: request) == nil { state.bytes += entry.size }
        }
        return entry
    }

    /// Remembers that the router answered `target` with `request`'s document, so the fast lane
    /// can answer it again without routing.
    func remember(target: String, as request: DocumentRequest) {
        state.withLock { state in
            guard state.targets[target] == nil, state.documents[request] != nil else { return }
            if state.targets.count >= Self.targetBudget { state.targets = [:] }
            state.targets[target] = request
        }
    }

    /// The rendered document the router last answered `target` with, while it is current.
    func document(forTarget target: String) -> Entry? {
        state.withLock { state in state.targets[target].flatMap { state.documents[$0] } }
    }

    /// Reads the change counter and, when the catalog changed, loads a new publisher (off the
    /// request threads: it reads the catalog and decodes what changed). True when it did.
    func refresh() async throws -> Bool {
        try await Self.offPool { try self.refreshNow() }
    }

    private static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }

    private func refreshNow() throws -> Bool {
        let current = publisher
        guard try catalog.changeCounter() != current.changeCounter else { return false }
        let fresh = try Publisher(catalog: catalog, options: options, reusing: current)
        state.withLock { state in
            guard fresh.changeCounter > state.publisher.changeCounter else { return }
            state = State(publisher: fresh)
        }
        return true
    }
}
