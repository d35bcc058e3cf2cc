import BudgetLensStore
import Foundation
import HTTPTypes
import Hummingbird

/// `POST /api/login`, `POST /api/logout`, `GET /api/session`, and the form login `POST /login` of the web pages.
enum SessionRoutes {
    static func register(_ routes: RouteRegistry, services: ServerServices) {
        routes.on(.post, "/api/login") { request, context in
            let login = try await request.decode(as: LoginRequest.self, context: context)
            let (session, token) = try await logIn(username: login.username, password: login.password, services: services)
            var response = try context.responseEncoder.encode(session, from: request, context: context)
            response.setCookie(cookie(token, services: services))
            return response
        }
        routes.on(.post, "/login") { request, context in
            struct Form: Decodable {
                var username: String
                var password: String
                var csrfToken: String?

                enum CodingKeys: String, CodingKey {
                    case username, password
                    case csrfToken = "csrf_token"
                }
            }
            let body = String(buffer: try await request.body.collect(upTo: context.maxUploadSize))
            let form: Form
            do {
                form = try URLEncodedFormDecoder().decode(Form.self, from: body)
            } catch {
                throw APIError.badRequest(
                    "The form needs the fields username and password, once each",
                    zh: "表单须各含一次 username 与 password 字段")
            }
            // Login CSRF: the form's csrf_token must equal the login cookie GET /login set (double submit), so
            // another site cannot log a browser into an account of its choosing.
            guard let loginToken = request.cookies[loginCookieName]?.value, !loginToken.isEmpty,
                let formToken = form.csrfToken, Credentials.constantTimeEqual(formToken, loginToken)
            else { throw APIError.csrf }
            let token: String
            do {
                (_, token) = try await logIn(username: form.username, password: form.password, services: services)
            } catch let error as APIError where error.code == APIError.badCredentials.code {
                // The web page says so on the form (401 is the API's answer).
                var query = URLComponents()
                query.queryItems = [URLQueryItem(name: "error", value: "1"), URLQueryItem(name: "username", value: form.username)]
                return Response(status: .seeOther, headers: [.location: "/login?\(query.percentEncodedQuery ?? "error=1")"])
            }
            var response = Response(status: .seeOther, headers: [.location: "/"])
            response.setCookie(cookie(token, services: services))
            return response
        }
        routes.on(.post, "/api/logout") { request, context in
            let user = try context.requireUser()
            try await services.store.deleteSession(tokenHash: user.sessionHash)
            try await services.store.appendAudit(AuditEntry(user: user.name, action: "logout"))
            var response = Response(status: .noContent)
            response.setCookie(Authenticator.clearedCookie(secure: services.configuration.secureCookies))
            return response
        }
        routes.on(.get, "/api/session") { _, context in
            let user = try context.requireUser()
            return SessionJSON(
                user: user.name, role: user.role.rawValue, unit: user.unit, bureau: user.bureau,
                csrfToken: user.csrfToken, token: nil, expiresAt: nil)
        }
    }

    /// Checks the password (bcrypt) and opens a session: a new random token (returned once, stored hashed) and
    /// a CSRF token. A wrong name or password is the same 401.
    static func logIn(username: String, password: String, services: ServerServices) async throws -> (SessionJSON, String) {
        guard username.count <= 200, password.count <= 1000,
            let account = try await services.store.user(named: username),
            await Credentials.verify(password: password, hash: account.passwordHash)
        else { throw APIError.badCredentials }
        let token = Credentials.newToken()
        let csrf = Credentials.newToken()
        let expiresAt = Int64(Date().timeIntervalSince1970) + Int64(services.configuration.sessionMinutes) * 60
        try await services.store.createSession(
            SessionRecord(tokenHash: Credentials.tokenHash(token), user: account.name, csrfToken: csrf, expiresAt: expiresAt))
        try await services.store.appendAudit(AuditEntry(user: account.name, action: "login"))
        let session = SessionJSON(
            user: account.name, role: account.role.rawValue, unit: account.unit, bureau: account.bureau,
            csrfToken: csrf, token: token, expiresAt: expiresAt)
        return (session, token)
    }

    /// The cookie GET /login sets with the form's CSRF token (HttpOnly, SameSite=Strict, an hour).
    static let loginCookieName = "budgetlens_login"

    /// The session cookie: HttpOnly, SameSite=Strict, path /, lasting as long as the session.
    static func cookie(_ token: String, services: ServerServices) -> Cookie {
        Cookie(
            name: Authenticator.cookieName, value: token, maxAge: services.configuration.sessionMinutes * 60, path: "/",
            secure: services.configuration.secureCookies, httpOnly: true, sameSite: .strict)
    }
}
