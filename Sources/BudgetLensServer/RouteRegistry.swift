import HTTPTypes
import Hummingbird
import NIOConcurrencyHelpers

/// A route as registered: its method and its path in OpenAPI form (`/api/documents/{id}`).
public struct RegisteredRoute: Hashable, Sendable, CustomStringConvertible {
    /// `GET`, `POST`…
    public var method: String
    /// The path, parameters as `{name}`.
    public var path: String

    public var description: String { "\(method) \(path)" }
}

/// Registers routes on the router and remembers each, so a test can compare the router with openapi.yaml.
public struct RouteRegistry {
    /// The router.
    public let router: Router<ServerRequestContext>
    private let recorded = NIOLockedValueBox<[RegisteredRoute]>([])

    init(router: Router<ServerRequestContext>) {
        self.router = router
    }

    /// Every route registered so far, in order.
    public var routes: [RegisteredRoute] { recorded.withLockedValue { $0 } }

    /// Registers `handler` for `method` on `path` (Hummingbird form, `:id` parameters).
    public func on(
        _ method: HTTPRequest.Method, _ path: String,
        _ handler: @escaping @Sendable (Request, ServerRequestContext) async throws -> some ResponseGenerator
    ) {
        router.on(RouterPath(path), method: method, use: handler)
        let openAPIPath = path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix(":") ? "{\(segment.dropFirst())}" : String(segment)
        }.joined(separator: "/")
        recorded.withLockedValue { $0.append(RegisteredRoute(method: method.rawValue, path: openAPIPath)) }
    }
}

extension ServerRequestContext {
    /// The path parameter `name` as an id; 404 when it is not a positive integer (no such resource).
    func id(_ name: String) throws -> Int64 {
        guard let value = parameters.get(name, as: Int64.self), value > 0 else { throw APIError.notFound }
        return value
    }
}
