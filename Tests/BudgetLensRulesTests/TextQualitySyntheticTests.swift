import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensTestSupport
import Foundation
import Testing

/// Each text-quality rule on a consistent synthetic disclosure whose 情况说明 carries one planted defect: exactly
/// that rule fires, on that line; the same text without the defect raises nothing.
@Suite("Planted text defects in a synthetic 情况说明")
struct TextQualitySyntheticTests {
    /// The synthetic document with `narrative` lines added to its 情况说明 (after section 一), and its N-* findings
    /// as `rule line span`.
    private func findings(_ narrative: [String], toc: String? = nil) throws -> [String] {
        var text = SyntheticDisclosure().text + narrative.joined(separator: "\n") + "\n"
        if let toc { text = text.replacingOccurrences(of: "第三部分 2023年度部门决算情况说明\n\n第一部分", with: toc + "\n\n第一部分") }
        let disclosure = DisclosureReader.read(text: text, file: "synthetic.txt")
        let report = RuleEngine().evaluate(try BuiltInPacks.finalAccounts(), on: disclosure)
        let base = SyntheticDisclosure().text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        return report.findings.filter { ($0.rule.hasPrefix("N-") && !NarrativeChecks.ruleIDs.contains($0.rule)) }
            .map { "\($0.rule) \(($0.location.source?.line ?? 0) - base) \($0.location.item ?? "")" }.sorted()
    }

    /// A correct 情况说明 that uses everything the rules look at: alternatives resolved, amounts filled in,
    /// ordinary reduplications, numbered lists that restart, dated phrases of the right years.
    static let correct = [
        "二、收入决算情况说明",
        "本年收入合计670万元，其中：财政拨款收入670万元，占100%。与2022年度相比，增加10万元，增长1.52%。",
        "主要原因是人员增加。主要原因是人员增加，常常加班，人人有责，层层落实。",
        "（一）基本支出",
        "1、人员经费360万元。",
        "2、公用经费40万元。",
        "（二）项目支出",
        "1、项目支出200万元，决算数小于年初预算数。",
        "三、支出决算情况说明",
        "截至2023年12月31日，测试局共有车辆0辆。2023年度“三公”经费支出比2022年度减少1万元。",
    ]

    @Test("a correct 情况说明 raises no text finding")
    func correctNarrative() throws {
        #expect(try findings(Self.correct).isEmpty)
    }

    @Test("N-TPL-RESIDUE: 增加（减少） and 小于(大于) left in, and a drafting instruction")
    func templateResidue() throws {
        var narrative = Self.correct
        narrative[1] = "本年收入合计670万元。与2022年度相比，增加（减少）10万元，决算数小于(大于)预算数。"
        narrative[5] = "2、公用经费40万元（如持平作持平表述）。"
        let foundNarrative = try findings(narrative)
        #expect(
            foundNarrative == [
                "N-TPL-RESIDUE 2 增加（减少）", "N-TPL-RESIDUE 2 小于(大于)", "N-TPL-RESIDUE 6 如持平作持平表述",
            ])
    }

    @Test("N-TPL-SLOT: 年初结转和结余万元 and 增长% with no figure")
    func emptySlots() throws {
        var narrative = Self.correct
        narrative[1] = "年初结转和结余万元，本年收入合计670万元。与2022年度相比，增加10万元，增长%。"
        let foundNarrative = try findings(narrative)
        #expect(
            foundNarrative == ["N-TPL-SLOT 2 增长%", "N-TPL-SLOT 2 结余万元"])
    }

    @Test("N-DUP-WORD: 主要是主要是, and 的的 across a wrapped line")
    func doubledWords() throws {
        var narrative = Self.correct
        narrative[2] = "主要是主要是人员增加。"
        narrative[9] = "截至2023年12月31日，测试局共有车辆0辆，其中公务用车的"
        narrative.append("的车辆0辆。")
        let foundNarrative = try findings(narrative)
        #expect(
            foundNarrative == ["N-DUP-WORD 10 的的", "N-DUP-WORD 3 主要是主要是"])
    }

    @Test("N-DUP-SENT: the same sentence twice in a row, across a line break")
    func repeatedSentence() throws {
        var narrative = Self.correct
        narrative[2] = "主要原因是人员增加，工资调整。"
        narrative.insert("主要原因是人员增加，工资调整。", at: 3)
        let foundNarrative = try findings(narrative)
        #expect(
            foundNarrative == ["N-DUP-SENT 4 主要原因是人员增加，工资调整。"])
    }

    @Test("N-PUNCT: 。。 and ，，")
    func doubledPunctuation() throws {
        var narrative = Self.correct
        narrative[4] = "1、人员经费360万元。。"
        narrative[5] = "2、公用经费40万元，，主要是办公费。"
        let foundNarrative = try findings(narrative)
        #expect(
            foundNarrative == ["N-PUNCT 5 。。", "N-PUNCT 6 ，，"])
    }

    @Test("N-NUMBER: 1、2、4、 skips 3; （二） after （二） repeats")
    func numbering() throws {
        var skipped = Self.correct
        skipped.insert("4、其他经费0万元。", at: 6)
        let foundSkipped = try findings(skipped)
        #expect(
            foundSkipped == ["N-NUMBER 7 4、"])
        var repeated = Self.correct
        repeated.insert("（二）其他支出", at: 8)
        let foundRepeated = try findings(repeated)
        #expect(
            foundRepeated == ["N-NUMBER 9 （二）"])
    }

    @Test("N-YEAR: 截至2022年12月31日 and 与2021年度相比 in a 2023 document; a 目录 entry of 2022")
    func years() throws {
        var narrative = Self.correct
        narrative[1] = "本年收入合计670万元。与2021年度相比，增加10万元，增长1.52%。"
        narrative[9] = "截至2022年12月31日，测试局共有车辆0辆。"
        let foundNarrative = try findings(narrative)
        #expect(
            foundNarrative == ["N-YEAR 10 截至2022年12月31日", "N-YEAR 2 与2021年度相比"])
        let toc = try findings(Self.correct, toc: "第三部分 2022年度部门决算情况说明")
        #expect(toc.count == 1 && toc[0].hasPrefix("N-YEAR ") && toc[0].hasSuffix(" 第三部分 2022年度部门决算情况说明"))
    }

    @Test("F-XX, extended: a year left as 202X年 in the 情况说明 is a placeholder; 2023年 and X射线 are not")
    func unfinishedYear() throws {
        var narrative = Self.correct
        narrative[9] = "截至202X年12月31日，测试局共有车辆0辆，X射线设备0台。"
        var text = SyntheticDisclosure().text + narrative.joined(separator: "\n") + "\n"
        let disclosure = DisclosureReader.read(text: text, file: "synthetic.txt")
        let report = RuleEngine().evaluate(try BuiltInPacks.finalAccounts(), on: disclosure)
        let placeholders = report.findings.filter { $0.rule == "F-XX" }
        #expect(placeholders.map { $0.actual } == [.text("202X")])
        text = SyntheticDisclosure().text + Self.correct.joined(separator: "\n") + "\n"
        let clean = RuleEngine().evaluate(
            try BuiltInPacks.finalAccounts(), on: DisclosureReader.read(text: text, file: "synthetic.txt"))
        #expect(!clean.findings.contains { $0.rule == "F-XX" })
    }

    @Test("N-UNIT: a 目录 entry naming another unit")
    func unitInContents() throws {
        let found = try findings(Self.correct, toc: "第三部分 另一个局2023年度部门决算情况说明")
        #expect(found.count == 1 && found[0].hasPrefix("N-UNIT ") && found[0].hasSuffix(" 另一个局"))
    }
}
