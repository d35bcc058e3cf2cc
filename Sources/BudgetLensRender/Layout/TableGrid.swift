import BudgetLensCore

/// A public table laid out as its official form (DOMAIN §1.2–1.12), independent of the output format: the lines
/// above the table, the header as a grid of merged cells, the body rows, and the 注 lines. The HTML and XLSX
/// writers both draw this grid, so the two agree cell for cell.
public struct TableGrid: Hashable, Sendable {
    /// The table.
    public var id: TableID
    /// The title as the model has it (the canonical title when the model's is empty).
    public var title: String
    /// `公开01表`.
    public var formLabel: String
    /// `部门：烟台市医疗保障局` (or `单位：…`), empty when the unit is unknown.
    public var unitLine: String
    /// `金额单位：万元`.
    public var moneyUnitLine: String
    /// The unit the amounts are printed in.
    public var moneyUnit: MoneyUnit
    /// The number of grid columns.
    public var width: Int
    /// The header rows, top to bottom; each cell spans `rowSpan` × `columnSpan` grid cells.
    public var header: [[GridCell]]
    /// The body rows; each lists its cells left to right (spans as in the header).
    public var body: [[GridCell]]
    /// The 注 lines, then the table's no-data statement, verbatim from the model.
    public var notes: [String]
    /// The grid columns that hold classification codes (科目编码), printed flush left like the 合计 label that
    /// spans them.
    public var codeColumns: Set<Int> = []
}

/// One cell of a ``TableGrid``.
public struct GridCell: Hashable, Sendable {
    /// What the cell shows.
    public enum Content: Hashable, Sendable {
        /// A label (header text, row label, code, 行次, 栏次 number).
        case text(String)
        /// An amount: `value` nil when the source text was not a number (then `text` is shown as printed).
        case amount(Money?, text: String)
        /// Nothing (a blank filler cell).
        case empty
    }

    /// The role of the cell, for accessibility (`th scope=…`) and styling.
    public enum Role: Hashable, Sendable {
        /// A column header (`th scope="col"` or `colgroup` when it spans columns).
        case columnHeader
        /// The label of a body row (`th scope="row"`).
        case rowHeader
        /// A data cell (`td`).
        case data
    }

    /// The content.
    public var content: Content
    /// The role.
    public var role: Role
    /// Grid rows covered (≥ 1).
    public var rowSpan: Int = 1
    /// Grid columns covered (≥ 1).
    public var columnSpan: Int = 1
    /// For an amount cell: the model's row and 栏次 it shows (`nil` for labels, fillers and 公开09's blanks), so a
    /// caller can mark the cell a finding names (the web's document page). Not drawn by the writers.
    public var origin: Origin? = nil

    /// The model cell an amount grid cell shows: its row (by position in ``PublicTable/rows`` and the row's 行次,
    /// standard 行次, code and label) and its 栏次.
    public struct Origin: Hashable, Sendable {
        /// The row's index in the table's `rows`.
        public var rowIndex: Int
        /// The printed 行次.
        public var line: Int?
        /// The standard 行次.
        public var standardLine: Int?
        /// The classification code.
        public var code: String?
        /// The row label as printed.
        public var item: String
        /// True for a 合计/总计 row.
        public var isTotal: Bool
        /// The 栏次.
        public var column: Int
    }
    /// A blank amount of a filler row (公开01's 行30 and 行61: a 行次 without a label) stays blank on the page;
    /// every other amount the model has is printed, a blank-means-zero cell as `0.00` (DOMAIN §0.2).
    public var isFiller = false

    /// A header cell.
    static func header(_ text: String, rows: Int = 1, columns: Int = 1) -> GridCell {
        GridCell(content: .text(text), role: .columnHeader, rowSpan: rows, columnSpan: columns)
    }

    /// A row label cell.
    static func label(_ text: String, columns: Int = 1) -> GridCell {
        GridCell(content: text.isEmpty ? .empty : .text(text), role: .rowHeader, columnSpan: columns)
    }

    /// A plain data text cell (a code, a 行次).
    static func text(_ text: String?) -> GridCell {
        GridCell(content: (text ?? "").isEmpty ? .empty : .text(text ?? ""), role: .data)
    }

    /// An amount cell (`nil` cell: blank), remembering the model cell it shows when `row` is given.
    static func amount(_ cell: TableCell?, row: TableRow? = nil, index: Int? = nil, column: Int? = nil) -> GridCell {
        var origin: Origin?
        if let row, let index, let column {
            origin = Origin(
                rowIndex: index, line: row.line, standardLine: row.standardLine, code: row.code, item: row.item,
                isTotal: row.kind == .total, column: column)
        }
        guard let cell else { return GridCell(content: .empty, role: .data, origin: origin) }
        return GridCell(content: .amount(cell.value, text: cell.text), role: .data, origin: origin)
    }

    /// The text of a text cell, else `nil`.
    public var text: String? {
        if case .text(let text) = content { return text }
        return nil
    }
}
