import BudgetLensTestSupport
import Foundation
import Testing

/// The web application in a real browser: `budgetlens serve` on loopback, headless Chromium driven through
/// chromedriver by Selenium (`scripts/web_browser_test.py`): log in through the form, upload seed 001 through
/// the upload page (XMLHttpRequest with progress), open its document page, find the highlighted cell of the
/// known finding 05-3 (公开05 合计 基本支出 453.00 vs Σ 类 453.01, a rounding difference) and follow the
/// finding's link to it.
@Suite("Web application in Chromium", .serialized)
struct WebBrowserTests {
    /// True when Selenium, chromedriver and Chromium are all there.
    static var browserAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")
            && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")
            && (try? python(["-c", "import selenium"]).status) == 0
    }

    /// Runs python3 with `arguments`.
    static func python(_ arguments: [String]) throws -> CommandResult {
        try BudgetLensBinary.run(["python3"] + arguments, executable: URL(fileURLWithPath: "/usr/bin/env"))
    }

    @Test("log in, upload seed 001, open its page: 公开05 合计 基本支出 453.00 is highlighted and its finding links to it")
    func reviewerJourney() async throws {
        guard Self.browserAvailable else {
            #expect(!ToolPolicy.required, "BUDGETLENS_TEST_TOOLS=1 but chromium, chromedriver or selenium is missing")
            return
        }
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let database = folder.path("lens.sqlite")
        try Accounts.add("liu", role: ["--admin"], database: database)
        let server = try ServerProcess(database: database, folder: folder)
        defer { server.stop() }
        // Other documents first, through the API, so the overview and the ranking have several units and years.
        let (admin, _) = try await Client(base: server.baseURL).logIn("liu", Accounts.password)
        for path in [
            Seed.path(Seed.yantai), Seed.path(Seed.zengdu), Seed.corpusPath(Seed.shanghaiFinance),
            Seed.corpusPath(Seed.shanghaiPlanning), Seed.corpusPath(Seed.financePDF),
        ] {
            let answer = try await admin.upload(path)
            #expect(answer.status == 201 || answer.status == 409, "\(path): \(answer.status)")
        }
        // Screenshots go to docs/images when asked (BUDGETLENS_WRITE_SCREENSHOTS=1), else to the temporary folder.
        let write = ProcessInfo.processInfo.environment["BUDGETLENS_WRITE_SCREENSHOTS"] == "1"
        let shots = write ? Seed.repositoryRoot.appendingPathComponent("docs/images").path : folder.url.path
        let result = try Self.python(
            [
                Seed.repositoryRoot.appendingPathComponent("scripts/web_browser_test.py").path,
                server.baseURL.absoluteString, "liu", Accounts.password, Seed.path(Seed.weihai), "453.00", shots,
            ])
        #expect(result.status == 0, "\(result.stderr)\n\(server.log.suffix(2000))")
        let answer = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)")
        #expect((answer["document_url"] as? String)?.hasPrefix(server.baseURL.absoluteString + "/documents/") == true)
        #expect(answer["cell_id"] as? String == "cell-05-total-2")
        #expect(answer["cell_text"] as? String == "453.00")
        #expect(answer["finding_rule"] as? String == "05-3")
        #expect(answer["cell_in_view"] as? Bool == true, "the finding's link scrolls the cell into view")
        #expect((answer["flagged_cells"] as? Int ?? 0) >= 1)
        let screenshots = answer["screenshots"] as? [String] ?? []
        #expect(screenshots.count == 3)
        for path in screenshots {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            #expect(size > 20_000, "\(path) is a real screenshot")
        }
    }
}
