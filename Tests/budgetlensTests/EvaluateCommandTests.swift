import BudgetLensCore
import BudgetLensTestSupport
import Foundation
import Testing

@Suite("budgetlens evaluate")
struct EvaluateCommandTests {
    private static let zaozhuang = "003_57b5dcd699d528dd.txt"
    private static let shandan = "004_b292cd247800b1d2.txt"

    private func json(_ result: CommandResult) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        return try #require(object as? [String: Any])
    }

    @Test("003 as JSON: 27 三级 indicators with weight, score, recomputed score and source line; exit 1")
    func zaozhuangJSON() throws {
        let result = try BudgetLensBinary.run(["evaluate", Seed.path(Self.zaozhuang), "--format", "json"])
        #expect(result.status == 1, "error findings")
        let root = try json(result)
        let document = try #require(root["document"] as? [String: Any])
        #expect(document["kind"] as? String == "departmentEvaluation")
        #expect(document["kind_name"] as? String == "部门整体绩效评价报告")
        let indicators = try #require(root["indicators"] as? [[String: Any]])
        let thirds = indicators.filter { $0["level"] as? String == "三级" }
        #expect(thirds.count == 27)
        let total = thirds.compactMap { ($0["score"] as? String).flatMap { Score(parsing: $0)?.hundredths } }.reduce(0, +)
        #expect(total == 8203)
        let first = try #require(thirds.first)
        #expect(first["code"] as? String == "(1)" && first["weight"] as? String == "10.00")
        #expect(first["score"] as? String == "10.00" && first["recomputed"] as? String == "8.00")
        #expect(first["source_line"] as? Int == 632)
        #expect(thirds[2]["recomputed"] as? String == "0.00" && thirds[3]["recomputed"] is NSNull)
        let summary = try #require(root["summary"] as? [[String: Any]])
        #expect(summary.count == 2)
        let findings = try #require(root["findings"] as? [[String: Any]])
        #expect(findings.map { $0["rule"] as? String ?? "" } == ["M-ADJ", "F-2", "F-2", "F-2", "F-2", "R-10", "R-6", "R-6"])
        let central = findings[1]
        #expect(central["expected"] as? String == "387.77" && central["actual"] as? String == "392.54")
        #expect(central["difference"] as? String == "4.77" && central["source_line"] as? Int == 402)
    }

    @Test("004 as text: the kind, the 90-point system and the count findings; exit 1")
    func shandanText() throws {
        let result = try BudgetLensBinary.run(["evaluate", Seed.path(Self.shandan)])
        #expect(result.status == 1)
        #expect(result.stdout.contains("类型 Kind:   转移支付绩效评价报告 (transferEvaluation)"))
        #expect(result.stdout.contains("[W-1] error line 44: 一级指标分值之和 20 + 11 + 49 + 10 = 90，不等于100分"))
        #expect(result.stdout.contains("[W-2] error line 42: 指标体系：文中称三级指标33个，实际列出32个"))
        #expect(result.stdout.contains("发现 Findings: 4 errors, 0 warnings"))
    }

    @Test("000: the report annexed to the final accounts is read from its title on")
    func yantaiAnnex() throws {
        let result = try BudgetLensBinary.run(["evaluate", Seed.path(Seed.yantai), "--format", "json"])
        #expect(result.status == 1)
        let root = try json(result)
        let document = try #require(root["document"] as? [String: Any])
        #expect(document["first_line"] as? Int == 1021)
        let weights = try #require(document["composite_weights"] as? [String: Any])
        #expect(weights["non_field"] as? Int == 40 && weights["field"] as? Int == 60)
        let findings = try #require(root["findings"] as? [[String: Any]])
        let composite = findings.filter { $0["rule"] as? String == "R-11" }
        #expect(composite.count == 5 && composite.allSatisfy { $0["rounding"] as? Bool == true })
        #expect(findings.contains { $0["rule"] as? String == "R-3" && $0["source_line"] as? Int == 2530 })
    }

    @Test("check, score and cells refuse an evaluation report with exit 2, saying to use evaluate")
    func refusals() throws {
        for arguments in [["check"], ["score"], ["cells"]] {
            for seed in [Self.zaozhuang, Self.shandan] {
                let result = try BudgetLensBinary.run(arguments + [Seed.path(seed)])
                #expect(result.status == 2)
                #expect(result.stderr.contains("an evaluation report: use `budgetlens evaluate`"))
                #expect(result.stderr.contains("请用 `budgetlens evaluate`"))
            }
        }
    }

    @Test("show names the evaluation kind")
    func show() throws {
        let result = try BudgetLensBinary.run(["show", Seed.path(Self.zaozhuang)])
        #expect(result.status == 0)
        #expect(result.stdout.contains("类型 Kind:        部门整体绩效评价报告 (departmentEvaluation)"))
        #expect(result.stdout.contains("use `budgetlens evaluate`"))
    }

    @Test("a Markdown report with HTML tables is read through the converted text; exit 0 when all holds")
    func markdown() throws {
        let table = "<table><tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>得分</td><td>得失分依据</td></tr>"
            + "<tr><td rowspan=\"2\">决策 (100分)</td><td rowspan=\"2\">立项 (100分)</td><td>(1)依据 (60分)</td><td>60</td><td>无</td></tr>"
            + "<tr><td>(2)程序 (40分)</td><td>40</td><td>完成率$100\\%$</td></tr></table>"
        let markdown = "# 测试局部门整体绩效评价报告\n\n评价得分：100 评价等级结果：优\n\n" + table + "\n"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("budgetlens-evaluate-\(getpid()).md")
        try Data(markdown.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try BudgetLensBinary.run(["evaluate", url.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("指标 Indicators: 一级 1, 二级 1, 三级 2, 明细 0"))
        #expect(result.stdout.contains("发现 Findings: 0 errors, 0 warnings"))
        let text = try BudgetLensBinary.run(["text", url.path])
        #expect(text.stdout.contains("\t\t(2)程序 (40分)\t40\t完成率100%"))
    }

    @Test("--framework department-overall --evidence examples/003-evidence.yaml recreates 003: 82.03 良, exit 0")
    func frameworkScoring() throws {
        let result = try BudgetLensBinary.run([
            "evaluate", "--framework", "department-overall", "--evidence", "examples/003-evidence.yaml", "--format", "json",
        ])
        #expect(result.status == 0)
        let root = try json(result)
        #expect(root["total"] as? String == "82.03" && root["grade"] as? String == "良")
        let scores = try #require(root["scores"] as? [[String: Any]])
        #expect(scores.count == 27)
        #expect(scores.map { $0["score"] as? String ?? "" }.prefix(4) == ["10.00", "1.00", "0.00", "2.00"])
        let summary = try #require(root["summary"] as? [[String: Any]])
        #expect(summary.map { $0["rate"] as? String ?? "" } == ["91.67", "75.71", "83.33", "86.09", "72.00"])
        #expect((root["problems"] as? [[String: Any]])?.count == 28)
    }

    @Test("a malformed framework or a missing evidence file exits 2 naming file and line; missing evidence exits 1")
    func frameworkErrors() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("budgetlens-framework-\(getpid()).yaml")
        try Data("name: x\ntotal: 100\nindicators:\n  - {name: 甲, weight: 90, rule: {kind: ratio}}\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let malformed = try BudgetLensBinary.run(["evaluate", "--framework", url.path, "--evidence", "examples/003-evidence.yaml"])
        #expect(malformed.status == 2)
        #expect(malformed.stderr.contains("\(url.path):4: the 一级 weights add up to 90, not the total 100 (W-1)"))
        let noEvidence = try BudgetLensBinary.run(["evaluate", "--framework", "department-overall", "--evidence", "missing.yaml"])
        #expect(noEvidence.status == 2 && noEvidence.stderr.contains("missing.yaml"))
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("budgetlens-evidence-\(getpid()).yaml")
        try Data("indicators:\n  \"(1)\": {parts: {①: {findings: []}}}\n".utf8).write(to: empty)
        defer { try? FileManager.default.removeItem(at: empty) }
        let partial = try BudgetLensBinary.run(["evaluate", "--framework", "department-overall", "--evidence", empty.path])
        #expect(partial.status == 1)
        #expect(partial.stdout.contains("[EV-1] error"))
        #expect(partial.stdout.contains("总分 Total: — (indicators unscored)"))
        let usage = try BudgetLensBinary.run(["evaluate", "--framework", "department-overall"])
        #expect(usage.status == 2 && usage.stderr.contains("--framework and --evidence go together"))
    }

    @Test("--list-rules lists every rule id the checks produce and the built-in frameworks")
    func listRules() throws {
        let result = try BudgetLensBinary.run(["evaluate", "--list-rules"])
        #expect(result.status == 0)
        let ids = result.stdout.split(separator: "\n").map { String($0.split(separator: "\t").first ?? "") }
        #expect(ids.count == 26, "25 rules and the frameworks line")
        for id in ["W-1", "W-2", "E-1", "E-5", "R-3", "R-11", "M-ADJ", "G-1", "F-2", "P-1", "N-EVAL-4", "EV-1"] {
            #expect(ids.contains(id), "\(id)")
        }
        #expect(result.stdout.contains("frameworks\tdepartment-overall, employee-medical-insurance-fund"))
    }

    @Test("a final-accounts disclosure without a report, and a missing file, exit 2")
    func unusable() throws {
        let none = try BudgetLensBinary.run(["evaluate", Seed.path(Seed.weihai)])
        #expect(none.status == 2 && none.stderr.contains("no indicator system"))
        let missing = try BudgetLensBinary.run(["evaluate", "missing-report.txt"])
        #expect(missing.status == 2 && missing.stderr.contains("missing-report.txt"))
    }
}
