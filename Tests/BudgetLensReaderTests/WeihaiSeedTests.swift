import BudgetLensCore
import BudgetLensReader
import BudgetLensTestSupport
import Testing

/// Seed 001: 威海市医疗保障局（本级） 2023 单位决算 — no 公开06, empty 07/08, `0.00` printed for zeros.
@Suite("Reading seed 001 (Weihai 2023)")
struct WeihaiSeedTests {
    let disclosure: Disclosure

    init() throws { disclosure = try Seed.read(Seed.weihai) }

    @Test("header: unit, year, scope and money unit")
    func header() {
        #expect(disclosure.kind == .finalAccounts)
        #expect(disclosure.header.unitName == "威海市医疗保障局（本级）")
        #expect(disclosure.header.unitLabel == "单位")
        #expect(disclosure.header.year == 2023)
        #expect(disclosure.header.scope == .standalone)
        #expect(disclosure.header.moneyUnit == .wanYuan)
        #expect(disclosure.problems.isEmpty)
    }

    @Test("公开01: totals and carry-overs of both sides, with their source lines")
    func summaryTable() throws {
        let income = try #require(disclosure.row(.incomeExpenditureSummary, line: 27))
        #expect(income.item == "本年收入合计")
        #expect(income.cell(1)?.value == Money(wan: "939.31"))
        #expect(income.source.line == 140)
        #expect(disclosure.row(.incomeExpenditureSummary, line: 29)?.cell(1)?.value == Money(wan: "19.59"))
        #expect(disclosure.row(.incomeExpenditureSummary, line: 31)?.cell(1)?.value == Money(wan: "958.90"))
        #expect(disclosure.row(.incomeExpenditureSummary, line: 8)?.cell(1)?.value == Money(wan: "0.27"))
        #expect(disclosure.row(.incomeExpenditureSummary, line: 40)?.cell(2)?.value == Money(wan: "883.89"))
        #expect(disclosure.row(.incomeExpenditureSummary, line: 58)?.cell(2)?.value == Money(wan: "958.64"))
        let carried = try #require(disclosure.row(.incomeExpenditureSummary, line: 60))
        #expect(carried.item == "年末结转和结余" && carried.cell(2)?.value == Money(wan: "0.26"))
        #expect(carried.cell(2)?.source.line == 142)
        #expect(disclosure.row(.incomeExpenditureSummary, line: 62)?.cell(2)?.value == Money(wan: "958.90"))
        #expect(disclosure.table(.incomeExpenditureSummary)?.formLabel == "公开01表")
    }

    @Test("公开03 row 2101501 行政运行 reads 437.34 / 353.77 / 83.57")
    func expenditureRow() throws {
        let row = try #require(disclosure.row(.expenditure, code: "2101501"))
        #expect(row.item == "行政运行")
        #expect(row.cells.map(\.value) == ["437.34", "353.77", "83.57", "0.00", "0.00", "0.00"].map { Money(wan: $0) })
        #expect(row.source.line == 200)
        #expect(disclosure.table(.expenditure)?.columns.map(\.number) == [1, 2, 3, 4, 5, 6])
    }

    @Test("公开09 reads its twelve columns by 栏次")
    func threePublicExpenses() throws {
        let row = try #require(disclosure.table(.threePublicExpenses)?.rows.first)
        let expected = ["10.09", "7.32", "0", "0", "0", "2.77", "10.09", "7.32", "0", "0", "0", "2.77"]
        #expect(row.cells.map(\.value) == expected.map { Money(wan: $0) })
        #expect(row.cells.map(\.column) == Array(1...12))
        #expect(row.line == nil && row.code == nil && row.item.isEmpty)
    }

    @Test("公开06 is missing and recorded as missing; 07 and 08 state they have no data")
    func missingAndEmptyTables() throws {
        #expect(disclosure.missingTables == [.generalBudgetBasicExpenditure])
        let fund = try #require(disclosure.table(.governmentFund))
        #expect(fund.rows.count == 1 && fund.rows[0].kind == .total)
        #expect(fund.rows[0].cells.allSatisfy { $0.value == .zero })
        #expect(fund.noDataStatement?.text == "本单位没有使用政府性基金预算财政拨款安排的支出，故本表无数据")
        #expect(disclosure.table(.stateCapital)?.noDataStatement != nil)
    }

    @Test("every table has as many rows as the document prints")
    func rowCounts() {
        let counts = disclosure.tables.map { ($0.id, $0.rows.count) }
        #expect(counts.map(\.0) == [.incomeExpenditureSummary, .income, .expenditure, .appropriationSummary,
            .generalBudgetExpenditure, .governmentFund, .stateCapital, .threePublicExpenses])
        #expect(counts.map(\.1) == [62, 17, 17, 64, 17, 1, 1, 1])
        #expect(disclosure.row(.generalBudgetExpenditure, item: "合计")?.cell(2)?.value == Money(wan: "453.00"))
    }

    @Test("narrative sections 一…十三 and the 名词解释 are kept verbatim")
    func narrativeAndGlossary() throws {
        #expect(disclosure.narrative.map(\.number) == Array(1...13))
        #expect(disclosure.narrative[0].heading == "一、收入支出决算总体情况说明")
        #expect(disclosure.narrative[0].body.text.hasPrefix("2023年度收、支总计均为958.9万元。"))
        #expect(disclosure.narrative[9].heading == "十、机关运行经费支出说明")
        #expect(disclosure.glossary.count == 23)
        #expect(disclosure.glossary[0].term == "财政拨款收入")
        #expect(disclosure.glossary[17].term == "卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）")
        #expect(disclosure.glossary[17].definition.hasSuffix("基本医疗保险缴费经费。"), "continued over two lines")
        let annex = try #require(disclosure.parts.first { $0.role == .annex })
        #expect(annex.body.text.contains("重特大疾病医疗救助"))
        #expect(disclosure.tableOfContents.first?.text == "第一部分 单位概况")
    }
}
