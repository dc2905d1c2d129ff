internal import Catalog
internal import NIOCore
internal import Publishing
internal import Synchronization

/// The server's copy of the public documents: one `Publisher` for the catalog's current change,
/// and the documents already rendered from it, as ready-to-send buffers. A request is a
/// dictionary lookup; a catalog change (seen by `refresh`) swaps in a new publisher and drops
/// the old documents at once.
final class DocumentCache: Sendable {
    /// A rendered document: both encodings as buffers (copy-on-write, so sending one copies nothing).
    struct Entry: Sendable {
        let document: PublishedDocument
        let body: ByteBuffer
        let gzipped: ByteBuffer?
    }

    private struct State {
        var publisher: Publisher
        var documents: [DocumentRequest: Entry] = [:]
    }

    /// Beyond this many documents (arbitrary cursors and searches), the cache starts over.
    static let capacity = 4096
    private let catalog: Catalog
    private let options: PublishingOptions
    private let state: Mutex<State>

    init(catalog: Catalog, options: PublishingOptions) throws(PublishingError) {
        self.catalog = catalog
        self.options = options
        state = Mutex(State(publisher: try Publisher(catalog: catalog, options: options)))
    }

    var publisher: Publisher { state.withLock { $0.publisher } }

    func document(_ request: DocumentRequest) throws(PublishingError) -> Entry {
        let (cached, publisher) = state.withLock { ($0.documents[request], $0.publisher) }
        if let cached { return cached }
        let document = try publisher.document(request)
        let entry = Entry(document: document, body: ByteBuffer(bytes: document.body), gzipped: document.gzipped.map { ByteBuffer(bytes: $0) })
        state.withLock { state in
            // A refresh may have happened meanwhile: only keep documents of the current publisher.
            guard state.publisher.changeCounter == publisher.changeCounter else { return }
            if state.documents.count >= Self.capacity { state.documents.removeAll(keepingCapacity: true) }
            state.documents[request] = entry
        }
        return entry
    }

    /// Reads the change counter and, when the catalog changed, loads a new publisher. Returns
    /// true when it did.
    @discardableResult
    func refresh() throws -> Bool {
        let counter = try catalog.changeCounter()
        guard counter != publisher.changeCounter else { return false }
        let fresh = try Publisher(catalog: catalog, options: options)
        state.withLock { state in
            guard fresh.changeCounter > state.publisher.changeCounter else { return }
            state = State(publisher: fresh)
        }
        return true
    }
}
