import BudgetLensCore

/// One worksheet (`xl/worksheets/sheetN.xml`) drawn from a ``TableGrid``: row 1 the title, row 2 `公开NN表`, row 3
/// the 部门 line and `金额单位`, then the header rows (merged as the grid spans them), the body, a blank row and the
/// 注 lines. The rows down to the header's last are frozen; the page is A4, fitted to the width.
enum XLSXSheet {
    /// The sheet `封面`: the document's title (`2022年度烟台市医疗保障局部门决算`), from which a reader takes the year
    /// and the unit. `editable`: the title cell unlocked and the sheet protected (the data-entry workbook).
    /// Below the title, `目录` and one line per table (`contents`): a reader takes the lines above the 目录 as the
    /// document's title, as on a printed cover.
    static func cover(title: String, contents: [String], editable: Bool = false) -> String {
        var writer = Writer(width: 6)
        writer.put(row: 1, column: 1, .string(title), style: editable ? XLSXStyles.titleInput : XLSXStyles.title, span: 6)
        writer.put(row: 3, column: 1, .string("目录"), style: XLSXStyles.plain)
        for (offset, line) in contents.enumerated() {
            writer.put(row: 4 + offset, column: 1, .string(line), style: XLSXStyles.plain)
        }
        return writer.xml(frozenRows: 0, widths: Array(repeating: 14, count: 6), landscape: false, protected: editable)
    }

    /// The sheet of a table the document does not have, or has but could not read: its title and `note`
    /// (``Disclosure/absenceNote(_:)``).
    static func missing(_ id: TableID, note: String) -> String {
        var writer = Writer(width: 6)
        writer.put(row: 1, column: 1, .string(id.canonicalTitle), style: XLSXStyles.title, span: 6)
        writer.put(row: 2, column: 6, .string("\(id.formID)表"), style: XLSXStyles.right)
        writer.put(row: 4, column: 1, .string(note), style: XLSXStyles.plain)
        return writer.xml(frozenRows: 0, widths: Array(repeating: 14, count: 6), landscape: false)
    }

    /// One grid cell placed on the sheet: its top-left row and column (1-based) and its spans.
    struct Placed {
        var cell: GridCell
        var row: Int
        var column: Int
        var rowSpan: Int
        var columnSpan: Int
        var isHeader: Bool
    }

    /// Where the grid's header and body cells go: from row 4 down, each cell in the first column its row leaves
    /// free (cells spanning rows occupy the rows below). `frozen` is the header's last row, `next` the row after
    /// the body.
    static func placements(_ grid: TableGrid) -> (cells: [Placed], frozen: Int, next: Int) {
        let width = max(grid.width, 1)
        var placed: [Placed] = []
        var row = 4
        var occupied: Set<[Int]> = []
        func place(_ cells: [GridCell], header: Bool) {
            var column = 1
            for cell in cells {
                while occupied.contains([row, column]) { column += 1 }
                guard column <= width else { break }
                let rowSpan = max(1, cell.rowSpan)
                let columnSpan = min(max(1, cell.columnSpan), width - column + 1)
                for r in row..<(row + rowSpan) {
                    for c in column..<(column + columnSpan) { occupied.insert([r, c]) }
                }
                placed.append(
                    Placed(cell: cell, row: row, column: column, rowSpan: rowSpan, columnSpan: columnSpan, isHeader: header))
                column += columnSpan
            }
            row += 1
        }
        for cells in grid.header { place(cells, header: true) }
        let frozen = row - 1
        for cells in grid.body { place(cells, header: false) }
        return (placed, frozen, row)
    }

    /// The sheet of `grid`.
    static func xml(_ grid: TableGrid) -> String {
        var writer = Writer(width: max(grid.width, 1))
        let layout = head(grid, into: &writer)
        for placed in layout.cells {
            let style = placed.isHeader ? XLSXStyles.header : style(of: placed.cell)
            writer.put(placed, value(of: placed.cell, unit: grid.moneyUnit), style: style)
        }
        return writer.xml(
            frozenRows: layout.frozen, widths: widths(grid, layout.cells), landscape: grid.width > 4)
    }

    /// Writes the lines above the table (title, 公开NN表, 部门 and 金额单位) and below it (注 lines), and returns
    /// the placements of the grid's cells.
    static func head(_ grid: TableGrid, into writer: inout Writer) -> (cells: [Placed], frozen: Int, next: Int) {
        let width = max(grid.width, 1)
        writer.put(row: 1, column: 1, .string(grid.title), style: XLSXStyles.title, span: width)
        if !grid.formLabel.isEmpty { writer.put(row: 2, column: width, .string(grid.formLabel), style: XLSXStyles.right) }
        if !grid.unitLine.isEmpty { writer.put(row: 3, column: 1, .string(grid.unitLine), style: XLSXStyles.plain) }
        writer.put(row: 3, column: width, .string(grid.moneyUnitLine), style: XLSXStyles.right)
        let layout = placements(grid)
        var row = layout.next + 1
        for note in grid.notes {
            writer.put(row: row, column: 1, .string(note), style: XLSXStyles.plain)
            row += 1
        }
        return layout
    }

    /// Column widths from the longest single-column text (CJK counted double), 6 to 44.
    static func widths(_ grid: TableGrid, _ cells: [Placed]) -> [Int] {
        var widths = Array(repeating: 4, count: max(grid.width, 1))
        for placed in cells where placed.columnSpan == 1 {
            widths[placed.column - 1] = max(widths[placed.column - 1], displayWidth(placed.cell, unit: grid.moneyUnit))
        }
        return widths.map { min(max($0 + 2, 6), 44) }
    }

