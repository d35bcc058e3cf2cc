import BudgetLensCore

/// Builds 公开09, the 三公 table: one unlabelled row of twelve amounts, 栏次 1–6 预算数 and 7–12 决算数
/// (合计, 因公出国（境）费, 公务用车购置及运行维护费 小计, 公务用车购置费, 公务用车运行维护费, 公务接待费).
/// Fields map to 栏次 through the printed 栏次 row, not the header text (some headers lose a column name).
/// Shanghai's layout prints no 栏次 and pairs 预算数/决算数 under each item; it is mapped by that pairing.
struct SingleRowTableBuilder {
    /// The canonical column names, 栏次 1–12.
    static let columnNames: [String] = {
        let items = ["合计", "因公出国（境）费", "公务用车购置及运行维护费/小计", "公务用车购置及运行维护费/公务用车购置费",
            "公务用车购置及运行维护费/公务用车运行维护费", "公务接待费"]
        return items.map { "预算数/" + $0 } + items.map { "决算数/" + $0 }
    }()

    var building: TableBuilding
    let located: LocatedTable

    mutating func build() -> (columns: [TableColumn], rows: [TableRow]) {
        let columns = SingleRowTableBuilder.columnNames.enumerated().map {
            TableColumn(number: $0.offset + 1, name: $0.element)
        }
        let grid = located.grid
        let dataLines = grid.filter(isDataRow)
        guard let data = dataLines.first else {
            building.record(
                "table.no-data-row", .warning, "公开09 prints its header but no row of amounts",
                at: building.text.location(grid.last?.index ?? located.titleIndex))
            return (columns, [])
        }
        for extra in dataLines.dropFirst() {
            building.record(
                "row.unexpected", .warning, "公开09 has one row of amounts; this further row is not read",
                at: building.text.location(extra.index))
        }
        let numberAt = columnNumbers(grid: grid, data: data)
        var cells: [TableCell] = []
        for position in 0..<data.width {
            guard let number = numberAt[position] else {
                if !data.isBlank(position) {
                    building.record(
                        "cell.unplaced", .error, "the amount '\(data.label(position))' has no 栏次 and is not read",
                        at: building.text.location(data.index, field: data.field(position)))
                }
                continue
            }
            cells.append(building.cell(column: number, position: position, of: data))
        }
        let present = Set(cells.map(\.column))
        for number in 1...12 where !present.contains(number) {
            building.record(
                "cell.missing", .warning, "栏次 \(number) is missing from the row; it reads as blank",
                at: building.text.location(data.index))
            cells.append(TableCell(column: number, value: .zero, text: "", source: building.text.location(data.index)))
        }
        cells.sort { $0.column < $1.column }
        let row = TableRow(
            kind: .data, item: "", cells: cells, source: building.text.location(data.index, field: data.field(0)))
        return (columns, [row])
    }

    /// A row of amounts: not a 栏次 row, every non-blank field a number, at least one with a decimal point or
    /// more than two digits.
    private func isDataRow(_ line: GridLine) -> Bool {
        if line.isColumnNumberRow || line.isBlank { return false }
        var sawAmount = false
        for position in 0..<line.width where !line.isBlank(position) {
            let key = line.key(position)
            guard case .amount = Money.reading(key, unit: building.unit) else {
                if case .blank = Money.reading(key, unit: building.unit) { continue }
                return false
            }
            if key.containsText(".") || key.count > 2 { sawAmount = true }
        }
        return sawAmount || TableBuilding.columnNumbers(in: line) == nil
    }

    /// 栏次 by field position of the data row.
    private mutating func columnNumbers(grid: [GridLine], data: GridLine) -> [Int: Int] {
        if let pairs = grid.first(where: isBudgetActualPairRow) {
            var numbers: [Int: Int] = [:]
            for position in 0..<pairs.width {
                let item = position / 2
                guard item < 6 else { break }
                numbers[position] = (pairs.key(position) == "预算数" ? 1 : 7) + item
            }
            return numbers
        }
        if let row = grid.first(where: { TableBuilding.columnNumbers(in: $0)?.count == 12 }),
            let numbers = TableBuilding.columnNumbers(in: row)
        {
            return numbers
        }
        building.record(
            "table.column-numbers", .warning, "公开09 prints no 栏次 row; amounts are numbered 1–12 in order",
            at: building.text.location(data.index))
        return Dictionary(uniqueKeysWithValues: (0..<min(12, data.width)).map { ($0, $0 + 1) })
    }

    /// `预算数 | 决算数 | 预算数 | 决算数 …` (Shanghai).
    private func isBudgetActualPairRow(_ line: GridLine) -> Bool {
        guard line.width >= 12 else { return false }
        return (0..<12).allSatisfy { line.key($0) == ($0 % 2 == 0 ? "预算数" : "决算数") }
    }
}
