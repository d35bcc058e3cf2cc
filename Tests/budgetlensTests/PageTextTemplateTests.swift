import BudgetLensTestSupport
import Foundation
import Testing

/// Page text of other templates (issue 9, docs/page-text.md "Other templates"): seeds 000 (烟台), 001 (威海),
/// 002 (曾都) — Shandong and Hubei column sets — printed to PDF by `budgetlens render --to pdf` (headless
/// Chromium), their pdfplumber `extract_text()` page text made by scripts/page_text.py, and both read with
/// `budgetlens cells`. The tables the page-text reader rewrites are compared table by table with the rendered
/// PDF's cells and with the seed's; where the PDF reader had a limit on rendered PDFs (a table listed in
/// `equalToSeed`; none now that total-only 07s read back whole), the
/// seed's cells are the reference. The whole-document figures (identical / in the PDF only / in the page text
/// only) are asserted exactly. pdfplumber keeps the CJK radical supplements Chromium's ToUnicode maps some glyphs
/// to (`伙⻝补助费`, U+2EDD; no Unicode decomposition), which the reader folds (RadicalFolding): every cell is the
/// PDF's.
@Suite(
    "page text of rendered seeds: other templates' column sets",
    .enabled(if: (RenderTools.available && PageTextTools.available) || RenderTools.required))
final class PageTextTemplateTests {
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent("budgetlens-pt-tpl-\(UUID().uuidString)")

    init() throws { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Per seed: figures against the rendered PDF, the tables equal to the PDF's (and the seed's), the tables
    /// equal to the seed's where the PDF reader has a limit.
    static let expected: [String: (figures: [Int], equalToPDF: [String], equalToSeed: [String])] = [
        // Before 公开08's three-column form: 758 / 17 / 5, 512 / 3 / 0, 414 / 8 / 5; before the radical
        // supplements were folded: 770 / 5 / 5, 515 / 0 / 0, 417 / 5 / 5 (five 公开06 labels of 000 and 002).
        Seed.yantai: ([775, 0, 0], ["01", "02", "03", "04", "05", "06", "07", "08", "09"], []),
        Seed.weihai: ([515, 0, 0], ["01", "02", "03", "04", "05", "07", "08", "09"], []),
        Seed.zengdu: ([422, 0, 0], ["01", "02", "03", "04", "05", "06", "07", "08", "09"], []),
    ]

    /// 公开06 labels of 000 and 002 that pdfplumber prints with radicals (`伙⻝补助费`, `公务⽤⻋购置`: Kangxi ⽤
    /// U+2F64 and supplement ⻋ U+2ECB), read folded.
    static let foldedLabels: [String: [String]] = [
        Seed.yantai: ["06,,30106,伙食补助费,1,", "06,,30231,公务用车运行维护费,1,", "06,,31013,公务用车购置,1,"],
        Seed.zengdu: ["06,,30106,伙食补助费,1,", "06,,30231,公务用车运行维护费,1,", "06,,31013,公务用车购置,1,"],
    ]

