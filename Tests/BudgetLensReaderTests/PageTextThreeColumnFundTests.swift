import BudgetLensCore
import BudgetLensReader
import Foundation
import Testing

/// Page text of a 公开08 printed with the 本年支出 columns only (`合计 基本支出 项目支出`), as the Shandong and Hubei
/// templates print it (``FunctionalPageTable/template(for:header:)``): read into three columns by 合计 = 基本 + 项目;
/// a six-column header missing one of its columns, or a row that does not add up, stays unread.
@Suite("Page text: 公开08 with the 本年支出 columns only")
struct PageTextThreeColumnFundTests {
    static func document(header: [String], rows: [String]) -> String {
        (["2024年度某局部门决算", "国有资本经营预算财政拨款支出决算表", "公开08表", "部门：某局 金额单位：万元"] + header
            + rows + ["注：本表反映部门本年度国有资本经营预算财政拨款支出情况。"]).joined(separator: "\n") + "\n"
    }

    static let threeColumns = ["项目 本年支出", "科目编码 科目名称 合计 基本支出 项目支出", "栏次 1 2 3"]

    private func read(_ text: String) throws -> Disclosure {
        try DisclosureReader.read(data: Data(text.utf8), file: "planted.txt")
    }

    /// `code column value` of every cell, value in 分.
    private func cells(_ disclosure: Disclosure) -> [String] {
        disclosure.table(.stateCapital)?.rows.flatMap { row in
            row.cells.map { "\(row.code ?? row.item) \($0.column) \($0.value?.fen.description ?? "-")" }
        } ?? []
    }

    @Test("three columns with data: every row read in its columns")
    func readsRows() throws {
        let disclosure = try read(Self.document(header: Self.threeColumns, rows: [
            "合计 1,000.00 0.00 1,000.00", "223 国有资本经营预算支出 1,000.00 0.00 1,000.00",
            "22301 解决历史遗留问题及改革成本支出 1,000.00 0.00 1,000.00", "2230108 离休干部医药费补助支出 1,000.00 0.00 1,000.00",
        ]))
        let fen = "1000000000"
        #expect(cells(disclosure) == [
            "合计 1 \(fen)", "合计 2 0", "合计 3 \(fen)", "223 1 \(fen)", "223 2 0", "223 3 \(fen)",
            "22301 1 \(fen)", "22301 2 0", "22301 3 \(fen)", "2230108 1 \(fen)", "2230108 2 0", "2230108 3 \(fen)",
        ])
        #expect(!disclosure.problems.contains { $0.code == "table.not-understood" })
    }

    @Test("three columns, the 合计 row only and the no-data statement: the blank 合计 row")
    func readsNoData() throws {
        let disclosure = try read(Self.document(header: Self.threeColumns, rows: [
            "合计 0.00 0.00 0.00", "本单位没有使用国有资本经营预算安排的支出，故本表无数据",
        ]))
        #expect(cells(disclosure) == ["合计 1 0", "合计 2 0", "合计 3 0"])
    }

    @Test("silent: a six-column header missing 年末 is not read as three columns; a row that does not add up is not read")
    func staysUnread() throws {
        let sixMissing = try read(Self.document(
            header: ["项目 本年支出", "年初结转和结余 本年收入", "科目编码 科目名称 小计 基本支出 项目支出"],
            rows: ["合计 1,000.00 0.00 1,000.00"]))
        #expect(sixMissing.table(.stateCapital) == nil)
        #expect(sixMissing.problems.contains { $0.code == "table.not-understood" && $0.table == .stateCapital })
        let wrong = try read(Self.document(header: Self.threeColumns, rows: ["合计 1,000.00 0.00 900.00"]))
        #expect(wrong.table(.stateCapital) == nil)
        #expect(wrong.problems.contains { $0.code == "table.not-understood" && $0.table == .stateCapital })
    }
}