    static func style(of cell: GridCell) -> Int {
        switch (cell.role, cell.content) {
        case (_, .amount(.some, _)): XLSXStyles.amount
        case (.rowHeader, _), (.columnHeader, _): XLSXStyles.text
        case (.data, _): XLSXStyles.centered
        }
    }

    static func value(of cell: GridCell, unit: MoneyUnit) -> Writer.Value {
        switch cell.content {
        case .text(let text): .string(text)
        case .empty: .empty
        case .amount(let money, let text): money.map { .number($0.decimalString(in: unit)) } ?? .string(text)
        }
    }

    /// Characters of the cell as displayed, CJK counted twice.
    static func displayWidth(_ cell: GridCell, unit: MoneyUnit) -> Int {
        let text: String =
            switch cell.content {
            case .text(let text): text
            case .empty: ""
            case .amount(let money, let text): money?.groupedString(in: unit) ?? text
            }
        return text.unicodeScalars.reduce(0) { $0 + ($1.isASCII ? 1 : 2) }
    }

    /// Collects cells by position, then writes the sheet XML in row order.
    struct Writer {
        enum Value {
            case string(String)
            case number(String)
            /// A formula (without `=`), stored without a cached value unless `cached` is given.
            case formula(String, cached: String?)
            case empty
        }

        let width: Int
        var cells: [Int: [Int: (Value, Int)]] = [:]
        var merges: [String] = []

        init(width: Int) { self.width = width }

        mutating func put(row: Int, column: Int, _ value: Value, style: Int, span: Int = 1) {
            cells[row, default: [:]][column] = (value, style)
            if span > 1 {
                for c in (column + 1)..<(column + span) { cells[row, default: [:]][c] = (.empty, style) }
                merge(row: row, column: column, rows: 1, columns: span)
            }
        }

        /// A placed grid cell: the value in its top-left cell, the style over all it covers, merged when it spans.
        mutating func put(_ placed: Placed, _ value: Value, style: Int) {
            for r in placed.row..<(placed.row + placed.rowSpan) {
                for c in placed.column..<(placed.column + placed.columnSpan) {
                    cells[r, default: [:]][c] = (.empty, style)
                }
            }
            cells[placed.row, default: [:]][placed.column] = (value, style)
            if placed.rowSpan > 1 || placed.columnSpan > 1 {
                merge(row: placed.row, column: placed.column, rows: placed.rowSpan, columns: placed.columnSpan)
            }
        }

        mutating func merge(row: Int, column: Int, rows: Int, columns: Int) {
            merges.append("\(reference(row: row, column: column)):\(reference(row: row + rows - 1, column: column + columns - 1))")
        }

        /// The sheet XML; `protected`: the sheet protected without a password (cells of an unlocked style stay
        /// editable).
        func xml(frozenRows: Int, widths: [Int], landscape: Bool, protected: Bool = false) -> String {
            let lastRow = max(1, cells.keys.max() ?? 1)
            var xml = XLSXPackage.header
            xml += "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            xml += "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            xml += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
            xml += "<dimension ref=\"A1:\(reference(row: lastRow, column: width))\"/>"
            xml += "<sheetViews><sheetView workbookViewId=\"0\">"
            if frozenRows > 0 {
                let topLeft = reference(row: frozenRows + 1, column: 1)
                xml += "<pane ySplit=\"\(frozenRows)\" topLeftCell=\"\(topLeft)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                xml += "<selection pane=\"bottomLeft\" activeCell=\"\(topLeft)\" sqref=\"\(topLeft)\"/>"
            }
            xml += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/><cols>"
            for (index, width) in widths.enumerated() {
                xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
            }
            xml += "</cols><sheetData>"
            for row in cells.keys.sorted() {
                xml += "<row r=\"\(row)\">"
                for column in (cells[row] ?? [:]).keys.sorted() {
                    guard let (value, style) = cells[row]?[column] else { continue }
                    let ref = reference(row: row, column: column)
                    switch value {
                    case .empty: xml += "<c r=\"\(ref)\" s=\"\(style)\"/>"
                    case .number(let number): xml += "<c r=\"\(ref)\" s=\"\(style)\"><v>\(number)</v></c>"
                    case .formula(let formula, let cached):
                        xml += "<c r=\"\(ref)\" s=\"\(style)\"><f>\(MarkupText.escape(formula))</f>"
                        xml += (cached.map { "<v>\($0)</v>" } ?? "") + "</c>"
                    case .string(let text):
                        xml += "<c r=\"\(ref)\" s=\"\(style)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(MarkupText.escape(text))</t></is></c>"
                    }
                }
                xml += "</row>"
            }
            xml += "</sheetData>"
            if protected {
                xml += "<sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\" formatColumns=\"0\" formatRows=\"0\"/>"
            }
            if !merges.isEmpty {
                xml += "<mergeCells count=\"\(merges.count)\">" + merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>"
            }
            xml += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>"
            xml += "<pageSetup paperSize=\"9\" orientation=\"\(landscape ? "landscape" : "portrait")\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
            return xml + "</worksheet>"
        }

        /// `A1`, `AB12`.
        func reference(row: Int, column: Int) -> String { Self.reference(row: row, column: column) }

        /// `A1`, `AB12`.
        static func reference(row: Int, column: Int) -> String {
            var letters = ""
            var number = column
            while number > 0 {
                let remainder = (number - 1) % 26
                letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
                number = (number - 1) / 26
            }
            return letters + String(row)
        }
    }
}
