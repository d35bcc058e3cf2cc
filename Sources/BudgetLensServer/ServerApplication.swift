import BudgetLensRules
import BudgetLensStore
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// `budgetlens serve`: the HTTP API (docs/server.md) on Hummingbird 2. Every route is registered here, in one
/// place (``routes``), after the middleware every request passes (``RequestMiddleware``): the user and CSRF,
/// errors as JSON, one log line per request.
///
/// Web pages are mounted with `additionalRoutes`: it gets the registry (its `router`) and the services
/// (store, access helpers) and adds its routes after the API's, behind the same middlewares.
public struct ServerApplication {
    /// The services the routes use.
    public let services: ServerServices
    /// The router with every route.
    public let router: Router<ServerRequestContext>
    /// The routes registered (method and OpenAPI path).
    public let routes: RouteRegistry

    /// Builds the router.
    public init(
        configuration: ServerConfiguration, store: ServerStore, pack: RulePack,
        additionalRoutes: (@Sendable (RouteRegistry, ServerServices) -> Void)? = nil
    ) {
        services = ServerServices(store: store, pack: pack, configuration: configuration)
        router = Router(context: ServerRequestContext.self, options: .autoGenerateHeadEndpoints)
        router.add(
            middleware: RequestMiddleware(
                authentication: AuthenticationStep(
                    authenticator: Authenticator(store: store), exempt: ["/api/login", "/login"])))
        routes = RouteRegistry(router: router)
        let services = services
        routes.on(.get, "/healthz") { _, _ in
            Health(migrations: try await services.store.appliedMigrations())
        }
        routes.on(.get, "/openapi.json") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: OpenAPIDocument.json)))
        }
        SessionRoutes.register(routes, services: services)
        DocumentRoutes.register(routes, services: services)
        ChangeRoutes.register(routes, services: services)
        WebRoutes.register(router, services: services)
        additionalRoutes?(routes, services)
    }

    /// Runs the server until SIGTERM or SIGINT, then stops accepting and lets in-flight requests finish
    /// (Hummingbird's graceful shutdown). `onRunning` gets the bound address (the port, when 0 was asked).
    public func run(logger: Logger = Logger(label: "budgetlens.server"), onRunning: @escaping @Sendable (String, Int) -> Void = { _, _ in }) async throws {
        let configuration = services.configuration
        let app = Application(
            router: router,
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: "budgetlens"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                logger.notice(
                    "listening", metadata: ["host": .string(configuration.host), "port": .stringConvertible(port)])
                onRunning(configuration.host, port)
            },
            logger: logger)
        do {
            try await app.runService()
        } catch let error as IOError where error.errnoCode == EADDRINUSE || error.errnoCode == EACCES {
            throw ServerStartupError(host: configuration.host, port: configuration.port, errno: error.errnoCode)
        }
    }
}

/// The server could not listen on its address: the port is taken by another program, or needs privileges.
public struct ServerStartupError: Error, CustomStringConvertible {
    public let host: String
    public let port: Int
    public let errno: Int32

    public var description: String {
        errno == EADDRINUSE
            ? "无法在 \(host):\(port) 上监听：端口已被占用（请换用 --port）/ cannot listen on \(host):\(port): the port is in use (choose another --port)"
            : "无法在 \(host):\(port) 上监听：没有权限（1024 以下的端口需要特权）/ cannot listen on \(host):\(port): permission denied"
    }
}
