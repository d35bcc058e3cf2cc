import BudgetLensTestSupport
import Foundation
import Testing

/// A PDF a browser printed from an HTML table (found by a fresh tester: corpus 001's text made into HTML — every
/// tab-separated line a `<tr>`, every field a `<td>`, numbers right-aligned, words left-aligned, blank cells kept —
/// and printed by headless Chromium). Its header cells are left-aligned, its amounts right-aligned: 公开09's first
/// 0.95 (合计 预算数) ends 2.25 points before the next heading `决算数` and overlaps no heading, and was read in the
/// next field (栏2, 因公出国（境）费 预算数; 栏1 0.00: false 09-1 and N-BIND errors). 公开01's last rows stand in a
/// second, narrower HTML table, so `55.34` fell inside the label column above (`55.34年末结转和结余`, a blank read
/// 0.00). Now 公开09 reads the text's twelve cells (LeftAlignedHeader) and 公开01 is not read (an amount in a label
/// column); no cell read from the PDF differs from the text's. The PDF is made here from the corpus document.
@Suite("PDF printed by a browser from an HTML table", .enabled(if: ProcessInfo.processInfo.environment["BUDGETLENS_TEST_TOOLS"] == "1"))
struct BrowserTablePrintTests {
    static let corpus = "001-shanghai-putuo-caizhengju-2024-final.txt"

    /// The tester's page: prose lines as `<p>`, runs of tab-separated lines as one bordered `<table>`.
    static func html(_ text: String) -> String {
        func escaped(_ field: Substring) -> String {
            field.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;")
        }
        var out = [#"<html><head><meta charset="utf-8"><style>@page{size:A4;margin:10mm}</style></head><body>"#]
        var inTable = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.contains("\t") {
                if !inTable { out.append(#"<table border=1 style="border-collapse:collapse;font-size:8px">"#) }
                inTable = true
                let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map { field in
                    let number = !field.isEmpty && field.allSatisfy { $0.isASCII && ($0.isNumber || ",.-".contains($0)) }
                    return "<td style=\"text-align:\(number ? "right" : "left")\">\(escaped(field))</td>"
                }
                out.append("<tr>" + cells.joined() + "</tr>")
            } else {
                if inTable { out.append("</table>") }
                inTable = false
                out.append(#"<p style="font-size:9px;margin:1px">"# + escaped(line) + "</p>")
            }
        }
        if inTable { out.append("</table>") }
        return out.joined(separator: "\n") + "</body></html>"
    }

    /// `budgetlens cells FILE`: the records without source_line, and stderr.
    private func cells(_ file: String) throws -> (records: [String], stderr: String) {
        let result = try BudgetLensBinary.run(["cells", file])
        let lines = result.stdout.split(separator: "\n").dropFirst()
        return (lines.map { String($0[..<($0.lastIndex(of: ",") ?? $0.endIndex)]) }.sorted(), result.stderr)
    }

    @Test("corpus 001 → HTML table → Chromium PDF: 公开09 is the text's, 公开01 not read, no cell wrong; its layout text's 公开09 not read")
    func chromiumPrint() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOfFile: Seed.corpusPath(Self.corpus), encoding: .utf8)
        let page = folder.appendingPathComponent("c001.html")
        try Self.html(text).write(to: page, atomically: true, encoding: .utf8)
        let pdf = folder.appendingPathComponent("c001.pdf").path
        try BrowserPrint.pdf(of: page, to: pdf, profileIn: folder)
        let fromPDF = try cells(pdf)
        let fromText = try cells(Seed.corpusPath(Self.corpus)).records
        // 公开09: 栏1 (合计 预算数) and 栏6 (公务接待费 预算数) 0.95, the ten others 0.00 — as the text (and the 情况说明:
        // 年初预算为0.95万元，支出决算为0.00万元).
        let threePublic = fromPDF.records.filter { $0.hasPrefix("09,") }
        #expect(threePublic == fromText.filter { $0.hasPrefix("09,") })
        #expect(threePublic.contains("09,,,,1,0.95") && threePublic.contains("09,,,,6,0.95"))
        #expect(threePublic.filter { $0.hasSuffix(",0.00") }.count == 10)
        // 公开01: not read, and said so; no label with an amount in it.
        #expect(!fromPDF.records.contains { $0.hasPrefix("01,") })
        #expect(fromPDF.stderr.contains("[公开01] 有表题但表格形式无法读取：公开01 收入支出决算总表：有金额落在科目名称栏内"))
        // Every cell read from the PDF is one of the text's (the tables not read are named, as before: 02–06).
        var remaining = Dictionary(fromText.map { ($0, 1) }, uniquingKeysWith: +)
        for record in fromPDF.records {
            #expect((remaining[record] ?? 0) > 0, "\(record) is not a cell of the text")
            remaining[record, default: 0] -= 1
        }
        // Its `pdftotext -layout` text: columns drift, the position cannot settle the first 0.95's column (both
        // readings add up), so 公开09 is not read, the two headings named (before: 0.95 in 栏2); no cell wrong.
        let layout = folder.appendingPathComponent("c001.layout.txt").path
        let extract = try ProcessRunner.run("/usr/bin/env", ["pdftotext", "-layout", pdf, layout])
        try #require(extract.status == 0)
        let fromLayout = try cells(layout)
        #expect(!fromLayout.records.contains { $0.hasPrefix("09,") })
        #expect(fromLayout.stderr.contains("[公开09] 有表题但表格形式无法读取：公开09 财政拨款“三公”经费支出决算表：金额“0.95”位于"))
        #expect(fromLayout.stderr.contains("位置不能确定栏次，未读取"))
        var remainingForLayout = Dictionary(fromText.map { ($0, 1) }, uniquingKeysWith: +)
        for record in fromLayout.records {
            #expect((remainingForLayout[record] ?? 0) > 0, "\(record) is not a cell of the text")
            remainingForLayout[record, default: 0] -= 1
        }
        // The false findings of the misread 公开09 are gone.
        let check = try BudgetLensBinary.run(["check", "--format", "json", pdf])
        #expect(!check.stdout.contains("\"rule\" : \"09-1\""))
        #expect(!check.stdout.contains("\"rule\" : \"N-BIND\""))
    }

    @Test("the page: tables as the tester made them (a blank field is a cell, numbers right-aligned)")
    func page() {
        let html = Self.html("标题\n合计\t\t0.95\n注")
        #expect(html.contains(#"<tr><td style="text-align:left">合计</td><td style="text-align:left"></td><td style="text-align:right">0.95</td></tr>"#))
        #expect(html.contains(#"<p style="font-size:9px;margin:1px">标题</p>"#) && html.contains("</table>\n<p"))
    }
}
