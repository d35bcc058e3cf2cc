import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensScoring
import BudgetLensTestSupport
import Testing

/// One planted violation in a consistent synthetic self-evaluation.
struct PlantedReviewDefect: CustomTestStringConvertible, Sendable {
    /// The rule the plant is for.
    let rule: String
    /// What is planted, for the test's name.
    let what: String
    /// The rules that fire, exactly (sorted, each once); other rules only where the defect implies them.
    let fires: [String]
    /// The 湖北 department document instead of the 山东 project one.
    var hubei = false
    let plant: @Sendable (inout SyntheticSelfEvaluation) -> Void

    var testDescription: String { "\(rule): \(what)" }
}

/// Issue 10, item 7: every rule of the performance pack can be made to fire, and a rule without a plant fails.
@Suite("Every performance rule fires on its planted violation")
struct EveryPerformanceRuleFiresTests {
    static let plants: [PlantedReviewDefect] = [
        .init(rule: "S-1", what: "当年财政拨款 年初预算数 90 under 年度资金总额 100", fires: ["S-1"]) {
            $0.replace("\t其中：当年财政拨款\t100\t100\t95", with: "\t其中：当年财政拨款\t90\t100\t95")
        },
        .init(rule: "T-1", what: "转移支付 省级财政资金 90 (total 300 = 200 + 100)", fires: ["T-1"]) {
            $0.replace("\t省级财政资金\t100\t100", with: "\t省级财政资金\t90\t90")
        },
        .init(rule: "S-2", what: "执行率 printed 96.00% for 95/100", fires: ["S-2"]) { $0.replace("95.00%\t9.5", with: "96.00%\t9.5") },
        .init(rule: "S-3", what: "execution score 9.8 for 9.5", fires: ["S-3", "S-6"]) { $0.replace("95.00%\t9.5", with: "95.00%\t9.8") },
        .init(rule: "S-4", what: "响应时间 分值 15 (weights 95)", fires: ["S-4", "S-7"]) {
            $0.replace("响应时间\t≤60分钟\t45分钟\t10\t10", with: "响应时间\t≤60分钟\t45分钟\t15\t10")
        },
        .init(rule: "S-5", what: "满意度 scored 12 of 10 (total 101.5 everywhere)", fires: ["S-5", "S-9"]) {
            $0.replace("群众满意度\t≥90%\t95%\t10\t6", with: "群众满意度\t≥90%\t95%\t10\t12")
            $0.replace("\t总分\t\t\t95.5", with: "\t总分\t\t\t101.5")
            $0.replace("1\t测试项目经费\t95.5", with: "1\t测试项目经费\t101.5")
            $0.replace("项目自评得分为95.5分", with: "项目自评得分为101.5分")
        },
        .init(rule: "S-6", what: "总分 96.5 everywhere (parts add to 95.5)", fires: ["S-6", "S-9"]) {
            $0.replace("\t总分\t\t\t95.5", with: "\t总分\t\t\t96.5")
            $0.replace("1\t测试项目经费\t95.5", with: "1\t测试项目经费\t96.5")
            $0.replace("项目自评得分为95.5分", with: "项目自评得分为96.5分")
        },
        .init(rule: "S-9", what: "总分 96.5 everywhere (also S-6: the printed parts are the recomputed ones)", fires: ["S-6", "S-9"]) {
            $0.replace("\t总分\t\t\t95.5", with: "\t总分\t\t\t96.5")
            $0.replace("1\t测试项目经费\t95.5", with: "1\t测试项目经费\t96.5")
            $0.replace("项目自评得分为95.5分", with: "项目自评得分为96.5分")
        },
        .init(rule: "S-10", what: "no 总分 row", fires: ["S-10"]) { $0.replace("\t总分\t\t\t95.5\t\t\t\t\t", with: "") },
        .init(rule: "P-UNMET", what: "检查机构数量 18家 of ≥20家 with full marks", fires: ["P-UNMET"]) {
            $0.replace("≥20家\t25家", with: "≥20家\t18家")
        },
        .init(rule: "H-1", what: "湖北: 知晓率 90% of 95% scored 20 (proportional 18.95)", fires: ["H-1", "S-9"], hubei: true) {
            $0.replace("医保政策知晓率\t95%\t95%\t20", with: "医保政策知晓率\t95%\t90%\t20")
        },
        .init(rule: "S-7", what: "满意度 scored 6 of 10 without a reason", fires: ["S-7"]) {
            $0.replace("\t样本量不足，满意度评价从严扣分\t", with: "\t\t")
        },
        .init(rule: "P-ACT-CMP", what: "actual ≥25家", fires: ["P-ACT-CMP"]) { $0.replace("≥20家\t25家", with: "≥20家\t≥25家") },
        .init(rule: "P-ACT-UNIT", what: "actual 25 without 家", fires: ["P-ACT-UNIT"]) { $0.replace("≥20家\t25家", with: "≥20家\t25") },
        .init(rule: "P-ACT-EMPTY", what: "服务水平 actual empty", fires: ["P-ACT-EMPTY"]) {
            $0.replace("服务水平\t明显提升\t明显提升", with: "服务水平\t明显提升\t")
        },
        .init(rule: "P-ACT-READ", what: "检查覆盖率 row shifted right: 二级 word in the 三级 column, no actual", fires: ["P-ACT-READ"]) {
            $0.replace("\t\t质量指标\t检查覆盖率\t=100%\t100%\t20\t20", with: "\t\t\t质量指标\t检查覆盖率\t=100%\t\t20\t20")
        },
        .init(rule: "P-ACT-JUDGE", what: "检查机构数量 actual 较多", fires: ["P-ACT-JUDGE"]) {
            $0.replace("≥20家\t25家", with: "≥20家\t较多")
        },
        .init(rule: "P-UNIT", what: "≤100万元 against 950000元", fires: ["P-UNIT"]) {
            $0.replace("≤100万元\t95万元", with: "≤100万元\t950000元")
        },
        .init(rule: "P-TGT-UNIT", what: "检查覆盖率 target =100 and actual 100 without %", fires: ["P-TGT-UNIT"]) {
            $0.replace("检查覆盖率\t=100%\t100%", with: "检查覆盖率\t=100\t100")
        },
        .init(rule: "P-COST", what: "cost target ≥4次", fires: ["P-COST"]) {
            $0.replace("项目支出金额\t≤100万元\t95万元", with: "按节点控制支出\t≥4次\t4次")
        },
        .init(rule: "S-8", what: "cost actual 90万元 against 95 spent", fires: ["S-8"]) {
            $0.replace("≤100万元\t95万元", with: "≤100万元\t90万元")
        },
        .init(rule: "H-4", what: "检查机构数量 twice", fires: ["H-4"]) { $0.replace("检查覆盖率\t=100%", with: "检查机构数量\t=100%") },
        .init(rule: "D-1", what: "湖北: 基本支出总额 1000 + 项目支出 100 ≠ 1133.18", fires: ["D-1"], hubei: true) {
            $0.replace("项目支出 总额\t133.18", with: "项目支出 总额\t100")
        },
        .init(rule: "N-PERF", what: "汇总表 score 97.5 (also N-COUNT: the narrative says 2 projects)", fires: ["N-COUNT", "N-PERF"]) {
            $0.replace("1\t测试项目经费\t95.5\t优", with: "1\t测试项目经费\t97.5\t优")
            $0.replace("1个项目中，1个项目", with: "2个项目中，2个项目")
        },
        .init(rule: "G-1", what: "汇总表 grade 良 for 95.5", fires: ["G-1"]) {
            $0.replace("95.5\t优", with: "95.5\t良")
            $0.replace("1个项目自评等级为优", with: "0个项目自评等级为优")
        },
        .init(rule: "N-COUNT", what: "the narrative counts 2 projects, 2 优", fires: ["N-COUNT"]) {
            $0.replace("1个项目中，1个项目", with: "2个项目中，2个项目")
        },
        .init(rule: "N-SUM", what: "综述 says 执行数 96万元", fires: ["N-SUM"]) { $0.replace("执行数为95万元", with: "执行数为96万元") },
    ]

