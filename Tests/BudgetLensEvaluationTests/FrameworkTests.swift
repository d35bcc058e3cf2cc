import BudgetLensCore
import BudgetLensEvaluation
import BudgetLensTestSupport
import Foundation
import Testing

@Suite("Frameworks as data and scoring from evidence")
struct FrameworkTests {
    private static var evidencePath: String { Seed.repositoryRoot.appendingPathComponent("examples/003-evidence.yaml").path }

    private func evidence() throws -> String { try String(contentsOfFile: Self.evidencePath, encoding: .utf8) }

    @Test("the built-in department-overall framework is seed 003's system: 5 一级, 13 二级, 27 三级, 100 points")
    func builtIn() throws {
        #expect(Framework.builtInNames == ["department-overall", "employee-medical-insurance-fund"])
        let framework = try Framework(contentsOf: "department-overall")
        #expect(framework.total == Score(points: 100))
        #expect(framework.indicators.filter { $0.level == .first }.map(\.weight.hundredths) == [1200, 2800, 1500, 3500, 1000])
        #expect(framework.indicators.filter { $0.level == .second }.count == 13)
        let leaves = framework.indicators.filter { $0.rule != nil }
        #expect(leaves.map(\.code) == (1...27).map { "(\($0))" })
        #expect(leaves.map { $0.rule?.kind ?? "" }.filter { $0 == "deduction" }.count == 13)
        #expect(Set(leaves.compactMap { $0.rule?.kind }) == [
            "parts", "progress", "deviation-bands", "deduction", "checklist", "ratio", "grade-difference", "grade-share",
            "bands",
        ])
    }

    @Test("the built-in employee-medical-insurance-fund framework is seed 000's: A1–A4, B1–B10, C1–C19")
    func builtInYantai() throws {
        let framework = try Framework(contentsOf: "employee-medical-insurance-fund")
        #expect(framework.indicators.filter { $0.level == .first }.map(\.weight.hundredths) == [1400, 2100, 3000, 3500])
        #expect(framework.indicators.filter { $0.level == .second }.map(\.code) == (1...10).map { "B\($0)" })
        #expect(framework.indicators.filter { $0.level == .third }.map(\.code) == (1...19).map { "C\($0)" })
    }

    @Test("per-point rules (R-4) give 000's 非现场 满意度 4.61 and 4.96, 可支付月数 13.6 full, 龙口 89.81 → 4.98")
    func perPoint() throws {
        let framework = try Framework(contentsOf: "employee-medical-insurance-fund")
        let evidence = """
            indicators:
              C18: {value: 13.6}
              C19: {parts: {参保群众满意度: {value: 86.11}, 生育群众满意度: {value: 89.58}}}
              C17: {value: 2.55, threshold: 2.6}
            """
        let scored = try ScoredEvaluation(framework: framework, evidenceYAML: evidence, evidenceFile: "e.yaml")
        let byCode = Dictionary(uniqueKeysWithValues: scored.rows.map { (framework.indicators[$0.index].code, $0) })
        #expect(byCode["C19"]?.score == Score(hundredths: 957), "4.61 + 4.96")
        #expect(byCode["C19"]?.basis.contains("86.11，低于90 3.89，扣0.39分，得4.61分") == true)
        #expect(byCode["C18"]?.score == Score(points: 5))
        #expect(byCode["C17"]?.score == Score(hundredths: 400), "4 − 0.05 × 2% × 4 = 3.996 → 4.00")
        #expect(scored.findings.map(\.rule) == Array(repeating: "EV-1", count: 16), "the other 16 三级 have no evidence")
        let longkou = try ScoredEvaluation(
            framework: framework, evidenceYAML: "indicators:\n  C19: {parts: {参保群众满意度: {value: 89.81}, 生育群众满意度: {value: 95.31}}}\n",
            evidenceFile: "e.yaml")
        #expect(longkou.rows.first { framework.indicators[$0.index].code == "C19" }?.score == Score(hundredths: 998))
    }

    @Test("the evidence of seed 003's 得分表 reproduces each of its 27 scores and the total 82.03 良")
    func reproducesSeed003() throws {
        let framework = try Framework(contentsOf: "department-overall")
        let scored = try ScoredEvaluation(framework: framework, evidenceYAML: try evidence(), evidenceFile: "003-evidence.yaml")
        #expect(scored.findings.isEmpty)
        let published = try EvaluationSeed.read(EvaluationSeed.zaozhuang).indicators(level: .third)
        let byCode = Dictionary(uniqueKeysWithValues: published.map { ($0.code, $0.scores[.score]) })
        for row in scored.rows {
            let code = framework.indicators[row.index].code
            #expect(row.score == byCode[code] ?? nil, "\(code)")
        }
        #expect(scored.summary.map { $0.score?.hundredths } == [1100, 2120, 1250, 3013, 720])
        #expect(scored.summary.map { $0.rate?.hundredths } == [9167, 7571, 8333, 8609, 7200])
        #expect(scored.total == Score(hundredths: 8203) && scored.grade == "良")
        #expect(scored.problems.count == 28)
        let progress = try #require(scored.rows.first { framework.indicators[$0.index].code == "(3)" })
        #expect(progress.basis.contains("低于75% 13.43个百分点，扣0.7分") && progress.basis.contains("扣1.6分"))
    }

    @Test("with the adjustment the tables imply (31.13 %), (1) scores 8 under its own rule and the total 80.03")
    func actualAdjustment() throws {
        let framework = try Framework(contentsOf: "department-overall")
        let text = try evidence().replacingOccurrences(of: "④: {value: 9.87}", with: "④: {value: 31.13}")
        let scored = try ScoredEvaluation(framework: framework, evidenceYAML: text, evidenceFile: "e.yaml")
        #expect(scored.rows.first?.score == Score(points: 8))
        #expect(scored.rows.first?.basis.contains("31.13%，超过10% 21.13个百分点，扣2分") == true)
        #expect(scored.total == Score(hundredths: 8003) && scored.grade == "良")
    }

    @Test("missing evidence is a finding (EV-1) and leaves the indicator and the total unscored, never zero")
    func missingEvidence() throws {
        let framework = try Framework(contentsOf: "department-overall")
        let text = try evidence().replacingOccurrences(of: "  \"(27)\": {values: [89.17, 90]}\n", with: "")
        let scored = try ScoredEvaluation(framework: framework, evidenceYAML: text, evidenceFile: "e.yaml")
        #expect(scored.findings.map(\.rule) == ["EV-1"])
        #expect(scored.findings.first?.message.contains("(27) 服务对象满意度") == true)
        #expect(scored.rows.last?.score == nil && scored.total == nil && scored.summary.last?.score == nil)
        #expect(scored.summary.first?.score == Score(points: 11), "the other 一级 are still scored")
    }

    @Test("evidence that does not fit its rule is EV-2 with the evidence line")
    func unusableEvidence() throws {
        let framework = try Framework(contentsOf: "department-overall")
        let text = try evidence().replacingOccurrences(of: "\"(3)\": {values: [61.51, 61.57, 61.57]}", with: "\"(3)\": {values: [61.51, 61.57]}")
        let scored = try ScoredEvaluation(framework: framework, evidenceYAML: text, evidenceFile: "e.yaml")
        #expect(scored.findings.map(\.rule) == ["EV-2"])
        #expect(scored.findings.first?.location.source?.line == 18)
    }

    @Test("numbers too large for exact arithmetic are refused, never overflow")
    func bounds() throws {
        let framework = try Framework(contentsOf: "department-overall")
        let text = try evidence().replacingOccurrences(
            of: "\"(4)\": {numerator: 8848.19, denominator: 8848.19}", with: "\"(4)\": {numerator: 99999999999999999, denominator: 1}")
        let scored = try ScoredEvaluation(framework: framework, evidenceYAML: text, evidenceFile: "e.yaml")
        #expect(scored.findings.map(\.rule) == ["EV-2"])
        #expect(scored.findings.first?.message.contains("`numerator`") == true)
        #expect(refusal(Self.small.replacingOccurrences(of: "share: 100}", with: "share: 99999999}")).hasSuffix("is out of range (at most 10000)"))
        let huge = PlantedReports.planting(PlantedReports.department, "得分=90.00%*20", "得分=99999999999999.00%*99999999999")
        #expect(!PlantedReports.findings(huge).contains { $0.rule == "R-1" }, "out-of-range figures are not read")
    }

    private func refusal(_ yaml: String) -> String {
        do {
            _ = try Framework(yaml: yaml, file: "f.yaml")
            return "accepted"
        } catch {
            return "\(error)"
        }
    }

    private static let small = """
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

    @Test("a correct small framework loads; malformed ones are refused naming the indicator and the line")
    func malformed() {
        #expect(refusal(Self.small) == "accepted")
        #expect(refusal(Self.small.replacingOccurrences(of: "weight: 60\n    children", with: "weight: 50\n    children"))
            == "f.yaml:4: the 一级 weights add up to 90, not the total 100 (W-1)")
        #expect(refusal(Self.small.replacingOccurrences(of: "name: 立项, weight: 40", with: "name: 立项, weight: 30"))
            == "f.yaml:4: 决策: its children's weights add up to 30, not 40 (W-1)")
        #expect(refusal(Self.small.replacingOccurrences(of: "kind: deduction", with: "kind: lottery"))
            == "f.yaml:7: (1) 立项: unknown rule kind `lottery` (known: ratio, all-or-nothing, checklist, deduction, bands, deviation-bands, progress, change-rate, per-point, grade-share, grade-difference, composite, parts)")
        #expect(refusal(Self.small.replacingOccurrences(of: "{min: 80, max: 90, share: 60}", with: "{min: 80, max: 85, share: 60}"))
            == "f.yaml:15: (2) 满意度: the bands leave a gap between 85 and 90")
        #expect(refusal(Self.small.replacingOccurrences(of: "{max: 80, share: 0}", with: "{max: 82, share: 0}"))
            == "f.yaml:15: (2) 满意度: the bands overlap at 80")
        #expect(refusal(Self.small.replacingOccurrences(of: "{kind: deduction, per: 1}", with: "{kind: deduction}"))
            == "f.yaml:7: (1) 立项: no `per`")
        #expect(refusal("indicators: [").hasPrefix("f.yaml:0: not valid YAML"))
    }

    @Test("every rule kind scores its evidence: all-or-nothing, checklist, composite, voided deduction")
    func ruleKinds() throws {
        let yaml = """
            name: kinds
            total: 10
            indicators:
              - name: 一
                weight: 10
                children:
                  - {code: a, name: 合规, weight: 2, rule: {kind: all-or-nothing}}
                  - code: b
                    name: 清单
                    weight: 2
                    rule: {kind: checklist, items: [{id: x, text: 甲, points: 1.5}, {id: y, text: 乙, points: 0.5}]}
                  - {code: c, name: 综合, weight: 4, rule: {kind: composite, non_field: 40, field: 60}}
                  - {code: d, name: 资金, weight: 2, rule: {kind: deduction, per: 0.5, voidable: true}}
            """
        let framework = try Framework(yaml: yaml, file: "k.yaml")
        let evidence = """
            indicators:
              a: {met: false, note: 未按程序申请}
              b: {failed: [y]}
              c: {non_field: 1.00, field: 1.83}
              d: {void: true}
            """
        let scored = try ScoredEvaluation(framework: framework, evidenceYAML: evidence, evidenceFile: "e.yaml")
        #expect(scored.rows.map { $0.score?.hundredths } == [0, 150, 150, 0], "0.4 × 1.00 + 0.6 × 1.83 = 1.498 → 1.50")
        #expect(scored.total == Score(hundredths: 300) && scored.grade == "差")
        #expect(scored.problems.map(\.text) == ["未按程序申请", "y 乙", "截留、挤占、挪用或虚列支出"])
    }
}
