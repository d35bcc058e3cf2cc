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

    @Test(
        "every indicator and rule error of a framework names f.yaml:4 and the indicator in both languages",
        arguments: [
            ("{code: \"(1)\", name: 甲, weight: 10, rule: {per: 1}}", "(1) 甲：评分规则缺少 `kind`", "(1) 甲: the rule has no `kind`"),
            ("{code: \"(1)\", name: 甲, weight: 10, rule: {kind: deduction}}", "(1) 甲：缺少 `per`", "(1) 甲: no `per`"),
            ("{code: \"(1)\", name: 甲, weight: 10, rule: {kind: checklist}}", "(1) 甲：缺少清单 `items`", "(1) 甲: no checklist `items`"),
            ("{code: \"(1)\", name: 甲, weight: 10, rule: {kind: checklist, items: [{text: a, points: 10}]}}",
                "(1) 甲：清单项需要 `id`", "(1) 甲: a checklist item needs an `id`"),
            ("{code: \"(1)\", name: 甲, weight: 10, rule: {kind: checklist, items: [{id: a, points: 4}]}}",
                "(1) 甲：清单各项合计 4，不等于权重 10", "(1) 甲: the checklist items add up to 4, not the weight 10"),
            ("{code: \"(1)\", name: 甲, weight: 10, rule: {kind: bands}}", "(1) 甲：缺少 `bands`", "(1) 甲: no `bands`"),
            ("{code: \"(1)\", name: 甲, weight: 10, rule: {kind: bands, bands: [{min: 0, share: 100}, {min: 50, share: 50}]}}",
                "(1) 甲：无上限的区间之后还有区间（重叠）", "(1) 甲: a band without an upper bound is followed by another band"),
            ("{code: \"(1)\", name: 甲, weight: 10, rule: {kind: progress, step: 1, deduction: 1}}", "(1) 甲：缺少 `targets`",
                "(1) 甲: no `targets`"),
            ("{code: \"(1)\", name: 甲, weight: 10, rule: {kind: per-point}}", "(1) 甲：per-point 规则需要 `share`（%）或 `deduction`（分）二者之一",
                "(1) 甲: a per-point rule needs `share` (%) or `deduction` (points), one of them"),
            ("{code: \"(1)\", name: 甲, weight: 10, rule: {kind: grade-share}}", "(1) 甲：缺少 `shares`", "(1) 甲: no `shares`"),
            ("{code: \"(1)\", name: 甲, weight: 10, rule: {kind: parts}}", "(1) 甲：缺少 `parts`", "(1) 甲: no `parts`"),
            ("{code: \"(1)\", name: 甲, weight: 10, rule: {kind: parts, parts: [{id: a, points: 10}]}}",
                "(1) 甲：组成部分需要 `id` 和 `rule`", "(1) 甲: a part needs an `id` and a `rule`"),
            ("{code: \"(1)\", name: 甲, weight: 10, rule: {kind: parts, parts: [{id: a, points: 4, rule: {kind: ratio}}]}}",
                "(1) 甲：各组成部分合计 4，不等于权重 10", "(1) 甲: the parts add up to 4, not the weight 10"),
            ("{code: \"(1)\", weight: 10, rule: {kind: ratio}}", "指标需要 `name`", "an indicator needs a `name`"),
            ("{code: \"(1)\", name: 甲, rule: {kind: ratio}}", "(1) 甲：缺少 `weight`", "(1) 甲: no `weight`"),
            ("{code: \"(1)\", name: 甲, weight: 10}", "(1) 甲：末级指标需要 `rule`", "(1) 甲: a leaf indicator needs a `rule`"),
            ("{code: \"(1)\", name: 甲, weight: 10, rule: {kind: ratio}, children: []}", "(1) 甲：指标不能同时有下级指标和评分规则",
                "(1) 甲: an indicator has children or a rule, not both"),
        ])
    func indicatorError(indicator: String, chinese: String, english: String) throws {
        let yaml = "name: t\ntotal: 10\nindicators:\n  - \(indicator)\n"
        let error = try #require(throws: FrameworkError.self) { try Framework(yaml: yaml, file: "f.yaml") }
        #expect(error.chineseDescription == "f.yaml:4: \(chinese)", "\(error.chineseDescription)")
        #expect(error.description == "f.yaml:4: \(english)" || error.description.hasPrefix("f.yaml:4: \(english)"), "\(error)")
    }

    @Test("a framework that is not YAML, not a mapping, without indicators, with a bad grade or missing")
    func frameworkFiles() throws {
        func refusal(_ yaml: String) throws -> FrameworkError {
            try #require(throws: FrameworkError.self) { try Framework(yaml: yaml, file: "f.yaml") }
        }
        let notYAML = try refusal("items: [1, 2")
        #expect(notYAML.chineseMessage.hasPrefix("不是有效的 YAML：") && notYAML.message.hasPrefix("not valid YAML: "))
        #expect(try refusal("- a\n").chineseDescription == "f.yaml:1: 评价框架应为 YAML 映射")
        #expect(try refusal("name: x\n").chineseDescription == "f.yaml:1: 缺少 `indicators` 指标列表")
        let grade = try refusal("name: x\ngrades:\n  - {grade: 优}\nindicators: []\n")
        #expect(grade.chineseDescription == "f.yaml:3: 等级需要 `grade` 和 `minimum`")
        #expect(grade.description == "f.yaml:3: a grade needs `grade` and `minimum`")
        let missing = try #require(throws: FrameworkError.self) { try Framework(contentsOf: "/nonexistent/f.yaml") }
        #expect(missing.chineseDescription == "/nonexistent/f.yaml:0: 无法读取评价框架文件（不存在或不是 UTF-8）")
        #expect(missing.description == "/nonexistent/f.yaml:0: cannot read the framework file (missing, or not UTF-8)")
    }

    /// Ten leaves, one per rule kind whose evidence can be wrong.
    private static let kinds = """
        name: t
        total: 100
        indicators:
          - {code: "(1)", name: 甲, weight: 10, rule: {kind: all-or-nothing}}
          - {code: "(2)", name: 乙, weight: 10, rule: {kind: checklist, items: [{id: a, points: 10}]}}
          - {code: "(3)", name: 丙, weight: 10, rule: {kind: bands, bands: [{min: 50, share: 100}]}}
          - {code: "(4)", name: 丁, weight: 10, rule: {kind: progress, targets: [50, 75], step: 2, deduction: 0.1}}
          - {code: "(5)", name: 戊, weight: 10, rule: {kind: per-point, share: 10}}
          - {code: "(6)", name: 己, weight: 10, rule: {kind: grade-share, shares: {优: 100}}}
          - {code: "(7)", name: 庚, weight: 10, rule: {kind: grade-difference, per_step: 1}}
          - {code: "(8)", name: 辛, weight: 10, rule: {kind: parts, parts: [{id: a, points: 10, rule: {kind: ratio}}]}}
          - {code: "(9)", name: 壬, weight: 10, rule: {kind: ratio}}
          - {code: "(10)", name: 癸, weight: 10, rule: {kind: deduction, per: 1}}
        """

    @Test("every kind of unusable evidence is EV-2 naming the evidence line and the value, in Chinese and English")
    func everyEvidenceIssue() throws {
        let framework = try Framework(yaml: Self.kinds, file: "f.yaml")
        let evidence = """
            indicators:
              "(1)": {met: maybe}
              "(2)": {failed: [b]}
              "(3)": {value: 10}
              "(4)": {values: [50]}
              "(5)": {value: 80}
              "(6)": {grades: []}
              "(7)": {pairs: [[优]]}
              "(8)": {parts: {b: {value: 1}}}
              "(9)": {value: 20000}
              "(10)": {findings: [\(Array(repeating: "a", count: 10_001).joined(separator: ", "))]}
            """
        let scored = try ScoredEvaluation(framework: framework, evidenceYAML: evidence, evidenceFile: "e.yaml")
        let expected: [(line: Int, chinese: String, english: String)] = [
            (2, "(1) 甲：证据不符合评分办法（all-or-nothing）：`met` 应为 true 或 false，而不是“maybe”",
                "(1) 甲: the evidence does not fit its all-or-nothing rule: `met` must be true or false, not 'maybe'"),
            (3, "(2) 乙：证据不符合评分办法（checklist）：`failed` 列出的“b”不是该规则的清单项",
                "(2) 乙: the evidence does not fit its checklist rule: `failed` names an item the rule does not have: 'b'"),
            (4, "(3) 丙：证据不符合评分办法（bands）：10 不在任何区间内", "(3) 丙: the evidence does not fit its bands rule: 10 falls in no band"),
            (5, "(4) 丁：证据不符合评分办法（progress）：`values` 应为每个时间节点给出一个进度 %（2 个），而不是 1 个",
                "(4) 丁: the evidence does not fit its progress rule: `values` must give one progress % per time node (2), not 1"),
            (6, "(5) 戊：证据不符合评分办法（per-point）：规则没有阈值：请给出 `threshold`",
                "(5) 戊: the evidence does not fit its per-point rule: the rule has no threshold: give `threshold`"),
            (7, "(6) 己：证据不符合评分办法（grade-share）：`grades` 应列出抽查项目的等级",
                "(6) 己: the evidence does not fit its grade-share rule: `grades` must list the sampled projects' grades"),
            (8, "(7) 庚：证据不符合评分办法（grade-difference）：每一对应为 [自评等级, 复评等级]（优/良/中/差），而不是 [\"优\"]",
                "(7) 庚: the evidence does not fit its grade-difference rule: each pair is [自评等级, 复评等级] (优/良/中/差), not [\"优\"]"),
            (9, "(8) 辛：证据不符合评分办法（parts）：组成部分 a 没有证据", "(8) 辛: the evidence does not fit its parts rule: no evidence for part a"),
            (10, "(9) 壬：证据不符合评分办法（ratio）：`value` 的 20000 超出范围（最多 10000）",
                "(9) 壬: the evidence does not fit its ratio rule: `value` 20000 is out of range (at most 10000)"),
            (11, "(10) 癸：证据不符合评分办法（deduction）：`findings` 有 10001 项，超过 10000 项",
                "(10) 癸: the evidence does not fit its deduction rule: `findings` has 10001 items, more than 10000"),
        ]
        #expect(scored.findings.map(\.rule) == Array(repeating: "EV-2", count: expected.count))
        for (finding, want) in zip(scored.findings, expected) {
            #expect(finding.message == want.chinese)
            #expect(finding.messageEnglish == want.english)
            #expect(finding.location.source?.line == want.line, "\(finding.message)")
        }
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
