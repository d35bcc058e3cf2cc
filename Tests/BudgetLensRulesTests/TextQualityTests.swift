import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensTestSupport
import Testing

/// The text-quality rules (11-text.rules, docs/narrative-checks-text.md) on the real documents: every finding
/// they make there, checked by hand, and silence on the correct sentences around them.
@Suite("Text quality of the real documents (N-TPL, N-DUP, N-PUNCT, N-NUMBER, N-YEAR, N-UNIT)")
struct TextQualityTests {
    /// The N-* findings of a document as `rule line span`, in order.
    static func textFindings(_ disclosure: Disclosure) throws -> [String] {
        let report = RuleEngine().evaluate(try BuiltInPacks.finalAccounts(), on: disclosure)
        return report.findings.filter { ($0.rule.hasPrefix("N-") && !NarrativeChecks.ruleIDs.contains($0.rule)) }
            .map { "\($0.rule) \($0.location.source?.line ?? 0) \($0.location.item ?? "")" }
            .sorted()
    }

    @Test("seed 001 威海: three doubled words, 主要是主要是 (五), 主要用于主要用于 and 用于用于 (名词解释)")
    func weihaiDoubledWords() throws {
        #expect(
            try Self.textFindings(Seed.read(Seed.weihai)) == [
                "N-DUP-WORD 375 主要是主要是", "N-DUP-WORD 524 主要用于主要用于", "N-DUP-WORD 526 用于用于",
            ])
    }

    @Test("seed 002 曾都: an empty 年初结转和结余 slot (七) and the 三公 template's alternatives left unresolved (九)")
    func zengduTemplateResidue() throws {
        let findings = try Self.textFindings(Seed.read(Seed.zengdu))
        #expect(findings.filter { $0.hasPrefix("N-TPL-SLOT") } == ["N-TPL-SLOT 432 结余万元"])
        #expect(
            findings.filter { $0.hasPrefix("N-TPL-RESIDUE") } == [
                "N-TPL-RESIDUE 450 增加(减少)", "N-TPL-RESIDUE 450 增加(减少)", "N-TPL-RESIDUE 450 增长(下降)",
                "N-TPL-RESIDUE 450 小于(大于)", "N-TPL-RESIDUE 454 增加(减少)", "N-TPL-RESIDUE 454 增加(减少)",
                "N-TPL-RESIDUE 454 增长(下降)", "N-TPL-RESIDUE 454 小于(大于)",
            ])
        #expect(findings.filter { $0.hasPrefix("N-NUMBER") } == ["N-NUMBER 1049 5、"])
        #expect(findings.count == 10)
    }

    @Test("seed 000 烟台: only 得到有效有效保障 in the annexed evaluation report (附件, line 1396–1398)")
    func yantaiAnnexDoubling() throws {
        #expect(try Self.textFindings(Seed.read(Seed.yantai)) == ["N-DUP-WORD 1396 有效有效"])
    }

    @Test("corpus 001 财政局 and the 石泉路街道 document: no text finding at all")
    func cleanDocuments() throws {
        #expect(try Self.textFindings(Seed.readCorpus(Seed.shanghaiFinance)).isEmpty)
        #expect(try Self.textFindings(Seed.readCorpus("field/shanghai-putuo-shiquanlu-jiedao-2025-final-tsv.txt")).isEmpty)
    }

    @Test("seed 002 曾都: the annexed report lists 主要产出和效益 1、2、5、6、 (the 情况说明 has 1、2、3、4、)")
    func zengduAnnexNumbering() throws {
        let report = RuleEngine().evaluate(try BuiltInPacks.finalAccounts(), on: try Seed.read(Seed.zengdu))
        let numbering = report.findings.filter { $0.rule == "N-NUMBER" }
        #expect(numbering.map { $0.location.source?.line ?? 0 } == [1049])
        let finding = try #require(numbering.first)
        #expect(finding.actual == .text("5、") && finding.expected == .text("3、"))
        #expect(finding.message.contains("编号从“2、”跳到“5、”，缺少3、、4、"))
        // The same list in the 情况说明 十三 (lines 521–529) runs 1、2、3、4、: nothing there.
        #expect(!report.findings.contains { $0.rule == "N-NUMBER" && (521...529).contains($0.location.source?.line ?? 0) })
    }

    @Test("corpus 002 规划资源局: 下降（增长） left in 九, and the template's 列明公务接待 kept in the text")
    func planningResidue() throws {
        #expect(
            try Self.textFindings(Seed.readCorpus(Seed.shanghaiPlanning)) == [
                "N-TPL-RESIDUE 491 下降（增长）", "N-TPL-RESIDUE 511 列明公务",
            ])
    }

    @Test("corpus 003 社会工作部: the template's instruction 作下述说明 under 公开07 and 公开08")
    func socialWorkInstructions() throws {
        #expect(
            try Self.textFindings(Seed.readCorpus(Seed.shanghaiSocialWorkLayout)) == [
                "N-TPL-RESIDUE 415 作下述说明", "N-TPL-RESIDUE 431 作下述说明",
            ])
    }

    @Test("corpus 004 test variant: 截至2023年12月31日 in a 2024 document, and 。。 at the end of 名词解释 十")
    func testVariantPlantedText() throws {
        let disclosure = try Seed.readCorpus(Seed.shanghaiTestVariant)
        #expect(try Self.textFindings(disclosure) == ["N-PUNCT 478 。。", "N-YEAR 469 截至2023年12月31日"])
        let report = RuleEngine().evaluate(try BuiltInPacks.finalAccounts(), on: disclosure)
        let year = try #require(report.findings.first { $0.rule == "N-YEAR" })
        #expect(year.severity == .error && year.expected == .text("2024"))
        #expect(year.message.contains("“截至2023年12月31日，上海市普陀区财政局共有…”"))
    }

    @Test("correct sentences beside the defects raise nothing: 与2023年度相比, 截至2024年12月31日, numbered lists")
    func correctSentencesAreSilent() throws {
        let finance = try Seed.readCorpus(Seed.shanghaiFinance)
        let report = RuleEngine().evaluate(try BuiltInPacks.finalAccounts(), on: finance)
        // 001 line 465: 截至2024年12月31日…; line 352 ff.: 与2023年度相比…; 五(三) items 1、…11、 (lines 382–415).
        for line in [352, 353, 382, 385, 415, 465] {
            #expect(!report.findings.contains { ($0.rule.hasPrefix("N-") && !NarrativeChecks.ruleIDs.contains($0.rule)) && $0.location.source?.line == line })
        }
        let weihai = try Seed.read(Seed.weihai)
        let weihaiReport = RuleEngine().evaluate(try BuiltInPacks.finalAccounts(), on: weihai)
        // 373: 1、基本支出453.01万元。与2022年度相比…; 373–381: the 1、…5、 list of 三; 522: 十五、… (名词解释).
        for line in [373, 377, 522] {
            #expect(!weihaiReport.findings.contains { ($0.rule.hasPrefix("N-") && !NarrativeChecks.ruleIDs.contains($0.rule)) && $0.location.source?.line == line })
        }
    }

    @Test("--skip 'N-*' leaves the text rules out")
    func skippable() throws {
        let pack = try BuiltInPacks.finalAccounts().skipping(["N-*"])
        let report = RuleEngine().evaluate(pack, on: try Seed.read(Seed.weihai))
        #expect(!report.findings.contains { ($0.rule.hasPrefix("N-") && !NarrativeChecks.ruleIDs.contains($0.rule)) })
    }
}
