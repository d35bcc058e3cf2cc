import BudgetLensCore
import BudgetLensReader
import BudgetLensTestSupport
import Testing

/// The 上海 template (../shared/corpus): no 行次, codes split over 类/款/项 fields, the 三公 table placed seventh,
/// left/right economic-classification blocks, 公开05's 合计 at the bottom.
@Suite("Reading the Shanghai corpus")
struct ShanghaiCorpusTests {
    @Test("001 财政局: 公开01 totals placed on their standard rows although no 行次 is printed")
    func financeSummary() throws {
        let disclosure = try Seed.readCorpus(Seed.shanghaiFinance)
        #expect(disclosure.header.unitName == "上海市普陀区财政局")
        #expect(disclosure.header.year == 2024)
        #expect(disclosure.missingTables.isEmpty)
        #expect(disclosure.problems.isEmpty)
        let income = try #require(disclosure.row(.incomeExpenditureSummary, line: 27))
        #expect(income.item == "本年收入合计" && income.line == nil)
        #expect(income.cell(1)?.value == Money(wan: "2946.25"))
        #expect(disclosure.row(.incomeExpenditureSummary, line: 29)?.cell(1)?.value == Money(wan: "49.14"))
        #expect(disclosure.row(.incomeExpenditureSummary, line: 31)?.cell(1)?.value == Money(wan: "2995.39"))
        #expect(disclosure.row(.incomeExpenditureSummary, line: 28)?.item == "使用非财政拨款结余（含专用结余）")
        #expect(disclosure.row(.incomeExpenditureSummary, line: 60)?.cell(2)?.value == Money(wan: "55.34"))
        #expect(disclosure.row(.incomeExpenditureSummary, line: 62)?.cell(2)?.value == Money(wan: "2995.39"))
        #expect(disclosure.row(.incomeExpenditureSummary, line: 32)?.cell(2)?.value == Money(wan: "2106.66"))
        #expect(disclosure.table(.incomeExpenditureSummary)?.rows.count == 42)
    }

    @Test("001 财政局: 公开02 codes joined from 类/款/项, 公开05 合计 at the bottom")
    func financeFunctionalTables() throws {
        let disclosure = try Seed.readCorpus(Seed.shanghaiFinance)
        #expect(disclosure.row(.income, code: "201")?.cell(1)?.value == Money(wan: "2112.86"))
        let running = try #require(disclosure.row(.income, code: "2010601"))
        #expect(running.item == "行政运行" && running.cell(7)?.value == Money(wan: "0.01"))
        #expect(disclosure.row(.income, item: "合计")?.cell(2)?.value == Money(wan: "2940.05"))
        #expect(disclosure.table(.income)?.rows.count == 20)
        #expect(disclosure.table(.expenditure)?.rows.count == 20)
        let total = try #require(disclosure.row(.generalBudgetExpenditure, item: "合计"))
        #expect(total.cells.map(\.value) == ["2940.05", "2336.91", "603.14"].map { Money(wan: $0) })
        #expect(disclosure.table(.generalBudgetExpenditure)?.rows.last?.kind == .total)
        #expect(disclosure.row(.income, code: "2080505")?.item == "机关事业单位基本养老保险缴费支出")
    }

    @Test("001 财政局: 公开04 fund rows after 年初财政拨款结转和结余 are rows 29–31")
    func financeAppropriation() throws {
        let disclosure = try Seed.readCorpus(Seed.shanghaiFinance)
        #expect(disclosure.row(.appropriationSummary, line: 1)?.cell(1)?.value == Money(wan: "2940.05"))
        #expect(disclosure.row(.appropriationSummary, line: 28)?.cell(1)?.value == Money(wan: "21.63"))
        #expect(disclosure.row(.appropriationSummary, line: 29)?.cell(1)?.value == Money(wan: "21.63"))
        #expect(disclosure.row(.appropriationSummary, line: 32)?.cell(1)?.value == Money(wan: "2961.68"))
        let carried = try #require(disclosure.row(.appropriationSummary, line: 60))
        #expect(carried.cells.map(\.value) == ["21.63", "21.63", "0", "0"].map { Money(wan: $0) })
        #expect(disclosure.table(.appropriationSummary)?.rows.count == 38)
    }

