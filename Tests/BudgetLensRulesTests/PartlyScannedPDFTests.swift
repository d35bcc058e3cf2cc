import BudgetLensCore
@testable import BudgetLensReader
import BudgetLensRules
import BudgetLensTestSupport
import Foundation
import Testing

/// A PDF whose table pages are images (`../shared/corpus/field/…-MIXEDSCAN-p8-9-image.pdf`: the corpus PDF of
/// 中共上海市普陀区委社会工作部 with pages 8–9, its 支出决算表, turned into images): the table is present but
/// unreadable, not missing.
@Suite("Partly scanned PDFs")
struct PartlyScannedPDFTests {
    static let mixed = "field/shanghai-putuo-shehuigongzuobu-2024-final-MIXEDSCAN-p8-9-image.pdf"
    static let original = "pdf/中共上海市普陀区委社会工作部 2024 年度部门决算.pdf"

    private func report(_ path: String) throws -> (CheckReport, Disclosure) {
        let disclosure = try DisclosureReader.read(path: Seed.corpusPath(path))
        return (RuleEngine().evaluate(try BuiltInPacks.finalAccounts(), on: disclosure), disclosure)
    }

    private func comparable(_ finding: Finding) -> String {
        [finding.severity.rawValue, finding.rule, finding.location.table ?? "", finding.message].joined(separator: "\t")
    }

    @Test("公开03 on the image pages 8–9 is present, unreadable, not checked: a warning naming table and pages")
    func unreadableTable() throws {
        let (report, disclosure) = try report(Self.mixed)
        #expect(disclosure.unreadableTables == [.expenditure])
        #expect(disclosure.missingTables.isEmpty, "not missing")
        #expect(disclosure.table(.expenditure) == nil)
        let finding = try #require(report.findings.first { $0.location.table == "公开03" })
        #expect(finding.rule == "F-READ" && finding.severity == .warning)
        #expect(finding.message.contains("公开03 支出决算表 有表，但所在页（第8–9页）是图片，没有文字层（扫描页？BudgetLens 不做文字识别）：未读取，未检查"))
        #expect(finding.messageEnglish.contains("公开03 支出决算表 is present, unreadable (第8–9页, images): not checked"))
        #expect(finding.location.source?.page == 8)
        #expect(finding.messageEnglish.hasSuffix("therefore not checked: 03-1, 03-2, 03-3, X-4, X-5, X-12, X-14"))
        #expect(!report.findings.contains { $0.rule == "F-TOC" }, "the 目录 rule does not call it missing")
        #expect(!report.hasErrors)
        // The page problems of pages 8 and 9 are folded into the table's.
        #expect(!disclosure.problems.contains { $0.code == "pdf.page-without-text" })
    }

    @Test("every other finding is the original PDF's: nothing but 公开03 is lost")
    func otherFindingsUnchanged() throws {
        let (mixed, _) = try report(Self.mixed)
        let (original, _) = try report(Self.original)
        let mixedLines = mixed.findings.filter { $0.location.table != "公开03" }.map(comparable).sorted()
        #expect(mixedLines == original.findings.map(comparable).sorted())
        #expect(original.findings.filter { !$0.rule.hasPrefix("N-") }.count == 4, "the tables' findings")
    }

    /// A disclosure with 公开01, 02 and 04 on pages 5, 6–7 and 10, and the 目录 listing all nine in order.
    private func synthetic(textless: [Int: Int?], with03: Bool = false) -> Disclosure {
        func table(_ id: TableID, _ pages: [Int]) -> PublicTable {
            let source = SourceLocation(file: "s.pdf", line: 1, page: pages[0])
            let rows = pages.map {
                TableRow(kind: .total, item: "合计", cells: [], source: SourceLocation(file: "s.pdf", line: 1, page: $0))
            }
            return PublicTable(id: id, title: id.canonicalTitle, rows: rows, source: source)
        }
        var tables = [table(.incomeExpenditureSummary, [5]), table(.income, [6, 7]), table(.appropriationSummary, [10])]
        if with03 { tables.insert(table(.expenditure, [8, 9]), at: 2) }
        let contents = TableID.allCases.map {
            ContentsEntry(text: $0.canonicalTitle, source: SourceLocation(file: "s.pdf", line: 1, page: 2))
        }
        var disclosure = Disclosure(
            source: SourceDocument(file: "s.pdf", format: .pdf, byteCount: 1, lineCount: 12), kind: .finalAccounts,
            header: DocumentHeader(title: "t"), tableOfContents: contents, tables: tables)
        for page in textless.keys.sorted() {
            disclosure.problems.append(
                ReadProblem(
                    code: "pdf.page-without-text", severity: .warning, message: "page \(page)",
                    source: SourceLocation(file: "s.pdf", line: 0, column: 0, page: page)))
        }
        UnreadableTables.record(in: &disclosure, textlessPages: textless, file: "s.pdf")
        return disclosure
    }

    @Test("image pages between the tables before and after a missing table are that table's")
    func placedBetweenNeighbours() {
        let disclosure = synthetic(textless: [8: 1, 9: 2])
        #expect(disclosure.unreadableTables == [.expenditure])
        let problem = disclosure.problems.first { $0.code == "table.unreadable" }
        #expect(problem?.message.contains("(第8–9页, images)") == true)
        #expect(!disclosure.missingTables.contains(.expenditure))
        #expect(!disclosure.problems.contains { $0.code == "pdf.page-without-text" }, "folded into the table's")
    }

    @Test("blank pages, image pages away from the gap, or a table that was read: nothing is unreadable")
    func notPlaced() {
        #expect(synthetic(textless: [8: 0, 9: 0]).unreadableTables.isEmpty, "blank pages hold no table")
        #expect(synthetic(textless: [20: 1]).unreadableTables.isEmpty, "an image page after the tables' pages")
        #expect(synthetic(textless: [8: 1], with03: true).unreadableTables.isEmpty, "公开03 was read")
        let missing = synthetic(textless: [8: 0])
        #expect(missing.missingTables.contains(.expenditure), "still missing")
        #expect(missing.problems.contains { $0.code == "pdf.page-without-text" }, "the page problem stays")
    }
}
