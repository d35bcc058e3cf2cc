import BudgetLensCore
import Testing

@Suite("Text normalisation of extracted labels")
struct TextNormalizationTests {
    @Test("removes spaces that line wraps put inside Chinese labels")
    func joinsWrappedLabels() {
        #expect(TextNormalization.label("用于城乡医疗救助的彩票 公益金支出") == "用于城乡医疗救助的彩票公益金支出")
        #expect(TextNormalization.label("国有资本经营 预算财政拨款") == "国有资本经营预算财政拨款")
        #expect(TextNormalization.label(" 合 计 ") == "合计")
        #expect(TextNormalization.label("因公出国 (境)费") == "因公出国(境)费")
        #expect(TextNormalization.label("推行 DRG  DIP 试点") == "推行DRG DIP试点")
    }

    @Test("reads heading ordinals")
    func ordinals() throws {
        let section = try #require(TextNormalization.leadingOrdinal("十三、预算绩效情况说明"))
        #expect(section.value == 13 && section.style == .chinese && section.rest == "预算绩效情况说明")
        #expect(TextNormalization.leadingOrdinal("（二）收入决算具体情况")?.value == 2)
        #expect(TextNormalization.leadingOrdinal("- 6、其他收入0.27万元")?.value == 6)
        #expect(TextNormalization.leadingOrdinal("2022 年本部门无") == nil)
        #expect(TextNormalization.leadingOrdinal("1.5万元") == nil)
        #expect(TextNormalization.chineseNumeral("二十六") == 26)
    }

    @Test("places rows of templates that print no 行次 by label")
    func standardRows() {
        #expect(
            StandardRows.line(forLabel: "本年收入合计", in: .incomeExpenditureSummary, isIncome: true, afterCarryOver: false)
                == 27)
        #expect(
            StandardRows.line(
                forLabel: "二十四、抗疫特别国债安排的支出", in: .incomeExpenditureSummary, isIncome: false,
                afterCarryOver: false) == 57)
        #expect(
            StandardRows.line(
                forLabel: "一、一般公共预算财政拨款", in: .appropriationSummary, isIncome: true, afterCarryOver: true) == 29)
        #expect(
            StandardRows.line(
                forLabel: "使用非财政拨款结余（含专用结余）", in: .incomeExpenditureSummary, isIncome: true,
                afterCarryOver: false) == 28)
    }
}
