import BudgetLensCore
import BudgetLensEvaluation
import Foundation
import Testing

/// Synthetic reports made for the tests, correct as written; each test plants one defect and expects exactly the
/// rule it breaks to fire, and the correct twin to raise nothing.
enum PlantedReports {
    /// A 部门整体 report in seed 003's shape: 2 一级, 2 二级, 4 三级, total 91.9 优, all identities holding.
    static let department = """
        2024 年度测试局（本级）
        部门预算整体
        绩效评价报告

        一、部门预算安排及使用情况
        部门预算安排\t年初预算数\t全年预算数\t预算执行数\t预算执行率
        \t100.00\t95.00\t95.00\t100%

        五、评价得分和等级

        一级指标\t分值\t得分\t得分率
        决策\t40\t36\t90.00%
        产出\t60\t55.9\t93.17%

        评价得分：91.9 评价等级结果：优

        本次评价指标体系满分 100 分，设置决策、产出 2 个一级指标，下设 2 个二级指标、4 个三级指标。

        （1）“决策”指标分值权重 40%，下设立项 1 个二级指标和 2 个三级指标。

        评价结果分为 4 个等次：综合得分在 90 分（含 90 分）以上为“优”；综合得分在 80~90 分（含 80 分）为“良”；综合得分在 60~80 分（含 60 分）为“中”；综合得分在 60 分以下为“差”。

        年初预算安排资金 100 万元，依据通知调减预算 5 万元，调整比例未超过年初预算总额 10%。

        表 3-1 得分情况表

        一级指标\t指标分值\t得分\t得分率
        决策\t40\t36\t90.00%
        产出\t60\t55.9\t93.17%
        合计\t100\t91.9\t91.90%

        附件 1：绩效评价指标体系

        一级指标\t二级指标\t三级指标\t指标解释\t评分办法\t指标/数据来源
        决策 (40分)\t立项 (40分)\t(1)立项依据 (20分)\t解释\t①每发现一处问题扣2分；②年中调剂比例超过年初预算总额10%及以上的，扣0.1分，在此基础上每增加1个百分点，扣0.1分，2分扣完为止\t资料
        \t\t(2)预算执行率 (20分)\t解释\t得分=预算执行率*权重分\t资料
        产出 (60分)\t产出数量 (60分)\t(3)完成率 (40分)\t解释\t每发现一处问题扣1分，扣完为止\t资料
        \t\t(4)预算执行进度 (20分)\t解释\t每个考核时点进度达到75%得满分；低于上述时间节点进度两个百分点(含)以内的，扣0.1分；低于2—4个百分点(含)的，扣0.2分；以此类推，扣完为止\t资料

        附件 2：绩效评价得分表

        一级指标\t二级指标\t三级指标\t得分\t得失分依据
        决策 (40分)\t立项 (40分)\t(1)立项依据 (20分)\t18\t年初预算安排资金 100 万元，调减预算 5 万元；发现一处问题，扣 2 分。
        \t\t(2)预算执行率 (20分)\t18\t执行率90.00%。得分=90.00%*20=18分。
        产出 (60分)\t产出数量 (60分)\t(3)完成率 (40分)\t36\t发现问题4处，扣 4 分。
        \t\t(4)预算执行进度 (20分)\t19.9\t9月底预算执行进度74.00%，低于75%，扣 0.1 分。
        \t\t合计\t91.9\t——
        """

    /// A project report in seed 000's shape: 40 % non-field + 60 % field, every composite exact.
    static let composite = """
        测试项目绩效评价报告

        按照非现场评价得分40%、现场评价得分60%的权重比例，综合计算项目得分。经综合评价，绩效评价得分91.20分，绩效评价等级为“优”。

        表1 项目绩效评价综合评分表

        序号\t指标类别\t标准分值\t非现场评价得分\t现场评价得分\t综合得分\t指标扣分\t综合得分率
        1\t决策\t40.00\t35.00\t36.00\t35.60\t4.40\t89.00%
        2\t产出\t60.00\t55.00\t56.00\t55.60\t4.40\t92.67%
        合计\t\t100.00\t90.00\t92.00\t91.20\t8.80\t91.20%

        项目产出指标分值60分，综合得分55.60分，得分率为92.67%。
        """

    /// A fund table in the shape of seed 003 表3-2, its sums holding.
    static let funds = """
        测试局转移支付绩效评价报告

        表 3-2 转移支付资金执行情况表

        序号\t项目名称\t预算到位资金（万元）\t\t\t\t实际支出资金（万元）\t\t\t
        \t\t中央资金\t省级资金\t市级资金\t小计\t中央资金\t省级资金\t市级资金\t小计
        1\t甲项目\t100\t50\t——\t150\t100\t50\t——\t150
        2\t乙项目\t10.5\t——\t2\t12.5\t10\t——\t2\t12
        合计\t\t110.5\t50\t2\t162.5\t110\t50\t2\t162

        评价得分：95 评价等级结果：优
        """

