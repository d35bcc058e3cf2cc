/// One of the nine public tables as read: its header lines, columns (栏次) and rows.
public struct PublicTable: Hashable, Sendable, Codable {
    /// The canonical number, whatever the table's position or label.
    public var id: TableID
    /// The title as printed, whitespace-normalised.
    public var title: String
    /// The form label as printed (`公开01表`, `公开 01 表`), or `nil` when the table carries none.
    public var formLabel: String?
    /// The unit name of the table header (`部门：…`, `单位：…`), if printed.
    public var unitName: String?
    /// The money unit of the table header (`金额单位：万元`), if printed.
    public var moneyUnit: MoneyUnit?
    /// The 栏次 columns that hold amounts, in 栏次 order.
    public var columns: [TableColumn]
    /// The rows in table order (for side-by-side tables: the 收入 block, then the 支出 block).
    public var rows: [TableRow]
    /// The footnotes (`注：…`, `说明：…`), verbatim.
    public var notes: [TextLine]
    /// The statement that the table has no data (`本单位没有…故本表无数据`, `2022 年本部门无…`), if printed.
    public var noDataStatement: TextLine?
    /// Where the title was read.
    public var source: SourceLocation

    /// Creates a table.
    public init(
        id: TableID, title: String, formLabel: String? = nil, unitName: String? = nil, moneyUnit: MoneyUnit? = nil,
        columns: [TableColumn] = [], rows: [TableRow] = [], notes: [TextLine] = [], noDataStatement: TextLine? = nil,
        source: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.formLabel = formLabel
        self.unitName = unitName
        self.moneyUnit = moneyUnit
        self.columns = columns
        self.rows = rows
        self.notes = notes
        self.noDataStatement = noDataStatement
        self.source = source
    }
}

/// An amount column of a table, numbered by its 栏次.
public struct TableColumn: Hashable, Sendable, Codable {
    /// The 栏次 number.
    public var number: Int
    /// The header text above the column, levels joined by `/` (e.g. `本年支出/小计`).
    public var name: String

    /// Creates a column.
    public init(number: Int, name: String) {
        self.number = number
        self.name = name
    }
}

/// What a row stands for.
public enum RowKind: String, Hashable, Sendable, Codable {
    /// A total: 合计, 人员经费合计, 公用经费合计.
    case total
    /// A classification code row (functional 类/款/项 or economic 类/款).
    case code
    /// A labelled row addressed by 行次 (公开01/04), including blank filler rows.
    case line
    /// The unlabelled data row of 公开09.
    case data
}

/// A table row: its 行次, classification code and label, and its amount cells.
public struct TableRow: Hashable, Sendable, Codable {
    /// What the row stands for.
    public var kind: RowKind
    /// The 行次 as printed, or `nil` where the table has none.
    public var line: Int?
    /// The 行次 of the standard layout: the printed 行次, or the one the label implies in templates that print
    /// none (e.g. `本年收入合计` is row 27 of 公开01). Rules address rows by it.
    public var standardLine: Int?
    /// The classification code as printed (split 类/款/项 cells joined: `201`+`06`+`01` → `2010601`).
    public var code: String?
    /// The label as printed, whitespace-normalised.
    public var item: String
    /// For side-by-side tables the block (`收入`/`支出`); for 公开06 the group (`人员经费`/`公用经费`).
    public var group: String?
    /// The amount cells, in 栏次 order.
    public var cells: [TableCell]
    /// Where the row was read (line; column of its first field).
    public var source: SourceLocation

    /// Creates a row.
    public init(
        kind: RowKind, line: Int? = nil, standardLine: Int? = nil, code: String? = nil, item: String,
        group: String? = nil, cells: [TableCell], source: SourceLocation
    ) {
        self.kind = kind
        self.line = line
        self.standardLine = standardLine
        self.code = code
        self.item = item
        self.group = group
        self.cells = cells
        self.source = source
    }

    /// The cell of 栏次 `column`, if the row has it.
    public func cell(_ column: Int) -> TableCell? { cells.first { $0.column == column } }
}

extension TableRow {
    /// The row with every cell left unread (no value, no text): a row the reader found but could not place (more
    /// cells than the table has columns). The identities that need its cells say they were not checked, rather
    /// than counting them as 0.00.
    public var unread: TableRow {
        var row = self
        row.cells = cells.map { TableCell(column: $0.column, value: nil, text: "", source: $0.source) }
        return row
    }
}

/// An amount cell: the value, the text as printed and where it was read.
public struct TableCell: Hashable, Sendable, Codable {
    /// The 栏次 number.
    public var column: Int
    /// The amount; zero for a blank cell; `nil` when the printed text is not a number (a problem is recorded).
    public var value: Money?
    /// The text as printed (`7,297.28`, `2, 361. 57`, empty for a blank cell).
    public var text: String
    /// Where the cell was read.
    public var source: SourceLocation

    /// Creates a cell.
    public init(column: Int, value: Money?, text: String, source: SourceLocation) {
        self.column = column
        self.value = value
        self.text = text
        self.source = source
    }
}
