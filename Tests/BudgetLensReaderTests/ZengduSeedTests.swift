import BudgetLensCore
import BudgetLensReader
import BudgetLensTestSupport
import Testing

/// Seed 002: 曾都区医疗保障局（汇总） 2022 — Hubei layout: `科目代码`, 决算数 heads in 公开06, a 栏次 row split over
/// two lines in 公开03, a label split in 公开04, 公开09 with no 公开 label.
@Suite("Reading seed 002 (Zengdu 2022)")
struct ZengduSeedTests {
    let disclosure: Disclosure

    init() throws { disclosure = try Seed.read(Seed.zengdu) }

    @Test("header: consolidated department")
    func header() {
        #expect(disclosure.header.unitName == "曾都区医疗保障局（汇总）")
        #expect(disclosure.header.scope == .consolidated)
        #expect(disclosure.header.year == 2022)
        #expect(disclosure.missingTables.isEmpty)
        #expect(disclosure.problems.isEmpty)
    }

    @Test("公开06: 办公设备购置 83.04, totals 879.35 and 253.83 (the latter printed one cell early)")
    func basicExpenditureDetail() throws {
        let equipment = try #require(disclosure.row(.generalBudgetBasicExpenditure, code: "31002"))
        #expect(equipment.item == "办公设备购置" && equipment.cell(1)?.value == Money(wan: "83.04"))
        #expect(equipment.source.line == 280)
        #expect(
            disclosure.row(.generalBudgetBasicExpenditure, item: "人员经费合计")?.cell(1)?.value == Money(wan: "879.35"))
        #expect(
            disclosure.row(.generalBudgetBasicExpenditure, item: "公用经费合计")?.cell(1)?.value == Money(wan: "253.83"))
        #expect(disclosure.row(.generalBudgetBasicExpenditure, code: "310")?.cell(1)?.value == Money(wan: "105.37"))
        #expect(disclosure.table(.generalBudgetBasicExpenditure)?.rows.count == 83)
        #expect(disclosure.table(.generalBudgetBasicExpenditure)?.columns.first?.name == "决算数")
    }

    @Test("公开04 line 31 国有资本经营预算财政拨款, label split over two lines, reads 0.00")
    func splitLabel() throws {
        let row = try #require(disclosure.row(.appropriationSummary, line: 31))
        #expect(row.item == "国有资本经营预算财政拨款")
        #expect(row.cell(1)?.value == .zero && row.cell(1)?.text == "0.00")
        #expect(row.source.line == 234)
        #expect(disclosure.row(.appropriationSummary, line: 28)?.cell(1)?.value == Money(wan: "31.83"))
    }

    @Test("公开03: 栏次 on its own line after its numbers")
    func splitColumnNumbers() throws {
        let table = try #require(disclosure.table(.expenditure))
        #expect(table.columns.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(table.rows.count == 6)
        #expect(table.rows[0].kind == .total && table.rows[0].cell(2)?.value == Money(wan: "1133.18"))
        #expect(disclosure.row(.expenditure, code: "2101550")?.cell(1)?.value == Money(wan: "681.24"))
    }

    @Test("公开09 found by title and shape without a 公开 label")
    func unlabelledThreePublic() throws {
        let table = try #require(disclosure.table(.threePublicExpenses))
        #expect(table.formLabel == nil)
        #expect(table.moneyUnit == nil)
        let row = try #require(table.rows.first)
        #expect(row.cell(1)?.value == Money(wan: "0.42") && row.cell(12)?.value == Money(wan: "0.42"))
        #expect(row.cell(7)?.value == Money(wan: "0.42"))
    }

    @Test("empty 公开07 and 08: a blank 合计 row and the statement that there is no data")
    func emptyTables() throws {
        let fund = try #require(disclosure.table(.governmentFund))
        #expect(fund.rows.count == 1 && fund.rows[0].cells.count == 6)
        #expect(fund.rows[0].cells.allSatisfy { $0.value == .zero && $0.text.isEmpty })
        #expect(fund.noDataStatement?.text == "2022 年本部门无政府性基金预算财政拨款收入。")
        #expect(disclosure.table(.stateCapital)?.noDataStatement?.text == "2022 年本部门无国有资本经营预算财政拨款支出。")
    }

    @Test("narrative has a fourteenth section")
    func narrative() {
        #expect(disclosure.narrative.map(\.number) == Array(1...14))
        #expect(disclosure.glossary.count == 18)
        #expect(disclosure.glossary[0].term == "一般公共预算财政拨款收入")
    }
}
