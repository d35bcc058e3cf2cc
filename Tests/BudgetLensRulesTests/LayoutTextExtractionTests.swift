import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensTestSupport
import Foundation
import Testing

/// `pdftotext -layout` text of the corpus PDFs, made in the test with poppler: their tables read as the PDFs',
/// also with Windows line endings and in GB18030/UTF-16.
@Suite("pdftotext -layout text of the corpus PDFs")
struct LayoutTextExtractionTests {
    /// The `pdftotext -layout` text of the corpus PDF `name`, written to a temporary file.
    static func layoutText(of name: String, crlf: Bool = false) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("layout-\(UUID().uuidString).txt")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pdftotext", "-q", "-layout", Seed.corpusPath(name), url.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "pdftotext -layout")
        if crlf {
            let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "\n", with: "\r\n")
            try Data(text.utf8).write(to: url)
        }
        return url.path
    }

    /// Every cell of the tables but 公开06: `table code/item column value`.
    static func cells(_ disclosure: Disclosure) -> [String] {
        disclosure.tables.filter { $0.id != .generalBudgetBasicExpenditure }.flatMap { table in
            table.rows.flatMap { row in
                row.cells.map { "\(table.id.formID) \(row.code ?? row.item) \(row.line.map(String.init) ?? "") \($0.column) \($0.value.map { "\($0)" } ?? "-")" }
            }
        }
    }

    @Test("财政局 2024: every table reads cell for cell as the PDF, and the tables' rules find what they find in the PDF")
    func financeLayoutText() throws {
        let pdf = try DisclosureReader.read(path: Seed.corpusPath(Seed.financePDF))
        let pack = try BuiltInPacks.finalAccounts()
        // The tables' rules.
        func tableFindings(_ disclosure: Disclosure) -> [String] {
            RuleEngine().evaluate(pack, on: disclosure).findings.filter { !$0.rule.hasPrefix("N-") }
                .map(Self.comparable).sorted()
        }
        let expected = tableFindings(pdf)
        #expect(!expected.contains { $0.hasPrefix("error") })
        for crlf in [false, true] {
            let path = try Self.layoutText(of: Seed.financePDF, crlf: crlf)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let layout = try DisclosureReader.read(path: path)
            #expect(layout.source.format == .layoutText)
            #expect(layout.source.lineEndings == (crlf ? .crlf : .lf))
            #expect(layout.tables.count == 9)
            #expect(Self.cells(pdf).count == 511)
            #expect(Self.cells(layout) == Self.cells(pdf), "crlf: \(crlf)")
            // 公开06 too, whose rows print amount, codes and name on three lines set apart by blank lines.
            #expect(Self.allCells(layout, of: .generalBudgetBasicExpenditure) == Self.allCells(pdf, of: .generalBudgetBasicExpenditure))
            #expect(Self.allCells(pdf, of: .generalBudgetBasicExpenditure).count == 66)
            // Before: 99 errors (F-READ in 公开02/05, 02-x, 03-x, 06-x, F-CODE, X-x); now the PDF's findings.
            #expect(tableFindings(layout) == expected)
            // 公开03's 基本支出/项目支出 print a line above their rows: each such line is read in the lower row,
            // where the row adds up (行政运行 1,511.89 = 1,503.52 + 8.37), and says so.
            let placed = layout.problems.filter { $0.code == "layout.row-by-identity" }
            #expect(placed.map(\.source.line) == [217, 219, 221, 224, 226])
            #expect(placed.allSatisfy { $0.table == .expenditure && $0.message.contains("read in the lower row") })
            // The narrative too: six prose lines starting with a figure, printed above the line they follow
            // (`449.52万元。…` over `…支出决算为`), are read after it (`LiftedFigureLines`). Before: 2 N-BIND, 1 N-ITEM
            // and 3 N-READ findings more than the PDF's.
            let all = RuleEngine().evaluate(pack, on: layout).findings.map(Self.comparable).sorted()
            #expect(all == RuleEngine().evaluate(pack, on: pdf).findings.map(Self.comparable).sorted())
            #expect(all.count == 16 && !all.contains { $0.contains("\tN-READ\t") || $0.contains("\tN-ITEM\t") })
        }
    }

    /// Every cell of one table: `code/item column value`.
    static func allCells(_ disclosure: Disclosure, of id: TableID) -> [String] {
        disclosure.table(id)?.rows.flatMap { row in
            row.cells.map { "\(row.code ?? row.item) \(row.item) \($0.column) \($0.value.map { "\($0)" } ?? "-")" }
        } ?? []
    }

    /// A finding without its place in the input: rule, severity, cell, values and message.
    static func comparable(_ finding: Finding) -> String {
        [
            finding.severity.rawValue, finding.rule, finding.location.table ?? "", finding.location.code ?? "",
            finding.location.item ?? "", finding.location.column.map(String.init) ?? "", finding.message,
        ].joined(separator: "\t")
    }

    @Test(
        "规划和自然资源局, the test variant, 社会工作部: the layout text gives the PDF's cells and findings",
        arguments: [
            ("pdf/上海市普陀区规划和自然资源局 2024 年度部门决算.pdf", 14, 0),
            ("pdf/24年普陀区财政局（测试问题版本）.pdf", 14, 3),
            ("pdf/中共上海市普陀区委社会工作部 2024 年度部门决算.pdf", 4, 0),
        ])
    func sameAsPDF(name: String, findings: Int, errors: Int) throws {
        let pdf = try DisclosureReader.read(path: Seed.corpusPath(name))
        let path = try Self.layoutText(of: name)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let layout = try DisclosureReader.read(path: path)
        #expect(Self.cells(layout) == Self.cells(pdf))
        // 公开06 too, by code and value (规划资源局: two wrapped labels of its right-hand block join the wrong row's).
        func values(_ disclosure: Disclosure) -> [String] {
            disclosure.table(.generalBudgetBasicExpenditure)?.rows.map {
                "\($0.code ?? $0.item) \($0.cells.map { "\($0.value.map { "\($0)" } ?? "-")" })"
            } ?? []
        }
        #expect(values(layout) == values(pdf) && !values(pdf).isEmpty)
        let pack = try BuiltInPacks.finalAccounts()
        let fromLayout = RuleEngine().evaluate(pack, on: layout).findings.map(Self.comparable).sorted()
        let fromPDF = RuleEngine().evaluate(pack, on: pdf).findings.map(Self.comparable).sorted()
        // Before: 53 errors on the 规划资源局 layout text, 16 on the test variant's.
        #expect(fromLayout == fromPDF)
        // The tables' findings (the narrative's N-* come on top, the same on both).
        let tables = fromPDF.filter { !$0.split(separator: "\t")[1].hasPrefix("N-") }
        #expect(tables.count == findings && tables.filter { $0.hasPrefix("error") }.count == errors)

        // The same layout text as a Chinese Windows tool or Notepad would save it.
        for (encoding, endings) in [(TextEncoding.gb18030, LineEndings.crlf), (.utf16LittleEndian, .crlf), (.utf16BigEndian, .cr)] {
            let copy = try EncodingTests.copy(of: path, encoding: encoding, endings: endings)
            defer { try? FileManager.default.removeItem(atPath: copy) }
            let disclosure = try DisclosureReader.read(path: copy)
            #expect(disclosure.source.encoding == encoding && disclosure.source.lineEndings == endings)
            #expect(Self.cells(disclosure) == Self.cells(pdf), "\(encoding) \(endings)")
            #expect(RuleEngine().evaluate(pack, on: disclosure).findings.map(Self.comparable).sorted() == fromPDF)
        }
    }
}
