import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensTestSupport
import Foundation
import Testing

/// The 情况说明 checks (N-*): planted defects in a synthetic narrative fire exactly their rule; the real documents
/// give exactly the findings verified by hand in docs/narrative-checks.md, and their correct sentences none.
@Suite("Narrative statements and their checks")
struct NarrativeCheckTests {
    private func narrativeFindings(_ disclosure: Disclosure) throws -> [Finding] {
        RuleEngine().evaluate(try BuiltInPacks.finalAccounts(), on: disclosure).findings.filter { NarrativeChecks.ruleIDs.contains($0.rule) }
    }

    private func check(_ synthetic: SyntheticDisclosure) throws -> [Finding] {
        try narrativeFindings(DisclosureReader.read(text: synthetic.text, file: "synthetic.txt"))
    }

    private func signatures(_ findings: [Finding]) -> [String] {
        findings.map { "\($0.rule) \($0.severity.rawValue) \($0.location.source?.line ?? 0)" }
    }

    // MARK: - Synthetic: each rule fires alone on its planted defect, nothing on the consistent text

    @Test("the consistent synthetic narrative: every statement read, no finding")
    func consistentNarrative() throws {
        let disclosure = DisclosureReader.read(text: SyntheticDisclosure().text, file: "synthetic.txt")
        let reading = try #require(disclosure.statements)
        #expect(reading.unread.isEmpty)
        #expect(reading.coverage.allSatisfy { $0.figures == $0.read })
        #expect(reading.coverage.reduce(0) { $0 + $1.figures } >= 30)
        #expect(try narrativeFindings(disclosure).isEmpty)
    }

    @Test("a wrong share: 83.33% printed as 83.43% is one N-SHARE error with the correct value")
    func wrongShare() throws {
        var synthetic = SyntheticDisclosure()
        synthetic.replaceNarrative("占83.33%", with: "占83.43%")
        let findings = try check(synthetic)
        #expect(findings.map(\.rule) == ["N-SHARE"])
        #expect(findings.first?.severity == .error)
        #expect(findings.first?.expected == .text("83.33%（500.00 ÷ 本段合计 600.00万元）"))
    }

    @Test("a share off by the last digit is a rounding warning")
    func roundingShare() throws {
        var synthetic = SyntheticDisclosure()
        synthetic.replaceNarrative("占83.33%", with: "占83.34%")
        let findings = try check(synthetic)
        #expect(findings.map(\.rule) == ["N-SHARE"])
        #expect(findings.first?.severity == .warning && findings.first?.isRounding == true)
    }

    @Test("a wrong change percentage: 11.67% printed as 12.67% is one N-YOY error")
    func wrongChange() throws {
        var synthetic = SyntheticDisclosure()
        synthetic.replaceNarrative("增长11.67%", with: "增长12.67%")
        let findings = try check(synthetic)
        #expect(findings.map(\.rule) == ["N-YOY"])
        #expect(findings.first?.severity == .error)
    }

    @Test("增加 … 下降: the direction words disagree, one N-YOY error")
    func wrongDirection() throws {
        var synthetic = SyntheticDisclosure()
        synthetic.replaceNarrative("增长11.67%", with: "下降11.67%")
        #expect(try check(synthetic).map(\.rule) == ["N-YOY"])
    }

    @Test("年初无预算 on a non-zero budget is one N-RATE error")
    func noBudgetClaimed() throws {
        var synthetic = SyntheticDisclosure()
        synthetic.replaceNarrative("完成年初预算的120%。", with: "年初无预算。")
        let findings = try check(synthetic)
        #expect(findings.map(\.rule) == ["N-RATE"])
        #expect(findings.first?.actual == .text("年初无预算"))
    }

    @Test("大于 where the actual is less than the budget is one N-RATE error")
    func wrongComparison() throws {
        var synthetic = SyntheticDisclosure()
        synthetic.replaceNarrative("年初预算为500万元", with: "年初预算为700万元")
        synthetic.replaceNarrative("完成年初预算的120%", with: "完成年初预算的85.71%")
        let findings = try check(synthetic)
        #expect(findings.map(\.rule) == ["N-RATE"])
        #expect(findings.first?.expected == .text("小于") && findings.first?.actual == .text("大于"))
    }

