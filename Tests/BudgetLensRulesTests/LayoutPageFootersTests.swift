import BudgetLensCore
@testable import BudgetLensReader
import BudgetLensTestSupport
import Foundation
import Testing

/// `pdftotext -layout` text of a PDF that prints a page number at each page's foot — `第N页，共M页`, `- N -`,
/// `N/M` or the bare number, the footers word processors put there — reads as the same text without them: the
/// footer line is dropped at a page's foot (and a marked one at its head), also on a page blank but for its
/// number, never read into the table that runs across the page break (tester finding 24-2: 公开03 shifted a
/// column, 53 wrong cells and 35 false errors; a 公开04 row named `第10页，共25页`).
@Suite("layout text with page numbers at the page foot", .enabled(if: ExtractionTools.shouldRun))
struct LayoutPageFootersTests {
    enum Footer: String, CaseIterable, Sendable {
        case chinese, dashes, slash, bare

        func line(page: Int, of count: Int, indent: Int = 37) -> String {
            let text = switch self {
            case .chinese: "第\(page)页，共\(count)页"
            case .dashes: "- \(page) -"
            case .slash: "\(page)/\(count)"
            case .bare: "\(page)"
            }
            return String(repeating: " ", count: indent) + text
        }
    }

    /// The text with `footer` after each page's last line (a blank line between, as pdftotext prints a footer).
    static func withFooters(_ text: String, _ footer: Footer, indent: Int = 37) -> String {
        let pages = text.components(separatedBy: "\u{0C}")
        return pages.enumerated().map { index, page in
            guard index < pages.count - 1 || !page.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return page }
            var body = page
            while body.hasSuffix("\n") { body.removeLast() }
            return body + "\n\n" + footer.line(page: index + 1, of: pages.count, indent: indent) + "\n"
        }.joined(separator: "\u{0C}")
    }

    @Test(
        "each footer style: the cells and findings of the text without footers",
        arguments: [Seed.financePDF, "pdf/中共上海市普陀区委社会工作部 2024 年度部门决算.pdf"], Footer.allCases)
    func footers(pdf: String, footer: Footer) throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try ExtractionTools.extract(.layout, from: Seed.corpusPath(pdf), into: folder)
        let plain = try DisclosureReader.read(path: path)
        let footed = folder.appendingPathComponent("footed.txt")
        try Self.withFooters(String(contentsOfFile: path, encoding: .utf8), footer).write(to: footed, atomically: true, encoding: .utf8)
        let read = try DisclosureReader.read(path: footed.path)
        #expect(read.tables.count == plain.tables.count)
        #expect(ExtractionFormsTests.cells(read) == ExtractionFormsTests.cells(plain))
        #expect(try ExtractionFormsTests.findings(read) == ExtractionFormsTests.findings(plain))
        #expect(!ExtractionFormsTests.cells(read).contains { $0.contains("页") })
    }

    @Test("a marked page number at each page's head and foot, on pages blank but for them too")
    func headsAndFeet() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try ExtractionTools.extract(.layout, from: Seed.corpusPath(Seed.financePDF), into: folder)
        let plain = try DisclosureReader.read(path: path)
        let pages = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\u{0C}")
        let both = pages.enumerated().map { index, page in
            var body = page
            while body.hasSuffix("\n") { body.removeLast() }
            let number = Footer.chinese.line(page: index + 1, of: pages.count)
            return number + "\n\n" + body + "\n\n" + number + "\n"
        }.joined(separator: "\u{0C}")
        let footed = folder.appendingPathComponent("both.txt")
        try both.write(to: footed, atomically: true, encoding: .utf8)
        let read = try DisclosureReader.read(path: footed.path)
        #expect(ExtractionFormsTests.cells(read) == ExtractionFormsTests.cells(plain))
        #expect(try ExtractionFormsTests.findings(read) == ExtractionFormsTests.findings(plain))
    }

    @Test("a page number is marked or bare; bare digits in a row of several are not one")
    func pageNumberText() {
        for text in ["第6页，共25页", "- 6 -", "6/25", "6 / 25", "—6—"] { #expect(PageNumberText.isMarked(text), "\(text)") }
        for text in ["6", "2024", "1 2 3"] { #expect(!PageNumberText.isMarked(text), "\(text)") }
        #expect(PageNumberText.isPageNumber("6/25") && !PageNumberText.isPageNumber("26/25"))
        #expect(!PageNumberText.isPageNumber("1/2/3") && !PageNumberText.isPageNumber("12345/20000"))
    }
}
