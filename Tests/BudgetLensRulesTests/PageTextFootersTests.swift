import BudgetLensCore
@testable import BudgetLensReader
import BudgetLensTestSupport
import Foundation
import Testing

/// Page text (pdfplumber) and raw `pdftotext` text of a PDF that prints a page number at each page's foot read as
/// the same text without them (``PageFooterLines``; tester finding 24-2: labels of 公开05 merged across the break,
/// 公开06 not read, raw text almost not read).
@Suite("page and raw text with page numbers at the page foot", .enabled(if: ExtractionTools.shouldRun))
struct PageTextFootersTests {
    @Test(
        "each footer style: the cells and findings of the text without footers",
        arguments: [ExtractionTools.Kind.pageText, .raw], LayoutPageFootersTests.Footer.allCases)
    func footers(kind: ExtractionTools.Kind, footer: LayoutPageFootersTests.Footer) throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try ExtractionTools.extract(kind, from: Seed.corpusPath(Seed.financePDF), into: folder)
        let plain = try DisclosureReader.read(path: path)
        let footed = folder.appendingPathComponent("footed.txt")
        let text = LayoutPageFootersTests.withFooters(try String(contentsOfFile: path, encoding: .utf8), footer, indent: 0)
        try text.write(to: footed, atomically: true, encoding: .utf8)
        let read = try DisclosureReader.read(path: footed.path)
        #expect(ExtractionFormsTests.cells(read) == ExtractionFormsTests.cells(plain))
        #expect(Self.masked(try ExtractionFormsTests.findings(read)) == Self.masked(try ExtractionFormsTests.findings(plain)))
    }

    /// Findings with the lines they name (`第579行`, the 情况说明's) masked: the page numbers added move them.
    static func masked(_ findings: [String]) -> [String] {
        findings.map { $0.replacing(/第\d+行/, with: "第N行") }
    }

    /// The text as pdfplumber prints a page number: pages joined by a form feed with no line break, so a footer
    /// shares its line with the next page's first line (`第6页\f212 …`), and a header follows the form feed.
    static func joined(_ text: String, _ footer: LayoutPageFootersTests.Footer, header: Bool) -> String {
        let pages = text.components(separatedBy: "\u{0C}")
        return pages.enumerated().map { index, page in
            let number = footer.line(page: index + 1, of: pages.count, indent: 0)
            if header { return number + "\n" + page }
            var body = page
            while body.hasSuffix("\n") { body.removeLast() }
            return body + "\n" + number
        }.joined(separator: "\u{0C}")
    }

    @Test(
        "page numbers as pdfplumber joins them (footer on the form feed's line, header after it): the same cells and findings",
        arguments: LayoutPageFootersTests.Footer.allCases, [false, true])
    func joinedFooters(footer: LayoutPageFootersTests.Footer, header: Bool) throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for pdf in [Seed.financePDF, "pdf/上海市普陀区规划和自然资源局 2024 年度部门决算.pdf"] {
            let path = try ExtractionTools.extract(.pageText, from: Seed.corpusPath(pdf), into: folder)
            let plain = try DisclosureReader.read(path: path)
            let footed = folder.appendingPathComponent("joined.txt")
            try Self.joined(try String(contentsOfFile: path, encoding: .utf8), footer, header: header)
                .write(to: footed, atomically: true, encoding: .utf8)
            let read = try DisclosureReader.read(path: footed.path)
            #expect(ExtractionFormsTests.cells(read) == ExtractionFormsTests.cells(plain), "\(pdf) \(footer) header: \(header)")
            #expect(
                Self.masked(try ExtractionFormsTests.findings(read)) == Self.masked(try ExtractionFormsTests.findings(plain)),
                "\(pdf) \(footer) header: \(header)")
        }
    }

    @Test("bare digits at a page's end are a page number only in a run of pages; marked ones always")
    func bareDigits() {
        func blanked(_ text: String) -> [String] {
            PageFooterLines.blanked(text.split(separator: "\n", omittingEmptySubsequences: false)).map(String.init)
        }
        // A count ending one page and a code starting another: kept.
        #expect(blanked("一、概况\n共 3\n3\n\u{0C}221\n02\n") == ["一、概况", "共 3", "3", "\u{0C}221", "02", ""])
        // 2, 3, 4 at three pages' feet, running with the pages: blanked.
        #expect(blanked("a\n2\n\u{0C}b\n3\n\u{0C}c\n4\n") == ["a", "", "\u{0C}b", "", "\u{0C}c", "", ""])
        // Two pages only: not a run.
        #expect(blanked("a\n2\n\u{0C}b\n3\n") == ["a", "2", "\u{0C}b", "3", ""])
        // Marked: at a page's end or start, also alone on a form-feed line.
        #expect(blanked("a\n第1页，共2页\n\u{0C}- 2 -\nb\n") == ["a", "", "\u{0C}     ", "b", ""])
        // On the form feed's line (pdfplumber): the piece turned into spaces, the next page's first line kept.
        #expect(blanked("a\n- 1 -\u{0C}b\n- 2 -\u{0C}c") == ["a", "     \u{0C}b", "     \u{0C}c"])
        // Centred; a page holding nothing but its number (its first piece and its last): blanked once.
        #expect(blanked("a\n                                        第1页\n\u{0C}第2页\u{0C}c") == ["a", "", "\u{0C}   \u{0C}c"])
        // Not alone on its line, or inside a page: kept.
        #expect(blanked("a 第1页\n\u{0C}b\n第2页\nc\n") == ["a 第1页", "\u{0C}b", "第2页", "c", ""])
    }
}
