import BudgetLensCore
import Foundation

/// A sheet's cells as shown: for each row with a value, its cells' display texts by column.
struct SheetCells {
    /// The sheet's name (`公开05`); `nil` for a CSV file, whose cells are named `D12` alone.
    var name: String?
    /// Rows in ascending order, each with its cells in ascending column order; blank cells left out.
    var rows: [(row: Int, cells: [(column: Int, text: String)])]

    /// The provenance name of a cell: `公开05!D12`, or `D12`. A sheet name with spaces or punctuation is quoted
    /// as Excel quotes it (`'Sheet 1'!D12`).
    func cellName(row: Int, column: Int) -> String { cellPrefix + CellReference.name(row: row, column: column) }

    /// `公开05!`, `'Sheet 1'!`, or nothing for CSV.
    var cellPrefix: String {
        guard let name else { return "" }
        let plain = name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }
        return (plain ? name : "'" + name.replacingOccurrences(of: "'", with: "''") + "'") + "!"
    }
}

/// Turns sheets into the text the text reader reads — each table row a line of tab-separated fields, titles
/// and header lines (`部门：…`, `公开01表`, `金额单位：万元`) and prose as lines of their own — remembering for
/// every field the cell it came from. The same text parser then reads a workbook as it reads extracted text.
///
/// A row is a table row when it has two or more cells with a value, or one such cell and a table row directly
/// above or below it (a `合计` row of an empty table, a `栏次` row). A row whose cells are all titles or header
/// lines is written as one line per cell. Table rows run from the first to the last used column of their
/// block (consecutive table rows), so a blank cell is an empty field, as in extracted text. Gaps of missing
/// rows become one blank line; sheets are separated by a blank line.
struct WorkbookText {
    private(set) var lines: [String] = []
    private(set) var spans: [[(column: Int, location: SourceLocation)]] = []
    /// The number of sheets read.
    private(set) var sheetCount = 0

    /// The text: the lines joined by line feeds.
    var text: String { lines.joined(separator: "\n") }

    init(sheets: [SheetCells], file: String) {
        for sheet in sheets { append(sheet, file: file) }
    }

    private enum Kind {
        case blank, grid, plain, headerCells
    }

