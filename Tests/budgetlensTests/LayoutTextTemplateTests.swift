import BudgetLensTestSupport
import Foundation
import Testing

/// `pdftotext -layout` text of a Shandong-template PDF (seed 001 printed by `render --to pdf`): its 公开04 prints
/// each 行次 one space from the amount (`一、一般公共预算财政拨款  1 939.04`) under a crowded `行次 金额` header, and
/// the 行次 were read as amounts (1.00, 2.00 … 26.00) — found by a fresh tester. Such a table is refused
/// (`LineNumbersAsAmounts`): present, not read, said on stderr; no value of it is printed.
@Suite("layout text of a rendered Shandong PDF: 行次 never read as amounts", .enabled(if: RenderTools.available || RenderTools.required))
struct LayoutTextTemplateTests {
    @Test("seed 001 → PDF → pdftotext -layout: no value of 公开04 written, the reason named, exit 1; the 02 read is the PDF's")
    func lineNumbersRefused() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("001.pdf").path
        let render = try BudgetLensBinary.run(["render", Seed.path(Seed.weihai), "--to", "pdf", "-o", pdf])
        try #require(render.status == 0, "\(render.stderr)")
        let layout = folder.appendingPathComponent("001.layout.txt").path
        try #require(try ProcessRunner.run("/usr/bin/env", ["pdftotext", "-layout", pdf, layout]).status == 0)

        let result = try BudgetLensBinary.run(["cells", layout])
        #expect(result.status == 1)
        let records = result.stdout.split(separator: "\n").map(String.init)
        #expect(!records.contains { $0.hasPrefix("04,") }, "no value of 公开04")
        // Refused either way: as 行次 read as amounts (LineNumbersAsAmounts), or for its crowded header.
        #expect(
            result.stderr.contains("[公开04] 有表题但表格形式无法读取：公开04 财政拨款收入支出决算总表: 栏次 1 reads")
                || result.stderr.contains("[公开04] 表头缺失"), "\(result.stderr)")
        let fromPDF = try BudgetLensBinary.run(["cells", pdf]).stdout.split(separator: "\n").map(String.init)
        let key = { (record: String) in String(record[..<(record.lastIndex(of: ",") ?? record.endIndex)]) }
        #expect(records.filter { $0.hasPrefix("02,") }.map(key) == fromPDF.filter { $0.hasPrefix("02,") }.map(key))
        #expect(records.contains("02,,,合计,1,939.31,\(records.first { $0.hasPrefix("02,,,合计,1,") }?.split(separator: ",").last ?? "")"))
    }
}
