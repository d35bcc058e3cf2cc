import BudgetLensTestSupport
import Foundation
import Testing

/// The page `budgetlens render` prints for a table its source lacks: the title, `公开06表` and
/// `本文档未公开此表（原文档中未找到公开06表）。` (seed 001 has no 公开06). The PDF, its `-layout` text and the seed read
/// the table as absent (F-TOC: the 目录 lists it, the document has none); pdfplumber's page text read it as present
/// but not read (F-READ, `cells` exit 1) — the `公开06表` line after the title counted as table content. A title
/// followed by the document's own statement that the table is not published is no table: every form now agrees.
@Suite("render's placeholder page: the table is absent in every form", .enabled(if: ProcessInfo.processInfo.environment["BUDGETLENS_TEST_TOOLS"] == "1"))
struct PlaceholderPageTests {
    /// The `[rule] 公开06`-naming findings of `check FILE` (text output), and `cells FILE`'s exit status.
    private func read(_ file: String) throws -> (findings: [String], cellsStatus: Int32) {
        let check = try BudgetLensBinary.run(["check", file])
        let findings = check.stdout.split(separator: "\n").filter { $0.contains("公开06") && ($0.contains("F-TOC") || $0.contains("F-READ")) }
            .map { $0.contains("F-TOC") ? "F-TOC" : "F-READ" }
        return (findings, try BudgetLensBinary.run(["cells", file]).status)
    }

    @Test("seed 001 → PDF → page text: 公开06 absent (F-TOC), as in the PDF, its layout text and the seed")
    func seed001() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("001.pdf").path
        let render = try BudgetLensBinary.run(["render", Seed.path(Seed.weihai), "--to", "pdf", "-o", pdf])
        try #require(render.status == 0, "\(render.stderr)")
        let page = folder.appendingPathComponent("001.page.txt").path
        _ = try TestWorkbooks.python("page_text.py", [pdf, page])
        let text = try String(contentsOfFile: page, encoding: .utf8)
        #expect(text.contains("公开06表") && text.contains("未找到公开06表"))
        let layout = folder.appendingPathComponent("001.layout.txt").path
        let extract = try ProcessRunner.run("/usr/bin/env", ["pdftotext", "-layout", pdf, layout])
        try #require(extract.status == 0)
        for file in [Seed.path(Seed.weihai), pdf, layout, page] {
            let (findings, status) = try read(file)
            #expect(findings == ["F-TOC"], "\(file)")
            #expect(status == 0, "\(file)")
        }
    }
}
