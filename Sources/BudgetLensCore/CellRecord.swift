/// One table cell flattened for interchange (`budgetlens cells`): table, 行次, code, label, 栏次, value, source line.
public struct CellRecord: Hashable, Sendable, Codable {
    /// The table.
    public var table: TableID
    /// The 行次 as printed, if any.
    public var line: Int?
    /// The classification code, if any.
    public var code: String?
    /// The row label, whitespace-normalised.
    public var item: String
    /// The 栏次.
    public var column: Int
    /// The amount; `nil` when the printed text is not a number.
    public var value: Money?
    /// The 1-based line of the input file.
    public var sourceLine: Int

    /// Creates a record.
    public init(table: TableID, line: Int?, code: String?, item: String, column: Int, value: Money?, sourceLine: Int) {
        self.table = table
        self.line = line
        self.code = code
        self.item = item
        self.column = column
        self.value = value
        self.sourceLine = sourceLine
    }

    /// The CSV header of `budgetlens cells`.
    public static let csvHeader = "table,line,code,item,column,value,source_line"

    /// The record as a CSV line, the value a plain decimal in `unit` (`1000.00`, `0.00`).
    public func csvLine(unit: MoneyUnit) -> String {
        let fields = [
            table.rawValue, line.map(String.init) ?? "", code ?? "", item, String(column),
            value?.decimalString(in: unit) ?? "", String(sourceLine),
        ]
        return fields.map(CellRecord.csvField).joined(separator: ",")
    }

    /// Quotes a CSV field when it holds a comma, quote or line break (RFC 4180).
    public static func csvField(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }
}

extension Disclosure {
    /// Every amount cell of every table, tables in canonical order 01–09, rows in table order, cells by 栏次.
    public func cellRecords() -> [CellRecord] {
        var records: [CellRecord] = []
        for table in tables.sorted(by: { $0.id < $1.id }) {
            for row in table.rows {
                for cell in row.cells {
                    records.append(
                        CellRecord(
                            table: table.id, line: row.line, code: row.code, item: row.item, column: cell.column,
                            value: cell.value, sourceLine: cell.source.line))
                }
            }
        }
        return records
    }
}