    private func review(_ synthetic: SyntheticSelfEvaluation) throws -> ScoreReport {
        let disclosure = DisclosureReader.read(text: synthetic.text, file: "synthetic.txt")
        let schemes = try SchemeSet.builtIn()
        return ScoreReport(disclosure: disclosure, schemes: schemes, pack: try ScoringChecks.performancePack(schemes: schemes))
    }

    @Test("the consistent 湖北 department table: read as written, scored 100, no finding")
    func consistentHubeiDepartment() throws {
        let report = try review(.hubeiDepartment())
        let table = try #require(report.tables.first)
        #expect(report.tables.count == 1 && table.table.kind == .department)
        #expect(table.indicators.count == 4 && table.computedTotal == Score(points: 100))
        #expect(report.findings.isEmpty, "\(report.findings.map(\.message))")
    }

    @Test("the planted defect fires exactly the expected rules", arguments: plants)
    func fires(_ plant: PlantedReviewDefect) throws {
        var synthetic = plant.hubei ? SyntheticSelfEvaluation.hubeiDepartment() : SyntheticSelfEvaluation()
        plant.plant(&synthetic)
        let report = try review(synthetic)
        let fired = Array(Set(report.findings.map(\.rule))).sorted()
        #expect(fired.contains(plant.rule), "\(plant.rule) does not fire")
        #expect(fired == plant.fires, "\(report.findings.map(\.message))")
        #expect(plant.fires == plant.fires.sorted() && plant.fires.contains(plant.rule))
    }

    @Test("every built-in performance rule has a planted defect (a new rule without one fails here)")
    func everyRuleHasAPlant() throws {
        let ids = try ScoringChecks.performancePack(schemes: try SchemeSet.builtIn()).rules.map(\.id)
        let planted = Set(Self.plants.map(\.rule))
        #expect(ids.filter { !planted.contains($0) } == [], "rules without a planted defect")
        #expect(planted.subtracting(ids).isEmpty, "plants for rules that do not exist")
        #expect(Set(ids).count == ids.count && planted.count == Self.plants.count, "one plant per rule")
    }
}
