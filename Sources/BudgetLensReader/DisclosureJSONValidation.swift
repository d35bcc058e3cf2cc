import BudgetLensCore

/// The structural checks on a re-imported JSON export that decoding alone does not make: what the reader never
/// produces and the rules must not meet. Each refusal names the JSON path (`$.disclosure.tables[2].rows[5].cells[1]`).
enum DisclosureJSONValidation {
    /// The largest 栏次 number accepted (the widest public table has 12 columns).
    static let maximumColumn = 100

    /// The first structural error of `disclosure`, as a message starting with its JSON path; `nil` when there is none.
    ///
    /// Refused: a table id that appears twice; a 栏次 (`columns[].number`, `cells[].column`) below 1 or above
    /// ``maximumColumn``; a 行次 below 1; a cell whose `value` is not what its printed `text` reads as in the table's
    /// money unit (blank or a dash → 0; a number → that amount; anything else → no value).
    static func firstError(in disclosure: Disclosure) -> String? {
        var seen: [TableID: Int] = [:]
        for (tableIndex, table) in disclosure.tables.enumerated() {
            let tablePath = "$.disclosure.tables[\(tableIndex)]"
            if let first = seen[table.id] {
                return "\(tablePath).id: \(table.id.formID) appears twice (first at $.disclosure.tables[\(first)]) / 表重复"
            }
            seen[table.id] = tableIndex
            for (columnIndex, column) in table.columns.enumerated() where !(1...maximumColumn).contains(column.number) {
                return "\(tablePath).columns[\(columnIndex)].number: 栏次 \(column.number) is not between 1 and \(maximumColumn)"
            }
            let unit = table.moneyUnit ?? .wanYuan
            for (rowIndex, row) in table.rows.enumerated() {
                let rowPath = "\(tablePath).rows[\(rowIndex)]"
                for (name, line) in [("line", row.line), ("standardLine", row.standardLine)] {
                    if let line, line < 1 { return "\(rowPath).\(name): 行次 \(line) is not positive" }
                }
                for (cellIndex, cell) in row.cells.enumerated() {
                    let cellPath = "\(rowPath).cells[\(cellIndex)]"
                    guard (1...maximumColumn).contains(cell.column) else {
                        return "\(cellPath).column: 栏次 \(cell.column) is not between 1 and \(maximumColumn)"
                    }
                    if let disagreement = disagreement(cell, unit: unit) { return "\(cellPath): \(disagreement)" }
                }
            }
        }
        return nil
    }

    /// Why a cell's value is not what its text reads as, or `nil` when they agree.
    private static func disagreement(_ cell: TableCell, unit: MoneyUnit) -> String? {
        let expected: Money?
        switch Money.reading(cell.text, unit: unit) {
        case .blank: expected = .zero
        case .amount(let money): expected = money
        case .invalid: expected = nil
        }
        guard expected != cell.value else { return nil }
        let value = cell.value.map { "\($0.decimalString(in: .yuan)) 元" } ?? "none"
        let reading = expected.map { "\($0.decimalString(in: .yuan)) 元" } ?? "no amount"
        return "value \(value) disagrees with text '\(cell.text)', which reads as \(reading) in \(unit.rawValue) / 数值与文本不符"
    }
}
