import BudgetLensCore
import BudgetLensRender
import BudgetLensRules
import BudgetLensStore
import BudgetLensTestSupport
import BudgetLensWeb
import Foundation
import Testing

/// The document page rendered from what a real SQLite store gives back for the real seeds.
@Suite(.serialized) struct DocumentPageTests {
    /// Seed 001 (威海 2023): 公开05 合计 基本支出 prints 453.00 where its 类 rows sum to 453.01 (05-3, a rounding
    /// finding, docs/seed-findings.md). The page marks exactly that cell with the finding's id, and the finding
    /// beside it shows expected, actual, difference, tolerance and source, and links to the cell.
    @Test func seed001MarksTheBasicExpenditureTotal() async throws {
        let fixture = try await WebFixture.make()
        defer { fixture.cleanUp() }
        let (view, html) = try await fixture.documentPage(Seed.weihai)
        let finding = try #require(
            view.findings.first { $0.finding.rule == "05-3" && $0.finding.location.table == "公开05" && $0.finding.location.column == 2 })
        #expect(finding.finding.actual?.amount == Money(fen: 453_000_000))
        #expect(finding.finding.expected?.amount == Money(fen: 453_010_000))
        let cell = try #require(PageChecks.cellTag("cell-05-total-2", in: html))
        #expect(cell.contains("class=\"num flagged"))
        #expect(cell.contains(">453.00</span></td>"))
        let marked = try #require(PageChecks.captures(#"data-findings="([^"]*)""#, in: cell).first)
        #expect(marked.split(separator: " ").contains(Substring(String(finding.id))))
        // Its operands, the 类 rows 208, 210, 221 栏2 (39.24 + 378.26 + 35.51), are marked as such.
        for (code, value) in [("208", "39.24"), ("210", "378.26"), ("221", "35.51")] {
            let operand = try #require(PageChecks.cellTag("cell-05-\(code)-2", in: html))
            #expect(operand.contains(">\(value)</span></td>"))
            let of = try #require(PageChecks.captures(#"data-operand-of="([^"]*)""#, in: operand).first)
            #expect(of.split(separator: " ").contains(Substring(String(finding.id))))
        }
        let article = try #require(PageChecks.findingArticle(finding.id, in: html))
        #expect(article.contains("<span class=\"rule\">05-3</span>"))
        // As `budgetlens check` reports it: 266:12 05-3 公开05 合计 栏2 为 453.00，应为 453.01
        // （sum(公开05[{208, 210, 221}, 2])），差 -0.01，在尾数误差 ±0.02 之内 (39.24 + 378.26 + 35.51 = 453.01).
        #expect(article.contains("<dt>应为</dt><dd>453.01万元（sum(公开05[{208, 210, 221}, 2])）</dd>"))
        #expect(article.contains("<dt>实际</dt><dd>453.00万元（公开05[合计, 2]）</dd>"))
        #expect(article.contains("<dt>差额</dt><dd>-0.01万元</dd>"))
        #expect(article.contains("<dt>尾数误差</dt><dd>允许 ±0.02万元（在允许范围内）</dd>"))
        #expect(article.contains("<dt>来源</dt><dd>第266行第12列</dd>"))
        #expect(article.contains("<dt>位置</dt><dd><a href=\"#cell-05-total-2\" class=\"goto\">公开05 合计 栏2</a></dd>"))
        #expect(article.contains("action=\"/documents/\(view.id)/findings/\(finding.id)/explanations\""))
        #expect(article.contains("name=\"csrf_token\" value=\"tok-123\""))
        #expect(article.contains("name=\"text\""))
        // The rule text from the pack in force.
        let rule = try #require(fixture.pack.rules.first { $0.id == "05-3" })
        #expect(article.contains(MarkupText.escape(rule.text)))
    }

    /// Every flagged cell of seed 001 is named by a finding of the latest check, and the counts in the 汇总 are
    /// the findings' own.
    @Test func seed001FlaggedCellsAndCountsComeFromTheFindings() async throws {
        let fixture = try await WebFixture.make()
        defer { fixture.cleanUp() }
        let (view, html) = try await fixture.documentPage(Seed.weihai)
        let ids = Set(view.findings.map { String($0.id) })
        let flagged = PageChecks.captures(#"<td[^>]*class="[^"]*flagged[^"]*"[^>]*data-findings="([^"]*)""#, in: html)
        #expect(!flagged.isEmpty)
        for list in flagged {
            for id in list.split(separator: " ") { #expect(ids.contains(String(id))) }
        }
        let summaries = try await fixture.store.summaries(unit: nil, year: nil)
        let summary = try #require(summaries.first { $0.document == view.id })
        #expect(html.contains("id=\"count-errors\">\(summary.errors)</span>"))
        #expect(html.contains("id=\"count-warnings\">\(summary.warnings)</span>"))
        #expect(html.contains("id=\"count-rounding\">\(summary.rounding)</span>"))
        #expect(html.contains("<span class=\"badge unpublished\" id=\"publication\">未发布</span>"))
    }

    /// The synthetic disclosure is correct: the real rules find nothing, and its page marks no cell.
    @Test func correctDocumentHasNoFlaggedCells() async throws {
        let fixture = try await WebFixture.make()
        defer { fixture.cleanUp() }
        let (view, html) = try await fixture.documentPage("synthetic.txt")
        #expect(view.findings.isEmpty)
        #expect(PageChecks.captures(#"(<td[^>]*flagged)"#, in: html) == [])
        #expect(PageChecks.captures(#"(<mark class="statement flagged)"#, in: html) == [])
        #expect(html.contains("id=\"no-findings\""))
        #expect(html.contains("id=\"count-errors\">0</span>"))
        // The tables are there, with their ids: 公开01 本年收入合计 (行27 栏1) 670.00.
        let cell = try #require(PageChecks.cellTag("cell-01-27-1", in: html))
        #expect(cell.contains(">670.00</span></td>"))
        // The 情况说明's checked sentences are marked (none flagged).
        #expect(html.contains("<mark class=\"statement\" id=\"stmt-1\""))
    }

    /// Every page link into the page (`href="#…"`) has its target, ids are unique, the markup parses with
    /// balanced tags, and nothing is fetched from another host — on every seed's page.
    @Test(arguments: [Seed.yantai, Seed.weihai, Seed.zengdu, "synthetic.txt"])
    func pageIsWellFormedAndSelfContained(_ name: String) async throws {
        let fixture = try await WebFixture.make()
        defer { fixture.cleanUp() }
        let (_, html) = try await fixture.documentPage(name)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
        let ids = PageChecks.ids(html)
        #expect(Set(ids).count == ids.count, "duplicate ids: \(Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted())")
        let targets = PageChecks.fragmentTargets(html)
        #expect(targets.isEmpty == (name == "synthetic.txt"))
        for target in targets { #expect(ids.contains(target), "no element with id \(target)") }
        #expect(try PageChecks.parserProblems(html) == [])
        #expect(PageChecks.externalReferences(html) == [])
        #expect(!html.contains("http://") && !html.contains("https://"))
    }

    /// A published PDF (the 财政局 test variant, read through poppler): 公开02 合计 栏1 prints 2946.25 where its 类
    /// rows sum to 2946.26 (02-3, rounding; `budgetlens check` places it on 第8页 at (347,185)). The cell is
    /// flagged and the finding's source names the page and the box; 公开03, which this PDF lacks (F-TOC), is
    /// stated missing.
    @Test func pdfFindingNamesPageAndBox() async throws {
        let pdf = Seed.corpusPath("pdf/24年普陀区财政局（测试问题版本）.pdf")
        let fixture = try await WebFixture.make(files: [pdf])
        defer { fixture.cleanUp() }
        let (view, html) = try await fixture.documentPage("24年普陀区财政局（测试问题版本）.pdf")
        let finding = try #require(
            view.findings.first { $0.finding.rule == "02-3" && $0.finding.location.column == 1 })
        #expect(finding.finding.actual?.amount == Money(fen: 2_946_250_000))
        #expect(finding.finding.expected?.amount == Money(fen: 2_946_260_000))
        let cell = try #require(PageChecks.cellTag("cell-02-total-1", in: html))
        #expect(cell.contains("class=\"num flagged rounding\""))
        #expect(cell.contains(">2,946.25</span></td>"))
        let article = try #require(PageChecks.findingArticle(finding.id, in: html))
        #expect(article.contains("<dt>来源</dt><dd>第8页，框(347,185–"))
        #expect(article.contains("href=\"#cell-02-total-1\""))
        #expect(html.contains("<section class=\"table\" id=\"t03\">\n<h3>支出决算表</h3>\n<p class=\"missing\">本文档未公开此表（原文档中未找到公开03表）。</p>"))
        #expect(try PageChecks.parserProblems(html) == [])
    }

    /// Seed 001 line 396 `2023年度一般公共预算财政拨款支出958.64万元，占本年支出合计的99.97%。`: 958.64 is all of
    /// 公开01 行58 (958.64), so the share is 100.00 % — N-SHARE, an error (docs/narrative-checks.md). The sentence is
    /// marked flagged error with the finding's id; the finding links to it.
    @Test func seed001ShareSentenceIsFlagged() async throws {
        let fixture = try await WebFixture.make()
        defer { fixture.cleanUp() }
        let (view, html) = try await fixture.documentPage(Seed.weihai)
        let finding = try #require(view.findings.first { $0.finding.rule == "N-SHARE" && $0.finding.location.source?.line == 396 })
        #expect(finding.finding.severity == .error)
        let statements = try #require(view.disclosure.statements?.statements)
        let index = try #require(statements.firstIndex { $0.source == finding.finding.location.source })
        let mark = "<mark class=\"statement flagged error\" data-findings=\"\(finding.id)\" id=\"stmt-\(index + 1)\""
        let start = try #require(html.range(of: mark))
        let end = try #require(html.range(of: "</mark>", range: start.upperBound..<html.endIndex))
        #expect(html[start.upperBound..<end.lowerBound].hasSuffix(">2023年度一般公共预算财政拨款支出958.64万元，占本年支出合计的99.97%。"))
        let article = try #require(PageChecks.findingArticle(finding.id, in: html))
        #expect(article.contains("href=\"#stmt-\(index + 1)\""))
        #expect(article.contains("<dt>实际</dt><dd>99.97%</dd>"))
    }

    /// Seed 000's 情况说明: statements named by a narrative finding are flagged with that finding's id, and the
    /// finding links to the sentence.
    @Test func narrativeFindingsMarkTheirSentence() async throws {
        let fixture = try await WebFixture.make()
        defer { fixture.cleanUp() }
        for name in [Seed.yantai, Seed.weihai, Seed.zengdu] {
            let (view, html) = try await fixture.documentPage(name)
            let statements = view.disclosure.statements?.statements ?? []
            #expect(!statements.isEmpty)
            let marked = PageChecks.ids(html).filter { $0.hasPrefix("stmt-") }
            #expect(marked.count == statements.count, "\(name): \(marked.count) of \(statements.count) statements marked")
            for stored in view.findings where stored.finding.location.table == "情况说明" {
                guard let source = stored.finding.location.source,
                    let index = statements.firstIndex(where: { $0.source == source })
                else { continue }
                let article = try #require(PageChecks.findingArticle(stored.id, in: html))
                #expect(article.contains("href=\"#stmt-\(index + 1)\""))
            }
        }
    }
}

