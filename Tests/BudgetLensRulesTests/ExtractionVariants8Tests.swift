import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensTestSupport
import Foundation
import Testing

/// `pdftotext -layout -nopgbrk` texts of the corpus PDFs, made here with the real tool: the pages run on without
/// form feeds. Each reads to exactly the cells of the same PDF's `-layout` text, except the 财政局's 公开06, whose
/// page boundary merges code columns (`30224` → `30230224`): that table is reported not read, naming the code,
/// and never read wrong. Every such text carries the `layout.no-page-breaks` warning; the `-layout` text does not.
@Suite("pdftotext -nopgbrk texts of the corpus PDFs", .enabled(if: ExtractionTools.shouldRun))
struct ExtractionVariants8Tests {
    /// Writes `pdftotext -layout [-nopgbrk]` of `pdf` into `folder`.
    static func layoutText(of pdf: String, pageBreaks: Bool, into folder: URL) throws -> String {
        let output = folder.appendingPathComponent(pageBreaks ? "layout.txt" : "nopgbrk.txt").path
        let result = try ProcessRunner.run(
            "/usr/bin/env", ["pdftotext", "-q", "-layout"] + (pageBreaks ? [] : ["-nopgbrk"]) + [pdf, output])
        guard result.status == 0 else {
            throw ExtractionTools.ToolFailure(message: "pdftotext exited with \(result.status): \(result.stderr)")
        }
        return output
    }

    @Test("a -nopgbrk text reads the -layout text's cells, or reports the table not read", arguments: Seed.shanghaiPDFs.map(\.pdf))
    func nopgbrk(pdf name: String) throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let layout = try DisclosureReader.read(path: try Self.layoutText(of: Seed.corpusPath(name), pageBreaks: true, into: folder))
        let runOn = try DisclosureReader.read(path: try Self.layoutText(of: Seed.corpusPath(name), pageBreaks: false, into: folder))
        #expect(!layout.problems.contains { $0.code == "layout.no-page-breaks" })
        #expect(runOn.problems.filter { $0.code == "layout.no-page-breaks" }.count == 1)
        // Measured 40 lines a page, the template's -nopgbrk text is not taken for GBK-aligned (it was, as one page).
        #expect(!runOn.problems.contains { $0.code == "layout.gbk-aligned" })
        let refused = runOn.problems.filter { $0.message.contains("the text has no page breaks") }
        if name == Seed.financePDF {
            #expect(refused.map(\.table) == [.generalBudgetBasicExpenditure])
            #expect(refused.first?.code == Disclosure.notUnderstoodTableProblem)
            #expect(refused.first?.message.contains("“抚恤金”一行的科目编码读作“3033030504”") == true)
            #expect(runOn.notUnderstoodTables == [.generalBudgetBasicExpenditure])
            // No warning about the merged codes remains: the document prints 30224, 30225, 30304, 30305.
            #expect(!runOn.problems.contains { $0.code == "row.bad-code" })
            let kept = ExtractionFormsTests.cells(layout).filter { !$0.hasPrefix("06|") }
            #expect(ExtractionFormsTests.cells(runOn) == kept)
            #expect(ExtractionFormsTests.cells(layout).count - kept.count == 66)
        } else {
            #expect(refused.isEmpty)
            #expect(ExtractionFormsTests.cells(runOn) == ExtractionFormsTests.cells(layout))
        }
    }

    @Test("the 财政局 -nopgbrk text: no F-CODE finding on the merged codes")
    func noFalseCodeFindings() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let runOn = try DisclosureReader.read(
            path: try Self.layoutText(of: Seed.corpusPath(Seed.financePDF), pageBreaks: false, into: folder))
        let findings = try ExtractionFormsTests.findings(runOn)
        for merged in ["30230224", "3033030504", "生活补助"] {
            #expect(!findings.contains { $0.contains(merged) && !$0.contains("F-READ") }, "\(merged)")
        }
    }
}
