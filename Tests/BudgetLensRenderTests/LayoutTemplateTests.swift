import BudgetLensCore
import BudgetLensReader
import BudgetLensRender
import BudgetLensTestSupport
import Testing

/// The template a document is drawn in comes from the document: 行次 in its 公开01 (else 04) or not.
@Suite("Layout template from the document")
struct LayoutTemplateTests {
    @Test("the seeds (山东, 湖北) print 行次: Shandong/Hubei", arguments: [Seed.yantai, Seed.weihai, Seed.zengdu])
    func seeds(seed: String) throws {
        #expect(LayoutTemplate.of(try Seed.read(seed)) == .shandongHubei)
    }

    @Test("the corpus texts (上海) print none: Shanghai",
        arguments: [Seed.shanghaiFinance, Seed.shanghaiPlanning, Seed.shanghaiSocialWorkLayout, Seed.shanghaiTestVariant])
    func corpus(name: String) throws {
        #expect(LayoutTemplate.of(try Seed.readCorpus(name)) == .shanghai)
    }

    @Test("planted: one 行次 in 上海 001's 公开01 makes it Shandong/Hubei; seed 000 without its 行次 becomes Shanghai")
    func planted() throws {
        var shanghai = try Seed.readCorpus(Seed.shanghaiFinance)
        let index = try #require(shanghai.tables.firstIndex { $0.id == .incomeExpenditureSummary })
        shanghai.tables[index].rows[0].line = 1
        #expect(LayoutTemplate.of(shanghai) == .shandongHubei)
        #expect(OfficialLayout.grid(for: shanghai.tables[index], in: shanghai).formLabel == "公开01表")

        var yantai = try Seed.read(Seed.yantai)
        yantai.tables = yantai.tables.map { table in
            var table = table
            table.rows = table.rows.map { var row = $0; row.line = nil; return row }
            return table
        }
        #expect(LayoutTemplate.of(yantai) == .shanghai)
        let grid = OfficialLayout.grid(for: try #require(yantai.table(.incomeExpenditureSummary)), in: yantai)
        #expect(grid.formLabel == "" && grid.unitLine == "" && grid.moneyUnitLine == "单位：万元")
        #expect(!grid.header.flatMap { $0 }.contains { $0.text == "行次" })
    }

    @Test("no 公开01 and no 公开04: Shandong/Hubei (the official form of the data-entry workbook)")
    func neither() throws {
        var disclosure = try Seed.readCorpus(Seed.shanghaiFinance)
        disclosure.tables.removeAll { $0.id == .incomeExpenditureSummary || $0.id == .appropriationSummary }
        #expect(LayoutTemplate.of(disclosure) == .shandongHubei)
    }

    @Test("上海 PDF: heads read as fragments (`上级补助/收入`, empty names) are drawn as the template prints them")
    func pdfHeads() throws {
        let disclosure = try Seed.readCorpus(Seed.financePDF)
        let income = try #require(disclosure.table(.income))
        #expect(income.columns.map(\.name).contains("上级补助/收入"))  // the reader's fragment
        let grid = OfficialLayout.grid(for: income, in: disclosure)
        #expect(grid.header[0].compactMap(\.text) == ["项目", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"])
        let capital = OfficialLayout.grid(for: try #require(disclosure.table(.stateCapital)), in: disclosure)
        #expect(capital.header.last?.compactMap(\.text) == ["栏次", "4", "5", "1", "2", "3", "6"])
    }
}
