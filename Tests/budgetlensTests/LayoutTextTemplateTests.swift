import BudgetLensTestSupport
import Foundation
import Testing

/// `pdftotext -layout` text of a Shandong-template PDF (seed 001 printed by `render --to pdf`): its 公开04 prints
/// each 行次 one space from the amount (`一、一般公共预算财政拨款  1 939.04`) under a crowded `行次 金额` header, and
/// the 行次 were read as amounts (1.00, 2.00 … 26.00) — found by a fresh tester; such a table is refused
/// (`LineNumbersAsAmounts`). Now the layout reader splits `1 939.04` and `行次 金额` into their cells, names each
/// column by its 栏次 number (`栏次 1 栏次 2 3 4 5`), and reads every table as the PDF (docs/layout-prose.md).
@Suite("layout text of a rendered Shandong PDF: 行次 never read as amounts", .enabled(if: RenderTools.available || RenderTools.required))
struct LayoutTextTemplateTests {
    @Test("seed 001 → PDF → pdftotext -layout: every cell the PDF's (公开01 and 04 with their 行次 as 行次), exit 0")
    func lineNumbersRefused() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("001.pdf").path
        let render = try BudgetLensBinary.run(["render", Seed.path(Seed.weihai), "--to", "pdf", "-o", pdf])
        try #require(render.status == 0, "\(render.stderr)")
        let layout = folder.appendingPathComponent("001.layout.txt").path
        try #require(try ProcessRunner.run("/usr/bin/env", ["pdftotext", "-layout", pdf, layout]).status == 0)

        let result = try BudgetLensBinary.run(["cells", layout])
        // Before: exit 1, 公开04 refused (行次 read as amounts), 公开01 not read (表头缺失): 294 / 222 / 1.
        #expect(result.status == 0, "\(result.stderr)")
        let records = result.stdout.split(separator: "\n").map(String.init)
        let fromPDF = try BudgetLensBinary.run(["cells", pdf]).stdout.split(separator: "\n").map(String.init)
        let key = { (record: String) in String(record[..<(record.lastIndex(of: ",") ?? record.endIndex)]) }
        #expect(records.map(key).sorted() == fromPDF.map(key).sorted())
        #expect(records.filter { $0.hasPrefix("04,") }.count == 160 && records.filter { $0.hasPrefix("01,") }.count == 62)
        #expect(records.contains { $0.hasPrefix("04,1,,一、一般公共预算财政拨款,1,939.04,") })
        #expect(records.contains("02,,,合计,1,939.31,\(records.first { $0.hasPrefix("02,,,合计,1,") }?.split(separator: ",").last ?? "")"))
    }
}
