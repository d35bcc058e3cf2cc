import BudgetLensCore
import BudgetLensReader
import Foundation
import Testing

/// Page text's 公开06 printed over code, label and amount lines (``EconomicRecordPageTable``) and 公开09 with
/// fewer than twelve amounts (``ThreePublicPlacement``): amounts placed by the identities, an ambiguity named,
/// a contradiction left unread. Planted texts in the ONLYOFFICE PDF's form (docs/page-text.md).
@Suite("Page text: 公开06 on alternate lines and 公开09 with blank cells dropped")
struct PageTextPlacementTests {
    static let economic = """
        2024年度某局部门决算
        一般公共预算财政拨款基本支出决算表
        单位：万元
        经济分类 经济分类
        科目编码 科目编码
        科目名称 决算数 科目名称 决算数
        301 302
        工资福利支出 30.00 商品和服务支出 5.00
        301 01 302
        基本工资 01 办公费
        20.00 5.00
        301 02 302
        津贴补贴 02 印刷费
        10.00
        人员经费合计 30.00 公用经费合计 5.00
        注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。
        """

    static let threePublic = """
        财政拨款“三公”经费支出决算表
        单位：万元
        合计 因公出国（境）费 公务用车购置及运行维护费 公务接待费
        小计 公务用车购置费 公务用车运行维护费
        预算数 决算数 预算数 决算数 预算数 决算数 预算数 决算数 预算数 决算数 预算数 决算数
        5.00 4.00 3.00 2.00 2.00 2.00
        注：本表反映部门本年度“三公”经费支出预决算情况。
        """

    private func read(_ text: String) throws -> Disclosure {
        try DisclosureReader.read(data: Data(text.utf8), file: "planted.txt")
    }

    /// `code column value` of the table's non-zero cells, value in 分 (万元 × 1,000,000).
    private func cells(_ disclosure: Disclosure, _ id: TableID) -> [String] {
        disclosure.table(id)?.rows.flatMap { row in
            row.cells.compactMap { cell in
                guard let fen = cell.value?.fen, fen != 0 else { return nil }
                return "\(row.code ?? row.item) \(cell.column) \(fen)"
            }
        } ?? []
    }

