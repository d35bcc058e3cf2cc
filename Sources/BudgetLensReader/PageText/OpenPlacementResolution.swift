import BudgetLensCore

/// A row of page text whose amounts, blank cells dropped, fit several columns that the table's own structure
/// (header, 合计 = Σ parts, code hierarchy) does not decide between: **no placement is picked**. The rewrite writes
/// the first (so that the row is read, with its sources) and records them all; once the text is read, the
/// cross-table identities (DOMAIN §1.13: X-12 公开03 ≥ 公开05 + 公开07 + 公开08 at every code, in 基本支出 and 项目支出;
/// X-2 公开02's 合计 财政拨款收入 = 公开04's 本年收入合计; X-8/9/10 公开04's 本年支出合计 = 公开05/07/08's) drop the full
/// readings of the table they contradict, so that a 合计 row decided decides the rows below it. One left: written, with a `page-text.column-by-identity` note naming the
/// identity. Several left: the cells they agree on are written, the others are left without a value (not read;
/// the rules that need them are not run), and a `table.ambiguous` warning names the placements — the table was
/// read in part (`cells` and `show` exit 1).
enum OpenPlacementResolution {
    /// One open row: where it is, its amounts and the placements left (a column index per amount).
    struct OpenRow {
        var table: TableID
        /// The row's code; `nil` for the 合计 row or a row named by its label.
        var code: String?
        /// The row's label, for a table without codes (公开04's 支出 rows); `nil` for a code table's row.
        var item: String? = nil
        /// The template's amount columns, in printed order.
        var columns: [String]
        var amounts: [(text: String, location: SourceLocation)]
        var placements: [[Int]]
        var source: SourceLocation
        /// The row's placement in each full reading of its table (``PlacementReadings``), aligned across the table's
        /// open rows; empty when the readings are not known (the rows are then decided one by one).
        var readingPlacements: [[Int]] = []

        /// The row's cells under `placement`, in `unit`.
        func cells(_ placement: [Int], unit: MoneyUnit) -> [Money] {
            cells(placement, values: values(unit: unit))
        }

        /// Each amount read in `unit` (`nil`: not an amount): read once for a row whose placements are all tried.
        func values(unit: MoneyUnit) -> [Money?] {
            amounts.map { amount in
                if case .amount(let money) = Money.reading(amount.text, unit: unit) { return money }
                return nil
            }
        }

        /// ``cells(_:unit:)`` with the amounts already read (``values(unit:)``): the same cells, each amount's text
        /// not read again for every placement.
        func cells(_ placement: [Int], values: [Money?]) -> [Money] {
            var result = [Money](repeating: .zero, count: columns.count)
            for (amount, column) in placement.enumerated() {
                if let money = values[amount] { result[column] = money }
            }
            return result
        }

        var rowName: String { code ?? item ?? "合计" }

        /// Whether `row` of the table read is this row.
        func matches(_ row: TableRow) -> Bool {
            if let code { return row.code == code }
            if let item { return row.item == item && row.cells.count == columns.count }
            return row.kind == .total || row.item == "合计"
        }

        func describe(_ placement: [Int]) -> String {
            zip(amounts, placement).map { "\($0.text)→\(columns[$1])" }.joined(separator: "，")
        }
    }

    /// Codes of 公开06 (one amount column) whose amounts an open placement could give to either block: not read.
    struct OpenCodes {
        var table: TableID
        var codes: [String]
        /// The `table.ambiguous` warning naming the placements.
        var note: ReadProblem
    }

    /// Cells of a table without codes (raw 公开01: its rows named by their labels) whose amounts the readings left
    /// place differently (``RawTextSideBySide/settle(_:rows:figures:start:into:)``): not read.
    struct OpenItems {
        var table: TableID
        /// Each cell as its row's code (`nil`: a row named by its label; the 合计 row's label `合计`), label and 栏次
        /// (公开01: 1 收入, 2 支出).
        var cells: [(code: String?, item: String, column: Int)]
        /// The `table.ambiguous` warning naming the readings.
        var note: ReadProblem
    }

