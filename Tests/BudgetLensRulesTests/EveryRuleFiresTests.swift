import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensTestSupport
import Testing

/// One planted violation in the consistent synthetic disclosure.
struct PlantedViolation: CustomTestStringConvertible, Sendable {
    /// The rule the plant is for.
    let rule: String
    /// What is planted, for the test's name.
    let what: String
    /// The rules that fire, exactly (sorted, each once). It holds `rule`; other rules are there only where the
    /// rule's identity cannot be broken alone (an identity implied by others, a total read by several rules).
    let fires: [String]
    let plant: @Sendable (inout SyntheticDisclosure) -> Void

    var testDescription: String { "\(rule): \(what)" }
}

/// Issue 10, item 7: every built-in final-accounts rule (tables and 情况说明) can be made to fire, and a rule without a plant fails.
@Suite("Every final-accounts rule fires on its planted violation")
struct EveryRuleFiresTests {
    /// Sets several cells of one table.
    private static func set(
        _ synthetic: inout SyntheticDisclosure, _ table: TableID, _ cells: [(row: String, column: Int, value: String)]
    ) {
        for cell in cells { synthetic.set(table, row: cell.row, column: cell.column, to: cell.value) }
    }

    static let plants: [PlantedViolation] = [
        // Structure (00-structure.rules)
        .init(rule: "F-TOC", what: "公开08 listed in 目录 but not printed", fires: ["F-TOC"]) { $0.omitted = [.stateCapital] },
        .init(rule: "F-HDR", what: "公开01 names the unit 测试厅", fires: ["F-HDR"]) {
            $0.edits = [("公开01表\n\n部门：测试局", "公开01表\n\n部门：测试厅")]
        },
        .init(rule: "F-XX", what: "部门概况 says XX局", fires: ["F-XX"]) { $0.edits = [("测试局负责测试工作。", "XX局负责测试工作。")] },
        .init(rule: "F-YEAR", what: "第三部分 heading says 2022年度", fires: ["F-YEAR"]) {
            $0.edits = [("第三部分\n\n2023年度部门决算情况说明", "第三部分\n\n2022年度部门决算情况说明")]
        },
        .init(rule: "F-TITLE", what: "公开08 titled 国有资产经营… (the old wording)", fires: ["F-TITLE"]) {
            $0.edits = [("国有资本经营预算财政拨款支出决算表\n\n公开08表", "国有资产经营预算财政拨款支出决算表\n\n公开08表")]
        },
        .init(rule: "F-LABEL", what: "公开02 labelled 公开03表", fires: ["F-LABEL"]) { $0.edits = [("公开02表", "公开03表")] },
        .init(rule: "F-READ", what: "公开09 row with a 13th field", fires: ["F-READ"]) {
            $0.set(.threePublicExpenses, row: "", column: 12, to: "5.00\t1.00")
        },
        .init(rule: "F-CODE", what: "公开03 lists 2109901 (zero) without its parent 21099", fires: ["F-CODE"]) {
            $0.tables[.expenditure]?.append(["2109901", "其他医疗保障管理事务", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00"])
        },
        // 公开01
        .init(rule: "01-1", what: "公开01 行8 其他收入 10.00", fires: ["01-1", "X-3"]) {
            $0.set(.incomeExpenditureSummary, row: "8", column: 1, to: "10.00")
        },
        .init(rule: "01-2", what: "公开01 行31 收入总计 680.00 (the narrative says 670)", fires: ["01-2", "01-5", "N-BIND"]) {
            $0.set(.incomeExpenditureSummary, row: "31", column: 1, to: "680.00")
        },
        .init(rule: "01-3", what: "公开01 行41 节能环保支出 10.00", fires: ["01-3", "X-5"]) {
            $0.set(.incomeExpenditureSummary, row: "41", column: 2, to: "10.00")
        },
        .init(rule: "01-4", what: "公开01 行60 年末结转和结余 10.00", fires: ["01-4", "X-14"]) {
            $0.set(.incomeExpenditureSummary, row: "60", column: 2, to: "10.00")
        },
        .init(rule: "01-5", what: "公开01 年初结转和结余 10.00 and 收入总计 680.00 (the narrative says 670)", fires: ["01-5", "N-BIND", "X-14"]) {
            set(&$0, .incomeExpenditureSummary, [("29", 1, "10.00"), ("31", 1, "680.00")])
        },
        .init(rule: "01-6", what: "公开01 filler 行9 5.00", fires: ["01-6"]) {
            $0.set(.incomeExpenditureSummary, row: "9", column: 1, to: "5.00")
        },
        // 公开02
        .init(rule: "02-1", what: "公开02 2101501 本年收入合计 310.00", fires: ["02-1", "02-2"]) {
            $0.set(.income, row: "2101501", column: 1, to: "310.00")
        },
        .init(rule: "02-2", what: "公开02 款21015 printed 510.00 in cols 1 and 2", fires: ["02-2"]) {
            set(&$0, .income, [("21015", 1, "510.00"), ("21015", 2, "510.00")])
        },
        .init(rule: "02-3", what: "公开02 类208 and its children printed 110.00", fires: ["02-3"]) {
            set(&$0, .income, ["208", "20805", "2080505"].flatMap { [($0, 1, "110.00"), ($0, 2, "110.00")] })
        },
        // 公开03
        .init(rule: "03-1", what: "公开03 2101504 上缴上级支出 10.00", fires: ["03-1", "03-2"]) {
            $0.set(.expenditure, row: "2101504", column: 4, to: "10.00")
        },
        .init(rule: "03-2", what: "公开03 款21015 cols 5/6 printed 10.00/−10.00", fires: ["03-2"]) {
            set(&$0, .expenditure, [("21015", 5, "10.00"), ("21015", 6, "-10.00")])
        },
        .init(rule: "03-3", what: "公开03 类208 chain cols 4/6 printed 10.00/−10.00", fires: ["03-3"]) {
            set(&$0, .expenditure, ["208", "20805", "2080505"].flatMap { [($0, 4, "10.00"), ($0, 6, "-10.00")] })
        },
        // 公开04
        .init(rule: "04-1", what: "公开04 行1 一般公共预算财政拨款 610.00", fires: ["04-1", "04-8", "X-6"]) {
            $0.set(.appropriationSummary, row: "1", column: 1, to: "610.00")
        },
        .init(rule: "04-2", what: "公开04 行29 年初一般公共预算结转 10.00", fires: ["04-2", "04-8"]) {
            $0.set(.appropriationSummary, row: "29", column: 1, to: "10.00")
        },
        .init(rule: "04-3", what: "公开04 行32 收入总计 680.00", fires: ["04-3", "04-7"]) {
            $0.set(.appropriationSummary, row: "32", column: 1, to: "680.00")
        },
        .init(rule: "04-4", what: "公开04 行41 卫生健康支出 合计 510.00", fires: ["04-4", "04-5"]) {
            $0.set(.appropriationSummary, row: "41", column: 2, to: "510.00")
        },
        .init(rule: "04-5", what: "公开04 行42 节能环保支出 10.00 in cols 2 and 3", fires: ["04-5", "X-7"]) {
            set(&$0, .appropriationSummary, [("42", 2, "10.00"), ("42", 3, "10.00")])
        },
        .init(rule: "04-6", what: "公开04 行64 支出总计 680.00 / 610.00", fires: ["04-6", "04-7"]) {
            set(&$0, .appropriationSummary, [("64", 2, "680.00"), ("64", 3, "610.00")])
        },
        .init(rule: "04-7", what: "公开04 行32 收入总计 680.00 (also 04-3)", fires: ["04-3", "04-7"]) {
            $0.set(.appropriationSummary, row: "32", column: 1, to: "680.00")
        },
        .init(rule: "04-8", what: "公开04 行29 年初 10.00 (also 04-2)", fires: ["04-2", "04-8"]) {
            $0.set(.appropriationSummary, row: "29", column: 1, to: "10.00")
        },
        .init(rule: "04-9", what: "公开04 filler 行4 5.00", fires: ["04-9"]) {
            $0.set(.appropriationSummary, row: "4", column: 1, to: "5.00")
        },
        // 公开05
        .init(rule: "05-1", what: "公开05 行政运行 小计 310.00", fires: ["05-1", "05-2", "X-12"]) {
            $0.set(.generalBudgetExpenditure, row: "2101501", column: 1, to: "310.00")
        },
        .init(rule: "05-2", what: "公开05 款21015 split 310.00/190.00", fires: ["05-2", "X-12"]) {
            set(&$0, .generalBudgetExpenditure, [("21015", 2, "310.00"), ("21015", 3, "190.00")])
        },
        .init(rule: "05-3", what: "公开05 类208 chain split 90.00/10.00", fires: ["05-3", "X-12"]) {
            set(&$0, .generalBudgetExpenditure, ["208", "20805", "2080505"].flatMap { [($0, 2, "90.00"), ($0, 3, "10.00")] })
        },
        // 公开06
        .init(rule: "06-1", what: "公开06 基本工资 210.00", fires: ["06-1"]) {
            $0.set(.generalBudgetBasicExpenditure, row: "30101", column: 1, to: "210.00")
        },
        .init(rule: "06-2", what: "公开06 人员经费合计 370.00", fires: ["06-2", "X-11"]) {
            $0.set(.generalBudgetBasicExpenditure, row: "人员经费合计", column: 1, to: "370.00")
        },
        .init(rule: "06-3", what: "公开06 公用经费合计 50.00", fires: ["06-3", "X-11"]) {
            $0.set(.generalBudgetBasicExpenditure, row: "公用经费合计", column: 1, to: "50.00")
        },
        .init(rule: "06-5", what: "公开09 公务接待费 决算 4.00 below 公开06 5.00", fires: ["06-5"]) {
            $0.set(.threePublicExpenses, row: "", column: 12, to: "4.00")
            $0.set(.threePublicExpenses, row: "", column: 7, to: "6.00")
        },
        // 公开07
        .init(rule: "07-1", what: "公开07 2296013 本年支出小计 60.00", fires: ["07-1", "07-2", "07-3", "X-12"]) {
            $0.set(.governmentFund, row: "2296013", column: 3, to: "60.00")
        },
        .init(rule: "07-2", what: "公开07 2296013 年末结转和结余 10.00", fires: ["07-2", "07-3"]) {
            $0.set(.governmentFund, row: "2296013", column: 6, to: "10.00")
        },
        .init(rule: "07-3", what: "公开07 类229 chain 年初 and 年末 10.00", fires: ["07-3"]) {
            set(&$0, .governmentFund, ["229", "22960", "2296013"].flatMap { [($0, 1, "10.00"), ($0, 6, "10.00")] })
        },
        // 公开08
        .init(rule: "08-1", what: "公开08 2230108 基本支出 10.00", fires: ["08-1", "08-2", "X-12"]) {
            $0.set(.stateCapital, row: "2230108", column: 2, to: "10.00")
        },
        .init(rule: "08-2", what: "公开08 类223 chain split 10.00/10.00", fires: ["08-2", "X-12"]) {
            set(&$0, .stateCapital, ["223", "22301", "2230108"].flatMap { [($0, 2, "10.00"), ($0, 3, "10.00")] })
        },
        // 公开09
        .init(rule: "09-1", what: "公开09 预算数合计 9.00", fires: ["09-1"]) {
            $0.set(.threePublicExpenses, row: "", column: 1, to: "9.00")
        },
        .init(rule: "09-2", what: "公开09 决算数合计 8.00", fires: ["09-2"]) {
            $0.set(.threePublicExpenses, row: "", column: 7, to: "8.00")
        },
        // Between tables (10-cross.rules)
        .init(rule: "X-1", what: "公开01 本年收入合计 680.00", fires: ["01-1", "01-2", "X-1"]) {
            $0.set(.incomeExpenditureSummary, row: "27", column: 1, to: "680.00")
        },
        .init(rule: "X-2", what: "公开04 本年收入合计 680.00", fires: ["04-1", "04-3", "X-2"]) {
            $0.set(.appropriationSummary, row: "27", column: 1, to: "680.00")
        },
        .init(rule: "X-3", what: "公开01 行4 上级补助收入 10.00", fires: ["01-1", "X-3"]) {
            $0.set(.incomeExpenditureSummary, row: "4", column: 1, to: "10.00")
        },
        .init(rule: "X-4", what: "公开01 本年支出合计 680.00", fires: ["01-3", "01-4", "X-4"]) {
            $0.set(.incomeExpenditureSummary, row: "58", column: 2, to: "680.00")
        },
        .init(rule: "X-5", what: "公开01 splits 600 as 101/499 between 208 and 210", fires: ["X-5"]) {
            set(&$0, .incomeExpenditureSummary, [("39", 2, "101.00"), ("40", 2, "499.00")])
        },
        .init(rule: "X-6", what: "公开01 行1/2 610.00/40.00 against 公开04 600.00/50.00", fires: ["X-6"]) {
            set(&$0, .incomeExpenditureSummary, [("1", 1, "610.00"), ("2", 1, "40.00")])
        },
        .init(rule: "X-7", what: "公开04 splits 600 as 90/510 between 208 and 210", fires: ["X-7"]) {
            set(&$0, .appropriationSummary, [("40", 2, "90.00"), ("40", 3, "90.00"), ("41", 2, "510.00"), ("41", 3, "510.00")])
        },
        .init(rule: "X-8", what: "公开05 合计 610.00 = 400.00 + 210.00", fires: ["05-3", "X-12", "X-8"]) {
            set(&$0, .generalBudgetExpenditure, [("合计", 1, "610.00"), ("合计", 3, "210.00")])
        },
        .init(rule: "X-9", what: "公开07 本年收入 60.00, 年末 10.00 on every row", fires: ["X-9"]) {
            set(&$0, .governmentFund, ["合计", "229", "22960", "2296013"].flatMap { [($0, 2, "60.00"), ($0, 6, "10.00")] })
        },
        .init(rule: "X-10", what: "公开08 30.00 = 0 + 30.00 on every row", fires: ["X-10", "X-12"]) {
            set(&$0, .stateCapital, ["合计", "223", "22301", "2230108"].flatMap { [($0, 1, "30.00"), ($0, 3, "30.00")] })
        },
        .init(rule: "X-11", what: "公开06 人员经费 370.00 (工资福利 360.00)", fires: ["X-11"]) {
            set(
                &$0, .generalBudgetBasicExpenditure,
                [("人员经费合计", 1, "370.00"), ("301", 1, "360.00"), ("30101", 1, "210.00")])
        },
        .init(rule: "X-12", what: "公开03 信息化建设 split 10.00/190.00 along its chain", fires: ["X-12"]) {
            set(
                &$0, .expenditure,
                [("2101504", 2, "10.00"), ("2101504", 3, "190.00"), ("21015", 2, "310.00"), ("21015", 3, "190.00"),
                    ("210", 2, "310.00"), ("210", 3, "190.00"), ("合计", 2, "410.00"), ("合计", 3, "260.00")])
        },
        .init(rule: "X-13", what: "公开04 年初财政拨款结转和结余 10.00", fires: ["04-2", "04-3", "X-13"]) {
            $0.set(.appropriationSummary, row: "28", column: 1, to: "10.00")
        },
        .init(rule: "X-14", what: "公开01 行60 年末结转和结余 10.00 (also 01-4)", fires: ["01-4", "X-14"]) {
            $0.set(.incomeExpenditureSummary, row: "60", column: 2, to: "10.00")
        },
        .init(rule: "X-16", what: "公开05 lists 229/22960 (zero)", fires: ["X-16"]) {
            $0.tables[.generalBudgetExpenditure]?.append(["229", "其他支出", "0.00", "0.00", "0.00"])
            $0.tables[.generalBudgetExpenditure]?.append(["22960", "彩票公益金安排的支出", "0.00", "0.00", "0.00"])
        },
        .init(rule: "X-17", what: "no 国有资本经营预算财政拨款 (moved to 一般公共预算) yet 公开08 lists codes", fires: ["04-8", "X-17"]) {
            set(&$0, .incomeExpenditureSummary, [("1", 1, "620.00"), ("3", 1, "0.00")])
            set(&$0, .appropriationSummary, [("1", 1, "620.00"), ("3", 1, "0.00")])
        },
        .init(rule: "X-18", what: "公开02 上级补助收入 +10.00/−10.00 on two 项", fires: ["X-18"]) {
            set(
                &$0, .income,
                [("2101501", 2, "290.00"), ("2101501", 3, "10.00"), ("2101504", 2, "210.00"), ("2101504", 3, "-10.00")])
        },
        // The figures of the 情况说明 (20-narrative.rules), on the consistent narrative
        .init(rule: "N-BIND", what: "基本支出 restated as 410万元 (its share then recomputes too)", fires: ["N-BIND", "N-SHARE"]) {
            $0.replaceNarrative("基本支出400万元，占59.7%", with: "基本支出410万元，占59.7%")
        },
        .init(rule: "N-ITEM", what: "八 names 其他国有资本经营预算支出（项） 5万元, not a row of 公开08", fires: ["N-ITEM"]) {
            $0.replaceNarrative(
                "2023年度国有资本经营预算财政拨款支出20万元。",
                with: "2023年度国有资本经营预算财政拨款支出20万元，其中：国有资本经营预算支出（类）解决历史遗留问题及改革成本支出（款）其他国有资本经营预算支出（项）5万元。")
        },
        .init(rule: "N-SHARE", what: "卫生健康 share 83.43%", fires: ["N-SHARE"]) {
            $0.replaceNarrative("占83.33%", with: "占83.43%")
        },
        .init(rule: "N-YOY", what: "增长 12.67% for 70 on 600", fires: ["N-YOY"]) { $0.replaceNarrative("增长11.67%", with: "增长12.67%") },
        .init(rule: "N-RATE", what: "完成年初预算的83.33% for 600 of 500", fires: ["N-RATE"]) {
            $0.replaceNarrative("完成年初预算的120%", with: "完成年初预算的83.33%")
        },
        .init(rule: "N-GP", what: "服务采购 中小企业 50% while the total says 100%", fires: ["N-GP"]) {
            $0.replaceNarrative("占服务支出金额的100%", with: "占服务支出金额的50%")
        },
        .init(rule: "N-CAR", what: "其他用车2辆 in 共有车辆2辆 with 机要通信用车1辆", fires: ["N-CAR"]) {
            $0.replaceNarrative("其他用车1辆", with: "其他用车2辆")
        },
        .init(rule: "N-READ", what: "an unresolved template alternative 增长(下降)20%", fires: ["N-READ", "N-TPL-RESIDUE"]) {
            $0.replaceNarrative("下降20%", with: "增长(下降)20%")
        },
        .init(rule: "N-LIST", what: "六 lists 退休费 10 and 奖金 10 under 人员经费 360", fires: ["N-LIST"]) {
            $0.replaceNarrative("退休费10万元；", with: "退休费10万元、奖金10万元；")
        },

        // The text of the 情况说明 (11-text.rules)
        .init(rule: "N-TPL-RESIDUE", what: "增加（减少） left in", fires: ["N-TPL-RESIDUE"]) {
            $0.replaceNarrative("主要是业务增加。", with: "主要是业务增加（减少）。")
        },
        .init(rule: "N-TPL-SLOT", what: "年初结转和结余万元 with no figure", fires: ["N-TPL-SLOT"]) {
            $0.replaceNarrative("年初结转和结余0万元", with: "年初结转和结余万元")
        },
        .init(rule: "N-DUP-WORD", what: "主要是主要是", fires: ["N-DUP-WORD"]) {
            $0.replaceNarrative("主要是业务增加。", with: "主要是主要是业务增加。")
        },
        .init(rule: "N-DUP-SENT", what: "主要是业务增加。 twice", fires: ["N-DUP-SENT"]) {
            $0.replaceNarrative("主要是业务增加。", with: "主要是业务增加。主要是业务增加。")
        },
        .init(rule: "N-PUNCT", what: "。。", fires: ["N-PUNCT"]) {
            $0.replaceNarrative("主要是业务增加。", with: "主要是业务增加。。")
        },
        .init(rule: "N-NUMBER", what: "五 numbers its parts （一）（二）（四）", fires: ["N-NUMBER"]) {
            $0.replaceNarrative("（三）一般公共预算财政拨款支出决算具体情况", with: "（四）一般公共预算财政拨款支出决算具体情况")
        },
        .init(rule: "N-YEAR", what: "截至2022年12月31日 in a 2023 document", fires: ["N-YEAR"]) {
            $0.replaceNarrative("截至2023年12月31日", with: "截至2022年12月31日")
        },
        .init(rule: "N-UNIT", what: "the 目录 names 另一个局", fires: ["N-UNIT"]) {
            $0.edits = [("第三部分 2023年度部门决算情况说明\n\n第一部分", "第三部分 另一个局2023年度部门决算情况说明\n\n第一部分")]
        },
    ]

    @Test("the planted violation fires exactly the expected rules", arguments: plants)
    func fires(_ plant: PlantedViolation) throws {
        var synthetic = SyntheticDisclosure()
        // Table defects on a narrative that restates none of the planted cells (as SyntheticDefectTests do).
        if !plant.rule.hasPrefix("N-") { synthetic.narrative = SyntheticDisclosure.tablesOnlyNarrative }
        plant.plant(&synthetic)
        let disclosure = DisclosureReader.read(text: synthetic.text, file: "synthetic.txt")
        let report = RuleEngine().evaluate(try BuiltInPacks.finalAccounts(), on: disclosure)
        let fired = Array(Set(report.findings.map(\.rule))).sorted()
        #expect(fired.contains(plant.rule), "\(plant.rule) does not fire")
        #expect(fired == plant.fires, "\(report.findings.map(\.message))")
        #expect(plant.fires == plant.fires.sorted() && plant.fires.contains(plant.rule))
    }

    @Test("every built-in final-accounts rule has a planted violation (a new rule without one fails here)")
    func everyRuleHasAPlant() throws {
        let ids = try BuiltInPacks.finalAccounts().rules.map(\.id)
        let planted = Set(Self.plants.map(\.rule))
        #expect(ids.filter { !planted.contains($0) } == [], "rules without a planted violation")
        #expect(planted.subtracting(ids).isEmpty, "plants for rules that do not exist")
        #expect(Set(ids).count == ids.count && planted.count == Self.plants.count, "one plant per rule")
    }
}