    /// `budgetlens cells FILE`'s records without source_line (page text with unread tables exits 2 after
    /// printing what it read).
    private func cells(_ file: String) throws -> [String] {
        let result = try BudgetLensBinary.run(["cells", file])
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "table,line,code,item,column,value,source_line", "\(file): \(result.stderr)")
        return lines.dropFirst().map { String($0[..<($0.lastIndex(of: ",") ?? $0.endIndex)]) }.sorted()
    }

    private func table(_ id: String, _ cells: [String]) -> [String] { cells.filter { $0.hasPrefix(id + ",") } }

    @Test("seed → PDF → page text: the rewritten tables are the PDF's cells", arguments: [Seed.yantai, Seed.weihai, Seed.zengdu])
    func seed(_ seed: String) throws {
        try #require(RenderTools.available && PageTextTools.available, "BUDGETLENS_TEST_TOOLS=1 but chromium, pdftotext or pdfplumber is missing")
        let pdf = folder.appendingPathComponent("\(seed.prefix(3)).pdf").path
        let render = try BudgetLensBinary.run(["render", Seed.path(seed), "--to", "pdf", "-o", pdf])
        #expect(render.status == 0, "\(render.stderr)")
        let text = folder.appendingPathComponent("\(seed.prefix(3)).txt").path
        _ = try TestWorkbooks.python("page_text.py", [pdf, text])
        let fromPDF = try cells(pdf)
        let fromText = try cells(text)
        // pdfplumber's layout text (`extract_text(layout=True)`) of the same PDF: every cell the PDF's (000 read `项目其他支出`
        // before: a continuation page's `项目` glued to the row below it).
        let plumberLayout = folder.appendingPathComponent("\(seed.prefix(3)).layout.txt").path
        _ = try TestWorkbooks.python("page_text.py", ["--layout", pdf, plumberLayout])
        #expect(try cells(plumberLayout) == fromPDF, "\(seed)")
        let fromSeed = try cells(Seed.path(seed))
        var counts: [String: Int] = [:]
        for cell in fromPDF { counts[cell, default: 0] += 1 }
        var identical = 0
        for cell in fromText where (counts[cell] ?? 0) > 0 {
            counts[cell]! -= 1
            identical += 1
        }
        let expected = try #require(Self.expected[seed])
        #expect([identical, fromPDF.count - identical, fromText.count - identical] == expected.figures, "\(seed)")
        for id in expected.equalToPDF {
            #expect(!table(id, fromText).isEmpty, "\(seed) 公开\(id)")
            #expect(table(id, fromText) == table(id, fromPDF), "\(seed) 公开\(id)")
            #expect(table(id, fromText) == table(id, fromSeed), "\(seed) 公开\(id)")
        }
        if let labels = Self.foldedLabels[seed] {
            let raw = try String(contentsOfFile: text, encoding: .utf8)
            #expect(raw.contains("伙\u{2EDD}补助费") && raw.contains("\u{2F64}\u{2ECB}"), "\(seed): pdfplumber folds them now; the test lost its case")
            for label in labels { #expect(fromText.contains { $0.hasPrefix(label) }, "\(seed) \(label)") }
        }
        // The annexed 自评表 are not rebuilt from page text; their rows (`… 明显提升 明显提升 10 10`) are no prose for
        // the text-quality rules: no repetition finding the PDF does not have (000: 29 false N-DUP-WORD before).
        let repeated = { (file: String) in try BudgetLensBinary.findingMessages(file) { $0.hasPrefix("N-DUP") } }
        #expect(try repeated(text).subtracting(try repeated(pdf)).isEmpty, "\(seed)")
        // 公开09's 栏次 row `1 … 12` is read as one (layout text: 5 and 11 run into the headings above,
        // `公务用车运行维护费5`; page text: the rewritten header keeps the printed row), not "没有栏次行".
        #expect(!(try BudgetLensBinary.run(["show", text]).stdout.contains("没有栏次行")), "\(seed)")
        if seed == Seed.weihai {
            // The 情况说明 is still prose: its real doubled word is found in page text as in the PDF.
            #expect(try repeated(text).contains { $0.contains("N-DUP-WORD") && $0.contains("低保对象对象") })
        }
        for id in expected.equalToSeed {
            #expect(!table(id, fromText).isEmpty, "\(seed) 公开\(id)")
            #expect(table(id, fromText) == table(id, fromSeed), "\(seed) 公开\(id)")
            #expect(table(id, fromText) != table(id, fromPDF), "\(seed) 公开\(id): the PDF reader limit is gone; compare with the PDF")
        }
    }
}

/// Python's pdfplumber (scripts/page_text.py).
enum PageTextTools {
    static let available: Bool = {
        let result = try? ProcessRunner.run("/usr/bin/env", ["python3", "-c", "import pdfplumber"])
        return result?.status == 0
    }()
}
