import BudgetLensCore

/// The tables X-12 (DOMAIN §1.13) sums for a 公开03 row — 公开05, 07 and 08 as read — with the number of their
/// column headed 基本支出 or 项目支出 and their rows by code, looked up once per resolution
/// (``OpenPlacementResolution``): a page text's 公开03 has dozens of open rows, and each asked the same
/// (a `contains` on every column name, a scan of every row) again.
struct ExpenditureParts {
    /// The 公开03 amount columns X-12 bounds: (index among the row's amount columns, the heading's word).
    static let columns = [(1, "基本支出"), (2, "项目支出")]

    /// One summed table for one column.
    struct Part {
        var id: TableID
        /// The number of the table's first column whose name contains the heading's word.
        var number: Int
        var table: PublicTable
        /// The index of the first row of each code.
        var rowByCode: [String: Int]
        /// The index of the first total row (`kind == .total` or item `合计`).
        var totalRow: Int?

        /// The row at `code` (the first), or the 合计 row when `code` is `nil`.
        func row(code: String?) -> TableRow? {
            guard let index = code.map({ rowByCode[$0] }) ?? totalRow else { return nil }
            return table.rows[index]
        }
    }

    /// For each amount column index (0…2), the tables that have a column of that heading, in the order
    /// 公开05, 07, 08; empty for a column X-12 does not bound.
    let byColumn: [[Part]]
    /// The unit the figures are written in (the disclosure's).
    let moneyUnit: MoneyUnit

    init(_ disclosure: Disclosure) {
        moneyUnit = disclosure.moneyUnit
        var byColumn = [[Part]](repeating: [], count: 3)
        let tables = [TableID.generalBudgetExpenditure, .governmentFund, .stateCapital].compactMap { disclosure.table($0) }
        for (column, name) in Self.columns {
            for table in tables {
                // The headings' words are ideographs: found on the bytes (``IdeographSearch``).
                guard let number = table.columns.first(where: { IdeographSearch($0.name).contains(name) })?.number
                else { continue }
                var rowByCode: [String: Int] = [:]
                for (index, row) in table.rows.enumerated() {
                    if let code = row.code, rowByCode[code] == nil { rowByCode[code] = index }
                }
                let totalRow = table.rows.firstIndex { $0.kind == .total || $0.item == "合计" }
                byColumn[column].append(
                    Part(id: table.id, number: number, table: table, rowByCode: rowByCode, totalRow: totalRow))
            }
        }
        self.byColumn = byColumn
    }
}
