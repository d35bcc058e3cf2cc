import BudgetLensCore
import BudgetLensReader
import BudgetLensTestSupport
import Testing

/// Seed 000: 烟台市医疗保障局 2022 部门决算 — blank zeros, `公开 01 表` labels, tables split across pages with
/// repeated headers, OCR-broken numbers in 公开06, a shifted 栏次 row in 公开04, a 公开09 header missing a name.
@Suite("Reading seed 000 (Yantai 2022)")
struct YantaiSeedTests {
    let disclosure: Disclosure

    init() throws { disclosure = try Seed.read(Seed.yantai) }

    @Test("header")
    func header() {
        #expect(disclosure.header.unitName == "烟台市医疗保障局")
        #expect(disclosure.header.unitLabel == "部门")
        #expect(disclosure.header.year == 2022)
        #expect(disclosure.header.title == "2022年度烟台市医疗保障局部门决算")
        #expect(disclosure.missingTables.isEmpty)
        #expect(disclosure.problems.isEmpty)
        #expect(disclosure.table(.incomeExpenditureSummary)?.formLabel == "公开 01 表")
    }

    @Test("公开01 line 3 国有资本经营预算财政拨款收入 is 1,000.00; blank rows read as zero")
    func summaryTable() throws {
        let row = try #require(disclosure.row(.incomeExpenditureSummary, line: 3))
        #expect(row.cell(1)?.value == Money(wan: "1000.00") && row.cell(1)?.text == "1,000.00")
        #expect(row.source.line == 103)
        #expect(disclosure.row(.incomeExpenditureSummary, line: 1)?.cell(1)?.value == Money(wan: "7297.28"))
        #expect(disclosure.row(.incomeExpenditureSummary, line: 27)?.cell(1)?.value == Money(wan: "8431.28"))
        let blank = try #require(disclosure.row(.incomeExpenditureSummary, line: 29))
        #expect(blank.cell(1)?.value == .zero && blank.cell(1)?.text == "")
        #expect(disclosure.row(.incomeExpenditureSummary, line: 54)?.cell(2)?.value == Money(wan: "134.00"))
    }

    @Test("公开04 over two pages with a shifted 栏次 row: line 55 其他支出 reads 134.00 / 0.00 / 134.00")
    func appropriationTable() throws {
        let row = try #require(disclosure.row(.appropriationSummary, line: 55))
        #expect(row.item == "二十三、其他支出")
        #expect(row.cell(2)?.value == Money(wan: "134.00"))
        #expect(row.cell(3)?.value == .zero)
        #expect(row.cell(4)?.value == Money(wan: "134.00"))
        #expect(row.cell(5)?.value == .zero)
        let total = try #require(disclosure.row(.appropriationSummary, line: 64))
        #expect(total.cells.map(\.value) == ["8431.28", "7297.28", "134.00", "1000.00"].map { Money(wan: $0) })
        #expect(disclosure.table(.appropriationSummary)?.columns.map(\.number) == [1, 2, 3, 4, 5])
        #expect(disclosure.table(.appropriationSummary)?.rows.count == 64)
    }

    @Test("公开02 continues after a repeated header: rows on both pages, 27 in all")
    func incomeAcrossPages() throws {
        let table = try #require(disclosure.table(.income))
        #expect(table.rows.count == 27)
        #expect(table.rows.first?.kind == .total && table.rows.first?.cell(1)?.value == Money(wan: "8431.28"))
        let running = try #require(disclosure.row(.income, code: "2101501"))
        #expect(running.cell(1)?.value == Money(wan: "665.85") && running.source.line == 162)
        #expect(disclosure.row(.income, code: "2296013")?.cell(2)?.value == Money(wan: "134.00"))
        #expect(disclosure.table(.expenditure)?.rows.count == 27)
        #expect(disclosure.table(.generalBudgetExpenditure)?.rows.count == 21)
    }

    @Test("公开06 three column groups, OCR-broken numbers: 培训费 2.39, 人员经费合计 2,361.57, 公用经费合计 170.58")
    func basicExpenditureDetail() throws {
        let table = try #require(disclosure.table(.generalBudgetBasicExpenditure))
        #expect(table.rows.count == 91)
        let training = try #require(disclosure.row(.generalBudgetBasicExpenditure, code: "30216"))
        #expect(training.item == "培训费" && training.group == "公用经费")
        #expect(training.cell(1)?.value == Money(wan: "2.39") && training.cell(1)?.text == "2. 39")
        #expect(training.source.line == 337)
        let personnel = try #require(disclosure.row(.generalBudgetBasicExpenditure, item: "人员经费合计"))
        #expect(personnel.cell(1)?.value == Money(wan: "2361.57") && personnel.kind == .total)
        let common = try #require(disclosure.row(.generalBudgetBasicExpenditure, item: "公用经费合计"))
        #expect(common.cell(1)?.value == Money(wan: "170.58"))
        #expect(disclosure.row(.generalBudgetBasicExpenditure, code: "301")?.cell(1)?.value == Money(wan: "2342.32"))
        #expect(disclosure.row(.generalBudgetBasicExpenditure, code: "31002")?.cell(1)?.value == Money(wan: "2.77"))
        #expect(disclosure.row(.generalBudgetBasicExpenditure, code: "30302")?.cell(1)?.value == Money(wan: "16.28"))
        // Groups in order: 人员经费 codes, 人员经费合计, 公用经费 codes, 公用经费合计.
        let groups = table.rows.map { $0.group ?? "" }
        #expect(groups.prefix(28).allSatisfy { $0 == "人员经费" })
        #expect(groups.dropFirst(28).allSatisfy { $0 == "公用经费" })
        #expect(table.rows[28].code == "302" && table.rows[56].code == "307")
    }

    @Test("公开07 label split over two lines; 公开08 title variant 国有资产经营…")
    func fundTables() throws {
        let lottery = try #require(disclosure.row(.governmentFund, code: "2296013"))
        #expect(lottery.item == "用于城乡医疗救助的彩票公益金支出")
        #expect(lottery.cells.map(\.value) == ["0", "134.00", "134.00", "0", "134.00", "0"].map { Money(wan: $0) })
        let capital = try #require(disclosure.table(.stateCapital))
        #expect(capital.title == "国有资产经营预算财政拨款支出决算表")
        #expect(capital.rows.count == 4)
        #expect(disclosure.row(.stateCapital, code: "2230108")?.cell(3)?.value == Money(wan: "1000.00"))
    }

    @Test("公开09 mapped by 栏次 although the 决算数 header omits a column name")
    func threePublicExpenses() throws {
        let row = try #require(disclosure.table(.threePublicExpenses)?.rows.first)
        let expected = ["4.67", "0", "2.08", "0", "2.08", "2.59", "4.67", "0", "2.08", "0", "2.08", "2.59"]
        #expect(row.cells.map(\.value) == expected.map { Money(wan: $0) })
        #expect(row.source.line == 405)
    }

    @Test("page footers give pages; narrative and glossary read")
    func pagesAndText() throws {
        let overview = try #require(disclosure.parts.first { $0.role == .overview })
        let footerLine = try #require(overview.body.lines.first { $0.source.line == 67 })
        #expect(footerLine.source.page == 4)
        #expect(disclosure.narrative.count == 13)
        #expect(disclosure.narrative[12].heading == "十三、预算绩效情况说明")
        #expect(disclosure.glossary.count == 28)
        #expect(disclosure.glossary[27].term == "国有资本经营预算支出（类）解决历史遗留问题及改革成本支出（款）离休干部医药费补助支出（项）")
    }
}
