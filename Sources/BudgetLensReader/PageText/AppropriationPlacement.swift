import BudgetLensCore

/// Places the amounts of 公开04 read from raw `pdftotext` text (``RawTextSideBySide``), where the amounts stand
/// apart from their labels, by the table's identities and the code tables read before it.
///
/// The 支出 类 rows are not told apart by 公开04's own identities (04-5 sums them), but the code tables fix each of
/// them (DOMAIN §1.7 and the cross-table identities): a 类 row's 一般公共预算财政拨款 = 公开05's 类 合计, its
/// 政府性基金预算财政拨款 = 公开07's 类 本年支出合计, its 国有资本经营预算财政拨款 = 公开08's (X-10; Shanghai's 公开08
/// has 公开07's six columns), its 合计 the sum (04-4); 本年支出合计 likewise from the tables' 合计 rows;
/// the 收入 rows 二/三 and 年初's 政府性基金/国有资本经营 rows = 公开07/08's 合计 本年收入 / 年初结转和结余, and 年末's
/// = their 年末结转和结余; 本年收入合计 = 公开02's 合计 财政拨款收入 when 公开02 was read. What the tables do not
/// give — 一、一般公共预算财政拨款, 年初 and its 一般公共预算 row, 总计, 年末's 合计 and 一般公共预算 — is placed by
/// 04-1, 04-2, 04-3, 04-6, 04-7 and 04-8.
///
/// Raw text keeps each block's order: the 收入 amounts in 行次 order; the 支出 cells the code tables give in 行次
/// order within each column (the columns may interleave: the ONLYOFFICE PDF prints some rows column by column), then
/// 年末 and 总计 row by row in column order (blank cells dropped); the two blocks interleaved. A printed amount matches a cell the code tables give when it
/// is within 1 分 of it (a 尾数 difference between the tables is the checks' business, not the reader's: the
/// printed amount is what is read). Every reading is searched (bounded): one reading is read; two that give
/// different cells leave the table unread with both named; none, or a search cut short, too.
enum AppropriationPlacement {
    /// Search steps looked at, at most, for one table.
    static let stepLimit = 2_000_000

    /// A reading: (row index, column, amount) for each printed amount.
    typealias Reading = [(row: Int, column: Int, token: PageTextToken)]

    /// The outcome of the search.
    enum Outcome {
        case read(Reading)
        case open(Reading, Reading)
        case none(cutShort: Bool)
    }

