import BudgetLensCore
import BudgetLensReader
import BudgetLensRender
import BudgetLensTestSupport
import Testing

/// The tables laid out in their official forms (DOMAIN §1.4–1.12), from the model of the real seeds.
@Suite("Official table layouts")
struct OfficialLayoutTests {
    /// The grid of table `id` of seed `name`.
    func grid(_ name: String, _ id: TableID) throws -> TableGrid {
        let disclosure = try Seed.read(name)
        return OfficialLayout.grid(for: try #require(disclosure.table(id)), in: disclosure)
    }

    /// The texts of a header row.
    func texts(_ row: [GridCell]) -> [String] { row.map { $0.text ?? "" } }

    /// The amount of a body cell, as a plain decimal in 万元.
    func amount(_ cell: GridCell) -> String? {
        if case .amount(let value, _) = cell.content { return value?.decimalString(in: .wanYuan) }
        return nil
    }

    @Test("公开01 (seed 000): 收入 | 支出 side by side, 栏次 row, row 1 beside row 32, 总计 31 beside 62")
    func summary() throws {
        let grid = try grid(Seed.yantai, .incomeExpenditureSummary)
        #expect(grid.formLabel == "公开01表")
        #expect(grid.unitLine == "部门：烟台市医疗保障局")
        #expect(grid.moneyUnitLine == "金额单位：万元")
        #expect(grid.width == 6)
        #expect(texts(grid.header[0]) == ["收入", "支出"])
        #expect(grid.header[0].map(\.columnSpan) == [3, 3])
        #expect(texts(grid.header[1]) == ["项目", "行次", "金额", "项目", "行次", "金额"])
        #expect(texts(grid.header[2]) == ["栏次", "1", "栏次", "2"])
        #expect(grid.body.count == 31)
        let first = grid.body[0]
        #expect(first[0].text == "一、一般公共预算财政拨款收入" && first[1].text == "1" && amount(first[2]) == "7297.28")
        #expect(first[3].text == "一、一般公共服务支出" && first[4].text == "32" && amount(first[5]) == "0.00")
        let last = grid.body[30]
        #expect(last[0].text == "总计" && last[1].text == "31" && amount(last[2]) == "8431.28")
        #expect(last[3].text == "总计" && last[4].text == "62" && amount(last[5]) == "8431.28")
        #expect(grid.body[0][0].role == .rowHeader && grid.body[0][2].role == .data)
    }

    @Test("公开04 (seed 000): the 支出 side has 合计 and the three funds, 栏次 2–5; row 53 国有资本经营 1,000.00")
    func appropriation() throws {
        let grid = try grid(Seed.yantai, .appropriationSummary)
        #expect(grid.width == 9)
        #expect(texts(grid.header[1]) == ["项目", "行次", "金额", "项目", "行次", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"])
        #expect(texts(grid.header[2]) == ["栏次", "1", "栏次", "2", "3", "4", "5"])
        let row = try #require(grid.body.first { $0[4].text == "53" })
        #expect(row.map { amount($0) } == [nil, nil, "0.00", nil, nil, "1000.00", "0.00", "0.00", "1000.00"])
    }

    @Test("公开05 (seed 000): 项目 over 科目编码 | 科目名称, 本年支出 over 小计 基本支出 项目支出; 合计 spans code and name")
    func functional() throws {
        let grid = try grid(Seed.yantai, .generalBudgetExpenditure)
        #expect(texts(grid.header[0]) == ["项目", "本年支出"])
        #expect(grid.header[0].map(\.columnSpan) == [2, 3])
        #expect(texts(grid.header[1]) == ["科目编码", "科目名称", "小计", "基本支出", "项目支出"])
        #expect(texts(grid.header[2]) == ["栏次", "1", "2", "3"])
        let total = grid.body[0]
        #expect(total[0].text == "合计" && total[0].columnSpan == 2)
        #expect(total.dropFirst().map { amount($0) } == ["7297.28", "2532.15", "4765.13"])
    }

    @Test("公开06 (seed 000): 人员经费 | 公用经费 in two blocks (302, then 307…), totals 2,361.57 and 170.58 at the bottom")
    func economic() throws {
        let grid = try grid(Seed.yantai, .generalBudgetBasicExpenditure)
        #expect(texts(grid.header[0]) == ["人员经费", "公用经费"])
        #expect(grid.header[0].map(\.columnSpan) == [3, 6])
        #expect(texts(grid.header[1]) == ["科目编码", "科目名称", "金额", "科目编码", "科目名称", "金额", "科目编码", "科目名称", "金额"])
        let first = grid.body[0]
        #expect(first[0].text == "301" && amount(first[2]) == "2342.32")
        #expect(first[3].text == "302" && amount(first[5]) == "167.81")
        #expect(first[6].text == "307")
        let totals = try #require(grid.body.last)
        #expect(totals[0].text == "人员经费合计" && amount(totals[1]) == "2361.57")
        #expect(totals[2].text == "公用经费合计" && totals[2].columnSpan == 5 && amount(totals[3]) == "170.58")
    }

    @Test("公开09 (seed 000): 预算数 | 决算数 over six columns, 公务用车购置及运行维护费 over three, 栏次 1–12, one data row")
    func threePublic() throws {
        let grid = try grid(Seed.yantai, .threePublicExpenses)
        #expect(grid.width == 12)
        #expect(texts(grid.header[0]) == ["预算数", "决算数"])
        #expect(grid.header[0].map(\.columnSpan) == [6, 6])
        #expect(texts(grid.header[1]).prefix(4) == ["合计", "因公出国（境）费", "公务用车购置及运行维护费", "公务接待费"])
        #expect(grid.header[1].map(\.rowSpan).prefix(4) == [2, 2, 1, 2])
        #expect(grid.header[1][2].columnSpan == 3)
        #expect(texts(grid.header[2]).prefix(3) == ["小计", "公务用车购置费", "公务用车运行维护费"])
        #expect(texts(grid.header[3]) == (1...12).map(String.init))
        #expect(grid.body.count == 1)
        #expect(grid.body[0].map { amount($0) ?? "" }.prefix(6) == ["4.67", "0.00", "2.08", "0.00", "2.08", "2.59"])
        #expect(grid.notes.first?.hasPrefix("注：本表反映部门本年度财政拨款“三公”经费支出预决算情况。") == true)
    }

    @Test("seed 002: 公开07 without data keeps its no-data statement among the notes; 06 heads its amounts 决算数")
    func noData() throws {
        let fund = try grid(Seed.zengdu, .governmentFund)
        #expect(fund.notes.contains("2022 年本部门无政府性基金预算财政拨款收入。"))
        let basic = try grid(Seed.zengdu, .generalBudgetBasicExpenditure)
        #expect(texts(basic.header[1])[2] == "决算数")
        #expect(basic.unitLine == "部门：曾都区医疗保障局（汇总）")
    }

    @Test("上海 公开01 (corpus 001, no 行次): no 行次 column; rows at their standard 行次, so 总计 2,995.39 beside 总计, no blank row")
    func shanghaiSummary() throws {
        let disclosure = try Seed.readCorpus("001-shanghai-putuo-caizhengju-2024-final.txt")
        let grid = OfficialLayout.grid(for: try #require(disclosure.table(.incomeExpenditureSummary)), in: disclosure)
        #expect(grid.width == 4)
        #expect(texts(grid.header[1]) == ["项目", "决算数", "项目", "决算数"])
        #expect(grid.body.count == 30)  // 行30 and 61 are printed by neither side: no blank row before 总计
        let last = try #require(grid.body.last)
        #expect(last[0].text == "总计" && amount(last[1]) == "2995.39")
        #expect(last[2].text == "总计" && amount(last[3]) == "2995.39")
        let totals = grid.body[26]
        #expect(totals[0].text == "本年收入合计" && amount(totals[1]) == "2946.25")
        #expect(totals[2].text == "本年支出合计" && amount(totals[3]) == "2940.05")
        #expect(grid.body[10][0].content == .empty && grid.body[10][2].text == "十一、城乡社区支出")
    }
}
