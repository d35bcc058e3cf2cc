import BudgetLensCore
import BudgetLensEvaluation
import BudgetLensReader
import Foundation
import Testing

/// The synthetic department report of ``PlantedReports`` as MinerU writes a PDF: Markdown headings, HTML tables
/// with `rowspan`/`colspan`, the 得分表 split by a page break inside the (3) row, LaTeX percentages.
enum MarkdownTwin {
    static let report = """
        # 2024 年度测试局（本级）

        部门预算整体

        # 绩效评价报告

        一、部门预算安排及使用情况

        <table><tr><td>部门预算安排</td><td>年初预算数</td><td>全年预算数</td><td>预算执行数</td><td>预算执行率</td></tr><tr><td></td><td>100.00</td><td>95.00</td><td>95.00</td><td>$100\\%$</td></tr></table>

        五、评价得分和等级

        <table><tr><th>一级指标</th><th>分值</th><th>得分</th><th>得分率</th></tr><tr><td>决策</td><td>40</td><td>36</td><td>$90.00\\%$</td></tr><tr><td>产出</td><td>60</td><td>55.9</td><td>$93.17\\%$</td></tr></table>

        评价得分：91.9 评价等级结果：优

        本次评价指标体系满分 100 分，设置决策、产出 2 个一级指标，下设 2 个二级指标、4 个三级指标。

        （1）“决策”指标分值权重 40%，下设立项 1 个二级指标和 2 个三级指标。

        评价结果分为 4 个等次：综合得分在 90 分（含 90 分）以上为“优”；综合得分在 80~90 分（含 80 分）为“良”；综合得分在 60~80 分（含 60 分）为“中”；综合得分在 60 分以下为“差”。

        年初预算安排资金 100 万元，依据通知调减预算 5 万元，调整比例未超过年初预算总额 10%。

        ## 表 3-1 得分情况表

        <table>
        <thead><tr><th>一级指标</th><th>指标分值</th><th>得分</th><th>得分率</th></tr></thead>
        <tbody>
        <tr><td>决策</td><td>40</td><td>36</td><td>$90.00\\%$</td></tr>
        <tr><td>产出</td><td>60</td><td>55.9</td><td>$93.17\\%$</td></tr>
        <tr><td>合计</td><td>100</td><td>91.9</td><td>$91.90\\%$</td></tr>
        </tbody>
        </table>

        ## 附件 1：绩效评价指标体系

        <table>
        <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标解释</td><td>评分办法</td><td>指标/数据来源</td></tr>
        <tr><td rowspan="2">决策 (40分)</td><td rowspan="2">立项 (40分)</td><td>(1)立项依据 (20分)</td><td>解释</td><td><p>①每发现一处问题扣2分；</p><p>②年中调剂比例超过年初预算总额$10\\%$及以上的，扣0.1分，在此基础上每增加1个百分点，扣0.1分，2分扣完为止</p></td><td>资料</td></tr>
        <tr><td>(2)预算执行率 (20分)</td><td>解释</td><td>得分=预算执行率*权重分</td><td>资料</td></tr>
        <tr><td rowspan="2">产出 (60分)</td><td rowspan="2">产出数量 (60分)</td><td>(3)完成率 (40分)</td><td>解释</td><td>每发现一处问题扣1分，扣完为止</td><td>资料</td></tr>
        <tr><td>(4)预算执行进度 (20分)</td><td>解释</td><td>每个考核时点进度达到$75\\%$得满分；低于上述时间节点进度两个百分点(含)以内的，扣0.1分；低于2—4个百分点(含)的，扣0.2分；以此类推，扣完为止</td><td>资料</td></tr>
        </table>

        ## 附件 2：绩效评价得分表

        <table>
        <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>得分</td><td>得失分依据</td></tr>
        <tr><td rowspan="2">决策 (40分)</td><td rowspan="2">立项 (40分)</td><td>(1)立项依据 (20分)</td><td>18</td><td>年初预算安排资金 100 万元，调减预算 5 万元；发现一处问题，扣 2 分。</td></tr>
        <tr><td>(2)预算执行率 (20分)</td><td>18</td><td>执行率$90.00\\%$。得分=$90.00\\%$*20=18分。</td></tr>
        <tr><td>产出 (60分)</td><td>产出数量 (60分)</td><td>(3)完成率 (40分)</td><td></td><td></td></tr>
        </table>

        <table>
        <tr><td></td><td></td><td></td><td>36</td><td>发现问题4处，扣 4 分。</td></tr>
        <tr><td></td><td></td><td>(4)预算执行进度 (20分)</td><td>19.9</td><td>9月底预算执行进度$74.00\\%$，低于$75\\%$，扣 0.1 分。</td></tr>
        <tr><td colspan="3">合计</td><td>91.9</td><td>——</td></tr>
        </table>
        """
}

