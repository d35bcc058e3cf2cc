import BudgetLensCore
import BudgetLensEvaluation
import BudgetLensTestSupport
import Foundation
import Testing

@Suite("The document chain: 十三 against the annexed report")
struct DocumentChainTests {
    /// A 情况说明 十三 followed by the annexed report it describes, every claim matching.
    static let chain = """
        十三、预算绩效情况说明

        （一）预算绩效管理工作开展情况。组织对职工基本医疗保险基金项目等 1 个项目开展了部门评价，涉及预算资金 879,635.40 万元。

        （四）部门评价结果。

        2022 年度职工基本医疗保险基金项目绩效评价报告项目，绩效评价得分为 91.20 分，等级为优。

        2022年度烟台市职工基本医疗保险基金项目绩效评价报告

        项目名称: 职工基本医疗保险基金

        """ + PlantedReports.composite + """


        项目名称\t2022年度烟台市职工基本医疗保险基金项目
        资金预算金额（万元）\t收1,023,779.59/支879,635.40
        """

    private func findings(_ text: String) -> [Finding] {
        let report = EvaluationReportReader.read(text: text, file: "chain.txt")
        return DocumentChain.check(text: text, file: "chain.txt", report: report)
    }

    @Test("seed 000: 十三 names two other projects, two evaluations and another amount than the annexed report")
    func yantai() throws {
        let path = Seed.path(Seed.yantai)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let report = EvaluationReportReader.read(text: text, file: path)
        #expect(report.projectName == "职工基本医疗保险基金")
        #expect(report.budgetAmounts == [Money(parsing: "1023779.59", unit: .wanYuan), Money(parsing: "879635.40", unit: .wanYuan)])
        let findings = DocumentChain.check(text: text, file: path, report: report)
        #expect(findings.map(\.rule) == ["N-EVAL-1", "N-EVAL-2", "N-EVAL-3"])
        #expect(findings.allSatisfy { $0.location.source?.line == 591 })
        #expect(findings[0].message.contains("长期护理保险资金项目、居民基本医疗保险补助资金项目"))
        #expect(findings[2].actual?.amount == Money(parsing: "103727.34", unit: .wanYuan))
    }

    @Test("a 十三 that describes its annexed report raises nothing; a report not annexed to anything neither")
    func consistent() throws {
        #expect(findings(Self.chain).isEmpty)
        #expect(findings(PlantedReports.composite).isEmpty)
        #expect(DocumentChain.check(text: "", file: "e.txt", report: try EvaluationSeed.read(EvaluationSeed.zaozhuang)).isEmpty)
    }

    @Test("each claim planted wrong fires its own rule")
    func planted() {
        #expect(findings(Self.chain.replacingOccurrences(of: "组织对职工基本医疗保险基金项目", with: "组织对长期护理保险资金项目")).map(\.rule) == ["N-EVAL-1"])
        #expect(findings(Self.chain.replacingOccurrences(of: "等 1 个项目", with: "等 2 个项目")).map(\.rule) == ["N-EVAL-2"])
        #expect(findings(Self.chain.replacingOccurrences(of: "涉及预算资金 879,635.40", with: "涉及预算资金 103,727.34")).map(\.rule) == ["N-EVAL-3"])
        #expect(findings(Self.chain.replacingOccurrences(of: "得分为 91.20 分，等级为优", with: "得分为 91.30 分，等级为优")).map(\.rule) == ["N-EVAL-4"])
    }
}
