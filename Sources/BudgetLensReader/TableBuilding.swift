import BudgetLensCore

/// A builder of one table shape (``TableShape``): from the located table's lines to its 栏次 columns and rows,
/// recording what it could not read in ``building``. One per shape: ``SideBySideTableBuilder`` (公开01, 04),
/// ``FunctionalTableBuilder`` (02, 03, 05, 07, 08 by code), ``EconomicTableBuilder`` (06),
/// ``SingleRowTableBuilder`` (09, one row); ``TextDisclosureParser`` picks it by ``TableID/shape``.
protocol TableBuilder {
    /// A builder for `located`, reading cells through `building`.
    init(building: TableBuilding, located: LocatedTable)
    /// The text, unit and the problems recorded so far.
    var building: TableBuilding { get }
    /// The table's columns and rows.
    mutating func build() -> (columns: [TableColumn], rows: [TableRow])
}

/// What the table builders share: the text, the table's money unit, and the problems they record.
struct TableBuilding {
    let text: SourceText
    let table: TableID
    let unit: MoneyUnit
    private(set) var problems: [ReadProblem] = []

    init(text: SourceText, table: TableID, unit: MoneyUnit) {
        self.text = text
        self.table = table
        self.unit = unit
    }

    /// Reads the amount cell of 栏次 `column` from the field at `position` of `line`.
    mutating func cell(column: Int, position: Int, of line: GridLine) -> TableCell {
        let field = line.field(position)
        let source =
            position < line.width ? text.location(line, position: position) : text.location(line.index)
        let printed = field.trimmedSpaces()
        let reading = Money.reading(printed, unit: unit)
        switch reading {
        case .blank:
            return TableCell(column: column, value: .zero, text: printed, source: source)
        case .amount(let money):
            return TableCell(column: column, value: money, text: printed, source: source)
        case .invalid where reading.isOutOfRange:
            record(
                "cell.out-of-range", .error,
                "栏次 \(column)：“\(printed)”超出可表示的金额范围（大于 100 万亿元 = 10^16 分，BudgetLens 可读取的最大金额），"
                    + "该单元格没有值 — 栏次 \(column): '\(printed)' is an amount out of range (above 100 万亿元 = 10^16 分, the largest "
                    + "amount BudgetLens reads); the cell is left without a value",
                at: source)
            return TableCell(column: column, value: nil, text: printed, source: source)
        case .invalid(let reason):
            record(
                "cell.not-a-number", .error,
                "栏次 \(column)：“\(printed)”不是金额（\(reading.chineseReason ?? reason)），该单元格没有值 — "
                    + "栏次 \(column): '\(printed)' is not an amount (\(reason)); the cell is left without a value",
                at: source)
            return TableCell(column: column, value: nil, text: printed, source: source)
        }
    }

    /// Records a problem in this table.
    mutating func record(_ code: String, _ severity: Severity, _ message: String, at source: SourceLocation) {
        problems.append(ReadProblem(code: code, severity: severity, message: message, table: table, source: source))
    }

    /// Forgets the problems recorded after the first `count`: what reading the cells of a row kept unread
    /// (``TableRow/unread``) found in them, which the row's `row.too-wide` error already covers.
    mutating func dropProblems(after count: Int) {
        problems.removeSubrange(min(count, problems.count)...)
    }

    /// Checks a row's width against the table's: extra blank fields are harmless; missing fields read as blank
    /// with a warning; extra non-blank fields make the row unreadable.
    ///
    /// - Returns: `false` when the row must be skipped.
    mutating func checkWidth(of line: GridLine, expected: Int) -> Bool {
        if line.width == expected { return true }
        let source = text.location(line.index)
        if line.width > expected {
            if (expected..<line.width).allSatisfy({ line.isBlank($0) }) { return true }
            record(
                "row.too-wide", .error,
                "本行有 \(line.width) 个单元格，而本表有 \(expected) 栏：本行金额未读取，以免放错栏次，涉及本行的勾稽关系不予核对 — "
                    + "the row has \(line.width) cells where the table has \(expected); its amounts are not read, "
                    + "to avoid placing a number in the wrong column, and the identities that need them are not checked",
                at: source)
            return false
        }
        record(
            "row.too-narrow", .warning,
            "本行有 \(line.width) 个单元格，而本表有 \(expected) 栏：缺少的单元格按空白读取 — "
                + "the row has \(line.width) cells where the table has \(expected); the missing cells read as blank",
            at: source)
        return true
    }

    /// The 栏次 numbers of a column-number row (`栏次 | | 1 | 2 …`, `| | 栏次 | | 1 | 2 …` or `| | 1 | 2 …`) by
    /// field position, or `nil` when the line is not one: every non-blank field but a `栏次` before the numbers
    /// is a small whole number.
    static func columnNumbers(in line: GridLine) -> [Int: Int]? {
        var numbers: [Int: Int] = [:]
        for position in 0..<line.width {
            let key = line.key(position)
            // `栏次` heads the row; a PDF's header may put it in a later field (`| 科目编码 | 栏次 | 科目名称 |`).
            if key.isEmpty || (key == "栏次" && numbers.isEmpty) { continue }
            guard key.utf8.count <= 2, let number = Int(key), number > 0 else { return nil }
            numbers[position] = number
        }
        return numbers.count >= 1 ? numbers : nil
    }

    /// The 栏次 glued to the end of a heading at `position` (`基本支出4` → 4, `公务用车运行维护费5` → 5: a 栏次 cell
    /// too narrow for both, or a layout text's heading line run into the 栏次 line), from the lowest header row up.
    static func gluedColumnNumber(at position: Int, headerRows: [GridLine]) -> Int? {
        for row in headerRows.reversed() where columnNumbers(in: row) == nil {
            if let number = trailingColumnNumber(row.key(position)) { return number }
        }
        return nil
    }

    /// The one- or two-digit number ending a heading (`公务用车购置费4` → 4), `nil` for a bare number or none.
    static func trailingColumnNumber(_ key: String) -> Int? {
        let digits = key.reversed().prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 2, digits.count < key.count, let number = Int(String(digits.reversed())),
            number > 0
        else { return nil }
        return number
    }
}

extension GridLine {
    /// True when the first field is `栏次` (a column-number row, possibly with its numbers on another line).
    var isColumnNumberRow: Bool { key(0).hasPrefix("栏次") }
}
