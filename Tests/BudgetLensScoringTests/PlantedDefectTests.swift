import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensScoring
import BudgetLensTestSupport
import Testing

/// Each defect of the review planted once in a consistent self-evaluation: exactly its finding appears.
@Suite("Planted defects in a synthetic self-evaluation")
struct PlantedDefectTests {
    private func review(_ synthetic: SyntheticSelfEvaluation) throws -> ScoreReport {
        let disclosure = DisclosureReader.read(text: synthetic.text, file: "synthetic.txt")
        let schemes = try SchemeSet.builtIn()
        return ScoreReport(disclosure: disclosure, schemes: schemes, pack: try ScoringChecks.performancePack(schemes: schemes))
    }

    private func signatures(_ report: ScoreReport) -> [String] {
        report.findings.map { "\($0.rule) \($0.location.source?.line ?? 0)" }.sorted()
    }

    @Test("the consistent self-evaluation: read as written, no finding")
    func consistent() throws {
        let report = try review(SyntheticSelfEvaluation())
        #expect(report.disclosure.selfEvaluations.count == 2)
        #expect(report.disclosure.evaluationSummaries.first?.rows.count == 1)
        let project = try #require(report.tables.first)
        #expect(project.executionScore == Score(hundredths: 950))
        #expect(project.computedTotal == Score(hundredths: 9550) && project.computedGrade == "优")
        #expect(project.indicators.allSatisfy { $0.judgement.status == .met })
        #expect(report.findings.isEmpty, "\(report.findings.map(\.message))")
    }

    @Test("a stated execution score that differs from the recomputed one (S-3); the total is then not the printed sum (S-6)")
    func executionScore() throws {
        var synthetic = SyntheticSelfEvaluation()
        synthetic.replace("95.00%\t9.5", with: "95.00%\t9.8")
        let line = synthetic.line(containing: "\t年度资金总额\t100")
        let report = try review(synthetic)
        #expect(report.findings.map(\.rule).sorted() == ["S-3", "S-6"])
        let finding = try #require(report.findings.first { $0.rule == "S-3" })
        #expect(finding.expected == .text("9.5") && finding.actual == .text("9.8") && finding.location.source?.line == line)
    }

    @Test("a total that is not the sum (S-6) nor the recomputed total (S-9)")
    func totalNotSum() throws {
        var synthetic = SyntheticSelfEvaluation()
        synthetic.replace("\t总分\t\t\t95.5", with: "\t总分\t\t\t96.5")
        synthetic.replace("1\t测试项目经费\t95.5", with: "1\t测试项目经费\t96.5")
        synthetic.replace("项目自评得分为95.5分", with: "项目自评得分为96.5分")
        let report = try review(synthetic)
        #expect(report.findings.map(\.rule).sorted() == ["S-6", "S-9"])
        #expect(report.findings.first { $0.rule == "S-6" }?.expected == .text("95.5"))
    }

    @Test("a grade that does not match the score (G-1)")
    func wrongGrade() throws {
        var synthetic = SyntheticSelfEvaluation()
        synthetic.replace("95.5\t优", with: "95.5\t良")
        synthetic.replace("1个项目自评等级为优", with: "0个项目自评等级为优")
        let report = try review(synthetic)
        #expect(signatures(report) == ["G-1 \(synthetic.line(containing: "95.5\t良"))"])
        #expect(report.findings.first?.expected == .text("优"))
    }

    @Test("an unmet target with full marks (P-UNMET)")
    func unmetFullMarks() throws {
        var synthetic = SyntheticSelfEvaluation()
        synthetic.replace("≥20家\t25家", with: "≥20家\t18家")
        let report = try review(synthetic)
        #expect(signatures(report) == ["P-UNMET \(synthetic.line(containing: "18家"))"])
    }

    @Test("weights that do not sum to the scheme's 90 (S-4)")
    func weightsSum() throws {
        var synthetic = SyntheticSelfEvaluation()
        synthetic.replace("响应时间\t≤60分钟\t45分钟\t10\t10", with: "响应时间\t≤60分钟\t45分钟\t15\t10")
        let report = try review(synthetic)
        #expect(report.findings.map(\.rule).sorted() == ["S-4", "S-7"])
        #expect(report.findings.first { $0.rule == "S-4" }?.actual == .text("95"))
    }

    @Test("a score above its weight (S-5); the total stays the printed sum")
    func scoreAboveWeight() throws {
        var synthetic = SyntheticSelfEvaluation()
        synthetic.replace("群众满意度\t≥90%\t95%\t10\t6", with: "群众满意度\t≥90%\t95%\t10\t12")
        synthetic.replace("\t总分\t\t\t95.5", with: "\t总分\t\t\t101.5")
        synthetic.replace("1\t测试项目经费\t95.5", with: "1\t测试项目经费\t101.5")
        synthetic.replace("项目自评得分为95.5分", with: "项目自评得分为101.5分")
        let report = try review(synthetic)
        #expect(report.findings.map(\.rule).sorted() == ["S-5", "S-9"])
    }

