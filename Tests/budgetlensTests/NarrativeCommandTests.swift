import BudgetLensCore
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

    @Test("--previous checks the narrative's 与上年相比 against last year's figure (Y-NARR), and --skip leaves it out")
    func previousYear() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("narrative-previous-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // This year says 收、支总计 670, 增加 70: last year must print 600. It prints 610.
        var last = SyntheticDisclosure()
        last.set(.incomeExpenditureSummary, row: "31", column: 1, to: "610.00")
        let lastPath = folder.appendingPathComponent("2022.txt").path
        try Data(last.text.replacingOccurrences(of: "2023", with: "2022").utf8).write(to: URL(fileURLWithPath: lastPath))
        let thisPath = folder.appendingPathComponent("2023.txt").path
        try Data(SyntheticDisclosure().text.utf8).write(to: URL(fileURLWithPath: thisPath))
        let result = try BudgetLensBinary.run(["check", thisPath, "--previous", lastPath, "--format", "json"])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        let narrative = findings.filter { $0["rule"] as? String == "Y-NARR" }
        #expect(narrative.count == 1)
        #expect(narrative.first?["expected"] as? String == "610.00" && narrative.first?["actual"] as? String == "600.00")
        let skipped = try BudgetLensBinary.run(["check", thisPath, "--previous", lastPath, "--skip", "Y-NARR"])
        #expect(!skipped.stdout.contains("Y-NARR"))
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

@Suite("budgetlens check on a disclosure that annexes its evaluation report")
struct AnnexedEvaluationCommandTests {
    @Test("seed 000: 十三 names other projects, another count and amount than the annexed report (N-EVAL-1…3); --skip leaves them out")
    func yantai() throws {
        let result = try BudgetLensBinary.run(["check", Seed.path(Seed.yantai), "--format", "json"])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let rules = try #require(object["findings"] as? [[String: Any]]).compactMap { $0["rule"] as? String }
        #expect(rules.filter { $0.hasPrefix("N-EVAL") } == ["N-EVAL-1", "N-EVAL-2", "N-EVAL-3"])
        let skipped = try BudgetLensBinary.run(["check", Seed.path(Seed.yantai), "--skip", "N-EVAL-*"])
        #expect(skipped.status == 0 && !skipped.stdout.contains("N-EVAL"))
        let weihai = try BudgetLensBinary.run(["check", Seed.path(Seed.weihai), "--format", "json"])
        #expect(!weihai.stdout.contains("N-EVAL"), "no report annexed")
    }
}
