import BudgetLensCore
import BudgetLensReader
import BudgetLensRender
import BudgetLensTestSupport
import Testing

@Suite("The 情况说明 written from the data")
struct NarrativeWriterTests {
    @Test("seed 001: 二's structure sentence is the seed's own, computed from 公开01")
    func weihaiIncome() throws {
        let sections = NarrativeWriter(disclosure: try Seed.read(Seed.weihai)).sections()
        let income = try #require(sections.first { $0.heading == "二、收入决算情况说明" })
        #expect(income.body.lines.map(\.text).contains("本年收入合计939.31万元，其中：财政拨款收入939.04万元，占99.97%；其他收入0.27万元，占0.03%。"))
        #expect(sections.first?.body.lines.first?.text == "2023年度收、支总计均为958.9万元。")
    }
}
