import BudgetLensTestSupport
import Foundation
import Testing

@Suite("budgetlens check on the 情况说明")
struct NarrativeCommandTests {
    @Test("--coverage prints per section the statements read and checked and the figures unreadable")
    func coverageText() throws {
        let result = try BudgetLensBinary.run(["check", Seed.path(Seed.zengdu), "--coverage"])
        #expect(result.status == 1, "十's 1637.62 % is an error")
        #expect(result.stdout.contains("情况说明覆盖 Narrative coverage"))
        #expect(result.stdout.contains("125 of 129 figures read (96.8%)"))
        let without = try BudgetLensBinary.run(["check", Seed.path(Seed.zengdu)])
        #expect(!without.stdout.contains("Narrative coverage"))
    }

    @Test("--format json carries narrative_coverage and the N-* findings with the sentence quoted")
    func coverageJSON() throws {
        let result = try BudgetLensBinary.run(["check", Seed.path(Seed.weihai), "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let sections = try #require(object["narrative_coverage"] as? [[String: Any]])
        #expect(sections.count == 12)
        let five = try #require(sections.first { $0["section"] as? Int == 5 })
        #expect(five["topic"] as? String == "generalBudget")
        #expect(five["figures"] as? Int == 36 && five["figures_read"] as? Int == 36 && five["unreadable"] as? Int == 0)
        let findings = try #require(object["findings"] as? [[String: Any]])
        let share = try #require(findings.first { $0["rule"] as? String == "N-SHARE" && $0["severity"] as? String == "error" })
        #expect(share["table"] as? String == "情况说明")
        #expect(share["source_line"] as? Int == 396)
        #expect((share["item"] as? String)?.contains("占本年支出合计的99.97%") == true)
        #expect(share["actual"] as? String == "99.97%")
    }
}
