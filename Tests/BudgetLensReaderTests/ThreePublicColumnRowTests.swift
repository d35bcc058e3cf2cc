import BudgetLensCore
import BudgetLensReader
import Foundation
import Testing

/// Page text of a Shandong 公开09 (预算数 block, then 决算数 block; seed 000 printed by `render --to pdf`, pdfplumber
/// `extract_text()`): the printed 栏次 row `1 … 12` is kept in the rewritten header, so the table is not said to
/// have none; a table printed without it still is (`table.column-numbers`, a warning).
@Suite("Page text: 公开09's printed 栏次 row")
struct ThreePublicColumnRowTests {
    static let lines = [
        "财政拨款“三公”经费支出决算表", "公开09表", "部门：烟台市医疗保障局 金额单位：万元", "预算数 决算数",
        "公务用车购置及运行维护费 公务用车购置及运行维护费", "合计 因公出国（境）费 公务接待费 合计 因公出国（境）费 公务接待费",
        "小计 公务用车购置费 公务用车运行维护费 小计 公务用车购置费 公务用车运行维护费", "1 2 3 4 5 6 7 8 9 10 11 12",
        "4.67 0.00 2.08 0.00 2.08 2.59 4.67 0.00 2.08 0.00 2.08 2.59", "注：本表反映部门本年度财政拨款“三公”经费支出预决算情况。",
    ]

    static func read(_ lines: [String]) throws -> Disclosure {
        try DisclosureReader.read(data: Data(lines.joined(separator: "\n").utf8), file: "page.txt")
    }

    @Test("with its 栏次 row: the twelve cells in order, no column-numbers warning")
    func printedRow() throws {
        let disclosure = try Self.read(Self.lines)
        let cells = try #require(disclosure.table(.threePublicExpenses)?.rows.first?.cells)
        #expect(cells.map(\.column) == Array(1...12))
        #expect(cells.map(\.text) == ["4.67", "0.00", "2.08", "0.00", "2.08", "2.59", "4.67", "0.00", "2.08", "0.00", "2.08", "2.59"])
        #expect(!disclosure.problems.contains { $0.code == "table.column-numbers" })
    }

    @Test("without it: the same cells, and the warning that it has none")
    func noRow() throws {
        let disclosure = try Self.read(Self.lines.filter { $0 != "1 2 3 4 5 6 7 8 9 10 11 12" })
        #expect(disclosure.table(.threePublicExpenses)?.rows.first?.cells.map(\.column) == Array(1...12))
        #expect(disclosure.problems.contains { $0.code == "table.column-numbers" && $0.message.contains("没有栏次行") })
    }
}
