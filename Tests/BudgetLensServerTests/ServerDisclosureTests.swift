import BudgetLensTestSupport
import Foundation
import Testing

/// What a caller learns about documents they may not see, and the report's year-on-year part, through the
/// running server (found by a tester: each was wrong before).
@Suite("Server: what is disclosed to whom", .serialized)
struct ServerDisclosureTests {
    @Test("Two years of one unit: the API report has the Y-* pair; a duplicate of another unit's file is 403, not 409; no compare link to an unseen year")
    func twoYears() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let database = folder.path("lens.sqlite")
        try Accounts.add("admin", role: ["--admin"], database: database)
        try Accounts.add("yantai", role: ["--preparer", "烟台市医疗保障局"], database: database)
        // Last year's copy of seed 001: the same figures under 2022 (so its 年末 is this year's 年初 only by chance).
        let seed = try String(contentsOfFile: Seed.path(Seed.weihai), encoding: .utf8)
        let lastYear = folder.path("weihai-2022.txt")
        try seed.replacingOccurrences(of: "2023", with: "2022").write(toFile: lastYear, atomically: true, encoding: .utf8)
        let server = try ServerProcess(database: database, folder: folder)
        defer { server.stop() }
        let (admin, _) = try await Client(base: server.baseURL).logIn("admin", Accounts.password)
        let current = try #require(try await admin.upload(Seed.path(Seed.weihai)).json["id"] as? Int)
        let previous = try #require(try await admin.upload(lastYear).json["id"] as? Int)

        // The report has the year-on-year pair, as `budgetlens report --format json` does.
        let report = try await admin.get("/api/report")
        #expect(report.status == 200)
        let pairs = try #require(report.json["year_over_year"] as? [[String: Any]])
        #expect(pairs.count == 1)
        #expect(pairs.first?["document"] as? Int == current && pairs.first?["previous_document"] as? Int == previous)
        #expect(pairs.first?["year"] as? Int == 2023)
        let cli = try BudgetLensBinary.run(["report", "--db", database, "--format", "json"])
        let cliPairs = (try? JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as? [String: Any])?["year_over_year"]
            as? [[String: Any]]
        #expect(cliPairs?.count == 1)
        #expect((pairs.first?["findings"] as? [Any])?.count == (cliPairs?.first?["findings"] as? [Any])?.count)

        // A preparer of another unit uploading a stored, unpublished 威海 file learns nothing: 403 as for a new one.
        let (yantai, _) = try await Client(base: server.baseURL).logIn("yantai", Accounts.password)
        let duplicate = try await yantai.upload(Seed.path(Seed.weihai))
        #expect(duplicate.status == 403 && duplicate.errorCode == "unit_mismatch", "\(duplicate.text)")
        #expect(!duplicate.text.contains("existing_document"))

        // Published this year only: the anonymous page has no link to compare with the unpublished last year.
        #expect(try BudgetLensBinary.run(["publish", String(current), "--db", database]).status == 0)
        let anonymousPage = try await Client(base: server.baseURL).get("/documents/\(current)")
        #expect(anonymousPage.status == 200)
        #expect(!anonymousPage.text.contains("compare-link"))
        let adminPage = try await admin.get("/documents/\(current)")
        #expect(adminPage.text.contains("id=\"compare-link\""), "the administrator sees both years")
        // Filters that name nothing are refused, not answered with an empty page.
        #expect(try await admin.get("/api/documents?kind=zzz").status == 400)
        let unit = "威海市医疗保障局（本级）".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? ""
        #expect(try await admin.get("/compare?unit=\(unit)&from=2023&to=2023").status == 400)
        #expect(try await admin.get("/compare?unit=\(unit)&from=2022&to=2023").status == 200)
    }
}