    static func resolve(
        _ rows: [OpenRow], codes: [OpenCodes] = [], items: [OpenItems] = [], in disclosure: inout Disclosure
    ) {
        var tables: [TableID] = []
        for row in rows where !tables.contains(row.table) { tables.append(row.table) }
        for id in tables { resolve(rows.filter { $0.table == id }, table: id, in: &disclosure) }
        for open in codes {
            guard let tableIndex = disclosure.tables.firstIndex(where: { $0.id == open.table }) else { continue }
            for rowIndex in disclosure.tables[tableIndex].rows.indices {
                guard let code = disclosure.tables[tableIndex].rows[rowIndex].code, open.codes.contains(code) else { continue }
                for cell in disclosure.tables[tableIndex].rows[rowIndex].cells.indices {
                    disclosure.tables[tableIndex].rows[rowIndex].cells[cell].value = nil
                    disclosure.tables[tableIndex].rows[rowIndex].cells[cell].text = ""
                }
            }
            disclosure.problems.append(open.note)
        }
        for open in items {
            guard let tableIndex = disclosure.tables.firstIndex(where: { $0.id == open.table }) else { continue }
            for rowIndex in disclosure.tables[tableIndex].rows.indices {
                let row = disclosure.tables[tableIndex].rows[rowIndex]
                func matches(_ cell: (code: String?, item: String, column: Int)) -> Bool {
                    if let code = cell.code { return row.code == code }
                    return row.code == nil && (row.item == cell.item || cell.item == "合计" && row.kind == .total)
                }
                for cell in row.cells.indices {
                    let column = row.cells[cell].column
                    guard open.cells.contains(where: { matches($0) && $0.column == column }) else { continue }
                    disclosure.tables[tableIndex].rows[rowIndex].cells[cell].value = nil
                    disclosure.tables[tableIndex].rows[rowIndex].cells[cell].text = ""
                }
            }
            disclosure.problems.append(open.note)
        }
    }

    /// The open rows of one table: the full readings the cross-table figures contradict are dropped (a row's
    /// placements are then those of the readings left), or, without readings, each row's placements one by one.
    private static func resolve(_ rows: [OpenRow], table id: TableID, in disclosure: inout Disclosure) {
        let unit = disclosure.table(id)?.moneyUnit ?? disclosure.moneyUnit
        let parts = ExpenditureParts(disclosure)  // looked up once for all the table's open rows
        let bounds = rows.map { crossTableBounds($0, parts: parts) + crossTableFigures($0, in: disclosure) }
        func holds(_ bound: Bound, _ placed: [Money]) -> Bool {
            bound.isEqual ? (placed[bound.column].fen - bound.amount.fen).magnitude <= 1 : placed[bound.column] >= bound.amount
        }
        let values = rows.map { $0.values(unit: unit) }  // each row's amounts, read once for all its placements
        func fits(_ row: Int, _ placement: [Int]) -> Bool {
            let placed = rows[row].cells(placement, values: values[row])
            return bounds[row].allSatisfy { holds($0, placed) }
        }
        var remaining = rows.map(\.placements)
        // Rows no placement of which (or of whose readings) gives the cross-table figures: the table's own identities
        // may have ruled the true one out (an error in the document), so the columns of those figures are not read.
        var unfit = Set<Int>()
        let count = rows.first?.readingPlacements.count ?? 0
        if count > 0, rows.allSatisfy({ $0.readingPlacements.count == count }) {
            let allowed = (0..<count).filter { reading in rows.indices.allSatisfy { fits($0, rows[$0].readingPlacements[reading]) } }
            if !allowed.isEmpty {
                for index in rows.indices {
                    var kept: [[Int]] = []
                    for reading in allowed where !kept.contains(rows[index].readingPlacements[reading]) {
                        kept.append(rows[index].readingPlacements[reading])
                    }
                    remaining[index] = kept
                }
            } else {
                unfit = Set(rows.indices.filter { index in !rows[index].placements.allSatisfy { fits(index, $0) } })
            }
        } else {
            for index in rows.indices {
                let kept = rows[index].placements.filter { fits(index, $0) }
                if kept.isEmpty { unfit.insert(index) } else { remaining[index] = kept }
            }
        }
        var reasons: [String] = []
        for (index, row) in rows.enumerated() {
            for bound in bounds[index] where Set(row.placements.map { holds(bound, row.cells($0, values: values[index])) }).count > 1 {
                reasons.append(
                    "\(bound.rule) \(id.formID) \(row.rowName) \(row.columns[bound.column]) \(bound.isEqual ? "=" : "≥") "
                        + "\(bound.amount.groupedString(in: unit))（\(bound.what)）")
            }
        }
        for (index, row) in rows.enumerated() {
            // A figure only a blank breaks (the amounts all placed elsewhere) is where the true placement may have been
            // ruled out; an amount every placement puts there is read, and X-12 reports it if it is wrong.
            let unchecked = unfit.contains(index)
                ? bounds[index].filter { bound in
                    row.placements.contains { placement in
                        let placed = row.cells(placement, values: values[index])
                        return !holds(bound, placed) && placed[bound.column] == .zero
                    }
                } : []
            write(row, remaining: remaining[index], reasons: reasons, unchecked: unchecked, in: &disclosure)
        }
    }

