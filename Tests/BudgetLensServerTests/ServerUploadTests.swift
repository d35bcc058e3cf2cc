import BudgetLensServer
import BudgetLensStore
import BudgetLensTestSupport
import Foundation
import Testing

/// Safe uploads against the real server: duplicates (409), content that is no disclosure (415, by content),
/// unreadable documents (422, stored as failures), the size limit while streaming (413, memory stays low), the
/// per-user rate (429), multipart bodies.
@Suite("Server uploads", .serialized)
struct ServerUploadTests {
    @Test("409 duplicate, 415 PNG and DOCX-like ZIP, 422 garbage and broken PDF (recorded as failures), multipart")
    func refusals() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let database = folder.path("lens.sqlite")
        try Accounts.add("admin", role: ["--admin"], database: database)
        let server = try ServerProcess(database: database, folder: folder)
        defer { server.stop() }
        let (admin, _) = try await Client(base: server.baseURL).logIn("admin", Accounts.password)
        let first = try await admin.upload(Seed.path(Seed.weihai))
        #expect(first.status == 201)
        let id = try #require(first.json["id"] as? Int)
        // The same bytes under another name: 409 with the stored id.
        let again = try await admin.upload(Seed.path(Seed.weihai), name: "renamed.txt")
        #expect(again.status == 409)
        #expect(again.errorCode == "duplicate")
        #expect((again.json["error"] as? [String: Any])?["existing_document"] as? Int == id)

        // A PNG named .pdf: 415 by its content.
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(repeating: 7, count: 100)
        let pngAnswer = try await admin.request(
            "POST", "/api/documents", body: png, headers: ["X-File-Name": "report.pdf", "Content-Type": "application/pdf"])
        #expect(pngAnswer.status == 415, "\(pngAnswer.text)")
        #expect(pngAnswer.errorCode == "unsupported_media_type")
        #expect(pngAnswer.text.contains("PNG"))

        // Text that is no disclosure: 422; a broken PDF: 422; both recorded with their error, nothing stored.
        let garbage = try await admin.request(
            "POST", "/api/documents?name=garbage.txt", body: Data("这不是决算公开。\nhello world\n".utf8),
            headers: ["Content-Type": "text/plain"])
        #expect(garbage.status == 422, "\(garbage.text)")
        #expect(garbage.errorCode == "not_final_accounts")
        let brokenPDF = try await admin.request(
            "POST", "/api/documents", body: Data("%PDF-1.7\n1 0 obj garbage\n".utf8), headers: ["X-File-Name": "broken.pdf"])
        #expect(brokenPDF.status == 422, "\(brokenPDF.text)")
        #expect(brokenPDF.errorCode == "unreadable_document")
        let store = try await ServerStoreLocation.open(database)
        let failures = try await store.failures()
        #expect(Set(failures.map(\.file)) == ["report.pdf", "garbage.txt", "broken.pdf"])
        #expect(failures.first { $0.file == "garbage.txt" }?.message.contains("no 部门决算 table") == true)
        #expect(try await store.counts().documents == 1)

        // multipart/form-data with the file in a part named "file".
        let boundary = "----budgetlens\(UUID().uuidString)"
        var body = Data()
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n".utf8))
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"000.txt\"\r\nContent-Type: text/plain\r\n\r\n".utf8))
        body.append(try Data(contentsOf: URL(fileURLWithPath: Seed.path(Seed.yantai))))
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        let multipart = try await admin.request(
            "POST", "/api/documents", body: body, headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)"])
        #expect(multipart.status == 201, "\(multipart.text)")
        #expect(multipart.json["file"] as? String == "000.txt")
        let cells = try await admin.get("/api/documents/\(multipart.json["id"] as? Int ?? 0)/cells")
        let cli = try BudgetLensBinary.run(["cells", Seed.path(Seed.yantai)])
        #expect((cells.json["cells"] as? [Any])?.count == cli.stdout.split(separator: "\n").count - 1)
    }

    @Test("1 GiB streamed against the 64 MB limit: 413, and the server peak memory stays under 200 MB")
    func streamedOverLimit() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let database = folder.path("lens.sqlite")
        try Accounts.add("admin", role: ["--admin"], database: database)
        let server = try ServerProcess(database: database, folder: folder)
        defer { server.stop() }
        let (admin, _) = try await Client(base: server.baseURL).logIn("admin", Accounts.password)
        let token = try #require(admin.token)
        // 1 GB announced by Content-Length: refused before the body is read.
        let announced = try runPython(
            """
            import http.client
            conn = http.client.HTTPConnection("127.0.0.1", \(server.port), timeout=60)
            conn.putrequest("POST", "/api/documents")
            conn.putheader("Authorization", "Bearer \(token)")
            conn.putheader("Content-Length", str(1 << 30))
            conn.endheaders()
            print(conn.getresponse().status)
            """)
        #expect(announced.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "413", "\(announced.stderr)")
        // Streamed without a length (chunked), 1 MiB at a time, by Python's http.client.
        let script = """
            import http.client, sys
            conn = http.client.HTTPConnection("127.0.0.1", \(server.port), timeout=120)
            conn.putrequest("POST", "/api/documents")
            conn.putheader("Authorization", "Bearer \(token)")
            conn.putheader("Transfer-Encoding", "chunked")
            conn.putheader("X-File-Name", "zeros.txt")
            conn.endheaders()
            chunk = b"\\0" * (1 << 20)
            sent = 0
            try:
                for _ in range(1024):
                    conn.send(b"%x\\r\\n" % len(chunk) + chunk + b"\\r\\n")
                    sent += 1
                conn.send(b"0\\r\\n\\r\\n")
            except (BrokenPipeError, ConnectionResetError):
                pass
            response = conn.getresponse()
            print(response.status, sent)
            print(response.read().decode())
            """
        let result = try runPython(script)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("413 "), "\(result.stdout)")
        #expect(result.stdout.contains("payload_too_large"))
        let peak = try #require(server.peakRSS)
        print("413 stream: server peak RSS \(peak >> 20) MiB")
        #expect(peak < 200 << 20, "peak RSS \(peak >> 20) MiB")
        // The server still answers.
        #expect(try await admin.get("/healthz").status == 200)
    }

    @Test("Per-user upload rate: the burst passes, the next upload is 429 with Retry-After")
    func rateLimit() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let database = folder.path("lens.sqlite")
        try Accounts.add("admin", role: ["--admin"], database: database)
        let server = try ServerProcess(
            database: database, folder: folder, arguments: ["--uploads-per-minute", "1", "--upload-burst", "2"])
        defer { server.stop() }
        let (admin, _) = try await Client(base: server.baseURL).logIn("admin", Accounts.password)
        #expect(try await admin.upload(Seed.path(Seed.yantai)).status == 201)
        #expect(try await admin.upload(Seed.path(Seed.weihai)).status == 201)
        let limited = try await admin.upload(Seed.path(Seed.zengdu))
        #expect(limited.status == 429)
        #expect(limited.errorCode == "rate_limited")
        #expect(Int(limited.header("Retry-After") ?? "") ?? 0 >= 1)
    }
}

/// Runs a Python script; the result as the CLI runner gives it.
func runPython(_ script: String, arguments: [String] = []) throws -> CommandResult {
    try BudgetLensBinary.run(["python3", "-c", script] + arguments, executable: URL(fileURLWithPath: "/usr/bin/env"))
}
