import BudgetLensCore

/// Places the amounts of 公开06 read from raw `pdftotext` text by the table's identities alone (DOMAIN §1.9):
/// 06-1 each 类 = Σ its 款, 06-2 人员经费合计 = 301 + 303, 06-3 公用经费合计 = Σ the other 类, and, when 公开05 was read,
/// 06-4 / X-11 人员经费合计 + 公用经费合计 = 公开05's 合计 基本支出. Each within the checks' 尾数误差 (``tolerance(_:)``: the
/// PDFs print 2,082.85 for 款 that sum to 2,082.86). Amounts are in hundredths of the printed unit (`2,082.85` is
/// 208285), as ``PageTextToken`` gives them.
///
/// Raw text keeps no order among the amounts (poppler prints them in runs that cross both blocks and both 类), so
/// an amount is a value only: a reading says which value each cell holds, a blank cell and a printed `0.00` being
/// the same cell. The search first splits the values between the totals, the 类 rows and each 类's 款
/// (bounded: ``stepLimit``); a split that leaves two or more 款 of one 类 with different values is two readings
/// already, since swapping them keeps every identity — so a table is settled only when every 类's 款 hold one
/// value each (all blank or 0.00, or a single 款).
///
/// When readings remain, every split is found (``splitLimit`` at most) and the table is read in part: a cell is read
/// when every split gives it the same value and no swap of 款 can move it — the totals and 类 rows the splits agree
/// on, and the 款 of a 类 whose 款 all hold one value — the others are left without a value (``Outcome/partial``).
enum RawTextEconomicPlacement {
    /// Search steps looked at, at most.
    static let stepLimit = 2_000_000

    /// Splits (of the values between the totals, the 类 and each 类's 款) looked for when several hold; more: no cell
    /// is known to be settled, and every cell is left unread.
    static let splitLimit = 2_000

    /// Amounts placed at most (a 公开06 has 90 rows at most).
    static let amountLimit = 200

    /// The 尾数误差 of a total and the sum of its `parts`, in hundredths of the printed unit: the checks' (`tolerance
    /// 0.005 per term, max 0.05`, 00-structure.rules; the total is a term too: 06-2's is ±0.015), so that a reading
    /// the reader takes is one the checks take.
    static func tolerance(_ parts: Int) -> Int64 { min(Int64(parts + 1) / 2, 5) }

    /// One reading: each row's value (hundredths of the printed unit, 0 blank) in `rows` order, then 人员经费合计 and
    /// 公用经费合计.
    typealias Reading = [Int64]

    enum Outcome: Equatable {
        case read(Reading)
        /// Two readings or more: `reading` gives the cells they all agree on (the others 0), `open` the indices (in
        /// ``Reading`` order) of the cells they do not decide (every cell, when more than ``splitLimit`` splits hold
        /// or the search was cut short after two), `described` names two readings (`301 工资福利支出的 8 个款金额可在其
        /// 13 个款中任意排列…：1,238.58→30101 基本工资 | 1,238.58→30102 津贴补贴`).
        case partial(Reading, open: [Int], described: String)
        case none(cutShort: Bool)
    }

    /// The split of the values between the totals, the 类 and each 类's 款.
    private struct Split: Equatable {
        var personnel: Int64
        var publicCosts: Int64
        /// By 类 (the order of `classes`): the 类 row's value and its 款 values (descending).
        var classes: [Int64]
        var items: [[Int64]]
    }

