import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensTestSupport
import Foundation
import Testing

/// A page's footer number where a sentence of the 情况说明 runs over a page break (NarrativeReader): pdfplumber
/// page text of seed 001 printed by `render --to pdf` read `住房保障支出（类）支出35.51万` / `13\f元，占3.7%。`, and
/// raw pdftotext `…35.51万` / `13` / `` / `\f元，占3.7%。`: the 13 joined the sentence, 35.51万 + 13元 read as
/// 0.0013万元, and N-SHARE gave a false error (`按0.0013 ÷ 本段合计 958.64万元计算应为0%`).
@Suite("A page number before a page break is no part of the sentence it interrupts")
struct PageNumberInProseTests {
    static let sentence = "住房保障支出（类）支出35.51万元，占3.71%。"

    /// Rule and message of each statement finding (N-BIND, N-SHARE…) of seed 001 with its sentence changed to `edit`.
    static func findings(_ replacement: String) throws -> [String] {
        let text = try String(contentsOfFile: Seed.path(Seed.weihai), encoding: .utf8)
        #expect(text.contains(sentence))
        let disclosure = try DisclosureReader.read(
            data: Data(text.replacingOccurrences(of: sentence, with: replacement).utf8), file: "001.txt")
        return RuleEngine().evaluate(try BuiltInPacks.finalAccounts(), on: disclosure).findings
            .filter { NarrativeChecks.ruleIDs.contains($0.rule) }.map { "\($0.rule) \($0.message)" }
    }

    @Test("pages joined by a bare form feed (`13\\f元…`) and a number line before a form-feed line: the seed's findings")
    func dropped() throws {
        let unedited = try Self.findings(Self.sentence)
        #expect(!unedited.contains { $0.contains("0.0013") })
        #expect(try Self.findings("住房保障支出（类）支出35.51万\n13\u{0C}元，占3.71%。") == unedited)
        #expect(try Self.findings("住房保障支出（类）支出35.51万\n13\n\n\u{0C}元，占3.71%。") == unedited)
    }

    @Test("a number line with no page break after it stays in the sentence (nothing says it is a page number)")
    func keptWithoutBreak() throws {
        let findings = try Self.findings("住房保障支出（类）支出35.51万\n13\n元，占3.71%。")
        #expect(findings.contains { $0.hasPrefix("N-SHARE") && $0.contains("0.0013") })
    }
}