    /// 公开04's amounts placed in `rows` (``RawTextSideBySide/rows(of:in:)``) under the code tables' `totals`.
    static func place(
        _ amounts: [PageTextToken], rows: [RawTextSideBySide.Row], totals: RawTextSideBySide.CodeTotals,
        summaryLargest: Int64? = nil
    ) -> Outcome {
        // 公开01's 总计 (row 31) = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余 (01-2) ≥ 公开02's 合计 本年收入合计
        // (X-1) + 公开04's 年初财政拨款结转和结余 (X-13: 01 row29 ≥ 04 row28), and is printed in 公开01: no larger than
        // the largest amount there. (It tells 本年 from 年初 where 04's own identities cannot: 307.82 this year, or
        // carried over.)
        let incomeTotal = totals[.income]?["合计"]?.first ?? nil
        let carryOverLimit: Int64? = summaryLargest.flatMap { largest in incomeTotal.map { largest - $0 } }
        // 公开05 (合计, 基本, 项目) and Shanghai's 公开07/08 (年初, 本年收入, 本年支出合计, 基本, 项目, 年末).
        // 公开05's total column is always placed for certain; 公开07/08's columns used here must be.
        guard let general = totals[.generalBudgetExpenditure]?.mapValues({ $0.map { $0 ?? 0 } }),
            let fund = certain(totals[.governmentFund]), let capital = certain(totals[.stateCapital]),
            general.values.allSatisfy({ $0.count == 3 }),
            fund.values.allSatisfy({ $0.count == 6 }), capital.values.allSatisfy({ $0.count == 6 }),
            let generalTotal = general["合计"], let fundTotal = fund["合计"], let capitalTotal = capital["合计"]
        else { return .none(cutShort: false) }
        let rowIndex: (Bool, Int) -> Int? = { isIncome, line in
            rows.firstIndex { $0.isIncome == isIncome && $0.line == line }
        }
        guard let expenditureTotal = rowIndex(false, 59), let carryOut = rowIndex(false, 60), let grandTotal = rowIndex(false, 64)
        else { return .none(cutShort: false) }

        // The 支出 cells the code tables give, in printed order: each 类 row, then 本年支出合计.
        var known: [(row: Int, column: Int, value: Int64)] = []
        func add(_ row: Int, _ funds: [Int64]) -> Bool {
            let (partial, overflow1) = funds[0].addingReportingOverflow(funds[1])
            let (sum, overflow2) = partial.addingReportingOverflow(funds[2])
            guard !overflow1, !overflow2 else { return false }
            for (column, value) in ([sum] + funds).enumerated() where value != 0 { known.append((row, column, value)) }
            return true
        }
        var classCodes = Set(general.keys).union(fund.keys).union(capital.keys)
        classCodes.remove("合计")
        for index in rows.indices where !rows[index].isIncome && ![59, 60, 64].contains(rows[index].line) {
            guard let code = StandardRows.classCode(atLine: rows[index].line, in: .appropriationSummary) else {
                return .none(cutShort: false)
            }
            classCodes.remove(code)
            guard add(index, [general[code]?[0] ?? 0, fund[code]?[2] ?? 0, capital[code]?[2] ?? 0]) else {
                return .none(cutShort: false)
            }
        }
        // A 类 with money in the code tables but no row in 公开04: cannot be placed.
        guard classCodes.allSatisfy({ code in
            [general[code]?[0], fund[code]?[2], capital[code]?[2]].allSatisfy { ($0 ?? 0) == 0 }
        }) else { return .none(cutShort: false) }
        let expenditureFunds = [generalTotal[0], fundTotal[2], capitalTotal[2]]
        guard add(expenditureTotal, expenditureFunds) else { return .none(cutShort: false) }

        // 收入 rows in 行次 order; the ones the code tables give.
        let incomeLines = [1, 2, 3, 27, 28, 29, 30, 31, 32]
        let incomeRows = incomeLines.compactMap { rowIndex(true, $0) }
        guard incomeRows.count == incomeLines.count else { return .none(cutShort: false) }
        var givenIncome: [Int: Int64] = [2: fundTotal[1], 3: capitalTotal[1], 30: fundTotal[0], 31: capitalTotal[0]]
        // 本年收入合计 = 公开02's 合计 财政拨款收入, when 公开02 was read.
        if let income = totals[.income]?["合计"], income.count == 7, let appropriation = income[1] {
            givenIncome[27] = appropriation
        }

        var readings: [Reading] = []
        var keys: [[Int64]] = []
        var current: Reading = []
        var income = [Int64?](repeating: nil, count: incomeLines.count)
        var carryOutAmounts: [PageTextToken] = []
        var totalAmounts: [PageTextToken] = []
        var steps = 0
        var cutShort = false

        func close(_ a: Int64, _ b: Int64, parts: Int) -> Bool {
            let difference = a > b ? a - b : b - a
            return difference <= Int64(max(1, parts - 1))
        }
        func sum(_ values: [Int64]) -> Int64? {
            var total: Int64 = 0
            for value in values {
                let (result, overflow) = total.addingReportingOverflow(value)
                if overflow { return nil }
                total = result
            }
            return total
        }

        /// The reading is complete: the identities that need the unknown rows.
        func finish() {
            let value = income.map { $0 ?? 0 }  // by incomeLines order
            for (position, line) in incomeLines.enumerated() {
                if let given = givenIncome[line], !close(value[position], given, parts: 1) { return }
            }
            if let carryOverLimit, value[4] - 1 > carryOverLimit { return }  // within 1 分
            guard let thisYear = sum(Array(value[0...2])), close(value[3], thisYear, parts: 3),  // 04-1
                let opening = sum(Array(value[5...7])), close(value[4], opening, parts: 3),  // 04-2
                let grand = sum([value[3], value[4]]), close(value[8], grand, parts: 2)  // 04-3
            else { return }
            // The funds with money in the 收入 block: the only 支出 fund columns that may hold any.
            var allowed: Set<Int> = [0]
            for fund in 0..<3 where value[fund] != 0 || value[5 + fund] != 0 { allowed.insert(fund + 1) }
            let identity = [ColumnPlacement.Identity(total: 0, parts: [1, 2, 3])]
            let carryValues = carryOutAmounts.compactMap(\.amount)
            let totalValues = totalAmounts.compactMap(\.amount)
            let carryPlacements = carryValues.isEmpty
                ? [[]] : (ColumnPlacement.candidates(carryValues, columnCount: 4, ordered: true, identities: identity, allowed: allowed) ?? [])
            let totalPlacements = totalValues.isEmpty
                ? [[]] : (ColumnPlacement.candidates(totalValues, columnCount: 4, ordered: true, identities: identity, allowed: allowed) ?? [])
            let spent = [expenditureFunds.reduce(0, +)] + expenditureFunds  // no overflow: add() checked it
            for carryPlacement in carryPlacements {
                let carry = ColumnPlacement.values(carryValues, at: carryPlacement, columnCount: 4)
                // 年末's 政府性基金 and 国有资本经营 = 公开07/08's 年末结转和结余; 04-8 per fund.
                guard close(carry[2], fundTotal[5], parts: 1), close(carry[3], capitalTotal[5], parts: 1) else { continue }
                var fundsHold = true
                for fund in 0..<3 {
                    let (a, o1) = value[5 + fund].addingReportingOverflow(value[fund])
                    let (expected, o2) = a.subtractingReportingOverflow(spent[fund + 1])
                    if o1 || o2 || !close(carry[fund + 1], expected, parts: 3) { fundsHold = false }
                }
                guard fundsHold else { continue }
                for totalPlacement in totalPlacements {
                    let total = ColumnPlacement.values(totalValues, at: totalPlacement, columnCount: 4)
                    // 04-6 in each column, 04-7.
                    guard (0..<4).allSatisfy({ column in
                        sum([spent[column], carry[column]]).map { close(total[column], $0, parts: 2) } ?? false
                    }), close(value[8], total[0], parts: 1)
                    else { continue }
                    var reading = current
                    reading += zip(carryOutAmounts, carryPlacement).map { (carryOut, $1, $0) }
                    reading += zip(totalAmounts, totalPlacement).map { (grandTotal, $1, $0) }
                    let key = cellsKey(reading)
                    if !keys.contains(key) {
                        keys.append(key)
                        readings.append(reading)
                    }
                    if readings.count >= 2 { return }
                }
            }
        }

        var incomeTokens = [PageTextToken?](repeating: nil, count: incomeLines.count)
        // Each column's known cells in row order: raw text keeps a column's order, but may print a few rows' cells
        // column by column (`2,106.66 2,106.66 326.71 60.99 326.71 60.99`), so the columns interleave freely.
        let byColumn = (0..<4).map { column in known.filter { $0.column == column }.map { (row: $0.row, value: $0.value) } }
        var pointers = [0, 0, 0, 0]
        // States from which no reading was found (amounts placed so far, each column's cells taken, the 收入 values
        // set, the 年末 and 总计 amounts gathered): met again by another interleaving of equal amounts, not searched
        // again (rawtext7).
        var dead = Set<[Int64]>()
        func search(_ index: Int, incomeNext: Int, stage: Int) {
            if cutShort || readings.count >= 2 { return }
            steps += 1
            if steps > stepLimit {
                cutShort = true
                return
            }
            var state: [Int64] = [Int64(index), Int64(incomeNext), Int64(stage)] + pointers.map { Int64($0) }
            state += income.map { $0 ?? -1 } + [-2] + carryOutAmounts.map { Int64($0.line) } + [-2]
                + totalAmounts.map { Int64($0.line) }
            if dead.contains(state) { return }
            let found = readings.count
            defer { if readings.count == found && !cutShort { dead.insert(state) } }
            if index == amounts.count {
                guard (0..<4).allSatisfy({ pointers[$0] == byColumn[$0].count }) else { return }
                let saved = current
                for (position, token) in incomeTokens.enumerated() {
                    if let token { current.append((incomeRows[position], 0, token)) }
                }
                finish()
                current = saved
                return
            }
            let token = amounts[index]
            guard let value = token.amount else { return }
            // 支出: the next cell of a column the code tables give, then 年末 (four cells at most), then 总计.
            for column in 0..<4 where stage == 0 && pointers[column] < byColumn[column].count {
                let cell = byColumn[column][pointers[column]]
                guard close(value, cell.value, parts: 1) else { continue }
                current.append((cell.row, column, token))
                pointers[column] += 1
                search(index + 1, incomeNext: incomeNext, stage: 0)
                pointers[column] -= 1
                current.removeLast()
            }
            if (0..<4).allSatisfy({ pointers[$0] == byColumn[$0].count }) {
                if stage <= 1, carryOutAmounts.count < 4 {
                    carryOutAmounts.append(token)
                    search(index + 1, incomeNext: incomeNext, stage: 1)
                    carryOutAmounts.removeLast()
                }
                if totalAmounts.count < 4 {
                    totalAmounts.append(token)
                    search(index + 1, incomeNext: incomeNext, stage: 2)
                    totalAmounts.removeLast()
                }
            }
            // 收入: a row after the last one set; a row the code tables give must match.
            for position in incomeNext..<incomeLines.count {
                if let given = givenIncome[incomeLines[position]], !close(value, given, parts: 1) { continue }
                income[position] = value
                incomeTokens[position] = token
                search(index + 1, incomeNext: position + 1, stage: stage)
                income[position] = nil
                incomeTokens[position] = nil
            }
        }
        search(0, incomeNext: 0, stage: 0)
        if cutShort { return .none(cutShort: true) }
        if readings.count >= 2 { return .open(readings[0], readings[1]) }
        return readings.first.map { .read($0) } ?? .none(cutShort: false)
    }

