import BudgetLensCore

/// Builds 公开09, the 三公 table: one unlabelled row of twelve amounts, 栏次 1–6 预算数 and 7–12 决算数
/// (合计, 因公出国（境）费, 公务用车购置及运行维护费 小计, 公务用车购置费, 公务用车运行维护费, 公务接待费).
/// Fields map to 栏次 through the printed 栏次 row, not the header text (some headers lose a column name).
/// Shanghai's layout prints no 栏次 and pairs 预算数/决算数 under each item; it is mapped by that pairing.
struct SingleRowTableBuilder: TableBuilder {
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
            // An empty table with its statement (`本表无数据`) is as it should be: nothing to record.
            if located.noDataStatement != nil { return (columns, []) }
            building.record(
                "table.no-data-row", .warning, "公开09 印有表头，但没有金额行 — 公开09 prints its header but no row of amounts",
                at: building.text.location(grid.last?.index ?? located.titleIndex))
            return (columns, [])
        }
        for extra in dataLines.dropFirst() {
            building.record(
                "row.unexpected", .warning, "公开09 只有一行金额，此后的这一行未读取 — 公开09 has one row of amounts; this further row is not read",
                at: building.text.location(extra.index))
        }
        let (numberAt, byHeader) = columnNumbers(grid: grid, data: data)
        var cells: [TableCell] = []
        for position in 0..<data.width {
            guard let number = numberAt[position] else {
                if !data.isBlank(position) {
                    building.record(
                        "cell.unplaced", .error,
                        "金额“\(data.label(position))”没有对应的栏次，未读取 — the amount '\(data.label(position))' has no 栏次 and is not read",
                        at: building.text.location(data, position: position))
                }
                continue
            }
            cells.append(building.cell(column: number, position: position, of: data))
        }
        let present = Set(cells.map(\.column))
        if byHeader {
            // A subset of the twelve columns, placed by their headers: the others are not printed, not blank.
            cells.sort { $0.column < $1.column }
            let row = TableRow(
                kind: .data, item: "", cells: cells, source: building.text.location(data, position: 0))
            return (columns.filter { present.contains($0.number) }, [row])
        }
        for number in 1...12 where !present.contains(number) {
            building.record(
                "cell.missing", .warning, "本行缺少栏次 \(number)，按空白读取 — 栏次 \(number) is missing from the row; it reads as blank",
                at: building.text.location(data.index))
            cells.append(TableCell(column: number, value: .zero, text: "", source: building.text.location(data.index)))
        }
        cells.sort { $0.column < $1.column }
        let row = TableRow(
            kind: .data, item: "", cells: cells, source: building.text.location(data, position: 0))
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

    /// 栏次 by field position of the data row, and whether they were placed by the header names (a table that
    /// prints a subset of the twelve columns, e.g. the four 决算 ones).
    private mutating func columnNumbers(grid: [GridLine], data: GridLine) -> ([Int: Int], Bool) {
        if let pairs = grid.first(where: isBudgetActualPairRow) {
            var numbers: [Int: Int] = [:]
            for position in 0..<pairs.width {
                let item = position / 2
                guard item < 6 else { break }
                numbers[position] = (pairs.key(position) == "预算数" ? 1 : 7) + item
            }
            return (numbers, false)
        }
        // The same pairs with blank fields between them (layout text): the twelve amounts in order.
        let amountPositions = (0..<data.width).filter { !data.isBlank($0) }
        if amountPositions.count == 12, let pairs = grid.first(where: isSpacedPairRow) {
            let labels = (0..<pairs.width).filter { !pairs.isBlank($0) }.map { pairs.key($0) }
            var numbers: [Int: Int] = [:]
            for (index, position) in amountPositions.enumerated() {
                numbers[position] = (labels[index] == "预算数" ? 1 : 7) + index / 2
            }
            return (numbers, false)
        }
        if let row = grid.first(where: { TableBuilding.columnNumbers(in: $0)?.count == 12 }),
            let numbers = TableBuilding.columnNumbers(in: row), amountPositions.allSatisfy({ numbers[$0] != nil })
        {
            return (numbers, false)
        }
        // A 栏次 row `1 … 12` (some numbers printed against the headings above: `公务用车运行维护费5`) whose fields do
        // not line up with the amounts' (a PDF printed by LibreOffice or Chromium): the twelve amounts, left to
        // right, are 栏次 1–12 — the order the row prints them in.
        // The twelve amounts left to right as 栏次 1–12 (a field left blank between them is no column).
        let inPrintedOrder =
            amountPositions.count == 12 ? Dictionary(uniqueKeysWithValues: amountPositions.enumerated().map { ($1, $0 + 1) }) : nil
        if let inPrintedOrder, printsAllColumnNumbers(grid: grid) { return (inPrintedOrder, false) }
        if let numbers = numbersByHeader(grid: grid, data: data) {
            let placed = numbers.sorted { $0.key < $1.key }.map { position, number in
                "'\(headerName(grid: grid, data: data, position: position))' → 栏次 \(number)"
            }
            building.record(
                "table.columns-by-header", .info,
                "公开09 只印出 12 栏中的 \(numbers.count) 栏，且没有栏次行：按表头归位（"
                    + placed.map { String($0.filter { $0 != "'" }) }.joined(separator: "，") + "）；未印出的栏不检查 — "
                    + "公开09 prints \(numbers.count) of the 12 columns and no 栏次 row; they are placed by their headers ("
                    + placed.joined(separator: ", ") + "); the columns it does not print are not checked",
                at: building.text.location(data.index))
            return (numbers, true)
        }
        building.record(
            "table.column-numbers", .warning,
            "公开09 没有栏次行：金额按顺序编为栏次 1–12 — 公开09 prints no 栏次 row; amounts are numbered 1–12 in order",
            at: building.text.location(data.index))
        // The amounts in order; a row of another width by field.
        if let inPrintedOrder { return (inPrintedOrder, false) }
        return (Dictionary(uniqueKeysWithValues: (0..<min(12, data.width)).map { ($0, $0 + 1) }), false)
    }

    /// Whether the header prints every 栏次 1–12: a row of numbers, completed by numbers printed against the
    /// headings above it (`公务用车购置费4`).
    private func printsAllColumnNumbers(grid: [GridLine]) -> Bool {
        guard let row = grid.first(where: { (TableBuilding.columnNumbers(in: $0)?.count ?? 0) >= 2 }),
            let printed = TableBuilding.columnNumbers(in: row)
        else { return false }
        var numbers = Array(printed.values)
        for line in grid where line.index < row.index && TableBuilding.columnNumbers(in: line) == nil {
            numbers += (0..<line.width).compactMap { TableBuilding.trailingColumnNumber(line.key($0)) }
        }
        return numbers.sorted() == Array(1...12)
    }

    /// 栏次 of a data row with fewer than twelve amounts, from the item names above each field (合计, 因公出国
    /// （境）费, 公务用车购置及运行（维护）费 or 小计, 公务用车购置费, 公务用车运行（维护）费, 公务接待费) and the
    /// 预算数/决算数 heading over them; without such a heading the amounts of a 决算表 are 决算数 (栏次 7–12).
    /// `nil` unless every amount gets a distinct 栏次.
    private func numbersByHeader(grid: [GridLine], data: GridLine) -> [Int: Int]? {
        let amounts = (0..<data.width).filter { !data.isBlank($0) }
        guard !amounts.isEmpty, amounts.count < 12 else { return nil }
        var numbers: [Int: Int] = [:]
        for position in amounts {
            guard let item = Self.item(named: headerName(grid: grid, data: data, position: position)) else { return nil }
            numbers[position] = (section(grid: grid, data: data, position: position) == "预算数" ? 1 : 7) + item
        }
        return Set(numbers.values).count == numbers.count ? numbers : nil
    }

    /// The lowest item name printed above `position` in the header rows (before the data row).
    private func headerName(grid: [GridLine], data: GridLine, position: Int) -> String {
        for line in grid.reversed() where line.index < data.index {
            let key = line.key(position)
            if !key.isEmpty, Self.item(named: key) != nil { return key }
        }
        return ""
    }

    /// `预算数` or `决算数` from the nearest heading at or left of `position` in a header row, else `决算数`.
    private func section(grid: [GridLine], data: GridLine, position: Int) -> String {
        for line in grid where line.index < data.index {
            let labels = (0...min(position, line.width - 1)).reversed().map { line.key($0) }
            if let label = labels.first(where: { $0 == "预算数" || $0 == "决算数" }) { return label }
        }
        return "决算数"
    }

    /// The item (0 合计 … 5 公务接待费) a header name stands for.
    static func item(named name: String) -> Int? {
        if name.containsText("接待") { return 5 }
        if name.containsText("出国") { return 1 }
        if name.containsText("购置及运行") || name == "小计" { return 2 }
        if name.containsText("购置费") { return 3 }
        if name.containsText("运行") { return 4 }
        if name.containsText("合计") { return 0 }
        return nil
    }

    /// `预算数 | | 决算数 | 预算数 …`: twelve alternating labels, blank fields between them allowed.
    private func isSpacedPairRow(_ line: GridLine) -> Bool {
        let labels = (0..<line.width).filter { !line.isBlank($0) }.map { line.key($0) }
        return labels.count == 12 && labels.enumerated().allSatisfy { $1 == ($0 % 2 == 0 ? "预算数" : "决算数") }
    }

    /// `预算数 | 决算数 | 预算数 | 决算数 …` (Shanghai).
    private func isBudgetActualPairRow(_ line: GridLine) -> Bool {
        guard line.width >= 12 else { return false }
        return (0..<12).allSatisfy { line.key($0) == ($0 % 2 == 0 ? "预算数" : "决算数") }
    }
}
