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

    @Test("a sheet formatted 220,000 rows below its data (11.6 MB of XML on one line, beyond libxml2's 10 MB lookup): read (tester 27-11)")
    func sheetOverTenMegabytes() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try TestWorkbooks.shanghaiFinance(
            edited: ["pad-rows:xl/worksheets/sheet3.xml:220000"], named: "padded.xlsx", in: folder)
        let workbook = try DisclosureReader.read(path: path)
        #expect(cellValues(workbook) == cellValues(try Seed.readCorpus(Seed.shanghaiFinance)))
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

    @Test("a 类 code merged down over its 款/项 rows (公开02!A9:A14 = 201): the 类 spans them, the same cells as the text")
    func mergedClassCode() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try TestWorkbooks.shanghaiFinance(
            edited: ["clear:公开02:A10:A14", "merge:公开02:A9:A14"], named: "merged-code.xlsx", in: folder)
        let workbook = try DisclosureReader.read(path: path)
        #expect(cellValues(workbook) == cellValues(try Seed.readCorpus(Seed.shanghaiFinance)))
        let income = try #require(workbook.table(.income))
        #expect(income.rows.first { $0.item == "行政运行" }?.code == "2010601")
        #expect(workbook.problems.filter { $0.code == "workbook.merged-code" }.isEmpty)
    }

    @Test("a code merged down over rows without their own codes: a warning naming the range, no code made up")
    func mergedCodeOverCodelessRows() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try TestWorkbooks.shanghaiFinance(
            edited: ["clear:公开02:A10:C14", "merge:公开02:A9:A14"], named: "merged-codeless.xlsx", in: folder)
        let workbook = try DisclosureReader.read(path: path)
        let merged = workbook.problems.filter { $0.code == "workbook.merged-code" }
        #expect(merged.map { $0.source.cell } == ["公开02!A9"])
        #expect(merged.first?.message.contains("公开02!A9:A14 向下合并了 6 行") == true)
        let income = try #require(workbook.table(.income))
        #expect(income.rows.first { $0.item == "行政运行" }?.code == nil)
        #expect(income.rows.first { $0.item == "一般公共服务支出" }?.code == "201")
        #expect(!income.rows.contains { $0.code == "201" && $0.item != "一般公共服务支出" })
    }

    @Test("a date in an amount cell (公开02!H9 = 2024-01-01): not an amount (a date), never its serial 45292")
    func dateInAmountCell() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try TestWorkbooks.shanghaiFinance(edited: ["date:公开02:H9:2024-01-01"], named: "date.xlsx", in: folder)
        let workbook = try DisclosureReader.read(path: path)
        let dates = workbook.problems.filter { $0.code == "workbook.date-cell" }
        #expect(dates.map { $0.source.cell } == ["公开02!H9"])
        #expect(dates.first?.message.hasPrefix("单元格不是金额（日期）：公开02!H9 为日期格式，存储 45292，显示为 2024-01-01") == true)
        let row = try #require(workbook.table(.income)?.rows.first { $0.code == "201" })
        #expect(row.cell(4)?.value == nil)
        #expect(!cellValues(workbook).contains { $0.contains("45292") })
        // Said once, by the date warning (docs/duplicate-and-merged-cells.md): no cell.not-a-number error besides.
        #expect(!workbook.problems.contains { $0.source.cell == "公开02!H9" && $0.severity == .error })
    }

    @Test(
        "a hidden table sheet (公开03) and a sheet whose part is missing (公开05): present, not read — never missing",
        arguments: [("hide:公开03", TableID.expenditure), ("drop-part:xl/worksheets/sheet6.xml", TableID.generalBudgetExpenditure)])
    func sheetNotRead(edit: String, id: TableID) throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try TestWorkbooks.shanghaiFinance(edited: [edit], named: "not-read.xlsx", in: folder)
        let workbook = try DisclosureReader.read(path: path)
        #expect(workbook.notUnderstoodTables == [id])
        #expect(workbook.table(id) == nil)
        #expect(workbook.tables.count == 8)
        #expect(workbook.missingTables.isEmpty)
        let problem = try #require(workbook.problems.first { $0.code == Disclosure.notUnderstoodTableProblem })
        #expect(problem.severity == .error && problem.source.cell == "\(id.formID) (sheet)")
        #expect(problem.message.contains("（存在，未读取）"))
        #expect(!workbook.problems.contains { $0.code == "workbook.missing-sheet" || $0.code == "workbook.hidden-sheet" })
        // The other tables read as in the text.
        let text = try Seed.readCorpus(Seed.shanghaiFinance)
        #expect(cellValues(workbook) == cellValues(text).filter { !$0.hasPrefix(id.rawValue + ",") })
    }

    @Test("a second sheet of 公开02 (a copy): only the first read, a warning naming both; 9 tables, the text's cells")
    func duplicateTableSheet() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try TestWorkbooks.shanghaiFinance(edited: ["copy:公开02"], named: "copy.xlsx", in: folder)
        let workbook = try DisclosureReader.read(path: path)
        #expect(workbook.tables.count == 9)
        #expect(cellValues(workbook) == cellValues(try Seed.readCorpus(Seed.shanghaiFinance)))
        let duplicates = workbook.problems.filter { $0.code == "table.duplicate" }
        #expect(duplicates.map { $0.source.cell } == ["'公开02 Copy'!A2"])
        #expect(duplicates.first?.message.hasPrefix("公开02 又见于 '公开02 Copy'!A2，只读取第一份（公开02!A2）") == true)
    }

    @Test("sheets in reverse order: the cover found by its content — title, unit and year as in the text; the same cells")
    func reversedSheets() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workbook = try DisclosureReader.read(
            path: TestWorkbooks.shanghaiFinance(edited: ["reverse"], named: "reversed.xlsx", in: folder))
        let plain = try DisclosureReader.read(path: TestWorkbooks.shanghaiFinance(edited: [], named: "", in: folder))
        #expect(workbook.header.title == plain.header.title)
        #expect(workbook.header.unitName == "上海市普陀区财政局")
        #expect(workbook.header.year == 2024)
        #expect(cellValues(workbook).sorted() == cellValues(try Seed.readCorpus(Seed.shanghaiFinance)).sorted())
    }
}
