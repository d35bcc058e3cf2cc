import BudgetLensStore
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Resolves the user of a request: the session cookie `budgetlens_session` or `Authorization: Bearer <token>`;
/// the token's SHA-256 names a session in the store, which must not have expired.
public struct Authenticator: Sendable {
    /// The cookie's name.
    public static let cookieName = "budgetlens_session"

    /// The session cookie emptied and expired (logout, a session that no longer exists).
    static func clearedCookie(secure: Bool) -> Cookie {
        Cookie(name: cookieName, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }
    /// The store.
    public let store: ServerStore

    /// Creates an authenticator.
    public init(store: ServerStore) {
        self.store = store
    }

    /// What a request presents.
    public enum Resolution: Sendable {
        /// No credential.
        case anonymous
        /// A valid session.
        case user(AuthenticatedUser)
        /// A credential that names no live session (unknown, expired, or its user is gone).
        case refused
    }

    /// The user the request is made by.
    public func resolve(_ request: Request) async throws -> Resolution {
        var token: String?
        var viaCookie = false
        if let authorization = request.headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer" else { return .refused }
            token = String(parts[1]).trimmingCharacters(in: .whitespaces)
        } else if let cookie = request.cookies[Self.cookieName]?.value, !cookie.isEmpty {
            token = cookie
            viaCookie = true
        }
        guard let token else { return .anonymous }
        guard token.count == 64, token.utf8.allSatisfy({ isHexDigit($0) }) else { return .refused }
        let hash = Credentials.tokenHash(token)
        guard let session = try await store.session(tokenHash: hash),
            session.expiresAt > Int64(Date().timeIntervalSince1970),
            let account = try await store.user(named: session.user)
        else { return .refused }
        let units = account.role == .reviewer ? Set(try await store.units(ofBureau: account.bureau ?? "")) : []
        return .user(
            AuthenticatedUser(
                name: account.name, role: account.role, unit: account.unit, bureau: account.bureau, bureauUnits: units,
                csrfToken: session.csrfToken, viaCookie: viaCookie, sessionHash: hash))
    }

    private func isHexDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte) || (0x41...0x46).contains(byte)
    }
}

/// Sets ``ServerRequestContext/user`` on every request, and refuses a cookie-authenticated change (POST, PUT,
/// PATCH, DELETE) of the API (`/api/…`) whose `X-CSRF-Token` header is not the session's CSRF token (403). Bearer
/// requests are exempt; so are the paths in `exempt` and the web pages' form routes outside `/api/` (`/logout`,
/// explanations: they check the form field `csrf_token` themselves with
/// ``ServerRequestContext/checkCSRF(formToken:)``, and login, which creates the session). Run by
/// ``RequestMiddleware`` inside its error handling, so a refusal is a JSON error and logged.
public struct AuthenticationStep: Sendable {
    let authenticator: Authenticator
    /// Paths that check the CSRF token themselves or need none (login creates the session).
    let exempt: Set<String>

    /// The context with the user set; throws 403 for a cookie change without the CSRF token.
    func authenticate(_ request: Request, context: ServerRequestContext) async throws -> ServerRequestContext {
        var context = context
        switch try await authenticator.resolve(request) {
        case .anonymous: break
        case .refused: context.credentialRefused = true
        case .user(let user):
            context.user = user
            context.logger[metadataKey: "user"] = .string(user.name)
        }
        let changes = [.post, .put, .patch, .delete].contains(request.method)
        let apiPath = request.uri.path.hasPrefix("/api/")
        if changes, apiPath, let user = context.user, user.viaCookie, !exempt.contains(request.uri.path) {
            let header = request.headers[HTTPField.Name("X-CSRF-Token")!] ?? ""
            if !Credentials.constantTimeEqual(header, user.csrfToken) { throw APIError.csrf }
        }
        return context
    }
}
