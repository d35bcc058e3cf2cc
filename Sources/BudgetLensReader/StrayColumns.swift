import BudgetLensCore

/// The safety net under every reading: a table's cells must stand in 栏次 its own header has. A cell in a 栏次 the
/// header does not number, or beyond the most its form has (DOMAIN §1.4–1.12: 公开01 2, 02 7, 03 6, 04 5, 05 3,
/// 06 1, 07 6, 08 6 — Shanghai's six-column 公开08 —, 09 12), means the grid was misread: a label read as an amount,
/// amounts shifted a column to the right, a heading taken for one more column. Such a table is not read — a wrong
/// cell is worse than none — and an error (`table.not-understood`, so F-READ reports it and the 目录 rule does not
/// call it missing) names the table, the row and the stray 栏次.
enum StrayColumns {
    /// The most 栏次 a table of this kind has in any form read (DOMAIN §1.4–1.12).
    static func formColumnCount(_ id: TableID) -> Int {
        switch id {
        case .incomeExpenditureSummary: 2
        case .income: 7
        case .expenditure: 6
        case .appropriationSummary: 5
        case .generalBudgetExpenditure: 3
        case .generalBudgetBasicExpenditure: 1
        case .governmentFund: 6
        case .stateCapital: 6
        case .threePublicExpenses: 12
        }
    }

    /// The 栏次 a cell of `table` may stand in: those its header numbers (all of 1…the form's count when no header
    /// columns were recorded), none beyond the form's count.
    static func allowedColumns(of table: PublicTable) -> Set<Int> {
        let form = Set(1...formColumnCount(table.id))
        guard !table.columns.isEmpty else { return form }
        return form.intersection(table.columns.map(\.number))
    }

    /// The first cell of `table` in a 栏次 not allowed (``allowedColumns(of:)``), with its row; `nil` when every
    /// cell fits.
    static func strayCell(in table: PublicTable) -> (row: TableRow, cell: TableCell)? {
        let allowed = allowedColumns(of: table)
        for row in table.rows {
            if let cell = row.cells.first(where: { !allowed.contains($0.column) }) { return (row, cell) }
        }
        return nil
    }

    /// Removes every table with a cell in a stray 栏次 and records `table.not-understood` for it.
    static func refuse(in disclosure: inout Disclosure) {
        guard disclosure.tables.contains(where: { strayCell(in: $0) != nil }) else { return }
        var kept: [PublicTable] = []
        for table in disclosure.tables {
            guard let (row, cell) = strayCell(in: table) else {
                kept.append(table)
                continue
            }
            let allowed = allowedColumns(of: table).sorted()
            let columns = allowed.isEmpty ? "无" : allowed.map(String.init).joined(separator: "、")
            let englishColumns = allowed.isEmpty ? "none" : allowed.map(String.init).joined(separator: ", ")
            let name = [row.code, row.item.isEmpty ? nil : row.item].compactMap { $0 }.joined(separator: " ")
            let shown = cell.text.isEmpty ? "（空白）" : cell.text
            let englishShown = cell.text.isEmpty ? "(blank)" : cell.text
            let rowName = name.isEmpty ? (row.line.map { "行次 \($0)" } ?? "第一行") : name
            let englishRowName = name.isEmpty ? (row.line.map { "行次 \($0)" } ?? "the first row") : name
            disclosure.problems.append(
                ReadProblem(
                    code: Disclosure.notUnderstoodTableProblem, severity: .error,
                    message: "\(table.id.formID) \(table.id.canonicalTitle)：行“\(rowName)”在栏次 \(cell.column) 读出单元格"
                        + "“\(shown)”，而本表只有栏次 \(columns)（表头与表式所列），栏次读错，本表未读取 — "
                        + "the row '\(englishRowName)' has a cell '\(englishShown)' in 栏次 \(cell.column), where the "
                        + "table has only 栏次 \(englishColumns) (its header and form): the columns are misread; the "
                        + "table is not read",
                    table: table.id, source: cell.source))
        }
        disclosure.tables = kept
    }
}
