import BudgetLensCore
import BudgetLensReader
import BudgetLensTestSupport
import Foundation
import Testing

@testable import BudgetLensReader

/// `pdftotext -layout -enc GBK` text: poppler pads its columns in GBK bytes, so every non-ASCII character takes
/// two columns. The reader measures the columns the way the text is aligned (``ColumnMeasure``), not by its
/// encoding: the GBK texts of the corpus PDFs, made here with poppler, read to exactly the cells and findings of
/// their UTF-8 `-layout` texts (whose agreement with the PDF ExtractionFormsTests states); a UTF-8 text aligned
/// by display width reads the same; an iconv GB18030 copy of a UTF-8 text stays measured by characters.
@Suite("Layout text aligned by GBK bytes (pdftotext -enc GBK)", .enabled(if: ExtractionTools.shouldRun))
struct GBKLayoutTextTests {
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

    @Test("each corpus PDF's GBK layout text reads to its UTF-8 layout text's cells and findings, and so to the PDF's", arguments: Seed.shanghaiPDFs.map(\.pdf))
    func gbkLayoutText(pdf name: String) throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let utf8Path = try Self.layout(Seed.corpusPath(name), gbk: false, into: folder)
        let gbkPath = try Self.layout(Seed.corpusPath(name), gbk: true, into: folder)
        let utf8 = try DisclosureReader.read(path: utf8Path)
        let gbk = try DisclosureReader.read(path: gbkPath)
        #expect(gbk.source.encoding == .gb18030)
        let cells = ExtractionFormsTests.cells(gbk)
        #expect(!cells.isEmpty)
        #expect(cells == ExtractionFormsTests.cells(utf8), "\(name)")
        #expect(try ExtractionFormsTests.findings(gbk) == ExtractionFormsTests.findings(utf8), "\(name)")
        // The figures against the PDF are the UTF-8 layout text's (ExtractionFormsTests.expected).
        let pdf = try DisclosureReader.read(path: Seed.corpusPath(name))
        let figures = ExtractionFormsTests.compare(cells, ExtractionFormsTests.cells(pdf))
        let expected = try #require(ExtractionFormsTests.expected[name]?[.layout])
        #expect(figures.identical == expected.0 && figures.missing == expected.1 && figures.extra == expected.2, "\(figures)")
        // No 款/项 code is read as an amount: no cell of a coded row holds its own code's digits.
        #expect(!gbk.tables.flatMap(\.rows).contains { row in
            guard let code = row.code, let tail = Int(code.suffix(2)), tail > 0 else { return false }
            return row.cells.first?.value.map { "\($0)" } == "\(tail).00" && row.cells.count > 1
                && row.cells.allSatisfy { $0.value.map { "\($0)" } == "\(tail).00" }
        })
    }
}
