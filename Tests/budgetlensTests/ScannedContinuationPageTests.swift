import BudgetLensTestSupport
import Foundation
import Testing

/// A table whose continuation page is an image (a fresh tester's 财政局 PDF with page 11, 公开03's second page,
/// turned into a picture, as happens when a department pastes a scan into the PDF). 公开03 was read as a whole table
/// of the 12 rows on page 10, and X-5/X-12 compared its missing rows as 0.00 (10+ false errors); `show` gave no sign
/// of a partial reading. The table stopping at a page's foot with an image page next is now read only in part:
/// not read, a warning naming the page, its rules not checked. The PDF is made here from the corpus PDF.
@Suite("PDF: a table running onto a scanned page is read only in part", .enabled(if: ProcessInfo.processInfo.environment["BUDGETLENS_TEST_TOOLS"] == "1"))
struct ScannedContinuationPageTests {
    static let corpusPDF = "pdf/上海市普陀区财政局2024年度部门决算.pdf"

    /// Runs `tool arguments` and requires it to succeed.
    private func run(_ tool: String, _ arguments: [String]) throws {
        let result = try ProcessRunner.run("/usr/bin/env", [tool] + arguments)
        try #require(result.status == 0, "\(tool): \(result.stderr)")
    }

    @Test("财政局 with page 11 an image: 公开03 read in part (page 11), no X-5/X-12, 公开04 read")
    func scannedPage11() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = Seed.corpusPath(Self.corpusPDF)
        try run("pdfseparate", [source, folder.appendingPathComponent("p-%d.pdf").path])
        let pageCount = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("p-") }.count
        try #require(pageCount > 12)
        // Page 11 as a picture: rendered by poppler, printed into a page of its own by Chromium (no text layer).
        try run("pdftoppm", ["-f", "11", "-l", "11", "-r", "60", "-png", "-singlefile", source, folder.appendingPathComponent("scan").path])
        let html = folder.appendingPathComponent("scan.html")
        try #"<html><head><style>@page{size:A4;margin:0}body{margin:0}</style></head><body><img src="scan.png" style="width:100%;height:290mm"></body></html>"#
            .write(to: html, atomically: true, encoding: .utf8)
        let image = folder.appendingPathComponent("scan.pdf").path
        try BrowserPrint.pdf(of: html, to: image, profileIn: folder)
        let pages = (1...pageCount).map { $0 == 11 ? image : folder.appendingPathComponent("p-\($0).pdf").path }
        let pdf = folder.appendingPathComponent("scan11.pdf").path
        try run("pdfunite", pages + [pdf])

        let cells = try BudgetLensBinary.run(["cells", pdf])
        #expect(!cells.stdout.contains("\n03,"))
        #expect(cells.stdout.contains("\n04,"))
        #expect(cells.stderr.contains("[公开03] 缺页，本表只读到部分行：公开03 支出决算表：本表在第10页末尾中断，第11页是图片、没有文字层"), "\(cells.stderr)")
        let show = try BudgetLensBinary.run(["show", pdf])
        #expect(show.stdout.contains("公开03  支出决算表  — read in part, pages missing 缺页，只读到部分行，未读取"), "\(show.stdout)")
        let check = try BudgetLensBinary.run(["check", pdf])
        for rule in [" X-5 ", " X-12 "] { #expect(!check.stdout.contains(rule), "\(rule): \(check.stdout)") }
    }
}