    @Test("a wrong completion rate is one N-RATE error")
    func wrongRate() throws {
        var synthetic = SyntheticDisclosure()
        synthetic.replaceNarrative("完成年初预算的120%", with: "完成年初预算的83.33%")
        #expect(try check(synthetic).map(\.rule) == ["N-RATE"])
    }

    @Test("an amount that is not its cell: 收支总计 680 against 公开01 670 is N-BIND (and the change then implies another %)")
    func wrongAmount() throws {
        var synthetic = SyntheticDisclosure()
        synthetic.replaceNarrative("基本支出400万元，占59.7%", with: "基本支出410万元，占59.7%")
        let findings = try check(synthetic)
        // 410 ÷ 670 = 61.19 %: the share is recomputed from the printed part, so N-SHARE fires too.
        #expect(findings.map(\.rule).sorted() == ["N-BIND", "N-SHARE"])
        let bind = try #require(findings.first { $0.rule == "N-BIND" })
        #expect(bind.expected?.amount == Money(wan: "400.00") && bind.actual?.amount == Money(wan: "410.00"))
        #expect(bind.operands.map(\.notation) == ["公开03[合计,2]"])
    }

    @Test("政府采购 total ≠ goods + works + services is one N-GP error")
    func procurementSum() throws {
        var synthetic = SyntheticDisclosure()
        synthetic.replaceNarrative("政府采购服务支出60万元", with: "政府采购服务支出50万元")
        synthetic.replaceNarrative("服务采购授予中小企业合同金额占服务支出金额的100%", with: "服务采购授予中小企业合同金额占服务支出金额的120%")
        let findings = try check(synthetic)
        #expect(findings.map(\.rule) == ["N-GP"])
    }

    @Test("中小企业 100% while a category share says otherwise is one N-GP error")
    func procurementShares() throws {
        var synthetic = SyntheticDisclosure()
        synthetic.replaceNarrative("占服务支出金额的100%", with: "占服务支出金额的50%")
        #expect(try check(synthetic).map(\.rule) == ["N-GP"])
    }

    @Test("六: an amount list that does not add up to 人员经费 is one N-LIST error")
    func listSum() throws {
        var synthetic = SyntheticDisclosure()
        synthetic.replaceNarrative("退休费10万元；", with: "退休费10万元、奖金10万元；")
        let findings = try check(synthetic)
        #expect(findings.map(\.rule) == ["N-LIST"])
        #expect(findings.first?.expected?.amount == Money(wan: "370.00") && findings.first?.actual?.amount == Money(wan: "360.00"))
    }

    @Test("六: a listed item against its 公开06 row is N-BIND (and the list then no longer adds up)")
    func listItem() throws {
        var synthetic = SyntheticDisclosure()
        synthetic.replaceNarrative("办公费20万元", with: "办公费25万元")
        let findings = try check(synthetic)
        #expect(findings.map(\.rule).sorted() == ["N-BIND", "N-LIST"])
        #expect(findings.first { $0.rule == "N-BIND" }?.operands.map(\.code) == ["30201"])
    }

    /// 五(三)'s items: the synthetic document's three 项 (100, 300, 200) itemised under its 年初预算 500 / 决算 600.
    static func itemised(budgets: (Int, Int, Int)) -> String {
        "决算数大于年初预算数的主要原因是年中追加。其中：\n"
            + "1、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）。年初预算为\(budgets.0)万元，支出决算为100万元。\n"
            + "2、卫生健康支出（类）医疗保障管理事务（款）行政运行（项）。年初预算为\(budgets.1)万元，支出决算为300万元。\n"
            + "3、卫生健康支出（类）医疗保障管理事务（款）信息化建设（项）。年初预算为\(budgets.2)万元，支出决算为200万元。"
    }