    /// One indicator scored within its weight.
    static let bounds = """
        测试局部门整体绩效评价报告

        一级指标\t二级指标\t三级指标\t得分\t得失分依据
        决策 (100分)\t立项 (100分)\t(1)立项依据 (100分)\t100\t无
        """

    static func findings(_ text: String) -> [Finding] {
        EvaluationChecks.run(EvaluationReportReader.read(text: text, file: "planted.txt"))
    }

    /// `text` with `old` replaced once by `new`; the test fails when `old` is not in it.
    static func planting(_ text: String, _ old: String, _ new: String) -> String {
        guard let range = text.range(of: old) else {
            Issue.record("the planted text \(old) is not in the report")
            return text
        }
        return text.replacingCharacters(in: range, with: new)
    }
}

@Suite("Evaluation checks: planted defects")
struct PlantedDefectTests {
    @Test("the correct synthetic reports raise nothing")
    func correctReportsAreSilent() {
        let department = EvaluationReportReader.read(text: PlantedReports.department, file: "planted.txt")
        #expect(department.indicators(level: .third).count == 4)
        #expect(department.summaries.count == 2 && department.budgetFigures != nil && department.budgetAdjustment != nil)
        #expect(EvaluationChecks.run(department).isEmpty)
        #expect(PlantedReports.findings(PlantedReports.composite).isEmpty)
        #expect(PlantedReports.findings(PlantedReports.funds).isEmpty)
        #expect(PlantedReports.findings(PlantedReports.bounds).isEmpty)
    }

    private func rules(_ text: String) -> [String] { PlantedReports.findings(text).map(\.rule) }

    @Test("W-1: a 一级 weight of 65 makes the 一级 sum 105 and its 二级 sum differ")
    func weights() {
        let text = PlantedReports.planting(PlantedReports.department, "产出 (60分)\t产出数量", "产出 (65分)\t产出数量")
        let findings = PlantedReports.findings(text)
        #expect(findings.map(\.summary) == ["W-1 error 35 100.00 105.00", "W-1 error 37 65.00 60.00"])
    }

    @Test("W-2: the text states 5 三级 indicators where 4 are listed")
    func counts() {
        let text = PlantedReports.planting(PlantedReports.department, "4 个三级指标", "5 个三级指标")
        #expect(PlantedReports.findings(text).map(\.summary) == ["W-2 error 17 5 4"])
    }

