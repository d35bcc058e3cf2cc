import BudgetLensStore
import BudgetLensWeb
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The web application (docs/web.md): the pages of BudgetLensWeb on the server's router, with the API's session,
/// access rules and audit log. Pages answer HTML, also for errors (a document the user may not see is the 404
/// page, as in the API). The forms (`/logout`, explanations) check the form field `csrf_token`; upload goes
/// through `POST /api/documents` with the `X-CSRF-Token` header.
///
/// The pages are not in openapi.json: they are for browsers, and every change they make is also an API call.
enum WebRoutes {
    static func register(_ router: Router<ServerRequestContext>, services: ServerServices) {
        router.get("/assets/app.css") { _, _ in asset(WebAssets.css, type: "text/css; charset=utf-8") }
        router.get("/assets/app.js") { _, _ in asset(WebAssets.script, type: "text/javascript; charset=utf-8") }
        router.get("/") { _, context in
            await page(context) { session in
                let (documents, published) = try await services.visibleDocuments(user: context.user)
                let ids = Set(documents.map(\.id))
                return WebPages.overview(
                    try await WebData.overview(
                        store: services.store, session: session, published: published, visible: { ids.contains($0) }))
            }
        }
        router.get("/ranking") { _, context in
            await page(context) { session in
                let ids = Set(try await services.visibleDocuments(user: context.user).documents.map(\.id))
                return WebPages.ranking(
                    try await WebData.ranking(store: services.store, session: session, visible: { ids.contains($0) }))
            }
        }
        router.get("/login") { request, context in
            if context.user != nil { return redirect("/") }
            let query = request.uri.queryParameters
            let message: String? =
                if query["error"] != nil { "用户名或密码错误（wrong name or password）" }
                else if query["expired"] != nil { "会话已过期或无效，请重新登录（session expired）" }
                else { nil }
            // The form's CSRF token, also set as a cookie: POST /login accepts the form only when both agree.
            let token = Credentials.newToken()
            var response = html(
                WebPages.login(
                    LoginView(
                        session: WebSession(user: nil, csrfToken: token), errorMessage: message,
                        username: query["username"].map(String.init) ?? "")))
            response.setCookie(
                Cookie(
                    name: SessionRoutes.loginCookieName, value: token, maxAge: 3600, path: "/login",
                    secure: services.configuration.secureCookies, httpOnly: true, sameSite: .strict))
            return response
        }
        router.post("/logout") { request, context in
            await respond(context) { _ in
                guard let user = context.user else { return redirect("/") }
                try context.checkCSRF(formToken: try await formFields(request, context: context).csrfToken)
                try await services.store.deleteSession(tokenHash: user.sessionHash)
                try await services.store.appendAudit(AuditEntry(user: user.name, action: "logout"))
                var response = redirect("/")
                response.setCookie(Authenticator.clearedCookie(secure: services.configuration.secureCookies))
                return response
            }
        }
        router.get("/upload") { _, context in
            guard context.user != nil else { return redirect("/login") }
            return await page(context) { session in
                WebPages.upload(UploadView(session: session, maximumSize: services.configuration.maximumUploadBytes))
            }
        }
        router.get("/documents/:id") { _, context in
            await page(context) { session in
                let document = try await services.visibleDocument(try context.id("id"), user: context.user)
                let published = try await services.store.publishedDocuments().contains(document.id)
                var view = try await WebData.document(
                    store: services.store, id: document.id, session: session, pack: services.pack, published: published)
                if let user = context.user, !user.mayChange(unit: document.unit) {
                    view.session.user?.canExplain = false
                }
                // The link to last year's comparison only when the caller may see last year's document.
                if let previous = view.previousYear {
                    let visible = try await services.visibleDocuments(user: context.user).documents
                    if !visible.contains(where: { $0.unit == document.unit && $0.year == previous }) {
                        view.previousYear = nil
                    }
                }
                return WebPages.document(view)
            }
        }
        router.post("/documents/:id/findings/:finding/explanations") { request, context in
            await respond(context) { _ in
                let user = try context.requireUser()
                let fields = try await formFields(request, context: context)
                try context.checkCSRF(formToken: fields.csrfToken)
                let document = try await services.visibleDocument(try context.id("id"), user: user)
                let findingID = try context.id("finding")
                guard try await services.store.document(ofFinding: findingID) == document.id else {
                    throw APIError.notFound
                }
                guard user.mayChange(unit: document.unit) else { throw APIError.forbidden }
                let text = (fields.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                guard !text.isEmpty, text.count <= 10_000 else {
                    throw APIError.badRequest("text must be 1 to 10000 characters", zh: "说明文字须为 1 至 10000 个字符")
                }
                _ = try await services.store.addExplanation(
                    Explanation(author: user.name, text: text), toFinding: findingID)
                try await services.store.appendAudit(
                    AuditEntry(user: user.name, action: "explain", document: document.id, finding: findingID))
                return redirect("/documents/\(document.id)#finding-\(findingID)")
            }
        }
        router.get("/compare") { request, context in
            await page(context) { session in
                let query = request.uri.queryParameters
                guard let unit = query["unit"].map(String.init), !unit.isEmpty,
                    let from = query["from"].flatMap({ Int(String($0)) }), (1900...2200).contains(from),
                    let to = query["to"].flatMap({ Int(String($0)) }), (1900...2200).contains(to), from != to
                else {
                    throw APIError.badRequest(
                        "compare needs unit, and two different years from and to",
                        zh: "对比须给出 unit 和两个不同的年度 from、to")
                }
                let view: ComparisonView
                do {
                    view = try await WebData.comparison(store: services.store, unit: unit, from: from, to: to, session: session)
                } catch is WebData.MissingDocument {
                    throw APIError.notFound
                }
                // Both sides must be documents the user may see; otherwise the comparison does not exist for them.
                _ = try await services.visibleDocument(view.from.id, user: context.user)
                _ = try await services.visibleDocument(view.to.id, user: context.user)
                return WebPages.comparison(view)
            }
        }
    }

    /// The page's session: the user as the pages show them, and the CSRF token of the forms.
    static func session(_ context: ServerRequestContext) -> WebSession {
        guard let user = context.user else { return WebSession() }
        return WebSession(
            user: WebUser(name: user.name, role: roleLabel(user), canExplain: true), csrfToken: user.csrfToken)
    }

    /// 管理员 / 审核人（局） / 填报人（单位）.
    static func roleLabel(_ user: AuthenticatedUser) -> String {
        switch user.role {
        case .admin: "管理员"
        case .reviewer: "审核人（\(user.bureau ?? "")）"
        case .preparer: "填报人（\(user.unit ?? "")）"
        }
    }

    /// Renders a page; an error becomes the error page with its status (404 for what the user may not see).
    static func page(_ context: ServerRequestContext, _ body: (WebSession) async throws -> String) async -> Response {
        await respond(context) { session in html(try await body(session)) }
    }

    /// Answers a page request; an error becomes the error page with its status (a session that expired is
    /// 401, a document the user may not see 404, a form without the CSRF token 403).
    static func respond(_ context: ServerRequestContext, _ body: (WebSession) async throws -> Response) async -> Response {
        // A session cookie (or token) that names no live session: back to the login form, saying so, never a
        // silent anonymous page.
        if context.credentialRefused {
            var response = redirect("/login?expired=1")
            response.setCookie(Authenticator.clearedCookie(secure: false))
            return response
        }
        let session = session(context)
        do {
            return try await body(session)
        } catch {
            let apiError = RequestMiddleware.apiError(for: error, requestID: context.id, logger: context.logger)
            var response = html(
                WebPages.error(
                    ErrorView(session: session, status: Int(apiError.status.code), message: apiError.messageZh)))
            response.status = apiError.status
            return response
        }
    }

    /// The fields of the pages' forms (`application/x-www-form-urlencoded`, at most 64 KiB): every field
    /// optional, a missing one is refused where it is needed.
    struct FormFields: Decodable {
        var csrfToken: String?
        var text: String?

        enum CodingKeys: String, CodingKey {
            case csrfToken = "csrf_token"
            case text
        }
    }

    /// Reads a form body with Hummingbird's decoder; 400 when it is not a form.
    static func formFields(_ request: Request, context: ServerRequestContext) async throws -> FormFields {
        let body = String(buffer: try await request.body.collect(upTo: context.maxUploadSize))
        do {
            return try URLEncodedFormDecoder().decode(FormFields.self, from: body)
        } catch {
            throw APIError.badRequest("The form cannot be read", zh: "表单无法读取")
        }
    }

    static func html(_ text: String) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                HTTPField.Name("Content-Security-Policy")!:
                    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'",
            ],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}
