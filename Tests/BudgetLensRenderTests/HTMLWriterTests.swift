import BudgetLensCore
import BudgetLensReader
import BudgetLensRender
import BudgetLensTestSupport
import Foundation
import Testing

/// The HTML page of a disclosure: self-contained, accessible, escaped, with the 情况说明 and the charts.
@Suite("HTML page")
struct HTMLWriterTests {
    @Test("seed 000: nine tables with th scope, amounts as printed, the writer's 情况说明, charts, no external request")
    func yantai() throws {
        let disclosure = try Seed.read(Seed.yantai)
        let html = HTMLWriter(disclosure: disclosure).html()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
        #expect(html.components(separatedBy: "<table aria-labelledby=\"t").count - 1 == 9)
        // The annexes: the 汇总表 (18 projects) and the eight 自评表, each table labelled by its title.
        #expect(html.contains("<h2>第五部分　附件</h2>"))
        #expect(html.components(separatedBy: "<table class=\"annex-table").count - 1 == 9)
        #expect(html.contains("<tr><td>1</td><th scope=\"row\">医疗救助补助资金</th><td>烟台市医疗保障局</td><td class=\"num\">100</td><td>优</td></tr>"))
        #expect(html.contains("<tr><th scope=\"row\">年度资金总额</th><td class=\"num\">123</td><td class=\"num\">123</td><td class=\"num\">121.23</td><td class=\"num\">10</td><td class=\"num\">98.56%</td><td class=\"num\">9.86</td><td></td></tr>"))
        #expect(html.contains("<tr><th scope=\"row\" colspan=\"6\">总分</th><td class=\"num\" colspan=\"3\">99.86</td></tr>"))
        #expect(html.contains("<title>2022年度烟台市医疗保障局部门决算</title>"))
        #expect(html.contains("<th scope=\"colgroup\" colspan=\"3\">收入</th>"))
        // Figures right-aligned in a box as wide as the column's widest (8,431.28: 6 digits + 2 marks = 7ch).
        #expect(html.contains("<th scope=\"row\">一、一般公共预算财政拨款收入</th><td>1</td><td class=\"num\"><span class=\"fig\" style=\"min-width:7ch\">7,297.28</span></td>"))
        #expect(html.contains("<th scope=\"row\" colspan=\"2\">人员经费合计</th><td class=\"num\"><span class=\"fig\" style=\"min-width:7ch\">2,361.57</span></td>"))
        #expect(html.contains("<td class=\"code\">20805</td>"))
        // A blank-means-zero cell prints 0.00; 公开01's filler row 行30 stays blank.
        #expect(html.contains("<th scope=\"row\">四、上级补助收入</th><td>4</td><td class=\"num\"><span class=\"fig\" style=\"min-width:7ch\">0.00</span></td>"))
        #expect(html.contains("<tr><th scope=\"row\"></th><td>30</td><td class=\"num\"><span class=\"fig\" style=\"min-width:7ch\"></span></td><th scope=\"row\"></th><td>61</td>"))
        #expect(html.contains("<h2>第四部分　图示</h2>"))
        #expect(html.contains("<p>2022年度收、支总计均为8,431.28万元。</p>"))
        #expect(html.contains("@page { size: A4;"))
        // Self-contained: no scripts, no links to other files, no URLs but the SVG namespace.
        for forbidden in ["<script", "<link", "src=", "@import", "url("] { #expect(!html.contains(forbidden), "\(forbidden)") }
        let urls = html.components(separatedBy: "http").count - 1
        let namespaces = html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1
        #expect(urls == namespaces)
        #expect(namespaces == 5)
        #expect(html.contains("<figcaption>图1　收、支决算总计</figcaption>"))
    }

    @Test("a table present but not read (scanned pages, or a form not read) is said to be so, not 'not published'")
    func presentNotRead() throws {
        var disclosure = try Seed.read(Seed.yantai)
        disclosure.tables.removeAll { $0.id == .expenditure || $0.id == .appropriationSummary }
        let here = SourceLocation(file: "x", line: 0, column: 0, page: 8)
        disclosure.problems += [
            ReadProblem(code: Disclosure.unreadableTableProblem, severity: .warning, message: "p8–9", table: .expenditure, source: here),
            ReadProblem(code: Disclosure.notUnderstoodTableProblem, severity: .error, message: "form", table: .appropriationSummary, source: here),
        ]
        let html = HTMLWriter(disclosure: disclosure).html()
        #expect(html.contains("原文档有公开03表，但所在页没有文字层（扫描页？），未能读取，此处不显示。"))
        #expect(html.contains("原文档有公开04表，但其表格形式未能读取（见读取问题），此处不显示。"))
        #expect(!html.contains("原文档中未找到公开03表") && !html.contains("原文档中未找到公开04表"))
    }

    @Test("seed 001: the missing 公开06 is stated, not invented; the income shares are computed (99.97%, 0.03%)")
    func weihai() throws {
        let html = HTMLWriter(disclosure: try Seed.read(Seed.weihai)).html()
        #expect(html.contains("本文档未公开此表（原文档中未找到公开06表）。"))
        #expect(html.components(separatedBy: "<table aria-labelledby=\"t").count - 1 == 8)
        #expect(html.contains(">939.04（99.97%）</text>"))
        #expect(html.contains(">0.27（0.03%）</text>"))
    }

    @Test("a hostile unit name and row label are escaped everywhere: no <script> survives")
    func hostile() throws {
        var disclosure = try Seed.read(Seed.yantai)
        let hostile = "<script>alert(\"x\")</script>&'"
        disclosure.header.unitName = hostile
        disclosure.header.title = hostile
        disclosure.tables = disclosure.tables.map { table in
            var table = table
            table.unitName = hostile
            table.rows = table.rows.map { var row = $0; row.item = hostile + row.item; return row }
            return table
        }
        // The annexes too: a project name, a goal and an indicator's value.
        disclosure.evaluationSummaries[0].rows[0].project = hostile
        disclosure.selfEvaluations[0].projectName = hostile
        disclosure.selfEvaluations[0].goal = hostile
        disclosure.selfEvaluations[0].indicators[0].target.text = hostile
        let html = HTMLWriter(disclosure: disclosure).html()
        #expect(!html.contains("<script"))
        #expect(!html.contains("alert(\"x\")"))
        #expect(html.contains("部门：&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;"))
        #expect(MarkupText.escape("a<b>&\"'\u{1}c") == "a&lt;b&gt;&amp;&quot;&#39;c")
    }

    @Test("with last year's document the totals chart has two bars per total, each value printed")
    func twoYears() throws {
        let disclosure = try Seed.read(Seed.yantai)
        // Last year: the same unit's document with 2021 figures (总计 3,017.82 on both sides).
        var previous = disclosure
        previous.header.year = 2021
        previous.tables = previous.tables.map { table in
            var table = table
            guard table.id == .incomeExpenditureSummary else { return table }
            table.rows = table.rows.map { row in
                var row = row
                if row.line == 31 || row.line == 62 {
                    row.cells = row.cells.map { var cell = $0; cell.value = Money(fen: 3_017_820_000); return cell }
                }
                return row
            }
            return table
        }
        let chart = try #require(DisclosureCharts(disclosure: disclosure, previous: previous).charts().first)
        #expect(chart.caption == "收、支决算总计（2021年度与2022年度）")
        #expect(chart.svg.components(separatedBy: ">3,017.82</text>").count - 1 == 2)
        #expect(chart.svg.components(separatedBy: ">8,431.28</text>").count - 1 == 2)
        #expect(chart.svg.contains(">2021年度</text>") && chart.svg.contains(">2022年度</text>"))
        let single = try #require(DisclosureCharts(disclosure: disclosure).charts().first)
        #expect(!single.svg.contains("3,017.82"))
    }

    @Test("seed 002: 财政拨款收、支总计 from 公开04 行32 and 行64 (1,133.18 each)")
    func appropriationTotals() throws {
        let charts = DisclosureCharts(disclosure: try Seed.read(Seed.zengdu)).charts()
        let chart = try #require(charts.first { $0.caption == "财政拨款收、支总计" })
        #expect(chart.svg.components(separatedBy: ">1,133.18</text>").count - 1 == 2)
    }

    @Test("seed 000 charts: 一般公共预算 支出 by 类 prints 208 139.52 (1.91%), 210 7,152.54 (98.02%), 215 5.22 (0.07%)")
    func generalBudgetByClass() throws {
        let charts = DisclosureCharts(disclosure: try Seed.read(Seed.yantai)).charts()
        #expect(charts.map(\.caption) == ["收、支决算总计", "收入决算结构", "支出决算结构", "财政拨款收、支总计", "一般公共预算财政拨款支出结构（按功能分类类级科目）"])
        #expect(charts[3].svg.components(separatedBy: ">8,431.28</text>").count - 1 == 2)  // 公开04 行32, 行64
        let byClass = charts[4].svg
        #expect(byClass.contains(">社会保障和就业支出</text>"))
        #expect(byClass.contains(">139.52（1.91%）</text>"))
        #expect(byClass.contains(">7,152.54（98.02%）</text>"))
        #expect(byClass.contains(">5.22（0.07%）</text>"))
        #expect(charts[2].svg.contains(">基本支出</text>") && charts[2].svg.contains(">2,532.15（30.03%）</text>"))
    }
}
