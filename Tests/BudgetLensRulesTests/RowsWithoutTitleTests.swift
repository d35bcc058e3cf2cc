import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensTestSupport
import Foundation
import Testing

/// A PDF without a table's first page (a fresh tester's 财政局 PDF without page 8, 公开02's title page): 公开02's
/// second page used to be read as more of 公开01 — open at the foot of page 7 — and 公开01 was lost ("no header row
/// starting with 项目"). 公开01 (and 公开04) end with their 总计 row: after it the table does not run onto the next
/// page. The rows there belong to no titled table: a `layout.rows-without-title` warning names the page, they are
/// not read, and 公开02 is missing (F-TOC). The PDF and its `-layout` text read alike. Skipped without poppler unless
/// `BUDGETLENS_TEST_TOOLS=1`.
@Suite("A table's first page removed from a PDF", .enabled(if: ExtractionTools.shouldRun))
struct RowsWithoutTitleTests {
    /// The 财政局 PDF without page `page` (pdfseparate + pdfunite) and its `pdftotext -layout` text, in `folder`.
    static func financePDF(without page: Int, in folder: URL) throws -> (pdf: String, layout: String) {
        let source = Seed.corpusPath(Seed.financePDF)
        let split = try ProcessRunner.run("/usr/bin/env", ["pdfseparate", source, folder.appendingPathComponent("p-%d.pdf").path])
        try #require(split.status == 0)
        let pages = (1...25).filter { $0 != page }.map { folder.appendingPathComponent("p-\($0).pdf").path }
        let pdf = folder.appendingPathComponent("no\(page).pdf").path
        try #require(try ProcessRunner.run("/usr/bin/env", ["pdfunite"] + pages + [pdf]).status == 0)
        let layout = folder.appendingPathComponent("no\(page).txt").path
        try #require(try ProcessRunner.run("/usr/bin/env", ["pdftotext", "-q", "-layout", pdf, layout]).status == 0)
        return (pdf, layout)
    }

    static func cells(_ disclosure: Disclosure, _ id: TableID) -> [String] {
        ExtractionFormsTests.cells(disclosure).filter { $0.hasPrefix(id.number + "|") }
    }

    @Test("财政局 without page 8: 公开01 read whole (pages 6–7), one warning for page 8's rows, 公开02 missing; the same from its -layout text")
    func page8Removed() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (pdf, layout) = try Self.financePDF(without: 8, in: folder)
        let source = Seed.corpusPath(Seed.financePDF)
        let whole = try DisclosureReader.read(path: source)
        #expect(Self.cells(whole, .incomeExpenditureSummary).count == 42)
        for path in [pdf, layout] {
            let read = try DisclosureReader.read(path: path)
            #expect(Self.cells(read, .incomeExpenditureSummary) == Self.cells(whole, .incomeExpenditureSummary), "\(path)")
            #expect(read.table(.income) == nil)
            for id in TableID.allCases where id != .income && id != .incomeExpenditureSummary {
                #expect(Self.cells(read, id) == Self.cells(whole, id), "\(id) \(path)")
            }
            let notes = read.problems.filter { $0.code == "layout.rows-without-title" }
            #expect(notes.count == 1 && notes.first?.severity == .warning && notes.first?.source.page == 8, "\(path)")
            #expect(notes.first?.message.hasPrefix("第8页开头的表格行不属于任何有表题的表（上一页的公开01已以“总计”行结束）：未读取") == true)
            #expect(!read.problems.contains { $0.severity == .error }, "\(read.problems.filter { $0.severity == .error })")
            let findings = RuleEngine().evaluate(try BuiltInPacks.finalAccounts(), on: read).findings
            #expect(findings.filter { $0.rule == "F-TOC" }.map(\.message).allSatisfy { $0.contains("公开02") })
            #expect(findings.contains { $0.rule == "F-TOC" })
            #expect(!findings.contains { $0.rule == "F-READ" && $0.severity == .error })
        }
    }

    @Test("the five corpus PDFs whole, and their -layout texts: no such warning")
    func silentOnWholePDFs() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, _) in Seed.shanghaiPDFs {
            let layout = try ExtractionTools.extract(.layout, from: Seed.corpusPath(name), into: folder)
            for path in [Seed.corpusPath(name), layout] {
                #expect(!(try DisclosureReader.read(path: path)).problems.contains { $0.code == "layout.rows-without-title" }, "\(path)")
            }
        }
    }

    @Test("财政局 without page 7 (公开01's last page, with 总计): table.rows-missing names 公开01 at page 6, PDF and -layout alike")
    func lastPageRemoved() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (pdf, layout) = try Self.financePDF(without: 7, in: folder)
        for path in [pdf, layout] {
            let read = try DisclosureReader.read(path: path)
            let missing = read.problems.filter { $0.code == "table.rows-missing" }
            #expect(missing.count == 1 && missing.first?.table == .incomeExpenditureSummary, "\(path): \(missing)")
            #expect(missing.first?.message.contains("没有末行“总计”") == true)
            #expect(path == layout || missing.first?.source.page == 6, "\(path)")
            let findings = RuleEngine().evaluate(try BuiltInPacks.finalAccounts(), on: read).findings
            #expect(findings.contains { $0.rule == "F-READ" && $0.severity == .error && $0.message.contains("没有末行“总计”") })
        }
    }
}

