import BudgetLensCore

/// The figures of the year comparison: 公开01's totals (本年收入合计 行27, 年初结转和结余 行29, 收入总计 行31,
/// 本年支出合计 行58, 年末结转和结余 行60, 支出总计 行62; by standard 行次) and each other table's 合计 row in
/// every column (公开09: its one row). Change = later − earlier, exact in 分; percent = change ÷ earlier, two
/// decimals half up (``Percentage/ratio(_:of:precision:)``), none when the earlier year is zero or absent.
enum YearComparison {
    struct Row {
        var table: String
        var item: String
        var from: Money?
        var to: Money?
        var change: Money? {
            guard let from, let to else { return nil }
            return to.subtracting(from)
        }
        var percent: Percentage? {
            guard let from, let change, !from.isZero else { return nil }
            return Percentage.ratio(change, of: from, precision: 2)
        }
    }

    /// The 公开01 rows compared: standard 行次 and 栏次.
    static let summaryLines: [(line: Int, column: Int)] = [(27, 1), (29, 1), (31, 1), (58, 2), (60, 2), (62, 2)]

    static func rows(from earlier: Disclosure, to later: Disclosure) -> [Row] {
        var rows: [Row] = []
        for (line, column) in summaryLines {
            let a = earlier.table(.incomeExpenditureSummary)?.rows.first { ($0.standardLine ?? $0.line) == line }
            let b = later.table(.incomeExpenditureSummary)?.rows.first { ($0.standardLine ?? $0.line) == line }
            guard a != nil || b != nil else { continue }
            rows.append(
                Row(
                    table: TableID.incomeExpenditureSummary.formID, item: (b ?? a)?.item ?? "行\(line)",
                    from: a?.cell(column)?.value, to: b?.cell(column)?.value))
        }
        for id in TableID.allCases where id != .incomeExpenditureSummary {
            let a = earlier.table(id)
            let b = later.table(id)
            guard let reference = b ?? a else { continue }
            let totals: (PublicTable) -> [TableRow] = { table in
                id.shape == .singleRow ? Array(table.rows.prefix(1)) : table.rows.filter { $0.kind == .total }
            }
            for (index, row) in totals(reference).enumerated() {
                let rowA = a.flatMap { table in totals(table).indices.contains(index) ? totals(table)[index] : nil }
                let rowB = b.flatMap { table in totals(table).indices.contains(index) ? totals(table)[index] : nil }
                for column in reference.columns {
                    let label = id.shape == .singleRow ? column.name : "\(row.item) \(column.name)"
                    let from = rowA?.cell(column.number)?.value
                    let to = rowB?.cell(column.number)?.value
                    guard from != nil || to != nil else { continue }
                    rows.append(Row(table: id.formID, item: label, from: from, to: to))
                }
            }
        }
        return rows
    }
}