    /// - Parameters:
    ///   - amounts: The amounts printed, in any order; `0.00` counts as printed but places like a blank.
    ///   - rows: The rows (``RawTextEconomicRows/rows(_:following:)``).
    ///   - basicTotal: 公开05's 合计 基本支出 (hundredths of the printed unit) when 公开05 was read, else `nil`.
    static func place(_ amounts: [PageTextToken], rows: [RawTextEconomicRows.Row], basicTotal: Int64?) -> Outcome {
        let values = amounts.compactMap(\.amount)
        var printed: [Int64: String] = [:]
        for token in amounts { if let value = token.amount, printed[value] == nil { printed[value] = String(token.text) } }
        func text(_ value: Int64) -> String { printed[value] ?? (value == 0 ? "空白" : "") }
        let cellCount = rows.count + 2
        guard values.count == amounts.count, values.count <= min(cellCount, amountLimit), values.allSatisfy({ $0 >= 0 && $0 < Int64.max / 1_000 })
        else { return .none(cutShort: false) }
        let classes = rows.filter(\.isClass).map(\.code)
        let itemRows = classes.map { code in rows.filter { !$0.isClass && $0.classCode == code }.count }
        let personnel = classes.indices.filter { RawTextEconomicRows.personnelClasses.contains(classes[$0]) }
        let publicCosts = classes.indices.filter { !RawTextEconomicRows.personnelClasses.contains(classes[$0]) }
        // The values that place (0.00 is a blank), largest first, with their counts.
        var counts: [Int64: Int] = [:]
        for value in values where value > 0 { counts[value, default: 0] += 1 }
        let distinct = counts.keys.sorted(by: >)
        var left = distinct.map { counts[$0] ?? 0 }

        var steps = 0
        /// The splits (`wanted` at most) whose sums hold within `cap` (hundredths) at most, and whether the step
        /// limit cut the search short.
        func search(cap: Int64, wanted: Int) -> (found: [Split], cutShort: Bool) {
            var found: [Split] = []
            var cutShort = false
            func tick() -> Bool {
                steps += 1
                if steps > stepLimit { cutShort = true }
                return !cutShort && found.count < wanted
            }
            func tolerance(_ terms: Int) -> Int64 { min(Self.tolerance(terms), cap) }
            func close(_ a: Int64, _ b: Int64, parts: Int) -> Bool { abs(a - b) <= tolerance(parts) }
            /// Takes one of the values left (index into `distinct`, or -1: blank) for each choice in `choose`.
            func take(_ index: Int) -> Int64 {
                guard index >= 0 else { return 0 }
                left[index] -= 1
                return distinct[index]
            }
            func giveBack(_ index: Int) { if index >= 0 { left[index] += 1 } }
            func options() -> [Int] { distinct.indices.filter { left[$0] > 0 } + [-1] }

            var split = Split(personnel: 0, publicCosts: 0, classes: Array(repeating: 0, count: classes.count),
                items: Array(repeating: [], count: classes.count))

            var rest: Int64 = 0  // the sum of the values left
            /// The 款: the values left, largest first, each to a 类 with room whose 款 can still reach its value.
            func items(_ position: Int, _ sums: inout [Int64]) {
                guard tick() else { return }
                guard let index = (position..<distinct.count).first(where: { left[$0] > 0 }) else {
                    for (c, sum) in sums.enumerated() where !close(sum, split.classes[c], parts: itemRows[c]) { return }
                    if !found.contains(split) { found.append(split) }
                    return
                }
                let value = distinct[index]
                // What is left must fit what the 类 still need and can still take.
                var need: Int64 = 0
                var room: Int64 = 0
                for c in classes.indices {
                    let open = split.classes[c] - sums[c]
                    let slack = tolerance(itemRows[c])
                    if split.items[c].count < itemRows[c] {
                        need += max(0, open - slack)
                        room += max(0, open + slack)
                    } else if open > slack {
                        return  // a 类 with every 款 filled still short of its value
                    }
                }
                guard rest >= need, rest <= room else { return }
                for c in classes.indices where split.items[c].count < itemRows[c] {
                    // 款 ≥ 0: a 类 whose 款 already reach past its value (and its tolerance) takes no more.
                    guard sums[c] + value <= split.classes[c] + tolerance(itemRows[c]) else { continue }
                    left[index] -= 1
                    sums[c] += value
                    rest -= value
                    split.items[c].append(value)
                    items(index, &sums)
                    split.items[c].removeLast()
                    rest += value
                    sums[c] -= value
                    left[index] += 1
                    if cutShort || found.count >= wanted { return }
                }
            }
            /// The 类 rows of `side`, from `at`: their sum is the side's total (06-2, 06-3); the last 类 takes what the
            /// others leave (within the tolerance).
            func classValues(_ side: [Int], _ at: Int, total: Int64, then next: () -> Void) {
                guard tick() else { return }
                if side.isEmpty {
                    if total == 0 { next() }
                    return
                }
                let sum = side[..<at].reduce(Int64(0)) { $0 + split.classes[$1] }
                let last = at == side.count - 1
                for option in options() {
                    let value = option >= 0 ? distinct[option] : 0
                    if last {
                            guard close(sum + value, total, parts: side.count) else { continue }
                    } else if sum + value > total + tolerance(side.count) {
                        continue
                    }
                    split.classes[side[at]] = take(option)
                    if last { next() } else { classValues(side, at + 1, total: total, then: next) }
                    giveBack(option)
                    split.classes[side[at]] = 0
                    if cutShort || found.count >= wanted { return }
                }
            }
            func itemsAll() {
                // The 款 left sum to the 类 (within their tolerance), or no split holds.
                rest = 0
                for (index, count) in left.enumerated() { rest += distinct[index] * Int64(count) }
                let target = split.classes.reduce(0, +)
                let slack = itemRows.reduce(Int64(0)) { $0 + tolerance($1) }
                guard abs(rest - target) <= slack else { return }
                var sums = Array(repeating: Int64(0), count: classes.count)
                items(0, &sums)
            }
            for personnelOption in options() {
                split.personnel = take(personnelOption)
                for publicOption in options() {
                    split.publicCosts = take(publicOption)
                    if let basicTotal, !close(split.personnel + split.publicCosts, basicTotal, parts: 2) {
                        giveBack(publicOption)
                        continue
                    }
                    classValues(personnel, 0, total: split.personnel) {
                        classValues(publicCosts, 0, total: split.publicCosts) { itemsAll() }
                    }
                    giveBack(publicOption)
                    if cutShort || found.count >= wanted { break }
                }
                giveBack(personnelOption)
                if cutShort || found.count >= wanted { break }
            }
            return (found, cutShort)
        }
        // The tightest splits first (exact, then within 1 hundredth a sum, 2, 3, 4, then the checks' full 尾数误差), so
        // that the readings named are the likeliest; the decision is the full tolerance's (the last pass).
        var tightest: [Split] = []
        var outcome: (found: [Split], cutShort: Bool) = ([], false)
        // A search cut short after two splits still knows the table is open, not which cells are settled.
        var complete = true
        for cap in [0, 1, 2, 3, 4, Int64.max] {
            outcome = search(cap: cap, wanted: cap == Int64.max ? splitLimit + 1 : 2)
            if tightest.isEmpty { tightest = outcome.found }
            if outcome.cutShort {
                guard outcome.found.count >= 2 else { return .none(cutShort: true) }
                complete = false
                break
            }
        }
        let found = outcome.found
        guard found.first != nil, let first = tightest.first else { return .none(cutShort: false) }
        // Two splits: the first place they differ (a total, a 类 row, a 类's 款).
        let other = found.first { $0 != first } ?? (found.count > 1 ? found[1] : nil)
        let splits = other.map { describe(first, $0, classes: classes, rows: rows, text: text) }
        // A split is one reading only when each 类's 款 hold one value each; else swapping two 款 is a second reading
        // (named first: it is what no identity can ever settle).
        var described = splits
        for (c, code) in classes.enumerated() {
            let values = first.items[c] + Array(repeating: 0, count: itemRows[c] - first.items[c].count)
            if Set(values).count > 1 {
                let classItems = rows.filter { !$0.isClass && $0.classCode == code }
                let amount = text(first.items[c][0])
                described = "\(code) \(rows.first { $0.code == code }?.label ?? "")的 \(first.items[c].count) 个款金额可在其 "
                    + "\(itemRows[c]) 个款中任意排列（类 = Σ 款 不能区分）：\(amount)→\(name(classItems[0])) | "
                    + "\(amount)→\(name(classItems[1]))" + (splits.map { "；款的分属也有两种：" + $0 } ?? "")
                break
            }
        }
        let cells = found.map { settledCells($0, rows: rows, itemRows: itemRows) }
        guard let described else { return .read(cells[0].map { $0 ?? 0 }) }
        // Read in part: the cells every split gives alike, and no swap of 款 moves. More splits than are looked for,
        // or a search cut short: no cell is known to be settled, every cell is left without a value (the rows are
        // still read).
        var reading = Reading(repeating: 0, count: cellCount)
        var open: [Int] = []
        for index in 0..<cellCount {
            if complete, found.count <= splitLimit, let value = cells[0][index], cells.allSatisfy({ $0[index] == value }) {
                reading[index] = value
            } else {
                open.append(index)
            }
        }
        return .partial(reading, open: open, described: described)
    }

