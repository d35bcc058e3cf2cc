import BudgetLensCore
import BudgetLensRules
import BudgetLensTestSupport
import Foundation
import Testing

@testable import BudgetLensReader

/// Tab-separated text as spreadsheets export it (a fresh tester's findings 27-2, 27-3, 27-4, 27-6): rows padded with
/// tabs up to the sheet's width (titles and notes too), an empty first column or one between every two, a `续表` line with the header repeated
/// inside a table, and 款/项 codes typed as numbers (`201 | 6 | 1`). Before, 7 of 9 tables went unread, the rest of
/// a table after `续表` was dropped silently (false 02-3 errors), and `2016`/`20161` gave 43 F-CODE errors. Corpus
/// 001 is reshaped so in the test; its cells and findings must be the original's.
@Suite("Tab-separated text as spreadsheets export it")
struct SpreadsheetExportShapesTests {
    static func expectOriginal(_ data: Data, comparingFindings: Bool = true) throws {
        let original = try DisclosureReader.read(path: Seed.corpusPath(Seed.shanghaiFinance))
        let reshaped = try DisclosureReader.read(data: data, file: "001.txt")
        #expect(reshaped.tables.count == 9)
        #expect(ReshapedDocument.cells(reshaped) == ReshapedDocument.cells(original))
        if comparingFindings { #expect(try ReshapedDocument.findings(reshaped) == ReshapedDocument.findings(original)) }
        #expect(!reshaped.problems.contains { $0.severity == .error }, "\(reshaped.problems.filter { $0.severity == .error })")
    }

    @Test("every tab-separated line with a trailing tab (Excel's copy and export)")
    func trailingTab() throws {
        let text = try ReshapedDocument.corpusLines().map { $0.contains("\t") ? $0 + "\t" : $0 }.joined(separator: "\n")
        try Self.expectOriginal(Data(text.utf8))
    }

    @Test("an empty first column on every tab-separated line")
    func blankFirstColumn() throws {
        let text = try ReshapedDocument.corpusLines().map { $0.contains("\t") ? "\t" + $0 : $0 }.joined(separator: "\n")
        try Self.expectOriginal(Data(text.utf8))
    }

    @Test("an empty column between every two (`a | | b | | c`, as merged cells export)")
    func blankColumnBetweenEveryTwo() throws {
        let text = try ReshapedDocument.corpusLines().map { $0.replacingOccurrences(of: "\t", with: "\t\t") }.joined(separator: "\n")
        try Self.expectOriginal(Data(text.utf8))
    }

    @Test("the tables' lines padded to the sheet's width, titles and notes too, CRLF, in UTF-16 (a sheet saved as Unicode text)")
    func paddedToSheetWidth() throws {
        var lines = try ReshapedDocument.corpusLines()
        #expect(lines[92] == "收入支出决算总表" && lines[339].hasPrefix("国有资本经营预算财政拨款收入支出决算表"))
        let width = lines.map { $0.split(separator: "\t", omittingEmptySubsequences: false).count }.max() ?? 1
        for index in 92..<349 {  // 公开01's title to the line after 公开08's note
            let fields = lines[index].split(separator: "\t", omittingEmptySubsequences: false).count
            lines[index] += String(repeating: "\t", count: width - fields)
        }
        #expect(lines[92] == "收入支出决算总表" + String(repeating: "\t", count: width - 1))
        let text = lines.joined(separator: "\r\n")
        try Self.expectOriginal(try #require(text.data(using: .utf16LittleEndian).map { Data([0xFF, 0xFE]) + $0 }))
    }

    @Test("`续表` and the header repeated inside 公开02 (after line 150): the rows after them read, the line skipped with a warning")
    func continuedTable() throws {
        let lines = try ReshapedDocument.corpusLines()
        #expect(lines[135].hasPrefix("项目") && lines[137].hasPrefix("科目编码"))
        let original = try DisclosureReader.read(path: Seed.corpusPath(Seed.shanghaiFinance))
        // The header with a bare `类 | 款 | 项` row too (second tester 27-5: it gave an F-CODE error for `类款项`).
        for (marker, header) in [("续表", true), ("（续表）", true), ("续上表", true), ("续表", false)] {
            var edited = lines
            edited.insert(contentsOf: ["", marker, ""] + (header ? Array(lines[135...137]) + ["类\t款\t项"] : []), at: 150)
            let disclosure = try DisclosureReader.read(data: Data(edited.joined(separator: "\n").utf8), file: "001.txt")
            #expect(ReshapedDocument.cells(disclosure) == ReshapedDocument.cells(original), "\(marker)")
            // The original's findings, and the skipped line's warning (F-READ) at line 152.
            let findings = try ReshapedDocument.findings(disclosure)
            #expect(findings.filter { !$0.hasPrefix("F-READ") } == (try ReshapedDocument.findings(original)).filter { !$0.hasPrefix("F-READ") })
            let skipped = disclosure.problems.filter { $0.code == "table.line-skipped" }
            #expect(skipped.count == 1 && skipped.first?.source.line == 152 && skipped.first?.severity == .warning, "\(skipped)")
        }
    }

    @Test("款 and 项 typed as numbers, their leading zero lost (`201 | 6 | 1`, `301 | 1`)")
    func codesWithoutLeadingZeros() throws {
        let lines = try ReshapedDocument.corpusLines().map { line -> String in
            var fields = line.components(separatedBy: "\t")
            for position in fields.indices where fields[position].count == 2 && fields[position].hasPrefix("0")
                && position > 0 && fields[position - 1].count <= 3 && fields[position - 1].allSatisfy(\.isNumber)
                && !fields[position - 1].isEmpty
            {
                fields[position] = String(fields[position].dropFirst())
            }
            return fields.joined(separator: "\t")
        }
        #expect(lines.contains("201\t6\t1\t行政运行\t1,511.90\t1,511.89\t\t\t\t\t0.01"))
        try Self.expectOriginal(Data(lines.joined(separator: "\n").utf8))
        #expect(FunctionalTableBuilder.joinedCode("201", "6", "1") == "2010601")
        #expect(FunctionalTableBuilder.joinedCode("201", "06", "") == "20106")
        #expect(FunctionalTableBuilder.joinedCode("合计", "", "") == "合计")
        #expect(FunctionalTableBuilder.joinedCode("2010", "6", "1") == "201061")
    }
}
