import BudgetLensCore
import BudgetLensReader
import BudgetLensTestSupport
import Foundation
import Testing

/// A layout text whose 公开03 header and amounts are printed one space apart (as a fresh tester's Chromium `<pre>`
/// print of corpus 003 has them): the columns are not found, two amounts fall in one cell, and a blank beside it
/// read 0.00 where the document prints 105.58 — 03-3 then blamed the document. Now the table is not read
/// (`CrowdedCells`): present, an error naming the line, never made-up cells.
@Suite("Layout text: a table whose amounts run together is not read")
struct CrowdedCellsTests {
    static let file = "003-shanghai-putuo-shehuigongzuobu-2024-final-layout.txt"

    /// Corpus 003's layout text with its 公开03 header (line 166) and rows (170–181) squeezed to single spaces.
    static func squeezed() throws -> String {
        let lines = try String(contentsOfFile: Seed.corpusPath(file), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        return lines.enumerated().map { index, line -> String in
            switch index {
            case 165: return line.replacingOccurrences(of: #"(\S) {2,}(?=\S)"#, with: "$1 ", options: .regularExpression)
            case 169...180: return line.replacingOccurrences(of: #"(\d\.\d\d) +(?=\d)"#, with: "$1 ", options: .regularExpression)
            default: return String(line)
            }
        }.joined(separator: "\n")
    }

    @Test("公开03 squeezed: not read, one error naming line 170; the other tables as in the text")
    func squeezedTable() throws {
        let text = try Self.squeezed()
        #expect(text.contains("功能分类 本年支出合计 基本支出 项目支出 上缴上级支出 经营支出"))
        let disclosure = try DisclosureReader.read(data: Data(text.utf8), file: "squeezed.txt")
        let plain = try DisclosureReader.read(path: Seed.corpusPath(Self.file))
        #expect(disclosure.table(.expenditure) == nil)
        #expect(disclosure.notUnderstoodTables.contains(.expenditure))
        let problem = try #require(disclosure.problems.first { $0.code == Disclosure.notUnderstoodTableProblem && $0.table == .expenditure })
        #expect(problem.severity == .error && problem.source.line == 170)
        #expect(problem.message.hasPrefix("公开03 支出决算表：第170行起金额挤在同一栏"))
        #expect(!disclosure.problems.contains { $0.table == .expenditure && $0.code == "cell.not-a-number" })
        #expect(disclosure.tables.map(\.id) == plain.tables.map(\.id).filter { $0 != .expenditure })
        func values(_ rows: [TableRow]?) -> [String] {
            (rows ?? []).map { row in "\(row.code ?? "")|\(row.item)|" + row.cells.map { "\($0.column) \($0.value?.fen ?? -1)" }.joined(separator: " ") }
        }
        for table in disclosure.tables { #expect(values(table.rows) == values(plain.table(table.id)?.rows), "\(table.id)") }
    }

    @Test("the text as printed: 公开03 read, nothing refused")
    func asPrinted() throws {
        let plain = try DisclosureReader.read(path: Seed.corpusPath(Self.file))
        #expect(plain.table(.expenditure)?.rows.isEmpty == false)
        #expect(!plain.problems.contains { CrowdedCellsTestsCodes.codes.contains($0.code) })
    }
}

private enum CrowdedCellsTestsCodes {
    static let codes: Set<String> = ["layout.cell-crowded", Disclosure.notUnderstoodTableProblem]
}