    @Test("001 财政局: 公开06 left/right blocks with split codes; the 三公 table, seventh in print, is 公开09")
    func financeBasicAndThreePublic() throws {
        let disclosure = try Seed.readCorpus(Seed.shanghaiFinance)
        let table = try #require(disclosure.table(.generalBudgetBasicExpenditure))
        #expect(table.rows.count == 66)
        #expect(disclosure.row(.generalBudgetBasicExpenditure, code: "30101")?.cell(1)?.value == Money(wan: "262.33"))
        #expect(disclosure.row(.generalBudgetBasicExpenditure, code: "30212")?.item == "因公出国（境）费用")
        #expect(
            disclosure.row(.generalBudgetBasicExpenditure, item: "人员经费合计")?.cell(1)?.value == Money(wan: "2152.26"))
        #expect(
            disclosure.row(.generalBudgetBasicExpenditure, item: "公用经费合计")?.cell(1)?.value == Money(wan: "184.65"))
        let order = disclosure.tables.map(\.id)
        #expect(order.firstIndex(of: .threePublicExpenses) == 6)
        let threePublic = try #require(disclosure.table(.threePublicExpenses)?.rows.first)
        #expect(threePublic.cell(1)?.value == Money(wan: "0.95"))
        #expect(threePublic.cell(6)?.value == Money(wan: "0.95"))
        #expect(threePublic.cell(7)?.value == .zero && threePublic.cell(12)?.value == .zero)
    }

    @Test("001 财政局: Shanghai's six-column 公开08 keeps 栏次 1–3 for 小计/基本支出/项目支出")
    func financeStateCapital() throws {
        let disclosure = try Seed.readCorpus(Seed.shanghaiFinance)
        let table = try #require(disclosure.table(.stateCapital))
        #expect(table.columns.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(table.columns.first { $0.number == 1 }?.name == "本年支出/小计")
        #expect(table.columns.first { $0.number == 4 }?.name == "年初结转和结余")
        #expect(table.rows.count == 1 && table.noDataStatement != nil)
    }

    @Test("002 规划资源局: 24 expenditure classes, plain numbers, merged header in empty 公开07")
    func planning() throws {
        let disclosure = try Seed.readCorpus(Seed.shanghaiPlanning)
        #expect(disclosure.table(.incomeExpenditureSummary)?.rows.count == 40)
        let covid = try #require(disclosure.row(.incomeExpenditureSummary, line: 57))
        #expect(covid.item == "二十四、抗疫特别国债安排的支出")
        #expect(disclosure.row(.incomeExpenditureSummary, line: 62)?.cell(2)?.value == Money(wan: "9859.38"))
        #expect(disclosure.row(.income, code: "2080505")?.item == "机关事业单位基本养老保险缴费支出")
        #expect(disclosure.row(.income, code: "2080505")?.cell(1)?.value == Money(wan: "446.11"))
        let threePublic = try #require(disclosure.table(.threePublicExpenses)?.rows.first)
        #expect(threePublic.cell(1)?.value == Money(wan: "2.85") && threePublic.cell(7)?.value == Money(wan: "0.39"))
        #expect(threePublic.cell(6)?.value == Money(wan: "2.85") && threePublic.cell(12)?.value == Money(wan: "0.39"))
        let fund = try #require(disclosure.table(.governmentFund))
        #expect(fund.rows.count == 1 && fund.rows[0].cells.allSatisfy { $0.value == .zero })
        #expect(disclosure.problems.map(\.code) == ["row.header-in-total", "row.header-in-total"])
        // The cover's name; the tables' (`部门：上海市规划和自然资源局`) is kept for F-HDR.
        #expect(disclosure.header.unitName == "上海市普陀区规划和自然资源局", "as on the cover")
        #expect(disclosure.header.tablesUnitName == "上海市规划和自然资源局", "as printed above the tables")
    }

    @Test("004 test variant: the missing 支出决算表 is recorded; the empty 三公 table has no row")
    func testVariant() throws {
        let disclosure = try Seed.readCorpus(Seed.shanghaiTestVariant)
        #expect(disclosure.missingTables == [.expenditure])
        #expect(disclosure.tableOfContents.contains { $0.text == "三、支出决算表" })
        #expect(disclosure.table(.threePublicExpenses)?.rows.isEmpty == true)
        #expect(disclosure.problems.map(\.code) == ["table.no-data-row"])
        #expect(disclosure.header.unitName == "上海市普陀区财政局", "the cover's name, not the tables' placeholder")
        #expect(disclosure.header.tablesUnitName == "上海市普陀区XX局")
    }

    @Test("008 is a budget, in 元, and is recognised as such")
    func budget() throws {
        let disclosure = try Seed.readCorpus(Seed.shanghaiBudget)
        #expect(disclosure.kind == .budget)
        #expect(disclosure.tables.isEmpty)
        #expect(disclosure.header.moneyUnit == .yuan)
        #expect(disclosure.header.unitName == "上海市普陀区商务委员会")
        #expect(disclosure.header.year == 2025)
    }
}
