import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensTestSupport
import Foundation
import Testing

/// A row with more filled cells than its table has columns (a stray note typed beside the 公开05 合计 row, a
/// fresh tester's finding 27-7): its amounts cannot be placed, and the row was dropped — so the identities counted
/// its cells as 0.00 and gave false errors (`公开05 合计 栏1 为 0.00，应为 2940.06`, at no place). The row is now kept
/// with its cells unread (``TableRow/unread``): the identities that need them say they were not checked. Corpus
/// 001's lines are edited in the test.
@Suite("Rows with more cells than their table")
struct TooWideRowTests {
    static func read(appendingTo lineNumber: Int) throws -> (Disclosure, [Finding]) {
        var lines = try String(contentsOfFile: Seed.corpusPath(Seed.shanghaiFinance), encoding: .utf8)
            .components(separatedBy: "\n")
        lines[lineNumber - 1] += "\t\t备注"
        let disclosure = try DisclosureReader.read(data: Data(lines.joined(separator: "\n").utf8), file: "001.txt")
        return (disclosure, RuleEngine().evaluate(try BuiltInPacks.finalAccounts(), on: disclosure).findings)
    }

    @Test(
        "公开05's 合计 (line 267), a 公开01 row (99), a 公开06 row (280) and its totals (317): one row.too-wide error, the row kept unread, no false error",
        arguments: [
            (267, TableID.generalBudgetExpenditure), (99, .incomeExpenditureSummary), (280, .generalBudgetBasicExpenditure),
            (317, .generalBudgetBasicExpenditure),  // 人员经费合计 | … | 公用经费合计 … (second tester 27-7)
        ])
    func keptUnread(line: Int, table: TableID) throws {
        let original = try DisclosureReader.read(path: Seed.corpusPath(Seed.shanghaiFinance))
        let originalErrors = RuleEngine().evaluate(try BuiltInPacks.finalAccounts(), on: original).findings
            .filter { $0.severity == .error }.map(\.message)
        let (disclosure, findings) = try Self.read(appendingTo: line)
        let problems = disclosure.problems.filter { $0.severity != .info && $0.source.line == line }
        #expect(problems.map(\.code) == ["row.too-wide"], "\(problems)")
        let rows = try #require(disclosure.table(table)).rows.filter { $0.source.line == line }
        #expect(!rows.isEmpty && rows.allSatisfy { $0.cells.allSatisfy { $0.value == nil && $0.text.isEmpty } })
        // No error but the original's and the reading error: the sums that need the row are not checked.
        let errors = findings.filter { $0.severity == .error && $0.rule != "F-READ" }.map(\.message)
        #expect(Set(errors).subtracting(originalErrors).isEmpty, "\(Set(errors).subtracting(originalErrors))")
        #expect(findings.contains { $0.severity == .warning && $0.message.contains("未读取（见读取问题）") })
    }
}
