/// Places the amounts of a raw `pdftotext` code table printed column by column (the ONLYOFFICE 财政局 PDF's
/// 公开05: every row's 合计 top to bottom, then every row's 基本支出, then 项目支出), blank cells dropped.
///
/// The amounts in printed order are cut into one consecutive block a column, in the header's column order; a
/// block's amounts go to the rows in row order (the `合计` row first or last, as in the other columns), each row
/// taking the next amount or none. A reading is kept only when, in every column, each parent row equals the sum
/// of its children (合计 = Σ 类, 类 = Σ 款, 款 = Σ 项, within 1 分 a child: 尾数误差; DOMAIN §1.3) and every row's
/// own identity holds (合计 = Σ parts, within 1 分 a part). One reading: read. Two different readings: `nil`
/// with both (the table is not read, and says so). Bounded: `stepLimit` search steps a table; a search cut
/// short reads nothing.
enum RawTextColumnBlocks {
    /// Search steps for one table.
    static let stepLimit = 2_000_000

    /// A complete reading: for each row (in `rows`' order), the index into `amounts` of its amount in each column.
    typealias Reading = [[Int?]]

    enum Outcome {
        /// Exactly one reading holds.
        case read(Reading)
        /// Two readings hold: the table is not read.
        case open(Reading, Reading)
        /// None holds, or the search was cut short.
        case none
    }

    /// - Parameters:
    ///   - rows: The table's rows, the `合计` row (code `nil`) first, then the codes in order.
    ///   - values: The amounts in printed order, in 分.
    static func place(
        rows: [RawTextCodeTable.Row], values: [Int64], columnCount: Int, identities: [ColumnPlacement.Identity]
    ) -> Outcome {
        guard !rows.isEmpty, columnCount > 0, values.count <= rows.count * columnCount else { return .none }
        var budget = stepLimit
        var found: [Reading] = []
        for totalLast in [false, true] {
            let order = totalLast ? Array(rows.indices.dropFirst()) + [0] : Array(rows.indices)
            let parents = RawTextCodeTable.parents(of: order.map { rows[$0] })
            // For each position in `order`, the parents whose last child stands there (checked once it is placed).
            var closes = [[Int]](repeating: [], count: order.count)
            var lastChild: [Int: Int] = [:]
            for (position, parent) in parents.enumerated() { if let parent { lastChild[parent] = position } }
            for (parent, child) in lastChild { closes[max(parent, child)].append(parent) }
            var children = [[Int]](repeating: [], count: order.count)
            for (position, parent) in parents.enumerated() { if let parent { children[parent].append(position) } }

            var cache: [Int: [[Int?]]] = [:]
            /// Every way to give the amounts `start..<start+length` to the rows (in `order`) so that each parent
            /// equals the sum of its children in this column.
            func embeddings(_ start: Int, _ length: Int) -> [[Int?]] {
                let key = start * 100_000 + length
                if let known = cache[key] { return known }
                var all: [[Int?]] = []
                var chosen = [Int?](repeating: nil, count: order.count)
                func value(_ position: Int) -> Int64 { chosen[position].map { values[$0] } ?? 0 }
                func visit(_ position: Int, _ next: Int) {
                    budget -= 1
                    if budget <= 0 || all.count > 64 { return }
                    let left = start + length - next
                    guard left <= order.count - position else { return }
                    if position == order.count {
                        if left == 0 { all.append(chosen) }
                        return
                    }
                    for take in left > 0 ? [true, false] : [false] {
                        chosen[position] = take ? next : nil
                        var holds = true
                        for parent in closes[position] {
                            var sum: Int64 = 0
                            for child in children[parent] {
                                let (result, overflow) = sum.addingReportingOverflow(value(child))
                                if overflow { holds = false }
                                sum = result
                            }
                            let difference = value(parent) > sum ? value(parent) - sum : sum - value(parent)
                            if !holds || difference > Int64(children[parent].count) { holds = false }
                        }
                        if holds { visit(position + 1, take ? next + 1 : next) }
                    }
                    chosen[position] = nil
                }
                visit(0, start)
                cache[key] = all
                return all
            }

            var columns: [[Int?]] = []
            func cut(_ column: Int, _ start: Int) {
                if budget <= 0 || found.count > 1 { return }
                if column == columnCount {
                    guard start == values.count else { return }
                    choose()
                    return
                }
                let lengths = column == columnCount - 1 ? [values.count - start] : Array(0...(values.count - start))
                for length in lengths {
                    // The columns left can hold at most one amount a row each.
                    if values.count - start - length > (columnCount - column - 1) * order.count { continue }
                    let options = embeddings(start, length)
                    if options.isEmpty { continue }
                    for option in options {
                        columns.append(option)
                        cut(column + 1, start + length)
                        columns.removeLast()
                        if budget <= 0 || found.count > 1 { return }
                    }
                }
            }
            func choose() {
                budget -= 1
                // Every row's own identity (合计 = Σ parts) across the columns.
                for position in order.indices {
                    let row = (0..<columnCount).map { columns[$0][position].map { values[$0] } ?? 0 }
                    if !ColumnPlacement.holds(identities, row, tolerance: 1) { return }
                }
                var reading = Reading(repeating: [], count: rows.count)
                for (position, row) in order.enumerated() { reading[row] = (0..<columnCount).map { columns[$0][position] } }
                let cells = { (reading: Reading) in reading.map { $0.map { $0.map { values[$0] } ?? 0 } } }
                if !found.contains(where: { cells($0) == cells(reading) }) { found.append(reading) }
            }
            cut(0, 0)
        }
        if budget <= 0 { return .none }
        switch found.count {
        case 1: return .read(found[0])
        case 0: return .none
        default: return .open(found[0], found[1])
        }
    }

    /// A reading as the rows' amounts and their columns (as ``RawTextCodeTable/Cut`` holds them).
    static func cut(_ reading: Reading, rows: [RawTextCodeTable.Row], amounts: [PageTextToken]) -> RawTextCodeTable.Cut {
        var placed = rows
        var placements: [[Int]] = []
        for (index, cells) in reading.enumerated() {
            let taken = cells.enumerated().compactMap { column, amount in amount.map { (column: column, amount: $0) } }
            placed[index].amounts = taken.map { amounts[$0.amount] }
            placements.append(taken.map(\.column))
        }
        return RawTextCodeTable.Cut(rows: placed, placements: placements, alternatives: 1, uncertain: [])
    }

    /// Both readings at the first row where they differ: `2010602 10.00→合计，10.00→项目支出 | …`.
    static func describe(_ first: Reading, _ second: Reading, rows: [RawTextCodeTable.Row], amounts: [PageTextToken],
        columns: [String]) -> String
    {
        guard let index = first.indices.first(where: { first[$0] != second[$0] }) else { return "" }
        func text(_ reading: Reading) -> String {
            "\(rows[index].code ?? "合计") " + reading[index].enumerated().compactMap { column, amount in
                amount.map { "\(amounts[$0].text)→\(columns[column])" }
            }.joined(separator: "，")
        }
        return text(first) + " | " + text(second)
    }
}
