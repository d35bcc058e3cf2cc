import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensTestSupport
import Foundation
import Testing

/// The 情况说明 under a heading without its `第三部分` marker (a fresh tester's finding 26-1): units print it as
/// `上海市普陀区财政局2024年度部门决算情况说明`, `三、部门决算情况说明` or wrapped (`部门决算情况` / `说明`). It was not
/// read at all: the narrative checks did not run, a planted contradiction passed with exit 0, and with a 目录 F-TOC said
/// the 情况说明 was missing. Corpus 001's heading (`第三部分上海市普陀区财政局2024年度部门决算情况` / `说明`) is replaced
/// in the test.
@Suite("情况说明 under a heading without 第三部分")
struct UnmarkedNarrativeHeadingTests {
    static let heading = "第三部分上海市普陀区财政局2024年度部门决算情况\n说明\n"

    static func read(_ edit: (String) -> String) throws -> Disclosure {
        let text = try String(contentsOfFile: Seed.corpusPath(Seed.shanghaiFinance), encoding: .utf8)
        let edited = edit(text)
        #expect(edited != text)
        return try DisclosureReader.read(data: Data(edited.utf8), file: "001.txt")
    }

    /// Rule, line and message of every 情况说明 and 目录 finding.
    static func narrativeFindings(_ disclosure: Disclosure) throws -> [String] {
        let report = RuleEngine().evaluate(try BuiltInPacks.finalAccounts(), on: disclosure)
        return report.findings.filter { $0.rule.hasPrefix("N-") || $0.rule == "F-TOC" }
            .map { "\($0.rule) \($0.location.source.map { "\($0.line)" } ?? "-") \($0.message)" }
    }

    @Test(
        "the heading alone, numbered 三、, or wrapped anywhere (a fresh tester's h12, h13, corpus 002): the same 11 sections and findings as under 第三部分",
        arguments: [
            "上海市普陀区财政局2024年度部门决算情况说明\n\n", "三、部门决算情况说明\n\n", "部门决算情况\n说明\n",
            "上海市普陀区财政局2024年度部门决算\n情况说明\n", "上海市普陀区财政局2024年度部门决算情况说\n明\n",
            "三、部门决算\n情况说明\n", "情况说明\n\n", "部门决算说明\n\n",
        ])
    func sameNarrative(heading: String) throws {
        let original = try DisclosureReader.read(path: Seed.corpusPath(Seed.shanghaiFinance))
        #expect(original.narrative.count == 11)
        let disclosure = try Self.read { $0.replacingOccurrences(of: Self.heading, with: heading) }
        #expect(disclosure.narrative.map(\.heading) == original.narrative.map(\.heading))
        #expect(disclosure.parts.contains { $0.role == .narrative })
        #expect(try Self.narrativeFindings(disclosure) == Self.narrativeFindings(original))
        #expect(try Self.narrativeFindings(disclosure).contains { $0.hasPrefix("N-BIND") })
    }

    @Test("planted: 本年收入合计 2996.25 under an unmarked heading is found (N-BIND), no F-TOC")
    func plantedContradictionFound() throws {
        let disclosure = try Self.read {
            $0.replacingOccurrences(of: Self.heading, with: "上海市普陀区财政局2024年度部门决算情况说明\n")
                .replacingOccurrences(of: "本年收入合计2946.25万元", with: "本年收入合计2996.25万元")
        }
        let findings = try Self.narrativeFindings(disclosure)
        #expect(findings.contains { $0.hasPrefix("N-BIND") && $0.contains("2996.25") }, "\(findings)")
        #expect(!findings.contains { $0.hasPrefix("F-TOC") })
    }

    @Test("a section's own heading is no part heading: without the part's heading the 情况说明 is not read, F-TOC says so")
    func sectionHeadingsAreNotParts() throws {
        let disclosure = try Self.read { $0.replacingOccurrences(of: Self.heading, with: "") }
        #expect(disclosure.narrative.isEmpty)
        #expect(try Self.narrativeFindings(disclosure).contains { $0.hasPrefix("F-TOC") })
    }
}
