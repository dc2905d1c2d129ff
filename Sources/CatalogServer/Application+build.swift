public import Catalog
public import Hummingbird
internal import Logging
internal import Publishing

/// Builds the server for `catalog`: routes, middleware, and the watcher that refreshes documents
/// when the catalog changes. `run()` or `runService()` starts it; SIGINT/SIGTERM stop it gracefully.
public func buildApplication(_ arguments: some ServerArguments, catalog: Catalog) throws -> some ApplicationProtocol {
    var logger = Logger(label: "mediacat.serve")
    logger.logLevel = arguments.logLevel
    let cache = try DocumentCache(catalog: catalog, options: arguments.publishing)
    let router = buildRouter(arguments, cache: cache)
    let watcher = CatalogWatcher(cache: cache, interval: arguments.refreshInterval, logger: logger)
    return Application(
        router: router,
        configuration: .init(address: .hostname(arguments.host, port: arguments.port), serverName: "mediacat"),
        services: [watcher],
        logger: logger)
}

func buildRouter(_ arguments: some ServerArguments, cache: DocumentCache) -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self, options: .autoGenerateHeadEndpoints)
    // CORS outermost, so that error answers carry its headers too (else a browser sees only a network error).
    if !arguments.corsOrigins.isEmpty { router.add(middleware: CORSPolicy(origins: Set(arguments.corsOrigins))) }
    router.add(middleware: ServingMiddleware())
    APIController(cache: cache).endpoints(router)
    FileController(cache: cache, renditions: RootedFolder(arguments.renditionRoot), library: arguments.libraryRoot.flatMap(RootedFolder.init),
                   memory: RenditionMemory()).endpoints(router)
    router.get("/") { _, _ in Response(status: .found, headers: [.location: PublicURLs.apiPrefix + "/collections"]) }
    return router
}

/// Builds and runs the server until SIGINT or SIGTERM, then finishes requests in flight and returns.
public func runServer(_ arguments: some ServerArguments, catalog: Catalog) async throws {
    try await buildApplication(arguments, catalog: catalog).runService()
}