    @Test("五(三): items' 年初预算 adding up to more than the stated 500 are one N-LIST warning; to 500 or less (an item budgeted and not spent left out, [000]) nothing")
    func itemBudgets() throws {
        for (budgets, fires) in [((100, 300, 150), true), ((100, 300, 100), false), ((100, 250, 100), false)] {
            var synthetic = SyntheticDisclosure()
            synthetic.replaceNarrative("决算数大于年初预算数的主要原因是年中追加。", with: Self.itemised(budgets: budgets))
            let findings = try check(synthetic)
            #expect(findings.map(\.rule) == (fires ? ["N-LIST"] : []), "\(budgets): \(findings.map(\.message))")
            if fires {
                #expect(findings.first?.expected?.amount == Money(wan: "550.00") && findings.first?.actual?.amount == Money(wan: "500.00"))
                #expect(findings.first?.severity == .warning && findings.first?.isRounding == false)
            }
        }
        // An item left out of the list (its 决算 missing from the sum): not compared; N-ITEM names the missing row.
        var partial = SyntheticDisclosure()
        partial.replaceNarrative(
            "决算数大于年初预算数的主要原因是年中追加。",
            with: Self.itemised(budgets: (100, 300, 150)).components(separatedBy: "\n").dropLast().joined(separator: "\n"))
        #expect(!(try check(partial)).contains { $0.rule == "N-LIST" })
    }

    @Test("vehicle categories that do not add up to 共有车辆 are one N-CAR error")
    func vehicles() throws {
        var synthetic = SyntheticDisclosure()
        synthetic.replaceNarrative("其他用车1辆", with: "其他用车2辆")
        #expect(try check(synthetic).map(\.rule) == ["N-CAR"])
    }

    @Test("an unresolved template alternative is reported as unreadable (N-READ info), never guessed")
    func unreadable() throws {
        var synthetic = SyntheticDisclosure()
        synthetic.replaceNarrative("下降20%", with: "增长(下降)20%")
        let findings = try check(synthetic)
        #expect(findings.map(\.rule) == ["N-READ"])
        #expect(findings.first?.severity == .info)
    }

    @Test("figures too large for any budget are unreadable (N-READ), never a trap or a wrap")
    func hugeFigures() throws {
        var synthetic = SyntheticDisclosure()
        synthetic.replaceNarrative("均为670万元", with: "均为123456789012345678901234万元")
        synthetic.replaceNarrative("下降20%", with: "下降99999999999999999999%")
        synthetic.replaceNarrative("共有车辆2辆", with: "共有车辆999999999999999999999辆")
        synthetic.replaceNarrative("占100%", with: "占99999999999999.999%")
        let findings = try check(synthetic)
        #expect(findings.map(\.rule).sorted() == ["N-READ", "N-READ", "N-SHARE"])
        // 99999999999999.999 has 17 digits: read, and simply a wrong share.
        #expect(findings.first { $0.rule == "N-SHARE" }?.severity == .error)
    }

    @Test("a growth over the budget printed as actual ÷ budget is N-YOY with the growth ([002] 十 shape)")
    func growthOverBudget() throws {
        var synthetic = SyntheticDisclosure()
        synthetic.replaceNarrative("比年初预算数减少10万元，下降20%", with: "比年初预算数25万元，增加了160%")
        let findings = try check(synthetic)
        #expect(findings.map(\.rule) == ["N-YOY"])
        #expect(findings.first?.expected == .text("60%（(40.00 − 25.00) ÷ 25.00）"))
    }

    // MARK: - Year against year (Y-NARR)

    /// Last year's synthetic disclosure: the same unit, 2022, with `edits` to its cells.
    private func previousYear(_ edits: [(TableID, String, Int, String)]) -> Disclosure {
        var synthetic = SyntheticDisclosure()
        for (table, row, column, value) in edits { synthetic.set(table, row: row, column: column, to: value) }
        let text = synthetic.text.replacingOccurrences(of: "2023", with: "2022")
        return DisclosureReader.read(text: text, file: "previous.txt")
    }

    @Test("与上年相比 against last year's document: 670 − 70 = 600 = last year's 总计; nothing")
    func previousConsistent() {
        let current = DisclosureReader.read(text: SyntheticDisclosure().text, file: "current.txt")
        let previous = previousYear([(.incomeExpenditureSummary, "31", 1, "600.00")])
        #expect(NarrativeYearOverYear.check(current: current, previous: previous).isEmpty)
    }

    @Test("a change that does not lead back to last year's figure is one Y-NARR error with both values")
    func previousBroken() throws {
        let current = DisclosureReader.read(text: SyntheticDisclosure().text, file: "current.txt")
        let previous = previousYear([(.incomeExpenditureSummary, "31", 1, "610.00")])
        let findings = NarrativeYearOverYear.check(current: current, previous: previous)
        #expect(findings.map(\.rule) == ["Y-NARR"])
        let finding = try #require(findings.first)
        #expect(finding.severity == .error)
        #expect(finding.expected?.amount == Money(wan: "610.00") && finding.actual?.amount == Money(wan: "600.00"))
        #expect(finding.operands.map(\.notation) == ["公开01[31,1]"])
    }

