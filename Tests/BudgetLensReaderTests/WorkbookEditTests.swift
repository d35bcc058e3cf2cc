import BudgetLensCore
import BudgetLensReader
import BudgetLensTestSupport
import Foundation
import Testing

/// The cells of a disclosure without their sources: what must survive a change of format.
private func cellValues(_ disclosure: Disclosure) -> [String] {
    disclosure.cellRecords().map { record in
        [
            record.table.rawValue, record.line.map(String.init) ?? "", record.code ?? "", record.item,
            String(record.column), record.value.map { $0.decimalString(in: disclosure.moneyUnit) } ?? "—",
        ].joined(separator: ",")
    }
}

/// Workbooks a finance office's hands changed (issue 9 item 3): the Shanghai Putuo 财政局 2024 corpus text
/// written as a workbook (`TestWorkbooks.shanghaiFinance`), then edited with openpyxl.
@Suite("Workbook (XLSX) edits: blank rows, merged codes, dates, hidden and missing sheets")
struct WorkbookEditTests {
    @Test("the unedited workbook reads to the text's cells (Putuo 财政局 2024: 9 tables, 公开04 38 rows)")
    func unedited() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workbook = try DisclosureReader.read(path: TestWorkbooks.shanghaiFinance(edited: [], named: "", in: folder))
        let text = try Seed.readCorpus(Seed.shanghaiFinance)
        #expect(cellValues(workbook) == cellValues(text))
        #expect(workbook.tables.map(\.id) == text.tables.map(\.id))
        #expect(workbook.table(.appropriationSummary)?.rows.count == 38)
        #expect(workbook.problems.filter { $0.code.hasPrefix("workbook.") }.isEmpty)
    }

    @Test("blank rows inside 公开01, 03 and 04 (zeros left empty): skipped, the tables whole (公开04 38 rows, 总计 2,961.68)")
    func blankRowsInsideTables() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try TestWorkbooks.shanghaiFinance(
            edited: [
                "blank-zeros:公开01", "blank-zeros:公开03", "blank-zeros:公开04", "insert-row:公开01:20",
                "insert-row:公开03:12", "insert-row:公开04:21", "insert-row:公开04:30",
            ], named: "blank-rows.xlsx", in: folder)
        let workbook = try DisclosureReader.read(path: path)
        let text = try Seed.readCorpus(Seed.shanghaiFinance)
        #expect(cellValues(workbook) == cellValues(text))
        let fiscal = try #require(workbook.table(.appropriationSummary))
        #expect(fiscal.rows.count == 38)
        #expect(fiscal.rows.reduce(0) { $0 + $1.cells.count } == 125)
        let total = try #require(fiscal.rows.last)
        #expect(total.item == "总计" && total.cells.first?.value == Money(fen: 2_961_680_000))
        // 十五、商业服务业等支出, alone in its row (C25) after the blank row, is still a row of 公开04.
        #expect(fiscal.rows.contains { $0.item == "十五、商业服务业等支出" && $0.source.line == 25 })
        #expect(workbook.table(.expenditure)?.rows.reduce(0) { $0 + $1.cells.count } == 120)
    }
}
