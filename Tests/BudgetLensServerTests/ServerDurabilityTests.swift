import BudgetLensServer
import BudgetLensStore
import BudgetLensTestSupport
import Foundation
import Testing

/// SIGKILL during uploads: after a restart every document is there with all its cells, or absent.
@Suite("Server durability", .serialized)
struct ServerDurabilityTests {
    @Test("SIGKILL while uploads run; after restart each document is complete (cells as the CLI) or absent")
    func killDuringUploads() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let database = folder.path("lens.sqlite")
        try Accounts.add("admin", role: ["--admin"], database: database)
        let files = [
            Seed.path(Seed.yantai), Seed.path(Seed.weihai), Seed.path(Seed.zengdu),
            Seed.corpusPath("pdf/上海市普陀区财政局2024年度部门决算.pdf"),
            Seed.corpusPath("pdf/上海市普陀区规划和自然资源局 2024 年度部门决算.pdf"),
            Seed.corpusPath("pdf/中共上海市普陀区委社会工作部 2024 年度部门决算.pdf"),
        ]
        var expectedCells: [String: Int] = [:]
        for file in files {
            let cli = try BudgetLensBinary.run(["cells", file])
            expectedCells[URL(fileURLWithPath: file).lastPathComponent] = cli.stdout.split(separator: "\n").count - 1
        }
        let server = try ServerProcess(database: database, folder: folder)
        let (admin, _) = try await Client(base: server.baseURL).logIn("admin", Accounts.password)
        // All uploads at once; the server is killed while they run.
        let uploads = Task {
            await withTaskGroup(of: Void.self) { group in
                for file in files { group.addTask { _ = try? await admin.upload(file) } }
            }
        }
        // Killed as soon as the first document is stored: the others are being read, checked or written.
        // The store is watched directly (SQLite in WAL mode: a reader beside the server's writer), not through the
        // busy server.
        let watcher = try await ServerStoreLocation.open(database)
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline {
            if (try? await watcher.counts().documents) ?? 0 >= 1 { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        server.stop(signal: SIGKILL)
        await uploads.value

        let restarted = try ServerProcess(database: database, folder: folder)
        defer { restarted.stop() }
        let (again, _) = try await Client(base: restarted.baseURL).logIn("admin", Accounts.password)
        let listing = try await again.get("/api/documents?limit=200")
        let documents = try #require(listing.json["documents"] as? [[String: Any]])
        #expect(documents.count <= files.count)
        print("durability: \(documents.count) of \(files.count) documents stored before SIGKILL")
        for document in documents {
            let id = try #require(document["id"] as? Int)
            let name = try #require(document["file"] as? String)
            let cells = try await again.get("/api/documents/\(id)/cells")
            #expect((cells.json["cells"] as? [Any])?.count == expectedCells[name], "\(name) is incomplete")
            #expect(try await again.get("/api/documents/\(id)/findings").status == 200)
        }
        // The store's own counts agree: no cell without its document.
        let store = try await ServerStoreLocation.open(database)
        let counts = try await store.counts()
        let stored = try await store.documents().map(\.file)
        #expect(counts.cells == stored.reduce(0) { $0 + (expectedCells[$1] ?? 0) })
        // Every file can be uploaded again after the restart: those absent are stored now.
        for file in files {
            let answer = try await again.upload(file)
            #expect(answer.status == 201 || answer.status == 409, "\(file): \(answer.status) \(answer.text)")
        }
        #expect(try await store.documents().count == files.count)
    }

    @Test("SIGTERM during an upload: the upload finishes (201), then the server exits 0 and the document is stored")
    func gracefulShutdown() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let database = folder.path("lens.sqlite")
        try Accounts.add("admin", role: ["--admin"], database: database)
        let server = try ServerProcess(database: database, folder: folder)
        let (admin, _) = try await Client(base: server.baseURL).logIn("admin", Accounts.password)
        let file = Seed.corpusPath("pdf/上海市普陀区规划和自然资源局 2024 年度部门决算.pdf")
        let upload = Task { try await admin.upload(file) }
        // The signal comes while the server is reading the PDF: once poppler runs as its child, the request
        // is in the server's hands (a fixed delay raced the upload's connection under load).
        let reading = await server.waitForChildProcess(within: 60)
        #expect(reading, "the server never started reading the PDF")
        kill(server.pid, SIGTERM)
        let answer = try await upload.value
        #expect(answer.status == 201, "\(answer.status) \(answer.text)")
        #expect(server.stop() == 0)
        let store = try await ServerStoreLocation.open(database)
        #expect(try await store.documents().count == 1)
    }

    @Test("A port already in use: exit 2, a Chinese and English message naming the port, not a usage error")
    func portInUse() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let database = folder.path("lens.sqlite")
        let server = try ServerProcess(database: database, folder: folder)
        defer { server.stop() }
        let second = try BudgetLensBinary.run(["serve", "--db", database, "--port", String(server.port)])
        #expect(second.status == 2)
        #expect(second.stderr.contains("无法在 127.0.0.1:\(server.port) 上监听：端口已被占用"), "\(second.stderr)")
        #expect(second.stderr.contains("the port is in use"))
        #expect(!second.stderr.contains("命令行参数有误"))
        let database2 = try BudgetLensBinary.run(["serve", "--db", folder.path("missing/dir/x.sqlite"), "--port", "0"])
        #expect(database2.status == 2)
        #expect(database2.stderr.hasPrefix("错误："), "\(database2.stderr)")
        #expect(!database2.stderr.contains("命令行参数有误"))
    }
}
