import BudgetLensCore

/// A table of a layout text aligned by GBK bytes (``ColumnMeasure/displayWidth``) whose amount columns hold
/// 科目名称 words has had its label columns and amount columns confused: pdftotext's GBK grid places each
/// fragment after the widest one to its left on the whole page (a Chinese character counts two columns there),
/// so on some pages the 科目编码 (类 款 项) fragments drift under the 科目名称 heading and the names under
/// 栏次 1's, and the row `201 06 财政事务 2,106.66 1,503.52` is read as code 201, item `06`, 栏次 2 `财政事务`.
/// The text alone cannot tell which of the two placements the page means (the names in their column or in the
/// amount column), so the table is not read — a wrong cell is worse than none — and one
/// `table.not-understood` warning names both; the table stays present (F-READ reports it, the 目录 rule does
/// not call it missing). Applied only to display-width texts; every other input reads as before.
enum GBKDriftedColumns {
    /// Removes every table with a Chinese word read in an amount column, recording the warning for it and
    /// dropping that table's `cell.not-a-number` errors (the cells are not read at all).
    static func refuse(in disclosure: inout Disclosure) {
        var kept: [PublicTable] = []
        var refused: Set<TableID> = []
        var notes: [ReadProblem] = []
        for table in disclosure.tables {
            guard let (row, cell) = nameInAmountColumn(of: table) else {
                kept.append(table)
                continue
            }
            refused.insert(table.id)
            let code = row.code.map { " (科目编码 \($0))" } ?? ""
            notes.append(
                ReadProblem(
                    code: Disclosure.notUnderstoodTableProblem, severity: .warning,
                    message: "\(table.id.formID) \(table.id.canonicalTitle): 栏次 \(cell.column) holds the name "
                        + "'\(cell.text)'\(code) — in this GBK-aligned text the 科目编码/科目名称 columns and the "
                        + "amount columns cannot be told apart (either the name stands in its own column and the "
                        + "amounts one column further, or 栏次 \(cell.column) is blank); the table is not read "
                        + "(GBK对齐的版面文本无法区分科目名称列与金额列，本表未读取)",
                    table: table.id, source: cell.source))
        }
        guard !refused.isEmpty else { return }
        disclosure.tables = kept
        disclosure.problems = disclosure.problems.filter { problem in
            !(problem.code == "cell.not-a-number" && problem.table.map(refused.contains) == true)
        } + notes
    }

    /// The first row and cell of `table` whose amount cell holds a Chinese character (a 科目名称, not an
    /// amount); `nil` when there is none.
    static func nameInAmountColumn(of table: PublicTable) -> (TableRow, TableCell)? {
        for row in table.rows {
            for cell in row.cells where cell.value == nil {
                if cell.text.unicodeScalars.contains(where: { (0x4E00...0x9FFF).contains($0.value) }) {
                    return (row, cell)
                }
            }
        }
        return nil
    }
}