    @Test("公开06: `10.00` alone under 津贴补贴 | 印刷费 goes left, where 301 = Σ 301xx holds; no note")
    func economicPlaced() throws {
        let disclosure = try read(Self.economic + "\n" + Self.threePublic)
        #expect(cells(disclosure, .generalBudgetBasicExpenditure) == [
            "301 1 30000000", "30101 1 20000000", "30102 1 10000000", "人员经费合计 1 30000000",
            "302 1 5000000", "30201 1 5000000", "公用经费合计 1 5000000",
        ])
        #expect(!disclosure.problems.contains { $0.table == .generalBudgetBasicExpenditure })
    }

    @Test("公开06: a lone 0.00 fits either block: both give the same cells, one reading, no note")
    func economicAmbiguous() throws {
        let text = Self.economic.replacingOccurrences(of: "\n10.00\n", with: "\n0.00\n")
            .replacingOccurrences(of: "工资福利支出 30.00", with: "工资福利支出 20.00")
            .replacingOccurrences(of: "人员经费合计 30.00", with: "人员经费合计 20.00")
        let disclosure = try read(text + "\n" + Self.threePublic)
        #expect(!disclosure.problems.contains { $0.table == .generalBudgetBasicExpenditure })
        #expect(cells(disclosure, .generalBudgetBasicExpenditure).contains("30101 1 20000000"))
    }

    @Test("公开06: 301 printed as 40.00 while its 款 add to 30.00 either way: not read, said so, nothing invented")
    func economicContradiction() throws {
        let text = Self.economic.replacingOccurrences(of: "工资福利支出 30.00", with: "工资福利支出 40.00")
            .replacingOccurrences(of: "人员经费合计 30.00", with: "人员经费合计 40.00")
        let disclosure = try read(text + "\n" + Self.threePublic)
        #expect(disclosure.table(.generalBudgetBasicExpenditure) == nil)
        let problems = disclosure.problems.filter { $0.table == .generalBudgetBasicExpenditure }.map(\.code)
        #expect(problems.contains("page-text.row-unplaced") && problems.contains("table.not-understood"))
        #expect(disclosure.table(.threePublicExpenses) != nil)
    }

    @Test("公开09: six amounts with one placement under 合计 = 出国 + 小计 + 接待: read, no note")
    func threePublicPlaced() throws {
        let disclosure = try read(Self.economic + "\n" + Self.threePublic)
        // 栏次 1–6 预算数 (合计, 出国, 小计, 购置, 运行, 接待), 7–12 决算数.
        let row = try #require(disclosure.table(.threePublicExpenses)?.rows.first)
        let placed = row.cells.compactMap { cell in cell.value?.fen == 0 ? nil : "\(cell.column) \(cell.value?.fen ?? 0)" }
        #expect(placed == ["1 5000000", "2 3000000", "6 2000000", "7 4000000", "8 2000000", "12 2000000"])
        #expect(!disclosure.problems.contains { $0.table == .threePublicExpenses })
    }

    @Test("公开09: 9.00 8.00 2.00 fit no placement: not read, said so")
    func threePublicContradiction() throws {
        let text = Self.threePublic.replacingOccurrences(of: "5.00 4.00 3.00 2.00 2.00 2.00", with: "9.00 8.00 2.00")
        let disclosure = try read(Self.economic + "\n" + text)
        #expect(disclosure.table(.threePublicExpenses) == nil)
        let problems = disclosure.problems.filter { $0.table == .threePublicExpenses }.map(\.code)
        #expect(problems.contains("page-text.row-unplaced") && problems.contains("table.not-understood"))
    }

    /// 栏次 → 分 of 公开09's cells (`-`: no value).
    private func threePublicCells(_ disclosure: Disclosure) -> [String] {
        disclosure.table(.threePublicExpenses)?.rows.first?.cells.map { "\($0.column) \($0.value.map { String($0.fen) } ?? "-")" } ?? []
    }

    @Test("公开09: `5.00 5.00` fits four placements; 公开06's 30217 公务接待费 5.00 bounds 栏12 (rule 06-5): 合计 and 公务接待费 决算数, noted")
    func threePublicBoundedByBasicExpenditure() throws {
        let economic = Self.economic.replacingOccurrences(of: "01 办公费", with: "17 公务接待费")
        let threePublic = Self.threePublic.replacingOccurrences(of: "5.00 4.00 3.00 2.00 2.00 2.00", with: "5.00 5.00")
        let disclosure = try read(economic + "\n" + threePublic)
        #expect(disclosure.table(.generalBudgetBasicExpenditure)?.rows.contains { $0.code == "30217" } == true)
        #expect(threePublicCells(disclosure) == ["1 0", "2 0", "3 0", "4 0", "5 0", "6 0", "7 5000000", "8 0", "9 0", "10 0", "11 0", "12 5000000"])
        let notes = disclosure.problems.filter { $0.table == .threePublicExpenses }
        #expect(notes.map(\.code) == ["page-text.column-placed"])
        #expect(notes.first?.severity == .info)
        #expect(notes.first?.message.contains("按公开06所列取：5.00→合计决算数，5.00→公务接待费决算数（依据：公开06 30217 = 5.00 ≤ 公开09 栏12") == true)
    }

    @Test("公开09: `5.00 5.00` with nothing to decide (公开06's 30217 blank): no value guessed, the four placements named in a warning")
    func threePublicAmbiguous() throws {
        let threePublic = Self.threePublic.replacingOccurrences(of: "5.00 4.00 3.00 2.00 2.00 2.00", with: "5.00 5.00")
        let disclosure = try read(Self.economic + "\n" + threePublic)
        #expect(threePublicCells(disclosure) == ["1 -", "2 -", "3 0", "4 0", "5 0", "6 -", "7 -", "8 -", "9 0", "10 0", "11 0", "12 -"])
        let warnings = disclosure.problems.filter { $0.table == .threePublicExpenses }
        #expect(warnings.map(\.code) == ["table.ambiguous"])
        #expect(warnings.first?.severity == .warning)
        #expect(warnings.first?.message.contains(
            "金额有 4 种放置均满足勾稽关系，无法确定：5.00→合计预算数，5.00→因公出国（境）费预算数 | 5.00→合计预算数，5.00→公务接待费预算数 | "
                + "5.00→合计决算数，5.00→因公出国（境）费决算数 | 5.00→合计决算数，5.00→公务接待费决算数") == true)
    }
}