    @Test("E-1: 产出 printed 56.9 in both summaries where its 三级 add up to 55.9, and the 合计 no longer adds up")
    func sums() {
        var text = PlantedReports.planting(PlantedReports.department, "产出\t60\t55.9\t93.17%\n合计", "产出\t60\t56.9\t94.83%\n合计")
        text = PlantedReports.planting(text, "产出\t60\t55.9\t93.17%\n\n评价", "产出\t60\t56.9\t94.83%\n\n评价")
        #expect(PlantedReports.findings(text).map(\.summary) == [
            "E-1 error 13 55.90 56.90", "E-1 error 29 55.90 56.90", "E-1 error 30 92.90 91.90",
        ])
    }

    @Test("E-1 rounding: a 合计 0.01 off the sum of two groups is a warning")
    func sumRounding() {
        var text = PlantedReports.planting(PlantedReports.department, "合计\t100\t91.9\t91.90%", "合计\t100\t91.91\t91.91%")
        text = PlantedReports.planting(text, "评价得分：91.9 ", "评价得分：91.91 ")
        text = PlantedReports.planting(text, "\t\t合计\t91.9\t", "\t\t合计\t91.91\t")
        let findings = PlantedReports.findings(text)
        // 表3-1 (two groups) and the 得分表 合计 (four rows) both print 91.91 for 91.9.
        #expect(findings.map(\.summary) == ["E-1 warning 30 91.90 91.91", "E-1 warning 47 91.90 91.91"])
        #expect(findings.allSatisfy { $0.isRounding })
    }

    @Test("E-1 on the 得分表: a 合计 row of 99 where its one row scores 100; 100 raises nothing")
    func scoreTableTotal() {
        let correct = PlantedReports.bounds + "\n\t\t合计\t100\t——"
        #expect(PlantedReports.findings(correct).isEmpty)
        let planted = PlantedReports.bounds + "\n\t\t合计\t99\t——"
        #expect(PlantedReports.findings(planted).map(\.summary) == ["E-1 error 5 100.00 99.00"])
    }

    @Test("E-2: 扣分 4.50 where 40 − 35.60 = 4.40")
    func deductions() {
        let text = PlantedReports.planting(PlantedReports.composite, "35.60\t4.40", "35.60\t4.50")
        #expect(PlantedReports.findings(text).map(\.summary) == ["E-2 error 8 4.40 4.50"])
    }

    @Test("E-3: 得分率 91.00 % where 36 / 40 = 90.00 %, an error beyond rounding")
    func rates() {
        // Both summary tables print 91 %: E-3 twice, and no E-5 since they agree.
        let text = PlantedReports.department.replacingOccurrences(of: "决策\t40\t36\t90.00%", with: "决策\t40\t36\t91.00%")
        let findings = PlantedReports.findings(text)
        #expect(findings.map(\.summary) == ["E-3 error 12 90.00 91.00", "E-3 error 28 90.00 91.00"])
        #expect(findings.allSatisfy { !$0.isRounding })
    }

    @Test("E-4: the 分值 of both summaries add up to 105")
    func summaryWeights() {
        let text = PlantedReports.department.replacingOccurrences(of: "决策\t40\t36\t90.00%", with: "决策\t45\t36\t80.00%")
        #expect(PlantedReports.findings(text).map(\.summary) == ["E-4 error 11 100.00 105.00", "E-4 error 27 100.00 105.00"])
    }

    @Test("E-5: the total stated 91.30 where 表1 prints 91.20")
    func repeatedFigure() {
        let text = PlantedReports.planting(PlantedReports.composite, "绩效评价得分91.20分", "绩效评价得分91.30分")
        #expect(PlantedReports.findings(text).map(\.summary) == ["E-5 error 3 91.20 91.30"])
    }

    @Test("E-6: a score of 101 on a weight of 100")
    func bounds() {
        let text = PlantedReports.planting(PlantedReports.bounds, "(100分)\t100\t", "(100分)\t101\t")
        #expect(PlantedReports.findings(text).map(\.summary) == ["E-6 error 4 100.00 101.00"])
    }

    @Test("R-1: 得分=95.00%*20 is 19, the score is 18")
    func ratio() {
        let text = PlantedReports.planting(PlantedReports.department, "得分=90.00%*20", "得分=95.00%*20")
        #expect(PlantedReports.findings(text).map(\.summary) == ["R-1 error 44 19.00 18.00"])
    }

    @Test("R-3: a rule of 3 per case cannot lose 4 points")
    func perCase() {
        let text = PlantedReports.planting(PlantedReports.department, "每发现一处问题扣1分", "每发现一处问题扣3分")
        let findings = PlantedReports.findings(text)
        #expect(findings.map(\.summary) == ["R-3 error 45 - 36.00"])
        #expect(findings.first?.message.contains("每处扣3分") == true)
    }

    @Test("R-3 with evidence: a table of late payments, 2 for 市直 at 0.2 each → 99.6; a third row makes it 99.4")
    func caseCounts() {
        let report = """
            测试局部门整体绩效评价报告

            (1) 拨付及时率，分值100分，得分99.6分

            表1 结算滞后情况表

            序号\t区域\t费用归属月份及医院\t实际拨付月份
            1\t市直\t8月甲医院\t12月
            \t\t9月乙医院\t11月

            一级指标\t二级指标\t三级指标\t评分办法\t得分
            产出 (100分)\t时效 (100分)\t(1)拨付及时率 (100分)\t每发现一笔暂缓资金未按时处理扣0.2分，扣完为止\t99.6
            """
        #expect(PlantedReports.findings(report).isEmpty)
        let planted = PlantedReports.planting(report, "\t\t9月乙医院\t11月", "\t\t9月乙医院\t11月\n\t\t10月丙医院\t12月")
        let findings = PlantedReports.findings(planted)
        #expect(findings.map(\.summary) == ["R-3 error 13 99.40 99.60"])
    }

    @Test("P-1: 产出 lost points and the 问题清单 has no 产出 entry; with one it raises nothing")
    func problemList() {
        let list = "\n\n附件 3：问题清单\n\n问题分类\t序号\t项目责任单位\t问题描述\n决策\t1\t测试局\t发现一处问题\n"
        #expect(PlantedReports.findings(PlantedReports.department + list + "产出\t2\t测试局\t完成率问题4处").isEmpty)
        let findings = PlantedReports.findings(PlantedReports.department + list)
        #expect(findings.map(\.summary) == ["P-1 warning 52 产出 —"])
        #expect(findings.first?.message == "产出下(3) 完成率、(4) 预算执行进度失分，问题清单中没有该类问题")
    }

    @Test("R-BASIS: the 得失分依据 deducts 5 where 40 − 36 = 4")
    func basis() {
        let text = PlantedReports.planting(PlantedReports.department, "扣 4 分", "扣 5 分")
        #expect(PlantedReports.findings(text).map(\.summary) == ["R-BASIS error 45 35.00 36.00"])
    }

    @Test("R-6: a node deduction other than the stepwise rule is a warning; a score off the rule an error")
    func progress() {
        let node = PlantedReports.planting(PlantedReports.department, "低于75%，扣 0.1 分", "低于75%，扣 0.05 分")
        #expect(PlantedReports.findings(node).map(\.summary) == ["R-6 warning 46 0.10 0.05"])
        var score = PlantedReports.planting(PlantedReports.department, "(4)预算执行进度 (20分)\t19.9", "(4)预算执行进度 (20分)\t19.8")
        score = PlantedReports.planting(score, "60\t55.9\t93.17%\n\n评价", "60\t55.8\t93.00%\n\n评价")
        score = PlantedReports.planting(score, "产出\t60\t55.9\t93.17%\n合计\t100\t91.9\t91.90%", "产出\t60\t55.8\t93.00%\n合计\t100\t91.8\t91.80%")
        score = PlantedReports.planting(score, "评价得分：91.9 ", "评价得分：91.8 ")
        score = PlantedReports.planting(score, "\t\t合计\t91.9\t", "\t\t合计\t91.8\t")
        #expect(PlantedReports.findings(score).map(\.summary) == ["R-6 error 46 19.90 19.80"])
    }

    @Test("M-ADJ and R-10: 全年预算 80 is a 20 % cut, not the stated 5; the rule then deducts 1.1 from (1)")
    func adjustment() {
        let text = PlantedReports.planting(PlantedReports.department, "\t100.00\t95.00\t95.00\t100%", "\t100.00\t80.00\t80.00\t100%")
        let findings = PlantedReports.findings(text)
        #expect(findings.map(\.summary) == ["M-ADJ error 23 95.00 80.00", "R-10 error 43 16.90 18.00"])
        #expect(findings.first?.difference == Money(parsing: "-15", unit: .wanYuan))
        let withoutRule = PlantedReports.planting(text, "；②年中调剂比例超过年初预算总额10%及以上的，扣0.1分，在此基础上每增加1个百分点，扣0.1分，2分扣完为止", "")
        #expect(PlantedReports.findings(withoutRule).map(\.rule) == ["M-ADJ"])
    }

    @Test("R-11: 0.4 × 35 + 0.6 × 36.10 = 35.66, printed 35.60; the 产出 row the other way")
    func composite() {
        var text = PlantedReports.planting(PlantedReports.composite, "35.00\t36.00", "35.00\t36.10")
        text = PlantedReports.planting(text, "55.00\t56.00", "55.00\t55.90")
        let findings = PlantedReports.findings(text)
        #expect(findings.map(\.summary) == ["R-11 error 8 35.66 35.60", "R-11 error 9 55.54 55.60"])
        #expect(findings.allSatisfy { !$0.isRounding })
    }

    @Test("G-1: 91.9 stated as 良 under the report's own bands")
    func grade() {
        let text = PlantedReports.planting(PlantedReports.department, "评价等级结果：优", "评价等级结果：良")
        #expect(PlantedReports.findings(text).map(\.summary) == ["G-1 error 15 优 良"])
    }

    @Test("F-1: two rows' 小计 off by one while the 合计 column still adds up")
    func fundRows() {
        var text = PlantedReports.planting(PlantedReports.funds, "——\t150\t100", "——\t151\t100")
        text = PlantedReports.planting(text, "2\t12.5\t10", "2\t11.5\t10")
        #expect(PlantedReports.findings(text).map(\.summary) == ["F-1 error 7 150.00 151.00", "F-1 error 8 12.50 11.50"])
    }

    @Test("F-2: a column's 合计 off its rows; 0.01 off is a rounding warning")
    func fundTotals() {
        var text = PlantedReports.planting(PlantedReports.funds, "100\t50\t——\t150\t100", "101\t49\t——\t150\t100")
        #expect(PlantedReports.findings(text).map(\.summary) == ["F-2 error 9 111.50 110.50", "F-2 error 9 49.00 50.00"])
        text = PlantedReports.planting(PlantedReports.funds, "合计\t\t110.5\t50\t2\t162.5", "合计\t\t110.51\t50\t2\t162.51")
        let findings = PlantedReports.findings(text)
        #expect(findings.map(\.summary) == ["F-2 warning 9 110.50 110.51", "F-2 warning 9 162.50 162.51"])
        #expect(findings.allSatisfy { $0.isRounding && $0.tolerance == Money(parsing: "0.01", unit: .wanYuan) })
    }
}