    /// A split's cells in ``Reading`` order: each 类 row's value, each 款's value where its 类's 款 all hold one (all
    /// blank, or a single 款), `nil` for a 款 of a 类 whose 款 could be swapped, then the two totals.
    private static func settledCells(_ split: Split, rows: [RawTextEconomicRows.Row], itemRows: [Int]) -> [Int64?] {
        var cells: [Int64?] = []
        var c = -1
        for row in rows {
            if row.isClass {
                c += 1
                cells.append(split.classes[c])
            } else {
                let values = Set(split.items[c] + Array(repeating: 0, count: itemRows[c] - split.items[c].count))
                cells.append(values.count == 1 ? values.first : nil)
            }
        }
        return cells + [split.personnel, split.publicCosts]
    }

    private static func name(_ row: RawTextEconomicRows.Row) -> String { "\(row.code) \(row.label)" }

    /// Two splits at the first place they differ: a total, a 类 row, or a 类's 款.
    private static func describe(
        _ a: Split, _ b: Split, classes: [String], rows: [RawTextEconomicRows.Row], text: (Int64) -> String
    ) -> String {
        func label(_ code: String) -> String { "\(code) \(rows.first { $0.code == code }?.label ?? "")" }
        if a.personnel != b.personnel { return "人员经费合计 \(text(a.personnel)) | 人员经费合计 \(text(b.personnel))" }
        if a.publicCosts != b.publicCosts { return "公用经费合计 \(text(a.publicCosts)) | 公用经费合计 \(text(b.publicCosts))" }
        for (c, code) in classes.enumerated() where a.classes[c] != b.classes[c] {
            return "\(label(code)) \(text(a.classes[c])) | \(label(code)) \(text(b.classes[c]))"
        }
        for (c, code) in classes.enumerated() where a.items[c] != b.items[c] {
            func list(_ values: [Int64]) -> String { values.isEmpty ? "（无）" : values.map(text).joined(separator: "、") }
            return "\(label(code))的款 \(list(a.items[c])) | \(label(code))的款 \(list(b.items[c]))"
        }
        return ""
    }
}
