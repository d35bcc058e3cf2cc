import BudgetLensCore
import Testing

/// `StandardRows.lines(forLabel:in:incomeAfterCarryOver:)` keys a label once for both blocks (page text's 公开01/04,
/// issue 9's seventh speed round): the same 行次 as asking each block.
@Suite("Standard rows of both blocks at once")
struct StandardRowsBothBlocksTests {
    @Test("each block's 行次 as line(forLabel:) gives it, for labels of either block, both, and neither")
    func bothBlocks() {
        let labels = [
            "本年收入合计", "二十四、抗疫特别国债安排的支出", "一、一般公共预算财政拨款", "使用非财政拨款结余（含专用结余）", "总计",
            "年初财政拨款结转和结余", "本年支出合计", "项目", "", "二、外交支出",
        ]
        for table in [TableID.incomeExpenditureSummary, .appropriationSummary] {
            for label in labels {
                for afterCarryOver in [false, true] {
                    let both = StandardRows.lines(forLabel: label, in: table, incomeAfterCarryOver: afterCarryOver)
                    #expect(
                        both.income
                            == StandardRows.line(forLabel: label, in: table, isIncome: true, afterCarryOver: afterCarryOver))
                    #expect(
                        both.expenditure
                            == StandardRows.line(forLabel: label, in: table, isIncome: false, afterCarryOver: false))
                }
            }
        }
        // Exact 行次 (DOMAIN: 公开04's fund rows after the carry-over are 29–31; 总计 is row 32 of 公开04's 收入 block).
        let funds = StandardRows.lines(forLabel: "一、一般公共预算财政拨款", in: .appropriationSummary, incomeAfterCarryOver: true)
        #expect(funds.income == 29)
        #expect(StandardRows.lines(forLabel: "总计", in: .appropriationSummary, incomeAfterCarryOver: false).income == 32)
        #expect(StandardRows.lines(forLabel: "项目", in: .incomeExpenditureSummary, incomeAfterCarryOver: false) == (nil, nil))
    }
}
