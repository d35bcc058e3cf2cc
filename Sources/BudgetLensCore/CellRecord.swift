/// One table cell flattened for interchange (`budgetlens cells`): table, 行次, code, label, 栏次, value, and
/// where it was read (line, page, and for a PDF the box on the page).
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
    /// The 1-based line of the input file (of the rebuilt text for a PDF).
    public var sourceLine: Int
    /// The page, where known.
    public var page: Int?
    /// For a PDF: the box of the cell's words on the page.
    public var region: PageRegion?

    /// Creates a record.
    public init(
        table: TableID, line: Int?, code: String?, item: String, column: Int, value: Money?, sourceLine: Int,
        page: Int? = nil, region: PageRegion? = nil
    ) {
        self.table = table
        self.line = line
        self.code = code
        self.item = item
        self.column = column
        self.value = value
        self.sourceLine = sourceLine
        self.page = page
        self.region = region
    }

    /// The CSV header of `budgetlens cells`: the stable interchange format.
    public static let csvHeader = "table,line,code,item,column,value,source_line"
    /// The header with the page columns (`budgetlens cells --pages`).
    public static let csvHeaderWithPages = csvHeader + ",page,box"

    /// The record as a CSV line, the value a plain decimal in `unit` (`1000.00`, `0.00`); with `pages`, also
    /// the page and the box (`x0 y0 x1 y1`).
    public func csvLine(unit: MoneyUnit, pages: Bool = false) -> String {
        var fields = [
            table.rawValue, line.map(String.init) ?? "", code ?? "", item, String(column),
            value?.decimalString(in: unit) ?? "", String(sourceLine),
        ]
        if pages {
            fields.append(page.map(String.init) ?? "")
            fields.append(
                region.map { [$0.x0, $0.y0, $0.x1, $0.y1].map(CellRecord.coordinate).joined(separator: " ") } ?? "")
        }
        return fields.map(CellRecord.csvField).joined(separator: ",")
    }

    /// A coordinate with at most two decimals: `371.79`, `213` (a value beyond ±10^16 points, or not a number,
    /// as Swift prints it, never a trap).
    private static func coordinate(_ value: Double) -> String {
        guard let hundredths = Int64(exactly: (value * 100).rounded()) else { return String(value) }
        return FixedDecimal(units: hundredths, decimals: 2).description
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
                            value: cell.value, sourceLine: cell.source.line, page: cell.source.page,
                            region: cell.source.region))
                }
            }
        }
        return records
    }
}
