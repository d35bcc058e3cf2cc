import BudgetLensTestSupport
import Foundation
import Testing

/// `pdftotext -layout` text of Shandong- and Hubei-template PDFs (seeds 000, 001, 002 printed by `render --to pdf`):
/// 001's 公开04 prints each 行次 one space from the amount (`一、一般公共预算财政拨款  1 939.04`) under a crowded
/// `行次 金额` header, and the 行次 were read as amounts (1.00, 2.00 … 26.00) — found by a fresh tester; such a table
/// is refused (`LineNumbersAsAmounts`). Now the layout reader splits `1 939.04` and `行次 金额` into their cells,
/// names each column by its 栏次 number (`栏次 1 栏次 2 3 4 5`), aligns a continuation page to the first page's
/// header, and reads every table as the PDF, 公开06 in three blocks included (docs/layout-prose.md).
@Suite("layout text of rendered Shandong/Hubei PDFs: every cell the PDF's", .enabled(if: RenderTools.available || RenderTools.required))
struct LayoutTextTemplateTests {
    /// Per seed: the rendered PDF's cells, and the identical / PDF only / text only figures before this reading.
    static let expected: [String: (cells: Int, before: String)] = [
        Seed.yantai: (775, "402 / 373 / 422"), Seed.weihai: (515, "293 / 222 / 1"), Seed.zengdu: (422, "140 / 282 / 65"),
    ]

    @Test("seed → PDF → pdftotext -layout: every cell the PDF's (公开01/04 with their 行次 as 行次, 公开06 in three blocks), exit 0",
        arguments: [Seed.yantai, Seed.weihai, Seed.zengdu])
    func sameAsPDF(_ seed: String) throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("\(seed.prefix(3)).pdf").path
        let render = try BudgetLensBinary.run(["render", Seed.path(seed), "--to", "pdf", "-o", pdf])
        try #require(render.status == 0, "\(render.stderr)")
        let layout = folder.appendingPathComponent("\(seed.prefix(3)).layout.txt").path
        try #require(try ProcessRunner.run("/usr/bin/env", ["pdftotext", "-layout", pdf, layout]).status == 0)

        let result = try BudgetLensBinary.run(["cells", layout])
        #expect(result.status == 0, "\(result.stderr)")
        let records = result.stdout.split(separator: "\n").map(String.init)
        let fromPDF = try BudgetLensBinary.run(["cells", pdf]).stdout.split(separator: "\n").map(String.init)
        let key = { (record: String) in String(record[..<(record.lastIndex(of: ",") ?? record.endIndex)]) }
        #expect(records.map(key).sorted() == fromPDF.map(key).sorted(), "before: \(Self.expected[seed]?.before ?? "")")
        #expect(fromPDF.count - 1 == Self.expected[seed]?.cells)
        #expect(records.filter { $0.hasPrefix("04,") }.count == 160 && records.filter { $0.hasPrefix("01,") }.count == 62)
        // The annexed 自评表's wrapped cells are no prose: no text-quality finding the PDF does not have (001: a
        // false N-NUMBER "1、 then 3、" and 000: a false N-DUP-SENT before; DocumentProse.beforeSelfEvaluationTables).
        let quality = { (file: String) in
            try BudgetLensBinary.findingMessages(file) { $0.hasPrefix("N-DUP") || $0 == "N-NUMBER" }
        }
        #expect(try quality(layout).subtracting(try quality(pdf)).isEmpty, "\(seed)")
        // 公开09's 栏次 row `1 … 12` is read as one (layout text: 5 and 11 run into the headings above,
        // `公务用车运行维护费5`; page text: the rewritten header keeps the printed row), not "没有栏次行".
        #expect(!(try BudgetLensBinary.run(["show", layout]).stdout.contains("没有栏次行")), "\(seed)")
        // 公开04's 栏次 row `栏次 1 栏次 2` with 3, 4, 5 printed against the headings above (`一般公共预算财政拨款3`):
        // complete, no "栏次编号有误" from the PDF or its layout text (SideBySideTableBuilder).
        for file in [pdf, layout] {
            #expect(!(try BudgetLensBinary.run(["show", file]).stdout.contains("栏次编号有误")), "\(seed) \(file)")
        }
        if seed == Seed.weihai {
            #expect(records.contains { $0.hasPrefix("04,1,,一、一般公共预算财政拨款,1,939.04,") })
            #expect(records.contains("02,,,合计,1,939.31,\(records.first { $0.hasPrefix("02,,,合计,1,") }?.split(separator: ",").last ?? "")"))
        } else {
            // 公开06 in three blocks, over two pages.
            #expect(records.filter { $0.hasPrefix("06,") }.count > 80)
        }
    }
}