    @Test("an actual value written with a comparator (P-ACT-CMP)")
    func actualComparator() throws {
        var synthetic = SyntheticSelfEvaluation()
        synthetic.replace("≥20家\t25家", with: "≥20家\t≥25家")
        let report = try review(synthetic)
        #expect(signatures(report) == ["P-ACT-CMP \(synthetic.line(containing: "≥25家"))"])
    }

    @Test("an actual value without the unit of its target (P-ACT-UNIT)")
    func actualUnit() throws {
        var synthetic = SyntheticSelfEvaluation()
        synthetic.replace("≥20家\t25家", with: "≥20家\t25")
        let report = try review(synthetic)
        #expect(signatures(report) == ["P-ACT-UNIT \(synthetic.line(containing: "检查机构数量"))"])
    }

    @Test("an empty actual value (P-ACT-EMPTY)")
    func actualEmpty() throws {
        var synthetic = SyntheticSelfEvaluation()
        synthetic.replace("服务水平\t明显提升\t明显提升", with: "服务水平\t明显提升\t")
        let report = try review(synthetic)
        #expect(signatures(report) == ["P-ACT-EMPTY \(synthetic.line(containing: "服务水平"))"])
    }

    @Test("a unit mismatch that needs conversion: ≤100万元 against 950000元 is met, and says so (P-UNIT)")
    func unitConversion() throws {
        var synthetic = SyntheticSelfEvaluation()
        synthetic.replace("≤100万元\t95万元", with: "≤100万元\t950000元")
        let report = try review(synthetic)
        #expect(signatures(report) == ["P-UNIT \(synthetic.line(containing: "950000元"))"])
        let finding = try #require(report.findings.first)
        #expect(finding.severity == .info && finding.message.contains("100万元 = 1000000元") && finding.message.contains("已完成"))
    }

    @Test("a cost indicator whose target is a count (P-COST)")
    func costNotMoney() throws {
        var synthetic = SyntheticSelfEvaluation()
        synthetic.replace("项目支出金额\t≤100万元\t95万元", with: "按节点控制支出\t≥4次\t4次")
        let report = try review(synthetic)
        #expect(signatures(report) == ["P-COST \(synthetic.line(containing: "按节点控制支出"))"])
    }

    @Test("a duplicated indicator (H-4)")
    func duplicate() throws {
        var synthetic = SyntheticSelfEvaluation()
        synthetic.replace("检查覆盖率\t=100%", with: "检查机构数量\t=100%")
        let report = try review(synthetic)
        #expect(signatures(report) == ["H-4 \(synthetic.line(containing: "检查机构数量\t=100%"))"])
    }

    @Test("the 汇总表 disagreeing with the table: score (N-PERF) and count (N-COUNT)")
    func summaryDisagrees() throws {
        var synthetic = SyntheticSelfEvaluation()
        synthetic.replace("1\t测试项目经费\t95.5\t优", with: "1\t测试项目经费\t97.5\t优")
        synthetic.replace("1个项目中，1个项目", with: "2个项目中，2个项目")
        let report = try review(synthetic)
        #expect(report.findings.map(\.rule).sorted() == ["N-COUNT", "N-COUNT", "N-PERF"])
        let score = try #require(report.findings.first { $0.rule == "N-PERF" })
        #expect(score.expected == .text("95.5") && score.actual == .text("97.5"))
    }

    @Test("a 综述 that misquotes its table (N-SUM)")
    func narrativeSummary() throws {
        var synthetic = SyntheticSelfEvaluation()
        synthetic.replace("执行数为95万元", with: "执行数为96万元")
        let report = try review(synthetic)
        #expect(report.findings.map(\.rule) == ["N-SUM"])
        #expect(report.findings.first?.actual == .text("96.00") && report.findings.first?.expected == .text("95.00"))
    }

    @Test("transfer-payment sources that do not add up to 年度资金总额 (T-1)")
    func transferSources() throws {
        var synthetic = SyntheticSelfEvaluation()
        synthetic.replace("\t省级财政资金\t100\t100", with: "\t省级财政资金\t90\t90")
        let report = try review(synthetic)
        let line = synthetic.line(containing: "年度资金总额：")
        #expect(signatures(report) == ["T-1 \(line)", "T-1 \(line)"])
        #expect(report.findings.first?.expected == .text("290.00") && report.findings.first?.actual == .text("300.00"))
    }
}
