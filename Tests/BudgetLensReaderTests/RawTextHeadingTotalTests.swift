import BudgetLensCore
import BudgetLensReader
import Foundation
import Testing

/// Raw `pdftotext` of Shandong's three-column 公开08 (seed 001 printed by `budgetlens render --to pdf`; 本表无数据):
/// the heading `合计` stands alone on a line above the 合计 row's cells, which come column by column (`合计` / `1`
/// / `0.00`). The heading was read as a second, blank 合计 row (three cells the PDF does not have).
@Suite("Raw text: a lone 合计 heading is no row")
struct RawTextHeadingTotalTests {
    static let stateCapital = [
        "\u{0C}国有资本经营预算财政拨款支出决算表", "单位：威海市医疗保障局（本级）", "科目编码", "合计", "", "项目", "栏次", "",
        "科目名称", "", "本单位没有使用国有资本经营预算安排的支出，故本表无数据", "", "合计", "1", "0.00", "", "11", "",
        "本年支出", "基本支出", "2", "0.00", "", "公开08表", "金额单位：万元", "项目支出", "3", "0.00", "",
    ].joined(separator: "\n")

    /// 公开08's rows as `item|栏次 value@line …`.
    static func rows(_ text: String) throws -> [String] {
        let disclosure = try DisclosureReader.read(data: Data(text.utf8), file: "raw.txt")
        return (disclosure.table(.stateCapital)?.rows ?? []).filter { $0.kind == .data || $0.kind == .total }.map { row in
            row.item + "|" + row.cells.map { "\($0.column) \($0.text)@\($0.source.line)" }.joined(separator: " ")
        }
    }

    @Test("the heading 合计 (line 4) is no row: one 合计 row, its three 0.00 from lines 15, 22, 28")
    func headingIsNoRow() throws {
        #expect(try Self.rows(Self.stateCapital) == ["合计|1 0.00@15 2 0.00@22 3 0.00@28"])
    }

    @Test("a 合计 row with amounts after a heading 合计 that carries a label is kept as printed (nothing dropped but the bare heading)")
    func amountsKept() throws {
        let text = Self.stateCapital.replacingOccurrences(of: "合计\n1\n0.00", with: "合计\n1\n5.00")
            .replacingOccurrences(of: "基本支出\n2\n0.00", with: "基本支出\n2\n5.00")
        #expect(try Self.rows(text) == ["合计|1 5.00@15 2 5.00@22 3 0.00@28"])
    }
}
