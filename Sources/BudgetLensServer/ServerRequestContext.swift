import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// The request context of every route: Hummingbird's core storage plus the authenticated user (set by
/// ``RequestMiddleware``) and the credential problem, if a credential was sent and refused.
public struct ServerRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The user, or `nil` for an anonymous request.
    public var user: AuthenticatedUser?
    /// Why a sent credential (cookie or bearer token) was refused: unknown or expired session.
    public var credentialRefused = false
    /// The largest body a route collects (JSON); uploads stream and have their own limit.
    public var maxUploadSize: Int { 64 << 10 }

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// The user, or 401 when there is none (or the credential sent was refused).
    public func requireUser() throws -> AuthenticatedUser {
        if credentialRefused { throw APIError.sessionExpired }
        guard let user else { throw APIError.unauthorized }
        return user
    }

    /// For a form route exempt from the header check: refuses (403) a cookie session whose form field
    /// `csrf_token` is not the session's token.
    public func checkCSRF(formToken: String?) throws {
        guard let user, user.viaCookie else { return }
        guard let formToken, Credentials.constantTimeEqual(formToken, user.csrfToken) else { throw APIError.csrf }
    }

    /// The JSON encoder of the API: snake_case keys, sorted.
    public var responseEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The JSON decoder: snake_case keys.
    public var requestDecoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }
}
