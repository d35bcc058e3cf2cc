import BudgetLensCore
import BudgetLensReader
import BudgetLensTestSupport
import Foundation
import Testing

/// A code table's first row with a miswritten code (a fresh tester's finding 26-4: `999.99` typed into the 项 cell
/// of `201 一般公共服务支出` in a workbook): in 公开05, which prints no 合计 row, the row was taken for one more header
/// line and dropped without a word (`cells` exit 0, no reading problem). Now the header ends at a row that starts
/// with digits and has amounts: the row is read, with a `row.bad-code` warning at it. Corpus 001's line 248 is
/// edited in the test.
@Suite("A first row with a miswritten code")
struct MiswrittenCodeRowTests {
    @Test("`201 | | 999.99` and `201 | | abc` in 公开05's first row: read with its amounts, a row.bad-code warning at line 248")
    func readWithWarning() throws {
        let text = try String(contentsOfFile: Seed.corpusPath(Seed.shanghaiFinance), encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        #expect(lines[247].hasPrefix("201\t\t\t一般公共服务支出\t2,106.66"))
        for typed in ["999.99", "abc"] {
            lines[247] = "201\t\t\(typed)\t一般公共服务支出\t2,106.66\t1,503.52\t603.14"
            let disclosure = try DisclosureReader.read(data: Data(lines.joined(separator: "\n").utf8), file: "001.txt")
            let table = try #require(disclosure.table(.generalBudgetExpenditure))
            let row = try #require(table.rows.first { $0.source.line == 248 })
            #expect(row.code == "201\(typed)")
            #expect(row.cells.map(\.text) == ["2,106.66", "1,503.52", "603.14"])
            let warnings = disclosure.problems.filter { $0.code == "row.bad-code" }
            #expect(warnings.count == 1 && warnings.first?.source.line == 248, "\(warnings)")
        }
    }
}
