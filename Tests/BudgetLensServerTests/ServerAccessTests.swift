import BudgetLensCore
import BudgetLensServer
import BudgetLensStore
import BudgetLensTestSupport
import Foundation
import Testing

/// Roles and sessions against the real server: a preparer sees only the own unit (another unit's document
/// and its findings are 404), a reviewer the bureau's units, anonymous callers only published documents; wrong
/// passwords, expired sessions and cookie changes without the CSRF token are refused; every change is audited.
@Suite("Server access", .serialized)
struct ServerAccessTests {
    @Test("Preparer, reviewer, anonymous and admin see and change what their role allows", arguments: ServerEngine.available)
    func roles(engine: ServerEngine) async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let database = try await engine.freshStore(in: folder)
        defer { Task { await ServerEngine.drop(database) } }
        let unitA = try #require(try Seed.read(Seed.yantai).header.unitName)
        let unitB = try #require(try Seed.read(Seed.weihai).header.unitName)
        try Accounts.add("admin", role: ["--admin"], database: database)
        try Accounts.add("pa", role: ["--preparer", unitA], database: database)
        try Accounts.add("pb", role: ["--preparer", unitB], database: database)
        try Accounts.add("rv", role: ["--reviewer", "市财政局"], database: database)
        let bureau = try BudgetLensBinary.run(["user", "bureau", "市财政局", "--unit", unitA, "--db", database])
        #expect(bureau.status == 0, "\(bureau.stderr)")
        let server = try ServerProcess(database: database, folder: folder)
        defer { server.stop() }
        let anonymous = Client(base: server.baseURL)
        let (pa, _) = try await anonymous.logIn("pa", Accounts.password)
        let (pb, _) = try await anonymous.logIn("pb", Accounts.password)
        let (rv, _) = try await anonymous.logIn("rv", Accounts.password)
        let (admin, _) = try await anonymous.logIn("admin", Accounts.password)

        // Each preparer uploads the own unit's document; another unit's is refused and not stored.
        let uploadA = try await pa.upload(Seed.path(Seed.yantai))
        #expect(uploadA.status == 201, "\(uploadA.text)")
        let documentA = try #require(uploadA.json["id"] as? Int)
        let wrongUnit = try await pa.upload(Seed.path(Seed.weihai))
        #expect(wrongUnit.status == 403)
        #expect(wrongUnit.errorCode == "unit_mismatch")
        let uploadB = try await pb.upload(Seed.path(Seed.weihai))
        #expect(uploadB.status == 201, "\(uploadB.text)")
        let documentB = try #require(uploadB.json["id"] as? Int)

        // Preparer A: unit B's document and its findings are 404, not 403; the list holds A only.
        for path in ["/api/documents/\(documentB)", "/api/documents/\(documentB)/findings", "/api/documents/\(documentB)/cells"] {
            let answer = try await pa.get(path)
            #expect(answer.status == 404, "\(path)")
            #expect(answer.errorCode == "not_found")
            #expect(answer.json["error"].flatMap { ($0 as? [String: Any])?["message_zh"] as? String } == "未找到")
        }
        #expect(try await pa.get("/api/documents/\(documentA)").status == 200)
        let listA = try await pa.get("/api/documents")
        #expect((listA.json["documents"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } == [documentA])
        // Explaining a finding of B: 404 as well.
        let findingsB = try await pb.get("/api/documents/\(documentB)/findings")
        let findingB = try #require((findingsB.json["findings"] as? [[String: Any]])?.first?["id"] as? Int)
        let explainOther = try await pa.postJSON("/api/findings/\(findingB)/explanations", ["text": "不是我的"])
        #expect(explainOther.status == 404)

        // The reviewer of 市财政局 sees unit A (its bureau's), not B; re-checks and publishes A; a preparer may not.
        #expect(try await rv.get("/api/documents/\(documentA)").status == 200)
        #expect(try await rv.get("/api/documents/\(documentB)").status == 404)
        #expect(try await pa.request("POST", "/api/documents/\(documentA)/recheck").status == 403)
        let recheck = try await rv.request("POST", "/api/documents/\(documentA)/recheck")
        #expect(recheck.status == 200, "\(recheck.text)")
        #expect(try await rv.request("POST", "/api/documents/\(documentB)/recheck").status == 404)

