import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensTestSupport
import Testing

@Suite("The rule language")
struct RuleLanguageTests {
    @Test("the built-in pack parses and covers the DOMAIN identities")
    func builtInPack() throws {
        let pack = try BuiltInPacks.finalAccounts()
        let ids = Set(pack.rules.map(\.id))
        for id in ["01-1", "01-5", "02-2", "03-1", "04-8", "05-3", "06-3", "06-5", "07-2", "08-1", "09-2", "X-1", "X-12",
            "X-16", "F-TOC", "F-XX", "F-CODE"]
        {
            #expect(ids.contains(id), "missing \(id)")
        }
        #expect(pack.tolerance == .standard)
        #expect(pack.rules.first { $0.id == "01-1" }?.statements.count == 1)
    }

    @Test("a user rule file adds a rule and it fires")
    func userRuleFires() throws {
        let text = """
            # 本单位规定：卫生健康支出不超过 800 万元
            rule U-1 error "卫生健康支出不超过800万元" "卫生健康 spending stays within 8,000,000 元"
                公开01[40, 2] <= 800
            rule U-2 warning "信息化建设不超过项目支出的一半" "IT at most half of project spending"
                公开05[2101504, 1] - 公开05[合计, 3] <= 0
            """
        var pack = try BuiltInPacks.finalAccounts()
        try pack.merge(try RulePack(text: text, file: "local.rules"))
        let disclosure = try Seed.read(Seed.weihai)
        let findings = RuleEngine().evaluate(pack, on: disclosure).findings.filter { $0.rule.hasPrefix("U-") }
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.rule == "U-1" && finding.severity == .error)
        #expect(finding.location.line == 40 && finding.location.source?.line == 122)
        #expect(finding.actual?.amount == Money(wan: "883.89") && finding.expected?.amount == Money(wan: "800"))
        #expect(finding.message == "卫生健康支出不超过800万元：公开01 行40 210 九、卫生健康支出 栏2 为 883.89，应不大于 800.00（800），差 +83.89。")
    }

    @Test("quantifiers bind rows, codes and columns; --skip removes rules by pattern")
    func quantifiersAndSkip() throws {
        let text = """
            rule U-3 info "每个项级科目的项目支出不超过 300" "Each 项 spends at most 300 on projects"
                for each 项 k in 公开03: 公开03[k, 3] <= 300
            """
        let pack = try RulePack(text: text, file: "u3.rules")
        let report = RuleEngine().evaluate(pack, on: try Seed.read(Seed.yantai))
        // 000's 项 with 项目支出 above 300: 2101301 3,460.00, 2101502 555.17, 2101506 530.32, 2230108 1,000.00.
        #expect(report.findings.map { $0.location.code ?? "" } == ["2101301", "2101502", "2101506", "2230108"])
        #expect(report.assertionsEvaluated == 13)
        let builtIn = try BuiltInPacks.finalAccounts()
        #expect(builtIn.skipping(["06-*", "X-1?"]).rules.allSatisfy { !$0.id.hasPrefix("06-") && !["X-10", "X-11"].contains($0.id) })
        #expect(builtIn.skipping(["06-*"]).rules.contains { $0.id == "X-1" })
    }

    @Test(
        "a broken rule file gives an error naming its line and column",
        arguments: [
            ("rule A-1 error \"x\"\n    公开1O[27, 1] = 0", "broken.rules:2:5: unknown table '公开1O': the tables are 公开01 … 公开09"),
            ("rule A-1 error \"x\"\n    公开05[合计, 4] = 0", "broken.rules:2:14: 公开05 has columns 1–3; there is no column 4"),
            ("rule A-1 error \"x\"\n    公开02[k, 1] = 0", "broken.rules:2:10: unknown variable 'k'"),
            ("rule A-1 error \"x\n    公开01[27, 1] = 0", "broken.rules:1:16: unterminated string"),
            ("rule A-1 fatal \"x\"\n    公开01[27, 1] = 0", "broken.rules:1:10: expected a severity (error, warning or info), found 'fatal'"),
            ("rule A-1 error \"x\"\n", "broken.rules:1:1: rule A-1 has no statement: indent its statements under the header"),
            ("rule A-1 error \"x\"\n    公开01[27, 1] == 0", "broken.rules:2:18: expected a cell such as 公开01[27, 1], a number or sum(…), found '='"),
            ("rule A-1 error \"x\"\n    check no-such-check", "broken.rules:2:11: unknown check 'no-such-check'; the checks are: canonical-titles, codes-absent, codes-only, codes-well-formed, doubled-punctuation, doubled-words, empty-amount-slots, heading-units, heading-years, narrative-amounts, narrative-changes, narrative-completion, narrative-items, narrative-lists, narrative-procurement, narrative-shares, narrative-unread, narrative-vehicles, no-code-rows, no-placeholders, numbering-in-order, reading-problems, repeated-sentences, table-headers-consistent, tables-present, template-residue, unit-names-consistent, years-consistent"),
            ("rule A-1 error \"x\"\n    公开01[27, 1] = 0\nrule A-1 error \"y\"\n    公开01[28, 1] = 0", "broken.rules:3:6: rule A-1 is defined twice (first at line 1)"),
            ("    公开01[27, 1] = 0", "broken.rules:1:5: an indented statement outside any rule"),
            ("rule A-1 error \"x\"\n    for each row r in 公开03: 公开03[1...3, 1] = 0", "broken.rules:2:34: a range of 行次 applies to 公开01 and 公开04; 公开03 rows are codes"),
        ])
    func brokenRuleFile(text: String, message: String) {
        #expect(throws: (any Error).self) { try RulePack(text: text, file: "broken.rules") }
        do {
            _ = try RulePack(text: text, file: "broken.rules")
        } catch {
            #expect((error as? RuleFileError)?.englishDescription == message)
        }
    }

    @Test("a rule about a table the document lacks is skipped, not failed")
    func missingTableSkips() throws {
        let pack = try RulePack(text: "rule A-2 error \"x\"\n    公开06[人员经费合计, 1] = 0", file: "a.rules")
        let report = RuleEngine().evaluate(pack, on: try Seed.read(Seed.weihai))
        #expect(report.findings.isEmpty)
        #expect(report.skipped.map(\.reason) == ["公开06 is missing"])
    }
}
