import BudgetLensCore
import BudgetLensTestSupport
import Foundation
import Testing

/// The API against the real `budgetlens serve` on loopback: uploads of the seeds and a corpus PDF read back
/// cell for cell and finding for finding as the CLI gives them for the same file.
@Suite("Server API", .serialized)
struct ServerAPITests {
    static let pdf = "pdf/上海市普陀区财政局2024年度部门决算.pdf"

    /// The files uploaded: seeds 000–002 and one corpus PDF.
    static var files: [String] {
        [Seed.path(Seed.yantai), Seed.path(Seed.weihai), Seed.path(Seed.zengdu), Seed.corpusPath(pdf)]
    }

    @Test("Uploads read back: cells as `budgetlens cells`, findings as `check --format json`", arguments: ServerEngine.available)
    func uploadsMatchTheCLI(engine: ServerEngine) async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let database = try await engine.freshStore(in: folder)
        defer { Task { await ServerEngine.drop(database) } }
        try Accounts.add("admin", role: ["--admin"], database: database)
        let server = try ServerProcess(database: database, folder: folder)
        defer { server.stop() }
        let (admin, login) = try await Client(base: server.baseURL).logIn("admin", Accounts.password)
        #expect(login.status == 200)
        for file in Self.files {
            let answer = try await admin.upload(file)
            #expect(answer.status == 201, "\(file): \(answer.text)")
            let id = try #require(answer.json["id"] as? Int)
            #expect(answer.header("Location") == "/api/documents/\(id)")
            try await expectCellsMatch(file: file, document: id, client: admin)
            try await expectFindingsMatch(file: file, document: id, client: admin)
            try await expectScoresMatch(file: file, document: id, client: admin)
        }
        let listing = try await admin.get("/api/documents?limit=2&offset=1")
        #expect(listing.status == 200)
        #expect(listing.json["total"] as? Int == 4)
        #expect((listing.json["documents"] as? [[String: Any]])?.map { $0["id"] as? Int } == [2, 3])
    }

    /// The stored self-evaluation scores equal `budgetlens score --format json`: every project's name, stated and
    /// computed total and grade (seed 000: 医保支付方式改革专项经费 computed 99.86), or none for a document without 自评表.
    func expectScoresMatch(file: String, document: Int, client: Client) async throws {
        let answer = try await client.get("/api/documents/\(document)/scores")
        #expect(answer.status == 200)
        #expect(answer.json["document"] as? Int == document)
        let cli = try BudgetLensBinary.run(["score", file, "--format", "json"])
        let cliProjects = (try? JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as? [String: Any])?["projects"]
            as? [[String: Any]] ?? []
        let stored = (answer.json["score"] as? [String: Any])?["projects"] as? [[String: Any]] ?? []
        let keys = ["name", "stated_total", "computed_total", "stated_grade", "computed_grade"]
        func shown(_ projects: [[String: Any]]) -> [String] {
            projects.map { project in keys.map { project[$0].map { "\($0)" } ?? "nil" }.joined(separator: "|") }
        }
        #expect(shown(stored) == shown(cliProjects), "\(file): stored scores differ from `budgetlens score`")
        if file.hasSuffix(Seed.yantai) {
            #expect(stored.first?["name"] as? String == "医保支付方式改革专项经费")
            #expect(stored.first?["computed_total"] as? String == "99.86")
            #expect(answer.json["evaluation"] is [String: Any], "seed 000 annexes an evaluation report")
        }
    }

    /// Every cell of the API's answer, as a CSV line of `budgetlens cells`, equals the CLI's, in order.
    func expectCellsMatch(file: String, document: Int, client: Client) async throws {
        let answer = try await client.get("/api/documents/\(document)/cells")
        #expect(answer.status == 200)
        let cells = try #require(answer.json["cells"] as? [[String: Any]])
        let lines = try cells.map { cell -> String in
            let unit = try #require(MoneyUnit(rawValue: cell["unit"] as? String ?? ""))
            let value = (cell["value_fen"] as? Int).map { Money(fen: Int64($0)).decimalString(in: unit) }
            #expect(value == cell["value"] as? String)
            return [
                cell["table"] as? String ?? "", (cell["line"] as? Int).map(String.init) ?? "",
                cell["code"] as? String ?? "", cell["item"] as? String ?? "", String(cell["column"] as? Int ?? -1),
                value ?? "", String(cell["source_line"] as? Int ?? -1),
            ].map(CellRecord.csvField).joined(separator: ",")
        }
        let cli = try BudgetLensBinary.run(["cells", file])
        #expect(cli.status == 0, "\(cli.stderr)")
        let expected = cli.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
            .filter { !$0.isEmpty }.map(String.init)
        #expect(!expected.isEmpty)
        #expect(lines == expected, "\(file): cells differ from `budgetlens cells`")
    }

    /// Every finding of the API's answer equals the CLI's `check --format json` finding, field by field, in order.
    func expectFindingsMatch(file: String, document: Int, client: Client) async throws {
        let answer = try await client.get("/api/documents/\(document)/findings")
        #expect(answer.status == 200)
        let findings = try #require(answer.json["findings"] as? [[String: Any]])
        let cli = try BudgetLensBinary.run(["check", file, "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as? [String: Any])
        // The annexed evaluation report's checks (N-EVAL-*) included: uploads run them as `check` does.
        let expected = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.count == expected.count, "\(file): \(findings.count) findings, CLI \(expected.count)")
        // The CLI's JSON keys are snake_case too.
        let keys = [
            "rule", "severity", "message", "message_en", "table", "line", "code", "item", "column", "source_line",
            "page", "expected", "expected_formula", "actual", "difference", "tolerance", "rounding",
        ]
        for (api, cliFinding) in zip(findings, expected) {
            for key in keys {
                let left = api[key].map { "\($0)" } ?? "nil"
                let right = cliFinding[key].flatMap { $0 is NSNull ? nil : "\($0)" } ?? "nil"
                #expect(left == right, "\(file) \(cliFinding["rule"] ?? "") \(key): \(left) ≠ \(right)")
            }
        }
    }

    @Test("Seed 001's known finding: 公开05 合计 栏2 printed 453.00, the 类 rows sum to 453.01 (05-3, rounding)")
    func knownFinding() async throws {
        // By hand: 公开05 行 208 39.24 + 210 378.26 + 221 35.51 = 453.01 (万元); 合计 prints 453.00 (line 266);
        // the difference −0.01 is within the rule's tolerance ±0.02, so a rounding warning (尾数误差).
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let database = folder.path("lens.sqlite")
        try Accounts.add("admin", role: ["--admin"], database: database)
        let server = try ServerProcess(database: database, folder: folder)
        defer { server.stop() }
        let (admin, _) = try await Client(base: server.baseURL).logIn("admin", Accounts.password)
        let upload = try await admin.upload(Seed.path(Seed.weihai))
        let id = try #require(upload.json["id"] as? Int)
        let answer = try await admin.get("/api/documents/\(id)/findings?rule=05-3&severity=warning")
        #expect(answer.status == 200)
        let findings = try #require(answer.json["findings"] as? [[String: Any]])
        #expect(findings.allSatisfy { $0["rule"] as? String == "05-3" && $0["severity"] as? String == "warning" })
        let total = try #require(findings.first { $0["item"] as? String == "合计" && $0["column"] as? Int == 2 })
        #expect(total["table"] as? String == "公开05")
        #expect(total["actual"] as? String == "453.00")
        #expect(total["expected"] as? String == "453.01")
        #expect(total["difference"] as? String == "-0.01")
        #expect(total["tolerance"] as? String == "0.02")
        #expect(total["actual_fen"] as? Int == 453_000_000)
        #expect(total["expected_fen"] as? Int == 453_010_000)
        #expect(total["difference_fen"] as? Int == -10_000)
        #expect(total["rounding"] as? Bool == true)
        #expect(total["unit"] as? String == "万元")
        #expect(total["source_line"] as? Int == 266)
        // The cell itself, as stored.
        let cells = try await admin.get("/api/documents/\(id)/cells")
        let cell = (cells.json["cells"] as? [[String: Any]])?.first {
            $0["table"] as? String == "05" && $0["item"] as? String == "合计" && $0["column"] as? Int == 2
        }
        #expect(cell?["value_fen"] as? Int == 453_000_000)
        #expect(cell?["value"] as? String == "453.00")
        // The document page's counts and the report agree with the findings.
        let detail = try await admin.get("/api/documents/\(id)")
        #expect(detail.json["money_unit"] as? String == "万元")
        #expect((detail.json["tables_missing"] as? [String]) == ["公开06"])
        #expect((detail.json["tables_found"] as? [String])?.count == 8)
        let report = try await admin.get("/api/report")
        #expect(report.status == 200)
        #expect((report.json["unit_years"] as? [[String: Any]])?.first?["documents"] as? Int == 1)
    }
}