    /// `unchecked`: the cross-table figures no placement of the row gives, with a blank where a placement breaks them
    /// (its table's own identities may have ruled the true placement out: an error in the document): their columns
    /// are left unread too, and the warning says so.
    private static func write(
        _ open: OpenRow, remaining: [[Int]], reasons: [String], unchecked: [Bound] = [], in disclosure: inout Disclosure
    ) {
        guard let tableIndex = disclosure.tables.firstIndex(where: { $0.id == open.table }),
            let rowIndex = disclosure.tables[tableIndex].rows.firstIndex(where: open.matches), !remaining.isEmpty
        else { return }
        let unit = disclosure.tables[tableIndex].moneyUnit ?? disclosure.moneyUnit
        var row = disclosure.tables[tableIndex].rows[rowIndex]
        let numbers = row.cells.map(\.column).sorted()
        guard numbers.count == open.columns.count else { return }
        let read = open.values(unit: unit)  // each amount read once: the written values and every placement's cells
        let values = read.map { $0 ?? .zero }
        let placed = remaining.map { open.cells($0, values: read) }  // each placement's cells, read once
        let differing = Set((0..<open.columns.count).filter { column in Set(placed.map { $0[column] }).count > 1 })
            .union(unchecked.map(\.column))
        let chosen = remaining[0]
        row.writePlacement(
            columnNumbers: numbers, amountAt: { chosen.firstIndex(of: $0) },
            differing: differing, amounts: open.amounts, values: values)
        disclosure.tables[tableIndex].rows[rowIndex] = row
        let form = open.table.formID
        if differing.isEmpty {
            disclosure.problems.append(
                ReadProblem(
                    code: "page-text.column-by-identity", severity: .info,
                    message: "\(form) \(open.rowName)：空白单元格被省略，\(open.placements.count) 种放置均满足本表的勾稽关系，按表间关系取："
                        + open.describe(chosen) + "（依据：" + reasons.joined(separator: "；") + "） — blank cells were dropped and "
                        + "\(open.placements.count) placements satisfy the table's identities; the one the cross-table identities "
                        + "allow (X-12: 03 ≥ 05 + 07 + 08 by code; X-8/9/10: 04 本年支出合计 = 05/07/08's) is read",
                    table: open.table, source: open.source))
            return
        }
        let unread = differing.sorted().map { open.columns[$0] }.joined(separator: "、")
        let shown = remaining.prefix(4).map(open.describe).joined(separator: " | ")
        let more = remaining.count > 4 ? "（另有 \(remaining.count - 4) 种）" : ""
        let figures = unchecked.map { "\($0.rule) \(open.columns[$0.column]) \($0.isEqual ? "=" : "≥") \($0.amount.groupedString(in: disclosure.moneyUnit))（\($0.what)）" }
        let mismatch = figures.isEmpty ? (zh: "", en: "")
            : (zh: "；没有一种放置满足表间关系 " + figures.joined(separator: "、") + "（可能是文件本身的错误，请对照PDF）",
                en: "; no placement gives the cross-table figures (" + figures.joined(separator: ", ")
                    + "): the document may be in error there, so those columns are not read either — compare the PDF")
        disclosure.problems.append(
            ReadProblem(
                code: "table.ambiguous", severity: .warning,
                message: "\(form) \(open.rowName)：空白单元格被省略，金额有 \(remaining.count) 种放置均满足勾稽关系，无法确定："
                    + shown + more + mismatch.zh + "；\(unread) 未读取（本表只读取了一部分） — blank cells were dropped and "
                    + "\(remaining.count) placements of the amounts remain possible" + mismatch.en + "; the cells they disagree on "
                    + "(\(differing.count)) are not read, and the rules that need them are not run",
                table: open.table, source: open.source))
    }