    /// A code table's rows when every column was placed for certain, else `nil`.
    private static func certain(_ rows: [String: [Int64?]]?) -> [String: [Int64]]? {
        guard let rows else { return nil }
        var result: [String: [Int64]] = [:]
        for (code, values) in rows {
            let known = values.compactMap { $0 }
            guard known.count == values.count else { return nil }
            result[code] = known
        }
        return result
    }

    /// A reading's cells, comparable: equal amounts swapped between cells are the same reading.
    private static func cellsKey(_ reading: Reading) -> [Int64] {
        reading.map { [Int64($0.row), Int64($0.column), $0.token.amount ?? 0] }
            .sorted { $0.lexicographicallyPrecedes($1) }.flatMap { $0 }
    }

    /// The two readings at the first cell they fill differently (`21.63→年初…一般公共预算 | 21.63→…`).
    static func describe(_ first: Reading, _ second: Reading, rows: [RawTextSideBySide.Row]) -> String {
        let columns = ["", "（合计）", "（一般公共预算财政拨款）", "（政府性基金预算财政拨款）", "（国有资本经营预算财政拨款）"]
        func name(_ cell: (row: Int, column: Int, token: PageTextToken)) -> String {
            let row = rows[cell.row]
            return "\(cell.token.text)→\(row.label.text)" + (row.isIncome ? "" : columns[cell.column + 1])
        }
        let a = first.sorted { ($0.token.line, $0.token.column) < ($1.token.line, $1.token.column) }
        let b = second.sorted { ($0.token.line, $0.token.column) < ($1.token.line, $1.token.column) }
        for (x, y) in zip(a, b) where x.row != y.row || x.column != y.column {
            return name(x) + " | " + name(y)
        }
        return a.map(name).joined(separator: "，") + " | " + b.map(name).joined(separator: "，")
    }
}
