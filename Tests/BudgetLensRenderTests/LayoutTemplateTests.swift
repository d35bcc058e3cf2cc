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
        // Printed in the order 年初, 本年收入, 小计, 基本, 项目, 年末 (栏次 4, 5, 1, 2, 3, 6), without a 栏次 row.
        let order = capital.body.first?.compactMap(\.origin?.column)
        #expect(order == [4, 5, 1, 2, 3, 6])
        #expect(capital.header.last?.compactMap(\.text) == ["类", "款", "项"])
    }

    @Test("上海 001: the code tables print the code as 类 | 款 | 项 under 支出功能分类科目编码; no 栏次 row")
    func codeColumns() throws {
        let disclosure = try Seed.readCorpus(Seed.shanghaiFinance)
        let grid = OfficialLayout.grid(for: try #require(disclosure.table(.generalBudgetExpenditure)), in: disclosure)
        #expect(grid.width == 7 && grid.codeColumns == [0, 1, 2])
        #expect(grid.header.map { $0.compactMap(\.text) } == [["项目", "合计", "基本支出", "项目支出"], ["支出功能分类科目编码", "科目名称"], ["类", "款", "项"]])
        #expect(!grid.header.flatMap { $0 }.contains { $0.text == "栏次" })
        func shown(_ row: [GridCell]) -> [String] {
            row.map { cell in
                switch cell.content {
                case .text(let text): text
                case .amount(let value, _): value?.decimalString(in: .wanYuan) ?? "?"
                case .empty: ""
                }
            }
        }
        // The printed rows (corpus 001 公开05): `201 06 01 行政运行 1,511.89 1,503.52 8.37`, a 类 row, 合计 across four.
        #expect(shown(grid.body[0]) == ["201", "", "", "一般公共服务支出", "2106.66", "1503.52", "603.14"])
        #expect(shown(grid.body[2]) == ["201", "06", "01", "行政运行", "1511.89", "1503.52", "8.37"])
        let total = try #require(grid.body.last)
        #expect(total.first?.columnSpan == 4 && shown(total) == ["合计", "2940.05", "2336.91", "603.14"])
    }

    @Test("上海 001: 公开06 in two blocks — 人员经费 (301, 303) | 公用经费 (302, 310 in one column), 经济分类科目编码 over 类 | 款")
    func economicBlocks() throws {
        let disclosure = try Seed.readCorpus(Seed.shanghaiFinance)
        let grid = OfficialLayout.grid(for: try #require(disclosure.table(.generalBudgetBasicExpenditure)), in: disclosure)
        #expect(grid.width == 8 && grid.codeColumns == [0, 1, 4, 5])
        #expect(grid.header.map { $0.compactMap(\.text) } == [
            ["经济分类科目编码", "科目名称", "决算数", "经济分类科目编码", "科目名称", "决算数"], ["类", "款", "类", "款"],
        ])
        let codes = grid.body.dropLast().map { row in [row[0].text ?? "", row[1].text ?? "", row[4].text ?? "", row[5].text ?? ""] }
        #expect(codes[0] == ["301", "", "302", ""])
        #expect(codes[1] == ["301", "01", "302", "01"])
        #expect(codes.contains(["", "", "310", "02"]))  // 310 under 302 in the right block, the left one ended
        #expect(grid.body.last?.compactMap(\.text) == ["人员经费合计", "公用经费合计"])
    }
}
