import BudgetLensCore

/// An amount cell merged across several amount cells (`公开05!C12:D12`: 栏1 and 栏2 of one row, or one 栏 over
/// several rows).
///
/// In a workbook a merged range's value is in its top-left cell only; the other cells of the range are blank and
/// would read as 0.00 — an amount the document never gave. The top-left cell is read as stored; every other
/// cell of the range is "not read": it holds ``placeholder``, which the table reader refuses as an amount (so
/// the sums over it are not checked, as for any cell not read), and a `workbook.merged-amount` warning names
/// the range. ``WorkbookReader`` then drops the table reader's `cell.not-a-number` error for those cells: the
/// warning says why. Follows ``MergedCodes`` (merged code cells). DOMAIN §2 (one amount per 行次 and 栏次).
enum MergedAmounts {
    /// The text a covered cell is read as: no amount, no label (the reader's `cell.not-a-number` for it is
    /// replaced by the merge's warning).
    static let placeholder = "〔合并单元格〕"

    /// The most cells of one range marked not read (a disclosure's widest table has a few dozen columns).
    static let maximumCoveredCells = 10_000

    static func apply(_ merges: [String], to sheet: inout SheetCells, file: String, problems: inout [ReadProblem]) {
        // Only on a sheet holding one of the nine tables (amounts); elsewhere a merged number is left as stored.
        guard sheet.rows.contains(where: { $0.cells.contains { TableTitles.table(named: $0.text) != nil } }) else {
            return
        }
        var index: [Int: Int] = [:]
        for (position, row) in sheet.rows.enumerated() { index[row.row] = position }
        func text(_ row: Int, _ column: Int) -> String? {
            guard let position = index[row] else { return nil }
            return sheet.rows[position].cells.first { $0.column == column }?.text
        }
        for merge in merges.prefix(MergedCodes.maximumRanges) {
            let ends = merge.split(separator: ":").map(String.init)
            guard ends.count == 2, let top = CellReference.parse(ends[0]), let bottom = CellReference.parse(ends[1]),
                bottom.column >= top.column, bottom.row >= top.row,
                bottom.column > top.column || bottom.row > top.row,
                let value = text(top.row, top.column), isAmount(value)
            else { continue }
            let rowCount = bottom.row - top.row + 1
            let columnCount = bottom.column - top.column + 1
            guard rowCount * columnCount <= maximumCoveredCells else { continue }
            let place = sheet.cellPrefix + merge
            let covered = rowCount * columnCount - 1
            problems.append(
                ReadProblem(
                    code: "workbook.merged-amount", severity: .warning,
                    message: "金额单元格 \(place) 合并了 \(rowCount * columnCount) 个金额单元格：只读取左上角的 "
                        + "\(value)，其余 \(covered) 个单元格未读取（不作 0.00），涉及它们的合计未核对 — the amount cell "
                        + "\(place) is merged over \(rowCount * columnCount) amount cells: only its top-left \(value) is "
                        + "read; the other \(covered) cells are not read (not 0.00) and the sums over them are not "
                        + "checked (unmerge it and give each cell its amount)",
                    source: SourceLocation(
                        file: file, line: top.row, column: top.column, cell: sheet.cellName(row: top.row, column: top.column))))
            for row in top.row...bottom.row {
                guard let position = index[row] else { continue }
                for column in top.column...bottom.column where !(row == top.row && column == top.column) {
                    sheet.rows[position].cells.removeAll { $0.column == column }
                    sheet.rows[position].cells.append((column, placeholder))
                }
                sheet.rows[position].cells.sort { $0.column < $1.column }
            }
        }
    }

    /// A number as an amount cell holds it, with its decimals (`958.64`, `1,234.00`, `-12.50`); not a blank, a
    /// dash, nor a whole number (a 栏次 `5` or a code `201` merged in a header or code column).
    private static func isAmount(_ text: String) -> Bool {
        if case .amount = Money.reading(text, unit: .wanYuan), text.contains(".") { return true }
        return false
    }
}
