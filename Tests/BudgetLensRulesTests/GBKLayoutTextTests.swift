import BudgetLensCore
import BudgetLensTestSupport
import Foundation
import Testing

@testable import BudgetLensReader

/// `pdftotext -layout -enc GBK` text: poppler pads its columns in GBK bytes, so every non-ASCII character takes
/// two columns. The reader measures the columns the way the text is aligned (``ColumnMeasure``), not by its
/// encoding: an iconv GB18030 copy of a UTF-8 layout text stays measured by characters (ExtractionFormsTests),
/// a GBK layout text and a UTF-8 text aligned like it are measured by display width.
@Suite("Layout text aligned by GBK bytes (pdftotext -enc GBK)")
struct GBKLayoutTextTests {
    /// A small 公开05-like page: `code  label  amount  amount`, aligned with every non-ASCII character two columns
    /// wide (`wide`) or one (`!wide`).
    static func planted(wide: Bool) -> String {
        // Labels of seven lengths: by characters no two rows' amounts end in one column.
        let rows: [(String, String, String, String)] = [
            ("201", "一般公共服务支出", "2,112.86", "2,106.66"), ("20106", "财政事务", "2,112.86", "2,106.66"),
            ("208", "社会保障和就业支出", "326.72", "326.72"), ("20805", "行政事业单位养老支出", "326.72", "326.72"),
            ("2080501", "行政单位离退休", "84.65", "84.65"), ("210", "卫生健康支出", "60.99", "60.99"),
            ("2210201", "住房公积金", "187.19", "187.19"),
        ]
        func width(_ text: String) -> Int { text.unicodeScalars.reduce(0) { $0 + (wide && $1.value >= 0x80 ? 2 : 1) } }
        func padded(_ text: String, to column: Int) -> String { text + String(repeating: " ", count: max(1, column - width(text))) }
        func right(_ text: String, endingAt end: Int, after line: String) -> String {
            padded(line, to: end - width(text)) + text
        }
        var lines: [String] = []
        for row in rows {
            let start = padded(row.0, to: 10) + row.1
            lines.append(right(row.3, endingAt: 70, after: right(row.2, endingAt: 55, after: start)))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("the measure: display width for a text aligned by GBK bytes, characters for one aligned by characters")
    func measure() {
        #expect(ColumnMeasure.of(Self.planted(wide: true)) == .displayWidth)
        #expect(ColumnMeasure.of(Self.planted(wide: false)) == .characters)
        // No amount after a Chinese character: nothing tells the measures apart, characters stay.
        #expect(ColumnMeasure.of("201        1.00\n2010601    2.00\n") == .characters)
        // Amounts aligned under neither measure (ragged): a tie, characters stay.
        #expect(ColumnMeasure.of("行政运行 1.00\n财政事务费用 2.00\n住房 3.00\n") == .characters)
    }

    @Test("a word's x is its display column, its origin its real character column")
    func origins() throws {
        let pages = LayoutTextPages.pages(of: Self.planted(wide: true))
        let words = try #require(pages.first?.words)
        // Line 2: `20106     财政事务` then `2,112.86` ending at display column 55.
        let amount = try #require(words.first { $0.text == "2,112.86" && $0.baseline == 2 * LayoutTextPages.lineHeight })
        #expect(amount.x1 == 55 && amount.x0 == 47)
        let line = Self.planted(wide: true).split(separator: "\n")[1]
        let characterColumn = try #require(line.range(of: "2,112.86")).lowerBound.utf16Offset(in: line) + 1
        guard case .text(let lineNumber, let column) = amount.origin else { Issue.record("no text origin"); return }
        #expect(lineNumber == 2 && column == characterColumn && column == 47 - 4 + 1)
        // By characters the same word stands where the file has it.
        let narrow = LayoutTextPages.pages(of: Self.planted(wide: true), measure: .characters)
        let same = try #require(narrow.first?.words.first { $0.text == "2,112.86" && $0.baseline == amount.baseline })
        #expect(same.x0 == Double(characterColumn - 1))
    }
}

/// The GBK layout texts of the corpus PDFs, made here with poppler (`pdftotext -layout -enc GBK`).
@Suite("pdftotext -layout -enc GBK text of the corpus PDFs", .enabled(if: ExtractionTools.shouldRun))
struct GBKLayoutExtractionTests {
    /// Runs pdftotext -layout on `pdf`, with `-enc GBK` when `gbk`, into `folder`.
    static func layout(_ pdf: String, gbk: Bool, into folder: URL) throws -> String {
        let output = folder.appendingPathComponent(gbk ? "gbk.txt" : "utf8.txt").path
        let result = try ProcessRunner.run(
            "/usr/bin/env", ["pdftotext", "-q", "-layout"] + (gbk ? ["-enc", "GBK"] : []) + [pdf, output])
        guard result.status == 0 else {
            throw ExtractionTools.ToolFailure(message: "pdftotext exited with \(result.status): \(result.stderr)")
        }
        return output
    }

    /// identical, missing, extra against the PDF's cells (ExtractionFormsTests.compare), per corpus PDF.
    /// The 测试问题版本 text reads to the PDF's cells; in the others the tables whose columns drift are not read
    /// (``GBKDriftedColumns``; per table in GBKLayout8Tests). The template's 12 extra cells, the 公开03 label of 20799
    /// read whole where the PDF's reading cut it, are gone since the PDF reads it whole too (docs/pdf-gaps-10.md).
    static let expected: [String: (Int, Int, Int)] = [
        "pdf/24年普陀区财政局（测试问题版本）.pdf": (445, 0, 0),
        "pdf/上海市普陀区规划和自然资源局 2024 年度部门决算.pdf": (381, 267, 0),
        "pdf/上海市普陀区财政局2024年度部门决算.pdf": (331, 246, 0),
        "pdf/中共上海市普陀区委社会工作部 2024 年度部门决算.pdf": (409, 125, 0),
        "pdf/附件2：部门决算模板.pdf": (279, 117, 0),
    ]

    @Test("each corpus PDF's GBK layout text: its cells against the PDF's, and a UTF-8 copy aligned like it reads the same", arguments: Seed.shanghaiPDFs.map(\.pdf))
    func gbkLayoutText(pdf name: String) throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let gbkPath = try Self.layout(Seed.corpusPath(name), gbk: true, into: folder)
        let gbk = try DisclosureReader.read(path: gbkPath)
        #expect(gbk.source.encoding == .gb18030)
        // Never silently: the GBK-aligned text says it is read by display width; the UTF-8 layout text does not.
        #expect(gbk.problems.filter { $0.code == "layout.gbk-aligned" && $0.severity == .warning }.count == 1)
        let utf8Layout = try DisclosureReader.read(path: try Self.layout(Seed.corpusPath(name), gbk: false, into: folder))
        #expect(!utf8Layout.problems.contains { $0.code == "layout.gbk-aligned" })
        let cells = ExtractionFormsTests.cells(gbk)
        let pdf = try DisclosureReader.read(path: Seed.corpusPath(name))
        let figures = ExtractionFormsTests.compare(cells, ExtractionFormsTests.cells(pdf))
        let expected = Self.expected[name]
        #expect(figures.identical == expected?.0 && figures.missing == expected?.1 && figures.extra == expected?.2, "\(name): \(figures)")
        // The same text in UTF-8 (aligned by display width, not by characters) reads the same cells and findings.
        let result = try ProcessRunner.run("/usr/bin/env", ["iconv", "-f", "GBK", "-t", "UTF-8", gbkPath])
        let utf8Path = folder.appendingPathComponent("wide-utf8.txt")
        try Data(result.stdout.utf8).write(to: utf8Path)
        let wide = try DisclosureReader.read(path: utf8Path.path)
        #expect(wide.source.encoding == .utf8)
        #expect(ExtractionFormsTests.cells(wide) == cells)
        #expect(try ExtractionFormsTests.findings(wide) == ExtractionFormsTests.findings(gbk))
    }

    /// Tester finding 24-7: the 财政局's GBK text leaves 公开05 and 06 not read (titles found, columns not told);
    /// its page 14 is blank. The two tables were also said to stand on page 14 without text, counted twice by `show`.
    @Test("a table whose title is found but not read is not also placed on a page without text")
    func notReadIsNotTextless() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let gbk = try DisclosureReader.read(path: try Self.layout(Seed.corpusPath(Seed.financePDF), gbk: true, into: folder))
        #expect(gbk.notUnderstoodTables.contains(.generalBudgetExpenditure) && gbk.notUnderstoodTables.contains(.generalBudgetBasicExpenditure))
        #expect(gbk.unreadableTables.isEmpty)
        #expect(!gbk.problems.contains { $0.code == Disclosure.unreadableTableProblem })
    }
}
