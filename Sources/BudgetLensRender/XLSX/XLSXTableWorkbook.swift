import Foundation

/// A workbook of plain tables (a report's rows rather than a disclosure's 公开 tables), written with the same
/// package, styles and sheet writer as ``XLSXWriter``: per sheet a title row, a frozen header row and the rows;
/// amounts are numbers (`#,##0.00`), everything else inline strings.
public struct XLSXTableWorkbook: Sendable {
    /// One cell's value.
    public enum Value: Sendable, Hashable {
        /// Text.
        case text(String)
        /// An amount as a plain decimal string (`12.34`, `-5`), written as a number with two decimals shown.
        case amount(String)
        /// A whole number.
        case integer(Int)
        /// Nothing.
        case empty
    }

    /// One sheet: its name (at most 31 characters, none of `[]:*?/\`), a title, the header and the rows.
    public struct Sheet: Sendable, Hashable {
        public var name: String
        public var title: String
        public var header: [String]
        public var rows: [[Value]]

        /// Creates a sheet.
        public init(name: String, title: String, header: [String], rows: [[Value]]) {
            self.name = name
            self.title = title
            self.header = header
            self.rows = rows
        }
    }

    /// The sheets, in order.
    public var sheets: [Sheet]
    /// The workbook's title (docProps/core.xml).
    public var title: String

    /// Creates a workbook.
    public init(title: String, sheets: [Sheet]) {
        self.title = title
        self.sheets = sheets
    }

    /// The workbook's bytes. Throws only if the ZIP library fails to write to memory.
    public func data() throws -> Data {
        let rendered = sheets.map { sheet -> (name: String, xml: String) in (sheet.name, Self.xml(sheet)) }
        return try XLSXPackage.archive(title: title, sheets: rendered)
    }

    static func xml(_ sheet: Sheet) -> String {
        let width = max(1, sheet.header.count, sheet.rows.map(\.count).max() ?? 1)
        var writer = XLSXSheet.Writer(width: width)
        var widths = Array(repeating: 6, count: width)
        writer.put(row: 1, column: 1, .string(sheet.title), style: XLSXStyles.title, span: width)
        for (index, name) in sheet.header.enumerated() {
            writer.put(row: 2, column: index + 1, .string(name), style: XLSXStyles.header)
            widths[index] = max(widths[index], name.count * 2)
        }
        for (offset, row) in sheet.rows.enumerated() {
            for (index, value) in row.enumerated() {
                let (cell, style, length): (XLSXSheet.Writer.Value, Int, Int) =
                    switch value {
                    case .text(let text): (.string(text), XLSXStyles.text, text.count * 2)
                    case .amount(let amount): (.number(amount), XLSXStyles.amount, amount.count + 3)
                    case .integer(let number): (.number(String(number)), XLSXStyles.centered, String(number).count)
                    case .empty: (.empty, XLSXStyles.text, 0)
                    }
                writer.put(row: offset + 3, column: index + 1, cell, style: style)
                widths[index] = max(widths[index], length)
            }
        }
        return writer.xml(frozenRows: 2, widths: widths.map { min($0 + 2, 60) }, landscape: width > 6)
    }
}