    @Test("与上年决算数一致 on an amount that changed is one Y-NARR error")
    func previousUnchanged() throws {
        var synthetic = SyntheticDisclosure()
        synthetic.replaceNarrative("占100%。", with: "占100%。其他收入0万元。与上年决算数一致。")
        let current = DisclosureReader.read(text: synthetic.text, file: "current.txt")
        #expect(try narrativeFindings(current).isEmpty, "consistent within the year")
        let previous = previousYear([(.incomeExpenditureSummary, "31", 1, "600.00"), (.incomeExpenditureSummary, "8", 1, "5.00")])
        let findings = NarrativeYearOverYear.check(current: current, previous: previous)
        #expect(findings.map(\.rule) == ["Y-NARR"])
        #expect(findings.first?.expected?.amount == Money(wan: "5.00") && findings.first?.actual?.amount == .zero)
    }

    // MARK: - The real documents

    @Test("seed 001 (威海): 99.97% of 本年支出合计 is 100%; 住房保障 3.71% is 3.70% (rounding); nothing else")
    func weihai() throws {
        let findings = try narrativeFindings(Seed.read(Seed.weihai))
        #expect(signatures(findings) == ["N-SHARE error 396", "N-SHARE warning 406"])
        #expect(findings[0].expected == .text("100%（958.64 ÷ 本年支出合计（公开01[58,2]））"))
        #expect(findings[1].expected == .text("3.7%（35.51 ÷ 本段合计 958.64万元）"))
        #expect(findings[1].isRounding)
        let reading = try #require(try Seed.read(Seed.weihai).statements)
        #expect(reading.unread.isEmpty)
    }

    @Test("seed 000 (烟台): every figure of 一–十二 read and confirmed, no finding")
    func yantai() throws {
        let disclosure = try Seed.read(Seed.yantai)
        #expect(try narrativeFindings(disclosure).isEmpty)
        let reading = try #require(disclosure.statements)
        let figures = reading.coverage.reduce(0) { $0 + $1.figures }
        #expect(figures == 120 && reading.coverage.reduce(0) { $0 + $1.read } == figures)
    }

