import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensTestSupport
import Testing

/// Planted defects in a consistent synthetic disclosure: each must produce exactly its findings.
@Suite("Planted defects in a synthetic disclosure")
struct SyntheticDefectTests {
    private func check(_ synthetic: SyntheticDisclosure) throws -> (CheckReport, Disclosure) {
        // Table defects only: the narrative that would restate the planted cells is NarrativeCheckTests'.
        var synthetic = synthetic
        synthetic.narrative = SyntheticDisclosure.tablesOnlyNarrative
        let disclosure = DisclosureReader.read(text: synthetic.text, file: "synthetic.txt")
        return (RuleEngine().evaluate(try BuiltInPacks.finalAccounts(), on: disclosure), disclosure)
    }

    /// `rule table row column` for each finding, to compare sets exactly.
    private func signatures(_ report: CheckReport) -> [String] {
        report.findings.map { finding in
            var row = finding.location.line.map(String.init) ?? finding.location.code ?? finding.location.item ?? ""
            if row.isEmpty { row = "-" }
            return "\(finding.rule) \(finding.location.table ?? "-") \(row) \(finding.location.column.map(String.init) ?? "-")"
        }.sorted()
    }

    @Test("a consistent disclosure produces no finding at all")
    func consistentDisclosure() throws {
        let (report, disclosure) = try check(SyntheticDisclosure())
        #expect(disclosure.tables.count == 9)
        #expect(disclosure.problems.isEmpty)
        #expect(report.findings.isEmpty, "\(report.findings.map(\.message))")
        #expect(report.assertionsEvaluated > 300)
        #expect(report.skipped.allSatisfy { $0.rule == "X-17" && $0.reason == "condition not met" })
    }

    @Test("a wrong total: 公开09 预算数合计 8.00 printed as 9.00 is exactly one 09-1 error")
    func wrongTotal() throws {
        var synthetic = SyntheticDisclosure()
        synthetic.set(.threePublicExpenses, row: "", column: 1, to: "9.00")
        let (report, _) = try check(synthetic)
        #expect(signatures(report) == ["09-1 公开09 - 1"])
        let finding = try #require(report.findings.first)
        #expect(finding.severity == .error && !finding.isRounding)
        #expect(finding.actual?.amount == Money(wan: "9.00") && finding.expected?.amount == Money(wan: "8.00"))
        #expect(finding.difference == Money(wan: "1.00"))
    }

    @Test("a total off by 0.01 is a rounding warning with its tolerance stated")
    func roundingDifference() throws {
        var synthetic = SyntheticDisclosure()
        synthetic.set(.threePublicExpenses, row: "", column: 7, to: "7.01")
        let (report, _) = try check(synthetic)
        #expect(signatures(report) == ["09-2 公开09 - 7"])
        let finding = try #require(report.findings.first)
        #expect(finding.severity == .warning && finding.isRounding)
        #expect(finding.tolerance == Money(wan: "0.015"), "3 non-zero terms (7.01, 2.00, 5.00) × 0.005")
        #expect(finding.message.contains("在尾数误差 ±0.015 之内"))
    }

