import BudgetLensCore

/// Builds 公开01 and 公开04: a 收入 block and a 支出 block side by side, each with 项目, optionally 行次, and
/// amount columns. The blocks are found from the header row (`项目 | 行次 | 金额 | 项目 | 行次 | …`); 栏次
/// numbers are taken in order from the 栏次 row, which some documents print shifted.
struct SideBySideTableBuilder: TableBuilder {
    private struct Block {
        let name: String
        let labelPosition: Int
        let linePosition: Int?
        let amountPositions: [Int]
    }

    var building: TableBuilding
    let located: LocatedTable

    mutating func build() -> (columns: [TableColumn], rows: [TableRow]) {
        let grid = located.grid
        guard let headerIndex = grid.firstIndex(where: { $0.key(0) == "项目" }) else {
            building.record(
                "table.no-header", .error, "没有找到以“项目”开头的表头行，本表未读取 — no header row starting with 项目 was found; the table is not read",
                at: building.text.location(located.titleIndex))
            return ([], [])
        }
        let header = grid[headerIndex]
        let width = grid.commonWidth
        guard let split = (1..<header.width).first(where: { header.key($0) == "项目" }) else {
            building.record(
                "table.no-header", .error, "表头行没有支出部分的“项目”栏 — the header row does not show the 支出 block's 项目 column",
                at: building.text.location(header.index))
            return ([], [])
        }
        let blocks = [
            block("收入", from: 0, to: split, header: header),
            block("支出", from: split, to: width, header: header),
        ]
        let numbers = columnNumbers(for: blocks, in: grid)
        var columns: [TableColumn] = []
        var numberAt: [Int: Int] = [:]
        for (position, number) in zip(blocks.flatMap(\.amountPositions), numbers) {
            numberAt[position] = number
            columns.append(TableColumn(number: number, name: header.label(position)))
        }
        var rowsByBlock: [[TableRow]] = [[], []]
        var afterCarryOver = false
        for line in grid[(headerIndex + 1)...] where !isHeaderRow(line) && !line.isBlank {
            // A row too wide to place is kept unread (``TableRow/unread``): its sums are not checked, not taken as 0.00.
            let readable = building.checkWidth(of: line, expected: width)
            let recorded = building.problems.count
            defer { if !readable { building.dropProblems(after: recorded) } }
            for (blockIndex, block) in blocks.enumerated() {
                guard let placed = row(of: line, in: block, numberAt: numberAt, afterCarryOver: afterCarryOver)
                else { continue }
                let row = readable ? placed : placed.unread
                if blockIndex == 0, TextNormalization.key(row.item).contains("年初财政拨款结转和结余") {
                    afterCarryOver = true
                }
                rowsByBlock[blockIndex].append(row)
            }
        }
        return (columns, rowsByBlock[0] + rowsByBlock[1])
    }

    private func block(_ name: String, from start: Int, to end: Int, header: GridLine) -> Block {
        let hasLine = start + 1 < end && header.key(start + 1) == "行次"
        let firstAmount = start + (hasLine ? 2 : 1)
        return Block(
            name: name, labelPosition: start, linePosition: hasLine ? start + 1 : nil,
            amountPositions: Array(firstAmount..<max(firstAmount, end)))
    }

    /// The 栏次 numbers of the amount columns, in order: from the 栏次 row when it lists one number per
    /// amount column, else 1, 2, 3 …
    private mutating func columnNumbers(for blocks: [Block], in grid: [GridLine]) -> [Int] {
        let count = blocks.map(\.amountPositions.count).reduce(0, +)
        let sequential = (0..<count).map { $0 + 1 }
        guard let row = grid.first(where: \.isColumnNumberRow) else { return sequential }
        let printed = (0..<row.width).compactMap { Int(row.key($0)) }
        if printed.count == count { return printed }
        // Numbers printed against their headings above (`一般公共预算财政拨款3`: a 栏次 cell too narrow for both)
        // complete the row when every amount column then has its number, 1, 2, 3 … in order.
        let headings = grid.filter { $0.index < row.index }
        let completed = blocks.flatMap(\.amountPositions).compactMap { position in
            Int(row.key(position)) ?? TableBuilding.gluedColumnNumber(at: position, headerRows: headings)
        }
        if completed == sequential { return completed }
        building.record(
            "table.column-numbers", .warning,
            "栏次行列出 \(printed.count) 个编号，而金额栏有 \(count) 栏：栏次按 1–\(count) 编号 — "
                + "the 栏次 row lists \(printed.count) numbers for \(count) amount columns; columns are numbered 1–\(count)",
            at: building.text.location(row.index))
        return sequential
    }

    private func isHeaderRow(_ line: GridLine) -> Bool {
        let first = line.key(0)
        return first == "收入" || first == "项目" || first.hasBytePrefix("栏次")
    }

    private mutating func row(
        of line: GridLine, in block: Block, numberAt: [Int: Int], afterCarryOver: Bool
    ) -> TableRow? {
        let label = line.label(block.labelPosition)
        var printedLine: Int?
        if let position = block.linePosition, !line.isBlank(position) {
            printedLine = Int(line.key(position))
            if printedLine == nil {
                building.record(
                    "row.bad-line-number", .warning, "行次“\(line.label(position))”不是数字 — 行次 '\(line.label(position))' is not a number",
                    at: building.text.location(line, position: position))
            }
        }
        let hasAmount = block.amountPositions.contains { !line.isBlank($0) }
        guard !label.isEmpty || printedLine != nil || hasAmount else { return nil }
        if label.isEmpty, printedLine == nil,
            block.amountPositions.allSatisfy({ position in
                if case .invalid = Money.reading(line.field(position), unit: building.unit) { return true }
                return line.isBlank(position)
            })
        {
            // Words without a label or a number: the last lines of a wrapped header cell.
            building.record(
                "row.header-words", .info,
                "\(block.name)栏的文字“\(block.amountPositions.map { line.label($0) }.joined(separator: " "))”没有行名，按表头的一部分读取 — "
                    + "the \(block.name) block's words '\(block.amountPositions.map { line.label($0) }.joined(separator: " "))' "
                    + "have no row label; they read as part of the header",
                at: building.text.location(line.index))
            return nil
        }
        let cells = block.amountPositions.map { position in
            building.cell(column: numberAt[position] ?? 0, position: position, of: line)
        }
        var standardLine = printedLine
        if standardLine == nil, !label.isEmpty {
            standardLine = StandardRows.line(
                forLabel: label, in: building.table, isIncome: block.name == "收入", afterCarryOver: afterCarryOver)
            if standardLine == nil {
                building.record(
                    "row.unplaced", .warning,
                    "行“\(label)”没有行次，名称也不是本表的标准行 — the row '\(label)' has no 行次 and its label is not a standard row",
                    at: building.text.location(line, position: block.labelPosition))
            }
        }
        return TableRow(
            kind: .line, line: printedLine, standardLine: standardLine, code: nil, item: label, group: block.name,
            cells: cells,
            source: building.text.location(line, position: block.labelPosition))
    }
}