    @Test("seed 002 (曾都): 十 1637.62% is 1537.62%; 十一 100% to 中小企业 against 0%/46.67%; 五(三) lumps three 项 into 行政运行")
    func zengdu() throws {
        let findings = try narrativeFindings(Seed.read(Seed.zengdu))
        #expect(
            signatures(findings) == [
                "N-ITEM error 256", "N-ITEM error 257", "N-YOY error 392", "N-ITEM error 418", "N-LIST warning 426", "N-READ info 450",
                "N-READ info 454", "N-YOY error 468", "N-GP error 472",
            ])
        let operating = try #require(findings.first { $0.location.source?.line == 468 })
        #expect(operating.expected == .text("1537.62%（(151.48 − 9.25) ÷ 9.25）"))
        #expect(operating.message.contains("决算数 ÷ 预算数"))
        let procurement = try #require(findings.first { $0.rule == "N-GP" })
        #expect(procurement.actual?.amount == Money(wan: "39.00"))
        let item = try #require(findings.first { $0.location.source?.line == 418 })
        #expect(item.expected?.amount == Money(wan: "260.43") && item.actual?.amount == Money(wan: "1133.18"))
    }

    @Test("corpus 001 (财政局 2024): 四 says 0.3 万元 where 公开04 has 2,961.68; 五(二) 71.73% is 71.65%; 五(三)'s items' 年初预算 2993.93 (尾数误差)")
    func shanghaiFinance() throws {
        let findings = try narrativeFindings(Seed.readCorpus(Seed.shanghaiFinance))
        #expect(signatures(findings) == ["N-BIND error 363", "N-SHARE error 374", "N-LIST warning 378", "N-GP warning 457"])
        #expect(findings[0].expected?.amount == Money(wan: "2961.68") && findings[0].actual?.amount == Money(wan: "0.30"))
        #expect(findings[1].expected == .text("71.65%（2106.66 ÷ 本段合计 2940.05万元）"))
        // 1560.05 + 10.00 + 135.90 + 450.52 + 85.55 + 161.62 + 80.81 + 0.94 + 62.29 + 187.75 + 258.50 = 2993.93
        // against the stated 2993.92: one 分 of 尾数误差 over eleven rounded amounts (tolerance 0.05).
        #expect(findings[2].isRounding && findings[2].difference == Money(wan: "-0.01"))
        #expect(findings[2].expected?.amount == Money(wan: "2993.93") && findings[2].actual?.amount == Money(wan: "2993.92"))
        // 4.79 + 0 + 246.47 = 251.26 against 251.25: one 分-level 尾数误差 of the three converted amounts.
        #expect(findings[3].isRounding && findings[3].difference == Money(wan: "-0.01"))
    }

    @Test("corpus 004 (test variant): 一 says 总计 0 万元, the table 2,995.39; the planted 大于/等于 wordings")
    func shanghaiTestVariant() throws {
        let findings = try narrativeFindings(Seed.readCorpus(Seed.shanghaiTestVariant))
        #expect(
            signatures(findings) == [
                // 一's 下降1.87% is right for the table's 2,995.39 (56.95 ÷ 3,052.34): no N-YOY beside the N-BIND.
                "N-BIND error 323", "N-SHARE error 348", "N-LIST warning 353", "N-RATE error 359", "N-RATE error 388",
                "N-RATE error 398", "N-GP warning 458",
            ])
        #expect(findings[0].expected?.amount == Money(wan: "2995.39") && findings[0].actual?.amount == .zero)
    }

    @Test("石泉路街道 2025: 公务接待费 支出决算 1.53 where 公开09's 决算 column holds 0; the 职业年金 item 245.53 vs 257.14")
    func shiquanlu() throws {
        let path = Seed.corpusPath("field/shanghai-putuo-shiquanlu-jiedao-2025-final-tsv.txt")
        let findings = try narrativeFindings(DisclosureReader.read(path: path))
        let reception = try #require(findings.first { $0.rule == "N-BIND" && $0.location.source?.line == 721 })
        #expect(reception.expected?.amount == .zero && reception.actual?.amount == Money(wan: "1.53"))
        #expect(reception.operands.map(\.notation) == ["公开09[12]"])
        #expect(findings.contains { $0.rule == "N-RATE" && $0.location.source?.line == 583 })
        #expect(findings.contains { $0.rule == "N-ITEM" && $0.expected?.amount == Money(wan: "257.14") })
    }

    @Test("the correct sentences of corpus 002, the layout text 003 and the PDF of corpus 001 raise only the verified findings")
    func otherDocuments() throws {
        let planning = try narrativeFindings(Seed.readCorpus(Seed.shanghaiPlanning))
        #expect(
            signatures(planning) == [
                "N-SHARE warning 390", "N-BIND warning 397", "N-RATE warning 401", "N-ITEM error 427", "N-ITEM error 459", "N-ITEM error 463",
                "N-ITEM error 466", "N-BIND error 470", "N-BIND error 471", "N-READ info 491", "N-GP warning 544",
            ])
        let layout = try narrativeFindings(Seed.readCorpus(Seed.shanghaiSocialWorkLayout))
        #expect(signatures(layout) == ["N-SHARE warning 484"])
    }

    @Test("each published PDF gives the narrative findings of its extracted text", arguments: Seed.shanghaiPDFs.filter { $0.text != nil })
    func pdfMatchesText(_ pair: (pdf: String, text: String?)) throws {
        func summary(_ findings: [Finding]) -> [String] {
            findings.map { "\($0.rule) \($0.severity.rawValue) \($0.expected.map { "\($0)" } ?? "") \($0.actual.map { "\($0)" } ?? "")" }
        }
        let pdf = try narrativeFindings(DisclosureReader.read(path: Seed.corpusPath(pair.pdf)))
        let text = try narrativeFindings(Seed.readCorpus(try #require(pair.text)))
        #expect(!text.isEmpty)
        #expect(summary(pdf) == summary(text))
        #expect(pdf.allSatisfy { $0.location.source?.page != nil }, "PDF findings name their page")
    }
}
