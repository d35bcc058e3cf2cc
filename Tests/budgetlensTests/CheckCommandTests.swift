import BudgetLensTestSupport
import Foundation
import Testing

@Suite("budgetlens check and rules")
struct CheckCommandTests {
    @Test("check exits 1 on error findings and groups findings by table")
    func textOutput() throws {
        let result = try BudgetLensBinary.run(["check", Seed.path(Seed.weihai)])
        #expect(result.status == 1)
        #expect(result.stdout.contains("公开05 一般公共预算财政拨款支出决算表"))
        #expect(result.stdout.contains("warning 05-3"))
        #expect(result.stdout.contains("error   F-TOC"))
        #expect(result.stdout.contains("2 errors, 18 warnings, 0 info"), "F-TOC and 五(一)'s 99.97 % (N-SHARE); three doubled words")
        #expect(!result.stdout.contains("\u{1B}["), "no colour when not a terminal")
    }

    @Test("check exits 0 when only warnings are found")
    func warningsOnly() throws {
        // Zengdu's tables hold warnings only; its 情况说明 has errors (N-*), left out here.
        let result = try BudgetLensBinary.run(["check", Seed.path(Seed.zengdu), "--skip", "N-*"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("0 errors, 3 warnings"))
    }

    @Test("--format json: an object with document and findings, amounts in 万元")
    func jsonOutput() throws {
        let result = try BudgetLensBinary.run(["check", Seed.path(Seed.zengdu), "--format", "json", "--skip", "N-*"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let document = try #require(object["document"] as? [String: Any])
        #expect(document["unit_name"] as? String == "曾都区医疗保障局（汇总）")
        #expect(document["money_unit"] as? String == "万元")
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.count == 3)
        let common = try #require(findings.first { $0["rule"] as? String == "06-3" })
        #expect(common["severity"] as? String == "warning")
        #expect(common["table"] as? String == "公开06")
        #expect(common["item"] as? String == "公用经费合计")
        #expect(common["column"] as? Int == 1)
        #expect(common["source_line"] as? Int == 304)
        #expect(common["expected"] as? String == "253.84")
        #expect(common["actual"] as? String == "253.83")
        #expect(common["difference"] as? String == "-0.01")
        #expect(common["tolerance"] as? String == "0.015")
        #expect((common["message"] as? String)?.hasPrefix("公用经费合计 = ") == true)
        #expect(common["line"] is NSNull && common["code"] is NSNull, "absent fields are null, not missing")
    }

    @Test("--format sarif writes a SARIF 2.1.0 log")
    func sarifOutput() throws {
        let result = try BudgetLensBinary.run(["check", Seed.path(Seed.weihai), "--format", "sarif"])
        #expect(result.status == 1)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let runs = try #require(log["runs"] as? [[String: Any]])
        let results = try #require(runs.first?["results"] as? [[String: Any]])
        #expect(results.count == 20)
    }

    @Test("a budget is not checked: exit 2, saying it is a budget")
    func budget() throws {
        let result = try BudgetLensBinary.run(["check", Seed.corpusPath(Seed.shanghaiBudget)])
        #expect(result.status == 2)
        #expect(result.stderr.contains("部门预算 (budget)"))
        #expect(!result.stdout.contains("error "))
    }

    @Test("a user rule file is added with --rules; a broken one is exit 2 naming file, line and column")
    func userRules() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let good = directory.appendingPathComponent("local.rules")
        try "rule U-1 error \"卫生健康支出不超过800万元\"\n    公开01[40, 2] <= 800\n".write(to: good, atomically: true, encoding: .utf8)
        let fired = try BudgetLensBinary.run(["check", Seed.path(Seed.zengdu), "--rules", good.path])
        #expect(fired.status == 1)
        #expect(fired.stdout.contains("U-1") && fired.stdout.contains("1133.18"))
        let broken = directory.appendingPathComponent("broken.rules")
        try "rule U-2 error \"x\"\n    公开01[27, 1] = 公开1O[1, 1]\n".write(to: broken, atomically: true, encoding: .utf8)
        let failed = try BudgetLensBinary.run(["check", Seed.path(Seed.zengdu), "--rules", broken.path])
        #expect(failed.status == 2)
        #expect(failed.stderr.contains("\(broken.path):2:19: unknown table '公开1O'"))
    }

    @Test("--skip leaves rules out")
    func skip() throws {
        let result = try BudgetLensBinary.run(["check", Seed.path(Seed.zengdu), "--skip", "06-*", "--skip", "F-LABEL", "--skip", "N-*"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("0 errors, 0 warnings, 0 info"))
    }

    @Test("several files: one JSON array, worst exit code")
    func severalFiles() throws {
        let result = try BudgetLensBinary.run(["check", Seed.path(Seed.zengdu), Seed.path(Seed.weihai), "--format", "json"])
        #expect(result.status == 1)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 2)
    }

    @Test("rules lists the rules in force with their text")
    func rulesCommand() throws {
        let result = try BudgetLensBinary.run(["rules"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("01-1    error   本年收入合计 = 第1至8行各项收入之和"))
        #expect(result.stdout.contains("tolerance 0.005 per term, max 0.05"))
        let statement = "公开06[人员经费合计, 1] = sum(公开06[{301, 303}, 1])"
        #expect(!result.stdout.contains(statement), "without --source no statement is printed")
        let others = ["01-*", "02-*", "03-*", "04-*", "05-*", "07-*", "08-*", "09-*", "F-*", "X-*", "N-*"]
        let withSource = try BudgetLensBinary.run(["rules", "--source"] + others.flatMap { ["--skip", $0] })
        #expect(withSource.status == 0)
        #expect(withSource.stdout.contains("        \(statement)\n"), "--source prints 06-2's statement")
        #expect(withSource.stdout.contains("Packs/final-accounts/06.rules:"), "--source prints where each rule is")
        let skipped = try BudgetLensBinary.run(["rules", "--source", "--skip", "0*", "--skip", "F-*", "--skip", "X-*", "--skip", "N-*"])
        #expect(skipped.stdout.contains("— 0 rules") && !skipped.stdout.contains(statement))
    }
}
