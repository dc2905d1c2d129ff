public import Catalog
public import Hummingbird
internal import Logging
internal import Publishing

/// Builds the server for `catalog`: routes, middleware, and the watcher that refreshes documents
/// when the catalog changes. `run()` or `runService()` starts it; SIGINT/SIGTERM stop it gracefully.
public func buildApplication(_ arguments: some ServerArguments, catalog: Catalog) throws -> some ApplicationProtocol {
    try buildServer(arguments, catalog: catalog).application
}

/// The application and its fast lane (whose counter tests read).
func buildServer(_ arguments: some ServerArguments,
                 catalog: Catalog) throws -> (application: some ApplicationProtocol, lane: FastLane) {
    var logger = Logger(label: "mediacat.serve")
    logger.logLevel = arguments.logLevel
    let cache = try DocumentCache(catalog: catalog, options: arguments.publishing)
    let memory = RenditionMemory()
    let cors = arguments.corsOrigins.isEmpty ? nil : CORSRules(origins: Set(arguments.corsOrigins))
    let serverName = "mediacat"
    let lane = FastLane(cache: cache, memory: memory, cors: cors, logger: logger, serverName: serverName)
    let router = buildRouter(arguments, cache: cache, memory: memory, cors: cors)
    let watcher = CatalogWatcher(cache: cache, interval: arguments.refreshInterval, logger: logger)
    let application = Application(
        router: router,
        server: .http1(configuration: .init(additionalChannelHandlers: [FastLaneHandler(lane: lane)])),
        configuration: .init(address: .hostname(arguments.host, port: arguments.port), serverName: serverName),
        services: [watcher],
        logger: logger)
    return (application, lane)
}

func buildRouter(_ arguments: some ServerArguments, cache: DocumentCache, memory: RenditionMemory,
                 cors: CORSRules?) -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self, options: .autoGenerateHeadEndpoints)
    // CORS outermost, so that error answers carry its headers too (else a browser sees only a network error).
    if let cors { router.add(middleware: CORSPolicy(rules: cors)) }
    router.add(middleware: ServingMiddleware())
    APIController(cache: cache).endpoints(router)
    FileController(cache: cache, renditions: RootedFolder(arguments.renditionRoot), memory: memory).endpoints(router)
    router.get("/") { _, _ in Response(status: .found, headers: [.location: PublicURLs.apiPrefix + "/collections"]) }
    return router
}

/// Builds and runs the server until SIGINT or SIGTERM, then finishes requests in flight and returns.
public func runServer(_ arguments: some ServerArguments, catalog: Catalog) async throws {
    try await buildApplication(arguments, catalog: catalog).runService()
}