@Suite("Markdown with HTML tables (MinerU)")
struct MarkdownTwinTests {
    private func shape(_ report: EvaluationReport) -> [String] {
        report.indicators.map { indicator in
            let scores = ScoreColumn.allCases.compactMap { indicator.scores[$0].map { "\($0)" } }.joined(separator: "/")
            let parent = indicator.parent.map { report.indicators[$0].name } ?? "-"
            return "\(indicator.level.rawValue) \(indicator.code) \(indicator.name) \(indicator.weight.map(\.description) ?? "-") \(scores) ^\(parent) | \(indicator.rule) | \(indicator.basis)"
        }
    }

    @Test("the Markdown twin reads to the same indicators, summaries, totals and (no) findings as the text")
    func sameAsText() {
        let text = EvaluationReportReader.read(text: PlantedReports.department, file: "plain.txt")
        let markdown = EvaluationReportReader.read(text: MarkdownTables.converted(MarkdownTwin.report), file: "twin.md")
        #expect(markdown.indicators.count == 8 && markdown.indicators(level: .third).count == 4)
        #expect(shape(markdown) == shape(text))
        #expect(markdown.summaries.map { $0.rows.map { "\($0.name) \($0.weight?.description ?? "-") \($0.scores[.score]?.description ?? "-") \($0.rate?.description ?? "-")" } }
            == text.summaries.map { $0.rows.map { "\($0.name) \($0.weight?.description ?? "-") \($0.scores[.score]?.description ?? "-") \($0.rate?.description ?? "-")" } })
        #expect(markdown.summaries.map(\.title) == ["五、评价得分和等级", "表 3-1 得分情况表"])
        #expect(markdown.totals.map { "\($0.score?.description ?? "-") \($0.grade ?? "-")" } == text.totals.map { "\($0.score?.description ?? "-") \($0.grade ?? "-")" })
        #expect(markdown.gradeBands.map(\.minimum) == text.gradeBands.map(\.minimum))
        #expect(markdown.statedCounts.map(\.count) == text.statedCounts.map(\.count))
        #expect(markdown.budgetFigures?.annual == text.budgetFigures?.annual)
        #expect(EvaluationChecks.run(markdown).isEmpty)
    }

    @Test("the conversion: rowspan leaves empty cells below, colspan empty cells beside, a split row joined")
    func conversion() {
        let converted = MarkdownTables.converted(MarkdownTwin.report).split(separator: "\n").map(String.init)
        #expect(converted.contains("\t\t(2)预算执行率 (20分)\t18\t执行率90.00%。得分=90.00%*20=18分。"))
        #expect(converted.contains("产出 (60分)\t产出数量 (60分)\t(3)完成率 (40分)\t36\t发现问题4处，扣 4 分。"))
        #expect(converted.contains("合计\t\t\t91.9\t——"))
        #expect(converted.contains("\t100.00\t95.00\t95.00\t100%"))
        #expect(converted.contains("表 3-1 得分情况表"), "heading marks removed")
        #expect(!converted.contains { $0.contains("<") || $0.contains("$") })
    }

    @Test("a planted defect in the Markdown twin is found as in the text")
    func plantedInMarkdown() {
        let planted = MarkdownTwin.report.replacingOccurrences(of: "评价等级结果：优", with: "评价等级结果：良")
        let findings = EvaluationChecks.run(EvaluationReportReader.read(text: MarkdownTables.converted(planted), file: "twin.md"))
        #expect(findings.map(\.rule) == ["G-1"])
    }
}