    @Test("a wrong parent code: 2101504 printed as 2101604 in 公开03")
    func wrongParentCode() throws {
        var synthetic = SyntheticDisclosure()
        synthetic.renameCode(.expenditure, from: "2101504", to: "2101604")
        let (report, _) = try check(synthetic)
        #expect(
            signatures(report) == [
                "03-2 公开03 21015 1", "03-2 公开03 21015 3", "F-CODE 公开03 2101604 -", "X-12 公开03 2101504 1",
                "X-12 公开03 2101504 3", "X-12 公开03 2101604 1", "X-12 公开03 2101604 3",
            ])
        let parent = try #require(report.findings.first { $0.rule == "F-CODE" })
        #expect(parent.message.contains("缺少其上级科目21016"))
    }

    @Test("a wrong cross-table figure: 公开01 splits 600 between 208 and 210 differently from 公开03")
    func wrongCrossTableFigure() throws {
        var synthetic = SyntheticDisclosure()
        synthetic.set(.incomeExpenditureSummary, row: "39", column: 2, to: "101.00")
        synthetic.set(.incomeExpenditureSummary, row: "40", column: 2, to: "499.00")
        let (report, _) = try check(synthetic)
        #expect(signatures(report) == ["X-5 公开03 208 1", "X-5 公开03 210 1"])
        let finding = try #require(report.findings.first { $0.location.code == "208" })
        #expect(finding.actual?.amount == Money(wan: "100.00") && finding.expected?.amount == Money(wan: "101.00"))
        #expect(finding.severity == .error)
    }

    @Test("a 三公 item above the 三公 table: 公开06 公务接待费 5.00 against 公开09 决算 4.00")
    func threePublicItemAboveTable() throws {
        var synthetic = SyntheticDisclosure()
        synthetic.set(.threePublicExpenses, row: "", column: 12, to: "4.00")
        synthetic.set(.threePublicExpenses, row: "", column: 7, to: "6.00")
        let (report, _) = try check(synthetic)
        #expect(signatures(report) == ["06-5 公开06 30217 1"])
    }

    @Test("a missing table: 公开08 listed in 目录 but not printed")
    func missingTable() throws {
        var synthetic = SyntheticDisclosure()
        synthetic.omitted = [.stateCapital]
        let (report, _) = try check(synthetic)
        #expect(signatures(report) == ["F-TOC 公开08 国有资本经营预算财政拨款支出决算表 -"])
        #expect(report.findings.first?.message.contains("目录列出") == true)
        #expect(report.skipped.contains { $0.rule == "X-10" && $0.reason == "公开08 is missing" })
    }

    @Test("a text cut before the 情况说明 the 目录 lists: one F-TOC naming the 目录 entry; with its heading kept, silent")
    func listedPartMissing() throws {
        var synthetic = SyntheticDisclosure()
        synthetic.narrative = []
        synthetic.edits = [(old: "第三部分\n\n2023年度部门决算情况说明\n\n", new: "")]
        let disclosure = DisclosureReader.read(text: synthetic.text, file: "synthetic.txt")
        let report = RuleEngine().evaluate(try BuiltInPacks.finalAccounts(), on: disclosure)
        #expect(signatures(report) == ["F-TOC - 情况说明 -"])
        let finding = try #require(report.findings.first)
        #expect(finding.severity == .error)
        #expect(finding.message.hasSuffix("目录列出“第三部分 2023年度部门决算情况说明”，但文中没有情况说明（文件不完整？）"))
        #expect(finding.location.source?.line == 20)

        var headed = SyntheticDisclosure()
        headed.narrative = []
        let kept = RuleEngine().evaluate(
            try BuiltInPacks.finalAccounts(), on: DisclosureReader.read(text: headed.text, file: "synthetic.txt"))
        #expect(!kept.findings.contains { $0.rule == "F-TOC" }, "the part is there, if empty")
    }

    @Test("a table present in no form the readers read: F-READ names it, F-TOC does not call it missing")
    func notUnderstoodTable() throws {
        var synthetic = SyntheticDisclosure()
        // 公开08's rows without tab-separated cells (`合计20.000.0020.00`): its title and header are there.
        synthetic.tables[.stateCapital] = synthetic.tables[.stateCapital]?.map { [$0.joined()] }
        let (report, disclosure) = try check(synthetic)
        #expect(disclosure.notUnderstoodTables == [.stateCapital])
        #expect(disclosure.table(.stateCapital) == nil)
        #expect(disclosure.missingTables.isEmpty)
        let problem = try #require(disclosure.problems.first { $0.table == .stateCapital })
        #expect(problem.message.hasPrefix("公开08 国有资本经营预算财政拨款支出决算表: 第250行起的行不是表格行（各栏未以制表符分隔：“合计20.000.0020.00”）"))
        #expect(signatures(report) == ["F-READ 公开08 - -"])
        #expect(report.skipped.contains { $0.rule == "X-10" })
    }

    @Test("rows after a row without tab-separated cells are not read, and F-READ says so")
    func rowsNotRead() throws {
        var synthetic = SyntheticDisclosure()
        var rows = try #require(synthetic.tables[.generalBudgetExpenditure])
        rows[rows.count - 2] = [rows[rows.count - 2].joined(separator: " ")]
        synthetic.tables[.generalBudgetExpenditure] = rows
        let (report, disclosure) = try check(synthetic)
        let problem = try #require(disclosure.problems.first { $0.code == "table.rows-not-read" })
        #expect(problem.table == .generalBudgetExpenditure && problem.severity == .error)
        #expect(disclosure.table(.generalBudgetExpenditure)?.rows.count == rows.count - 2)
        #expect(report.findings.contains { $0.rule == "F-READ" && $0.location.table == "公开05" })
    }

    @Test("a stray line inside a table (`续表`, `注：…`) is skipped with a warning; a page number alone silently")
    func strayLineInsideTable() throws {
        for (line, warned) in [("续表", true), ("注：接上页", true), ("abc", true), ("- 5 -", false), ("第5页", false)] {
            var synthetic = SyntheticDisclosure()
            var rows = try #require(synthetic.tables[.generalBudgetExpenditure])
            rows.insert([line], at: 2)
            synthetic.tables[.generalBudgetExpenditure] = rows
            let (report, disclosure) = try check(synthetic)
            // Every row is read: the table is the consistent one, so no identity fires.
            #expect(disclosure.table(.generalBudgetExpenditure)?.rows.count == rows.count - 1, "\(line)")
            #expect(report.findings.allSatisfy { $0.rule == "F-READ" }, "\(line): \(signatures(report))")
            let skipped = disclosure.problems.filter { $0.code == "table.line-skipped" }
            #expect(skipped.count == (warned ? 1 : 0), "\(line)")
            if warned { #expect(skipped.first?.message.contains("“\(line)”") == true && skipped.first?.severity == .warning) }
        }
    }

    @Test("a rule checks every row: 公开05 行政运行 小计 printed 310.00")
    func rowIdentity() throws {
        var synthetic = SyntheticDisclosure()
        synthetic.set(.generalBudgetExpenditure, row: "2101501", column: 1, to: "310.00")
        let (report, _) = try check(synthetic)
        #expect(
            signatures(report) == [
                "05-1 公开05 2101501 1", "05-2 公开05 21015 1", "X-12 公开03 2101501 1",
            ])
    }
}