        // Anonymous: nothing until published, then A read-only.
        #expect((try await anonymous.get("/api/documents")).json["total"] as? Int == 0)
        #expect(try await anonymous.get("/api/documents/\(documentA)").status == 404)
        let publish = try await rv.postJSON("/api/documents/\(documentA)/publish", ["published": true])
        #expect(publish.status == 200, "\(publish.text)")
        #expect(try await anonymous.get("/api/documents/\(documentA)/findings").status == 200)
        #expect(try await anonymous.get("/api/documents/\(documentB)").status == 404)
        #expect(try await anonymous.upload(Seed.path(Seed.zengdu)).status == 401)

        // An explanation by the preparer, then the audit log names every change with user and time.
        let findingsA = try await pa.get("/api/documents/\(documentA)/findings")
        let findingA = try #require((findingsA.json["findings"] as? [[String: Any]])?.first?["id"] as? Int)
        let explain = try await pa.postJSON("/api/findings/\(findingA)/explanations", ["text": "系统导出时四舍五入"])
        #expect(explain.status == 201, "\(explain.text)")
        let after = try await pa.get("/api/documents/\(documentA)/findings")
        let explained = (after.json["findings"] as? [[String: Any]])?.first { $0["id"] as? Int == findingA }
        #expect((explained?["explanations"] as? [[String: Any]])?.first?["text"] as? String == "系统导出时四舍五入")
        #expect(try await pa.get("/api/audit").status == 403)
        let audit = try await admin.get("/api/audit")
        let entries = try #require(audit.json["entries"] as? [[String: Any]])
        let actions = Set(entries.map { "\($0["user"] ?? "") \($0["action"] ?? "") \($0["document"] ?? "-")" })
        for expected in [
            "pa upload \(documentA)", "pb upload \(documentB)", "rv recheck \(documentA)", "rv publish \(documentA)",
            "pa explain \(documentA)",
        ] {
            #expect(actions.contains(expected), "audit lacks \(expected): \(actions)")
        }
        #expect(entries.allSatisfy { ($0["at"] as? String)?.hasSuffix("Z") == true })
    }

    @Test("Wrong password 401; expired session 401; cookie change without X-CSRF-Token 403; logout ends the session")
    func sessions() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let database = folder.path("lens.sqlite")
        try Accounts.add("admin", role: ["--admin"], database: database)
        let server = try ServerProcess(database: database, folder: folder, arguments: ["--session-minutes", "30"])
        defer { server.stop() }
        let anonymous = Client(base: server.baseURL)
        let wrong = try await anonymous.postJSON("/api/login", ["username": "admin", "password": "wrong password"])
        #expect(wrong.status == 401)
        #expect(wrong.errorCode == "bad_credentials")
        let unknown = try await anonymous.postJSON("/api/login", ["username": "nobody", "password": Accounts.password])
        #expect(unknown.status == 401)

        let (admin, login) = try await anonymous.logIn("admin", Accounts.password)
        #expect(login.status == 200)
        let token = try #require(admin.token)
        let csrf = try #require(login.json["csrf_token"] as? String)
        let cookie = try #require(login.header("Set-Cookie"))
        #expect(cookie.contains("budgetlens_session=\(token)"))
        #expect(cookie.contains("HttpOnly"))
        #expect(cookie.contains("SameSite=Strict"))
        #expect(cookie.contains("Max-Age=1800"))
        #expect((login.json["expires_at"] as? Int).map { abs($0 - Int(Date().timeIntervalSince1970) - 1800) < 60 } == true)
        let upload = try await admin.upload(Seed.path(Seed.yantai))
        #expect(upload.status == 201)
        let document = try #require(upload.json["id"] as? Int)

        // The cookie session: reads work; a change without the CSRF header is 403, with it 200.
        let cookieHeader = ["Cookie": "budgetlens_session=\(token)"]
        #expect(try await anonymous.get("/api/session", headers: cookieHeader).json["csrf_token"] as? String == csrf)
        let noCSRF = try await anonymous.request("POST", "/api/documents/\(document)/recheck", headers: cookieHeader)
        #expect(noCSRF.status == 403)
        #expect(noCSRF.errorCode == "csrf")
        let badCSRF = try await anonymous.request(
            "POST", "/api/documents/\(document)/recheck", headers: cookieHeader.merging(["X-CSRF-Token": String(repeating: "0", count: 64)]) { $1 })
        #expect(badCSRF.status == 403)
        let withCSRF = try await anonymous.request(
            "POST", "/api/documents/\(document)/recheck", headers: cookieHeader.merging(["X-CSRF-Token": csrf]) { $1 })
        #expect(withCSRF.status == 200)
        // Bearer requests are exempt.
        #expect(try await admin.request("POST", "/api/documents/\(document)/recheck").status == 200)

        // The form login: without the login form's token (a cookie set by GET /login, echoed in the form) it is
        // refused (login CSRF); with it, it sets the cookie and redirects to /; a wrong password goes back to the form.
        let password = Accounts.password.replacingOccurrences(of: " ", with: "+")
        let formHeaders = ["Content-Type": "application/x-www-form-urlencoded"]
        let noToken = try await anonymous.request(
            "POST", "/login", body: Data("username=admin&password=\(password)".utf8), headers: formHeaders)
        #expect(noToken.status == 403 && noToken.errorCode == "csrf")
        #expect(noToken.header("Set-Cookie") == nil)
        let page = try await anonymous.get("/login")
        let loginCookie = try #require(page.header("Set-Cookie")?.split(separator: ";").first.map(String.init))
        #expect(loginCookie.hasPrefix("budgetlens_login="))
        let loginToken = String(loginCookie.dropFirst("budgetlens_login=".count))
        #expect(page.text.contains("name=\"csrf_token\" value=\"\(loginToken)\""))
        let forged = try await anonymous.request(
            "POST", "/login", body: Data("username=admin&password=\(password)&csrf_token=\(String(repeating: "0", count: 64))".utf8),
            headers: formHeaders.merging(["Cookie": loginCookie]) { $1 })
        #expect(forged.status == 403)
        let form = try await anonymous.request(
            "POST", "/login", body: Data("username=admin&password=\(password)&csrf_token=\(loginToken)".utf8),
            headers: formHeaders.merging(["Cookie": loginCookie]) { $1 })
        #expect(form.status == 303)
        #expect(form.header("Location") == "/")
        #expect(form.header("Set-Cookie")?.contains("budgetlens_session=") == true)
        let wrongForm = try await anonymous.request(
            "POST", "/login", body: Data("username=admin&password=wrong&csrf_token=\(loginToken)".utf8),
            headers: formHeaders.merging(["Cookie": loginCookie]) { $1 })
        #expect(wrongForm.status == 303 && wrongForm.header("Location")?.hasPrefix("/login?error=1") == true)
        // A page with a cookie that names no session goes to the login form, saying so (not silently anonymous).
        let stale = try await anonymous.get("/", headers: ["Cookie": "budgetlens_session=\(String(repeating: "a", count: 64))"])
        #expect(stale.status == 303 && stale.header("Location") == "/login?expired=1")

        // The session forced past its expiry in the store: refused.
        let store = try await ServerStoreLocation.open(database)
        try await store.setSessionExpiry(
            tokenHash: Credentials.tokenHash(token), expiresAt: Int64(Date().timeIntervalSince1970) - 1)
        let expired = try await admin.get("/api/session")
        #expect(expired.status == 401)
        #expect(expired.errorCode == "session_expired")
        #expect(try await admin.get("/api/documents").status == 401)

        // Logout ends a session.
        let (second, _) = try await anonymous.logIn("admin", Accounts.password)
        #expect(try await second.request("POST", "/api/logout").status == 204)
        #expect(try await second.get("/api/session").status == 401)
        // Only hashes are stored.
        #expect(try await store.session(tokenHash: token) == nil)
        #expect(try await store.user(named: "admin")?.passwordHash.hasPrefix("$2") == true)
    }
}