    /// X-12 (DOMAIN §1.13) for a 公开03 row: its 基本支出 and 项目支出 are at least the sums of 公开05's, 07's and 08's
    /// at the same code (合计 row: their 合计 rows), from the tables read. Other tables: no bound.
    /// `parts`: the summed tables, looked up once for the table's open rows.
    static func crossTableBounds(_ open: OpenRow, parts: ExpenditureParts) -> [Bound] {
        guard open.table == .expenditure else { return [] }
        var bounds: [Bound] = []
        for (column, name) in ExpenditureParts.columns where open.columns.indices.contains(column) {
            guard open.columns[column] == name else { continue }
            var total = Money.zero
            var what: [String] = []
            for part in parts.byColumn[column] {
                guard let row = part.row(code: open.code), let value = row.cell(part.number)?.value, value > .zero
                else { continue }
                guard let sum = total.adding(value) else { return [] }
                total = sum
                what.append("\(part.id.formID) \(value.groupedString(in: parts.moneyUnit))")
            }
            if total > .zero {
                bounds.append(Bound(column: column, amount: total, isEqual: false, rule: "X-12", what: what.joined(separator: " + ")))
            }
        }
        return bounds
    }

    /// A cross-table figure a placement must give: column `column` at least (or equal to) `amount`.
    struct Bound {
        var column: Int
        var amount: Money
        var isEqual: Bool
        var rule: String
        var what: String
    }

    /// X-2 (DOMAIN §1.13) for 公开02's 合计 row: its 财政拨款收入 = 公开04's 本年收入合计. X-8, X-9, X-10 for 公开04's
    /// 本年支出合计 row: its 一般公共预算 column = 公开05's 合计, its 政府性基金
    /// = 公开07's 合计 本年支出合计, its 国有资本经营 = 公开08's, from the tables read (a table not read: no figure).
    static func crossTableFigures(_ open: OpenRow, in disclosure: Disclosure) -> [Bound] {
        // X-2: 公开02's 合计 财政拨款收入 = 公开04's 本年收入合计 (the 收入 block).
        if open.table == .income, open.code == nil, open.item == nil, open.columns.count > 1, open.columns[1] == "财政拨款收入" {
            guard let row = disclosure.table(.appropriationSummary)?.rows.first(where: { $0.item == "本年收入合计" && $0.cells.count == 1 }),
                let value = row.cells[0].value
            else { return [] }
            return [Bound(column: 1, amount: value, isEqual: true, rule: "X-2",
                what: "公开04 本年收入合计 \(value.groupedString(in: disclosure.moneyUnit))")]
        }
        guard open.table == .appropriationSummary, open.item == "本年支出合计", open.columns.count == 4 else { return [] }
        var figures: [Bound] = []
        for (column, id, rule) in [(1, TableID.generalBudgetExpenditure, "X-8"), (2, .governmentFund, "X-9"), (3, .stateCapital, "X-10")] {
            guard let table = disclosure.table(id),
                let total = table.rows.first(where: { $0.kind == .total || $0.item == "合计" }),
                let number = table.columns.first(where: { $0.name.contains("本年支出合计") })?.number
                    ?? table.columns.first(where: { $0.name == "合计" || $0.name == "小计" })?.number,
                let value = total.cell(number)?.value
            else { continue }
            figures.append(Bound(
                column: column, amount: value, isEqual: true, rule: rule,
                what: "\(id.formID) 合计 \(value.groupedString(in: disclosure.moneyUnit))"))
        }
        return figures
    }
}
