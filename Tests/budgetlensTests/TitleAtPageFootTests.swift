import BudgetLensTestSupport
import Foundation
import Testing

/// A table whose title stands at the foot of one page and whose rows start on the next (a fresh tester's Chromium
/// print of seed 001 made into HTML: `收入决算表 公开02表` at the bottom of page 4). The title was written as prose
/// (no row followed it on its page), the rows on the next page were read as loose lines: 公开02 present with no
/// rows, and X-1/X-2/X-3 compared 公开01 with zeros. A title at a page's foot now starts its table when the next
/// page's first rows are the table's.
@Suite("PDF: a table's title at the foot of a page, its rows on the next", .enabled(if: ProcessInfo.processInfo.environment["BUDGETLENS_TEST_TOOLS"] == "1"))
struct TitleAtPageFootTests {
    /// The tester's page (A4 landscape, 10 pt): prose lines as `<p>`, runs of tab-separated lines as one bordered
    /// `<table>`, amounts right-aligned.
    static func html(_ text: String) -> String {
        func escaped(_ field: Substring) -> String {
            field.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;")
        }
        var out = [
            #"<html><head><meta charset="utf-8"><style>@page{size:A4 landscape;margin:12mm} body{font-family:"Noto Sans CJK SC",sans-serif;font-size:10pt} table{border-collapse:collapse;margin:6px 0} td{border:1px solid #000;padding:2px 5px;font-size:9pt} td.n{text-align:right}</style></head><body>"#
        ]
        var inTable = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.contains("\t") {
                if !inTable { out.append("<table>") }
                inTable = true
                let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map { raw in
                    let field = raw.trimmingCharacters(in: .whitespaces)[...]
                    let number = field.contains(".") && field.allSatisfy { $0.isASCII && ($0.isNumber || ",.-".contains($0)) }
                    return "<td class=\"\(number ? "n" : "")\">\(escaped(field))</td>"
                }
                out.append("<tr>" + cells.joined() + "</tr>")
            } else {
                if inTable { out.append("</table>") }
                inTable = false
                if !line.allSatisfy(\.isWhitespace) { out.append("<p>" + escaped(line) + "</p>") }
            }
        }
        if inTable { out.append("</table>") }
        return out.joined(separator: "\n") + "</body></html>"
    }

    /// `budgetlens cells FILE`: the records without source_line.
    private func cells(_ file: String) throws -> [String] {
        let result = try BudgetLensBinary.run(["cells", file])
        return result.stdout.split(separator: "\n").dropFirst().map { String($0[..<($0.lastIndex(of: ",") ?? $0.endIndex)]) }
    }

    @Test("seed 001 → HTML table → Chromium PDF: every table the seed's cells, no X-1/X-2/X-3")
    func seed001() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOfFile: Seed.path(Seed.weihai), encoding: .utf8)
        let page = folder.appendingPathComponent("001.html")
        try Self.html(text).write(to: page, atomically: true, encoding: .utf8)
        let pdf = folder.appendingPathComponent("001.pdf").path
        try BrowserPrint.pdf(of: page, to: pdf, profileIn: folder)
        let layout = try ProcessRunner.run("/usr/bin/env", ["pdftotext", "-layout", pdf, "-"])
        let pages = layout.stdout.split(separator: "\u{0C}", omittingEmptySubsequences: false)
        // The print puts 公开02's title at the foot of a page (its last non-blank lines), its rows on the next.
        let foot = pages.firstIndex { page in
            let lines = page.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }
            return lines.suffix(4).contains { $0.contains("收入决算表") } && !lines.suffix(4).contains { $0.contains("2010") }
        }
        try #require(foot != nil, "the print no longer puts 公开02's title at a page's foot")
        let fromPDF = try cells(pdf)
        let fromSeed = try cells(Seed.path(Seed.weihai))
        #expect(fromPDF.filter { $0.hasPrefix("02,") } == fromSeed.filter { $0.hasPrefix("02,") })
        #expect(fromPDF.filter { $0.hasPrefix("02,") }.count > 50)
        let check = try BudgetLensBinary.run(["check", pdf])
        for rule in ["X-1 ", "X-2 ", "X-3 "] { #expect(!check.stdout.contains(rule), "\(rule): \(check.stdout)") }
    }
}
