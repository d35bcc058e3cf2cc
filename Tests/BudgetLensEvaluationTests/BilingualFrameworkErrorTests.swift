import BudgetLensCore
import BudgetLensEvaluation
import Foundation
import Testing

/// Framework and evidence errors are told in Chinese and English, each naming file:line, the indicator and the
/// offending value (issue 10, item 8).
@Suite("Framework and evidence errors in Chinese and English")
struct BilingualFrameworkErrorTests {
    /// A two-indicator framework: (1) a deduction, (2) bands, weights 40 + 60.
    private static let framework = """
        name: 测试
        total: 100
        indicators:
          - name: 决策
            weight: 40
            children:
              - {code: "(1)", name: 立项, weight: 40, rule: {kind: deduction, per: 1}}
          - name: 产出
            weight: 60
            children:
              - code: "(2)"
                name: 满意度
                weight: 60
                rule:
                  kind: bands
                  bands:
                    - {min: 90, share: 100}
                    - {min: 80, max: 90, share: 60}
                    - {max: 80, share: 0}
        """

    private func refusal(_ old: String, _ new: String) throws -> FrameworkError {
        #expect(Self.framework.contains(old))
        let yaml = Self.framework.replacingOccurrences(of: old, with: new)
        return try #require(throws: FrameworkError.self) { try Framework(yaml: yaml, file: "f.yaml") }
    }

    @Test(
        "each framework error names file:line, the indicator and the value in both languages",
        arguments: [
            ("per: 1}", "per: x}", "f.yaml:7", "(1) 立项 per：“x”不是最多两位小数的数值", "(1) 立项 per: not a number with at most two decimals"),
            ("per: 1}", "per: 20000}", "f.yaml:7", "(1) 立项 per：20000 超出范围（最多 10000）", "(1) 立项 per: 20000 is out of range"),
            ("kind: deduction, per: 1", "kind: guess", "f.yaml:7", "(1) 立项：未知的评分规则类型 `guess`", "(1) 立项: unknown rule kind `guess`"),
            ("- {max: 80, share: 0}", "- {max: 70, share: 0}", "f.yaml:15", "(2) 满意度：区间在 70 与 80 之间有空缺",
                "(2) 满意度: the bands leave a gap between 70 and 80"),
            ("- {max: 80, share: 0}", "- {max: 85, share: 0}", "f.yaml:15", "(2) 满意度：区间在 80 处重叠", "(2) 满意度: the bands overlap at 80"),
            ("    weight: 60\n    children", "    weight: 50\n    children", "f.yaml:4", "一级指标权重合计 90，不等于总分 100",
                "the 一级 weights add up to 90, not the total 100"),
            ("name: 立项, weight: 40", "name: 立项, weight: 30", "f.yaml:4", "决策：下级指标权重合计 30，不等于 40",
                "决策: its children's weights add up to 30, not 40"),
        ])
    func frameworkError(old: String, new: String, place: String, chinese: String, english: String) throws {
        let error = try refusal(old, new)
        #expect(error.chineseDescription.hasPrefix(place + ": ") && error.description.hasPrefix(place + ": "), "\(error.chineseDescription)")
        #expect(error.chineseMessage.contains(chinese), "\(error.chineseMessage)")
        #expect(error.message.contains(english), "\(error.message)")
    }

    @Test("evidence that does not fit its rule is EV-2 with the value, in Chinese and English")
    func evidence() throws {
        let framework = try Framework(yaml: Self.framework, file: "f.yaml")
        let cases = [
            ("\"(2)\": {value: lots}", "`value` 应为最多两位小数的数值，而不是“lots”", "`value` must be a number with at most two decimals, not 'lots'"),
            ("\"(2)\": {numerator: 5, denominator: 0}", "`denominator` 应为正数，而不是 0", "`denominator` must be positive, not 0"),
        ]
        for (evidence, chinese, english) in cases {
            let yaml = "indicators:\n  \"(1)\": {findings: []}\n  " + evidence + "\n"
            let scored = try ScoredEvaluation(framework: framework, evidenceYAML: yaml, evidenceFile: "e.yaml")
            let finding = try #require(scored.findings.first { $0.rule == "EV-2" })
            #expect(finding.message == "(2) 满意度：证据不符合评分办法（bands）：\(chinese)", "\(finding.message)")
            #expect(finding.messageEnglish == "(2) 满意度: the evidence does not fit its bands rule: \(english)")
            #expect(finding.location.source?.file == "e.yaml" && finding.location.source?.line == 3)
        }
        let notYAML = try #require(throws: FrameworkError.self) {
            try ScoredEvaluation(framework: framework, evidenceYAML: "items: [1, 2", evidenceFile: "e.yaml")
        }
        #expect(notYAML.chineseMessage.hasPrefix("不是有效的 YAML：") && notYAML.message.hasPrefix("not valid YAML: "))
        let noIndicators = try #require(throws: FrameworkError.self) {
            try ScoredEvaluation(framework: framework, evidenceYAML: "items: 1\n", evidenceFile: "e.yaml")
        }
        #expect(noIndicators.chineseDescription == "e.yaml:1: 证据文件需要 `indicators` 映射")
        #expect(noIndicators.description == "e.yaml:1: an evidence file needs an `indicators` mapping")
    }
}