    private mutating func append(_ sheet: SheetCells, file: String) {
        if !lines.isEmpty { addLine("", []) }
        sheetCount += 1
        let prefix = sheet.cellPrefix
        func location(_ row: Int, _ column: Int) -> SourceLocation {
            SourceLocation(file: file, line: row, column: column, cell: prefix + CellReference.name(row: row, column: column))
        }
        let rows = sheet.rows.map { row in
            (row: row.row, cells: row.cells.map { (column: $0.column, text: WorkbookText.clean($0.text)) }
                .filter { !$0.text.isEmpty })
        }
        // A sheet named for a table whose rows never print the title: the name stands as the title.
        if let name = sheet.name, TableTitles.table(named: name) != nil,
            !rows.contains(where: { $0.cells.contains { TableTitles.table(named: $0.text) != nil } })
        {
            addLine(name, [(1, SourceLocation(file: file, line: 0, column: 0, cell: name + " (sheet name)"))])
        }
        var kinds = rows.map { row -> Kind in
            if row.cells.isEmpty { return .blank }
            if row.cells.allSatisfy({ WorkbookText.isHeaderText($0.text) }) {
                return row.cells.count == 1 ? .plain : .headerCells
            }
            return row.cells.count >= 2 ? .grid : .plain
        }
        // The previous and next rows with a value (blank rows skipped: a blank row inside a table is no end).
        func previousFilled(_ index: Int) -> Int? {
            var index = index - 1
            while index >= 0, kinds[index] == .blank { index -= 1 }
            return index >= 0 ? index : nil
        }
        func nextFilled(_ index: Int) -> Int? {
            var index = index + 1
            while index < rows.count, kinds[index] == .blank { index += 1 }
            return index < rows.count ? index : nil
        }
        // A single cell next to a table row is part of the table, as is one after blank rows below a table row (a
        // blank row inside a table) — unless it is a 注 note or prose, which ends the table: else a 注 right under
        // the 合计 row joined the table, and every line of a sheet holding the whole document after it (the 情况说明,
        // each line right under the one before) became rows of 公开08.
        for index in kinds.indices where kinds[index] == .plain && !WorkbookText.isHeaderText(rows[index].cells[0].text) {
            guard WorkbookText.continuesTable(rows[index].cells[0].text) else { continue }
            let above = index > 0 && rows[index - 1].row == rows[index].row - 1 && kinds[index - 1] == .grid
            let below =
                index + 1 < rows.count && rows[index + 1].row == rows[index].row + 1 && kinds[index + 1] == .grid
            let afterGap = previousFilled(index).map { kinds[$0] == .grid } == true
            if above || below || afterGap { kinds[index] = .grid }
        }
        // Blocks of table rows — consecutive, or apart by blank rows only — share their column span; the blank
        // rows inside a block are left out, as the text reader skips blank lines inside a table.
        var bounds = [(first: Int, last: Int)](repeating: (0, 0), count: rows.count)
        var block = [Int](repeating: -1, count: rows.count)
        var start = 0
        while start < rows.count {
            guard kinds[start] == .grid else {
                start += 1
                continue
            }
            var end = start
            while let next = nextFilled(end), kinds[next] == .grid { end = next }
            let columns = rows[start...end].flatMap { $0.cells.map(\.column) }
            let span = (columns.min() ?? 1, columns.max() ?? 1)
            for index in start...end {
                bounds[index] = span
                block[index] = start
            }
            start = end + 1
        }
        var previousRow: Int?
        var previousBlock = -1
        for (index, row) in rows.enumerated() {
            let inBlock = block[index] >= 0 && block[index] == previousBlock
            if let previousRow, row.row > previousRow + 1, !inBlock { addLine("", []) }
            previousRow = row.row
            previousBlock = block[index]
            switch kinds[index] {
            case .blank:
                if block[index] < 0 { addLine("", []) }
            case .plain:
                let cell = row.cells[0]
                for part in cell.text.split(separator: "\n", omittingEmptySubsequences: false) {
                    addLine(String(part), [(1, location(row.row, cell.column))])
                }
            case .headerCells:
                for cell in row.cells { addLine(cell.text, [(1, location(row.row, cell.column))]) }
            case .grid:
                var text = ""
                var lineSpans: [(column: Int, location: SourceLocation)] = []
                var scalars = 0
                var cells = row.cells[...]
                for column in bounds[index].first...bounds[index].last {
                    if column > bounds[index].first {
                        text += "\t"
                        scalars += 1
                    }
                    lineSpans.append((scalars + 1, location(row.row, column)))
                    if let cell = cells.first, cell.column == column {
                        let field =
                            cell.text.utf8.contains(0x0A) ? cell.text.replacingOccurrences(of: "\n", with: " ") : cell.text
                        text += field
                        scalars += field.unicodeScalars.count
                        cells = cells.dropFirst()
                    }
                }
                if bounds[index].first == bounds[index].last { text += "\t" }  // one field still reads as a row
                addLine(text, lineSpans)
            }
        }
    }

    private mutating func addLine(_ text: String, _ lineSpans: [(column: Int, location: SourceLocation)]) {
        lines.append(text)
        spans.append(lineSpans)
    }

    /// A title or header line: `收入支出决算总表`, `公开01表`, `部门：…`, `金额单位：万元`.
    private static func isHeaderText(_ text: String) -> Bool {
        // Titles and header lines are short: prose cells are not normalised to find out.
        guard text.utf8.count <= 200, !text.utf8.contains(0x0A) else { return false }
        // Every title ends in 表; every header line has 表 (`公开01表`) or a colon (`部门：`, `单位:`).
        guard text.containsText("表") || text.containsText("：") || text.utf8.contains(UInt8(ascii: ":")) else {
            return false
        }
        return TableTitles.table(named: text) != nil || TableHeaderLine(Substring(text)) != nil
    }

    /// Whether a single cell after blank rows below a table row continues the table (`十五、商业服务业等支出`):
    /// not a 注 note (`注：…`, `说明：…`, `本单位没有…，故本表无数据`) nor prose (a sentence: `。`, `，`), which end it.
    /// A row label is short (a 项 name, 40 characters at most) and has no sentence punctuation.
    private static func continuesTable(_ text: String) -> Bool {
        guard text.count <= 40, !text.utf8.contains(0x0A) else { return false }
        for mark in ["。", "，", ",", "；", ";", "本表", "无数据"] where text.containsText(mark) { return false }
        return !(text.hasPrefix("注") || text.hasPrefix("说明") || text.hasPrefix("备注") || text.hasPrefix("数据来源"))
    }

    /// The cell text with tabs and carriage returns made spaces and line feeds, outer whitespace trimmed.
    private static func clean(_ text: String) -> String {
        var text = text
        if text.utf8.contains(0x0D) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        if text.utf8.contains(0x09) { text = text.replacingOccurrences(of: "\t", with: " ") }
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
            first.properties.isWhitespace || last.properties.isWhitespace
        else { return text }  // no whitespace at either end (the common case): nothing to trim
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
