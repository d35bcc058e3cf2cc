import BudgetLensCore
import BudgetLensReader
import BudgetLensRender
import BudgetLensStore
import BudgetLensTestSupport
import BudgetLensWeb
import Foundation
import Testing

/// The overview, ranking, comparison, login, upload and error pages, and the assets.
@Suite(.serialized) struct OtherPagesTests {
    /// One row per unit, one column per year; each document linked with its counts and 公开01 totals in 万元,
    /// exactly the store's summary (from 分).
    @Test func overviewListsEveryDocumentWithItsSummary() async throws {
        let fixture = try await WebFixture.make()
        defer { fixture.cleanUp() }
        let view = try await WebData.overview(
            store: fixture.store, session: WebFixture.session, published: [try fixture.id(Seed.yantai)])
        let html = WebPages.overview(view)
        #expect(view.summaries.count == 4)
        for summary in view.summaries {
            let unit = try #require(summary.unit)
            #expect(html.contains("<th scope=\"row\">\(MarkupText.escape(unit))</th>"))
            let income = Money(fen: try #require(summary.incomeTotalFen)).groupedString(in: .wanYuan)
            let expenditure = Money(fen: try #require(summary.expenditureTotalFen)).groupedString(in: .wanYuan)
            let entry = try #require(html.range(of: "id=\"doc-link-\(summary.document)\""))
            let rest = String(html[entry.upperBound...].prefix(700))
            #expect(rest.contains("<span class=\"count error\" title=\"错误\">\(summary.errors)</span>"))
            #expect(rest.contains("<span class=\"count rounding\" title=\"尾数误差\">\(summary.rounding)</span>"))
            #expect(rest.contains("<span class=\"num\">\(income)</span>"))
            #expect(rest.contains("<span class=\"num\">\(expenditure)</span>"))
        }
        // Seed 001 (威海 2023) line 140: `本年收入合计	27	939.31	本年支出合计	58	958.64`; seed 000 (烟台 2022) line 127:
        // 8,431.28 both.
        let weihai = try #require(view.summaries.first { $0.document == (try? fixture.id(Seed.weihai)) })
        #expect(weihai.year == 2023)
        let weihaiEntry = try #require(html.range(of: "id=\"doc-link-\(weihai.document)\""))
        let weihaiCell = String(html[weihaiEntry.upperBound...].prefix(700))
        #expect(weihaiCell.contains("收入合计</span> <span class=\"num\">939.31</span>"))
        #expect(weihaiCell.contains("支出合计</span> <span class=\"num\">958.64</span>"))
        let yantaiEntry = try #require(html.range(of: "id=\"doc-link-\(try fixture.id(Seed.yantai))\""))
        #expect(String(html[yantaiEntry.upperBound...].prefix(700)).contains("收入合计</span> <span class=\"num\">8,431.28</span>"))
        #expect(html.contains("<th scope=\"col\">2022年度</th><th scope=\"col\">2023年度</th>"))
        #expect(html.contains("<span class=\"badge published\">已发布</span>"))
        #expect(try PageChecks.parserProblems(html) == [])
        #expect(PageChecks.externalReferences(html) == [])
    }

    /// The ranking is the store's (``StoreReport``), in its order with its counts.
    @Test func rankingShowsTheStoreRanking() async throws {
        let fixture = try await WebFixture.make()
        defer { fixture.cleanUp() }
        let view = try await WebData.ranking(store: fixture.store, session: WebFixture.session)
        let html = WebPages.ranking(view)
        #expect(view.report.ranking.count == 4)
        var position = html.startIndex
        for rank in view.report.ranking {
            let row = try #require(html.range(of: "<tr id=\"rank-\(rank.rank)\">", range: position..<html.endIndex))
            let rest = String(html[row.upperBound...].prefix(600))
            #expect(rest.hasPrefix("<td class=\"num\">\(rank.rank)</td><th scope=\"row\">\(MarkupText.escape(rank.unit))</th><td class=\"num\">\(rank.documents)</td>"))
            #expect(rest.contains("<span class=\"count error\">\(rank.errors)</span>"))
            #expect(rest.contains("<span class=\"count warning\">\(rank.warnings)</span>"))
            #expect(rest.contains("<span class=\"count rounding\">\(rank.rounding)</span>"))
            position = row.upperBound
        }
        // The synthetic document has no finding: it ranks first with 0.00 errors per document.
        #expect(view.report.ranking.first?.unit == "测试局")
        #expect(html.contains("<tr id=\"rank-1\"><td class=\"num\">1</td><th scope=\"row\">测试局</th>"))
        #expect(try PageChecks.parserProblems(html) == [])
    }

    /// Two years of one unit: 公开01 totals and the tables' 合计 with the change and % exact from 分.
    @Test func comparisonComputesExactChanges() async throws {
        // The synthetic unit in 2022: the same document with 公开01 行27 栏1 printed 600.00 (change +70, +11.67%).
        var earlier = SyntheticDisclosure()
        earlier.edits = [("2023", "2022")]
        earlier.set(.incomeExpenditureSummary, row: "27", column: 1, to: "600.00")
        var text = earlier.text
        for (old, new) in earlier.edits { text = text.replacingOccurrences(of: old, with: new) }
        let fixture = try await WebFixture.make(extra: [("synthetic-2022.txt", text)])
        defer { fixture.cleanUp() }
        let view = try await WebData.comparison(
            store: fixture.store, unit: "测试局", from: 2022, to: 2023, session: WebFixture.session)
        #expect(view.from.id == (try fixture.id("synthetic-2022.txt")))
        #expect(view.to.id == (try fixture.id("synthetic.txt")))
        let html = WebPages.comparison(view)
        let row = try #require(html.range(of: "<tr><td>公开01</td><th scope=\"row\">本年收入合计</th>"))
        let rest = String(html[row.upperBound...].prefix(300))
        #expect(rest.hasPrefix("<td class=\"num\">600.00</td><td class=\"num\">670.00</td><td class=\"num up\">+70.00</td><td class=\"num up\">+11.67%</td>"))
        // An unchanged total: 0.00 and 0.00%.
        #expect(html.contains("<tr><td>公开09</td>"))
        #expect(html.contains("<td class=\"num \">0.00</td><td class=\"num \">0.00%</td>"))
        // Each side's finding counts: 2022 breaks 01's identities (行27 ≠ its parts), 2023 has none.
        #expect(view.from.summary.errors > 0)
        #expect(html.contains("<a href=\"/documents/\(view.to.id)\" id=\"to-link\">文档 #\(view.to.id)</a> <span class=\"count error\">0</span>"))
        #expect(try PageChecks.parserProblems(html) == [])
        // The ranking's carry-over check of 测试局 2023 against 2022 (公开01 行29 against last year's 行60), as
        // StoreReport computes it.
        let ranking = try await WebData.ranking(store: fixture.store, session: WebFixture.session)
        let check = try #require(ranking.report.carryOvers.first { $0.unit == "测试局" && $0.year == 2023 })
        let rankingPage = WebPages.ranking(ranking)
        #expect(rankingPage.contains(
            "<tr><th scope=\"row\">测试局</th><td>2023</td><td class=\"num\"><a href=\"/documents/\(view.to.id)\">\(Money(fen: check.openingFen).groupedString(in: .wanYuan))</a></td><td class=\"num\"><a href=\"/documents/\(view.from.id)\">\(Money(fen: check.previousClosingFen).groupedString(in: .wanYuan))</a></td>"))
        // The overview links the unit's consecutive years' comparison.
        let overview = WebPages.overview(try await WebData.overview(store: fixture.store, session: WebFixture.session))
        #expect(overview.contains(
            "<th scope=\"row\">测试局<br><a class=\"compare\" href=\"/compare?unit=%E6%B5%8B%E8%AF%95%E5%B1%80&amp;from=2022&amp;to=2023\">2022–2023对比</a></th>"))
        // The later year's document page links the comparison (the unit percent-encoded, `&` escaped).
        let (laterView, later) = try await fixture.documentPage("synthetic.txt")
        #expect(laterView.previousYear == 2022)
        #expect(later.contains("href=\"/compare?unit=%E6%B5%8B%E8%AF%95%E5%B1%80&amp;from=2022&amp;to=2023\" id=\"compare-link\""))
    }

    /// `visible` filters what a user may see (a preparer sees only their unit's documents); an id or a year the
    /// store does not have is ``WebData/MissingDocument`` (the server answers 404).
    @Test func visibilityAndMissingDocuments() async throws {
        let fixture = try await WebFixture.make()
        defer { fixture.cleanUp() }
        let weihai = try fixture.id(Seed.weihai)
        let overview = try await WebData.overview(store: fixture.store, session: WebFixture.session) { $0 == weihai }
        #expect(overview.summaries.map(\.document) == [weihai])
        let html = WebPages.overview(overview)
        #expect(html.contains("id=\"doc-link-\(weihai)\""))
        #expect(!html.contains("烟台市医疗保障局"))
        let ranking = try await WebData.ranking(store: fixture.store, session: WebFixture.session) { $0 == weihai }
        #expect(ranking.report.ranking.map(\.unit) == ["威海市医疗保障局（本级）"])
        await #expect(throws: WebData.MissingDocument(id: 9999)) {
            try await WebData.document(store: fixture.store, id: 9999, session: WebFixture.session)
        }
        await #expect(throws: WebData.MissingDocument.self) {
            try await WebData.comparison(
                store: fixture.store, unit: "威海市医疗保障局（本级）", from: 2022, to: 2023, session: WebFixture.session)
        }
    }

    /// The login form: fields, the CSRF token, the error message escaped.
    @Test func loginPage() throws {
        let html = WebPages.login(
            LoginView(session: WebSession(csrfToken: "abc\"<>"), errorMessage: "用户名或密码错误。<b>", username: "li&"))
        #expect(html.contains("<form method=\"post\" action=\"/login\" id=\"login-form\">"))
        #expect(html.contains("<input type=\"hidden\" name=\"csrf_token\" value=\"abc&quot;&lt;&gt;\">"))
        #expect(html.contains("name=\"username\""))
        #expect(html.contains("name=\"password\" type=\"password\""))
        #expect(html.contains("value=\"li&amp;\""))
        #expect(html.contains("<p class=\"alert\" id=\"login-error\" role=\"alert\">用户名或密码错误。&lt;b&gt;</p>"))
        #expect(html.contains("<a href=\"/login\" id=\"nav-login\">登录</a>"))
        #expect(try PageChecks.parserProblems(html) == [])
    }

    /// The navigation: the user's name and role, the logout form with the token; the pages' links are the
    /// contract's routes.
    @Test func navigationAndRoutes() throws {
        let html = WebPages.upload(UploadView(session: WebFixture.session))
        #expect(html.contains("<span class=\"user\" id=\"nav-user\">审核员甲（审核人（财政局））</span>"))
        #expect(html.contains("<form method=\"post\" action=\"/logout\" id=\"logout-form\"><input type=\"hidden\" name=\"csrf_token\" value=\"tok-123\">"))
        for route in ["href=\"/\"", "href=\"/ranking\"", "href=\"/upload\"", "href=\"/assets/app.css\"", "src=\"/assets/app.js\""] {
            #expect(html.contains(route))
        }
        #expect(html.contains("id=\"upload-form\""))
        #expect(html.contains("data-csrf=\"tok-123\""))
        #expect(html.contains("<progress id=\"upload-progress\""))
        #expect(html.contains("不超过 64 MB"))
        #expect(try PageChecks.parserProblems(html) == [])
    }

    /// The script posts the raw body to the contract's route with the header, shows progress and the answer.
    @Test func assetsAreSmallAndOffline() {
        let script = WebAssets.script
        #expect(script.utf8.count < 5_000)
        #expect(script.contains("request.open(\"POST\", \"/api/documents?file=\" + encodeURIComponent(file.name))"))
        #expect(script.contains("setRequestHeader(\"X-CSRF-Token\""))
        #expect(script.contains("request.upload.onprogress"))
        #expect(script.contains("message_zh"))
        #expect(script.contains("\"/documents/\""))
        #expect(WebAssets.css.contains("td.flagged"))
        for asset in [script, WebAssets.css] {
            #expect(!asset.contains("http://") && !asset.contains("https://") && !asset.contains("@import") && !asset.contains("url("))
        }
    }

    /// Error pages in Chinese, for 404, 403 and 500.
    @Test(arguments: [(404, "页面不存在"), (403, "无权访问"), (500, "服务器内部错误")])
    func errorPages(_ status: Int, _ heading: String) throws {
        let html = WebPages.error(ErrorView(session: WebSession(), status: status))
        #expect(html.contains("<h1>\(status) \(heading)</h1>"))
        #expect(html.contains("<title>\(status) \(heading) · BudgetLens</title>"))
        #expect(try PageChecks.parserProblems(html) == [])
    }

    /// Text from the document is escaped everywhere (unit name, row labels, narrative, explanations).
    @Test func documentTextIsEscaped() async throws {
        var synthetic = SyntheticDisclosure()
        synthetic.edits = [("测试局", "<script>alert(\"x\")</script>&'局")]
        var text = synthetic.text
        for (old, new) in synthetic.edits { text = text.replacingOccurrences(of: old, with: new) }
        let fixture = try await WebFixture.make(extra: [("hostile.txt", text)])
        defer { fixture.cleanUp() }
        let id = try fixture.id("hostile.txt")
        let view = try await WebData.document(store: fixture.store, id: id, session: WebFixture.session)
        #expect(view.disclosure.header.unitName?.contains("<script>") == true)
        let html = WebPages.document(view)
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;局"))
        let overview = WebPages.overview(try await WebData.overview(store: fixture.store, session: WebFixture.session))
        #expect(!overview.contains("<script>alert"))
        #expect(try PageChecks.parserProblems(html) == [])
    }

    /// An explanation stored for a finding appears under it.
    @Test func explanationsAppearUnderTheirFinding() async throws {
        let fixture = try await WebFixture.make()
        defer { fixture.cleanUp() }
        let id = try fixture.id(Seed.weihai)
        let finding = try #require(try await fixture.store.latestFindings(document: id).first)
        _ = try await fixture.store.addExplanation(
            Explanation(author: "填报人乙", writtenAt: "2026-11-29T20:00:00Z", text: "尾数四舍五入所致 <已核实>"), toFinding: finding.id)
        let (_, html) = try await fixture.documentPage(Seed.weihai)
        let article = try #require(PageChecks.findingArticle(finding.id, in: html))
        #expect(article.contains("<li>尾数四舍五入所致 &lt;已核实&gt; <span class=\"muted\">— 填报人乙，2026-11-29T20:00:00Z</span></li>"))
        // The public sees explanations but no form.
        let (_, publicHTML) = try await fixture.documentPage(Seed.weihai, session: WebSession())
        #expect(!publicHTML.contains("class=\"explain-form\""))
        #expect(publicHTML.contains("公众（只读）"))
    }
}
