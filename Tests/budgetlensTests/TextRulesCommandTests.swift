import BudgetLensTestSupport
import Foundation
import Testing

/// The text-quality rules (N-*) through the binary: listed, reported with their whole ids, skippable.
@Suite("budgetlens check and rules: the text rules")
struct TextRulesCommandTests {
    @Test("rules lists N-TPL-RESIDUE … N-UNIT with their whole ids")
    func listed() throws {
        let result = try BudgetLensBinary.run(["rules"])
        #expect(result.status == 0)
        for id in ["N-TPL-RESIDUE", "N-TPL-SLOT", "N-DUP-WORD", "N-DUP-SENT", "N-PUNCT", "N-NUMBER", "N-YEAR", "N-UNIT"] {
            #expect(result.stdout.contains("\(id) "), "\(id)")
        }
    }

    @Test("check prints seed 002's template residue with its whole rule id and line; --skip 'N-TPL-*' removes it")
    func reportedAndSkipped() throws {
        let result = try BudgetLensBinary.run(["check", Seed.path(Seed.zengdu)])
        #expect(result.stdout.contains("warning N-TPL-RESIDUE 450:41"))
        #expect(result.stdout.contains("warning N-TPL-SLOT 432:24"))
        let skipped = try BudgetLensBinary.run(["check", Seed.path(Seed.zengdu), "--skip", "N-TPL-*"])
        #expect(!skipped.stdout.contains("N-TPL-"))
        #expect(skipped.stdout.contains("N-NUMBER"))
    }
}
