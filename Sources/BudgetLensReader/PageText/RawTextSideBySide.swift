import BudgetLensCore

/// Reads 公开01 and 公开04 of raw `pdftotext` text (no `-layout`: one cell a line, in poppler's reading order).
///
/// Raw text prints the standard row labels of both blocks interleaved and the amounts detached from them: an
/// amount may stand before its label, several labels after it (`总计`, then `307.82` three lines on, after the note).
/// What survives is the order of each block's own amounts (收入 rows in 行次 order; 支出 rows in 行次 order). So the
/// labels only say which rows the table has, and the amounts are placed by the identities alone (DOMAIN §1.4:
/// 01-1 本年收入合计 = Σ rows 1–8, 01-2 总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余, 01-3 本年支出合计 = Σ 类,
/// 01-4 总计 = 本年支出合计 + 结余分配 + 年末结转和结余, 01-5 收、支总计 equal), exactly:
///
/// - no amount at all (a blank template): every row blank — read;
/// - one reading of every amount (which block, which row) — read;
/// - two or more: the 类 rows (or the income rows 1–8) are interchangeable in the identities, so unless every one
///   of them holds money, the identities cannot say which row an amount is — not read, and a
///   `page-text.placement-ambiguous` warning names two readings; none: not read (`page-text.row-unplaced`).
///
/// 公开04 with amounts is placed by 公开05/07/08's 类 totals (``AppropriationPlacement``, DOMAIN ); a
/// 公开01 left open is tried again once 公开04 is read, held to it (``settle(_:rows:figures:)``, X-6, X-13, X-5/X-12).
/// The search is bounded (``stepLimit``); a search cut short reads nothing and says so. See docs/page-text.md.
enum RawTextSideBySide {
    /// The 合计 row (`合计`) and 类 rows (`208`) of code tables, by table: each row's column values in 分, `nil`
    /// where the column was not placed for certain.
    typealias CodeTotals = [TableID: [String: [Int64?]]]

    /// Amounts of one table placed at most (a 公开01 has 42 cells).
    static let amountLimit = 400

    /// Search steps looked at, at most, for one table.
    static let stepLimit = 2_000_000

    /// A row of the table: its standard 行次, block, printed label and amount (nil: blank).
    struct Row {
        let line: Int
        let isIncome: Bool
        let label: PageTextToken
        /// The row's cells: one (公开01, 公开04's 收入) or four (公开04's 支出: 合计 and the three funds).
        var cells: [PageTextToken?]
    }

    /// What an amount is in a reading: one of a block's itemised rows (收入 rows 1–8, 支出 类), or a total row
    /// (the index in ``incomeTotals`` / ``expenditureTotals``).
    enum Role: Equatable {
        case incomeItem, incomeTotal(Int), expenditureItem, expenditureTotal(Int)
    }

    /// 公开01's total rows: 收入 (27 本年收入合计, 28 使用非财政拨款结余, 29 年初结转和结余, 31 总计) and 支出
    /// (58 本年支出合计, 59 结余分配, 60 年末结转和结余, 62 总计).
    static let incomeTotals = [27, 28, 29, 31]
    static let expenditureTotals = [58, 59, 60, 62]

    /// Writes table `id` (公开01 or 公开04) of raw text; `false` when it is not read (notes say why where the
    /// amounts could not be placed).
    ///
    /// - Parameters:
    ///   - tokenLines: The region's words, one cell a line.
    ///   - following: The words after the region up to the next title (raw text may print a 总计 label and its
    ///     amount after the note).
    ///   - totals: 公开04 with amounts: the 合计 and 类 rows of 公开05, 07 and 08 as read (``CodeTotals``); `nil`
    ///     before they are read (the table is then not read).
    ///   - summaryLargest: The largest amount printed in 公开01's region, `nil` when none was seen
    ///     (``AppropriationPlacement``).
    ///   - cross: 公开01 with amounts: what 公开04 (read) fixes in it (``CrossFigures``); only the reading that
    ///     holds with them is read.
    static func write(
        _ id: TableID, tokenLines: [[PageTextToken]], following: [[PageTextToken]], totals: CodeTotals? = nil,
        summaryLargest: Int64? = nil, cross: CrossFigures? = nil, location: (Int, Int) -> SourceLocation,
        into table: inout PageTextTables.Rewrite
    ) -> Bool {
        guard id == .incomeExpenditureSummary || id == .appropriationSummary else { return false }
        let tokens = joinWrapped(Array((tokenLines + following).joined()), in: id)
        guard var rows = rows(of: tokens, in: id) else { return false }
        let amounts = tokens.filter { $0.amount != nil }
        let start = location(tokens[0].line, tokens[0].column)
        if !amounts.isEmpty, id == .appropriationSummary {
            // Placed by the code tables read before (公开05, 07, 08); without them, not read.
            guard let totals else { return false }
            switch AppropriationPlacement.place(amounts, rows: rows, totals: totals, summaryLargest: summaryLargest) {
            case .read(let cells):
                for (index, column, token) in cells { rows[index].cells[column] = token }
                table.summaryFigures = CrossFigures(appropriation: rows)
            case .open(let first, let second):
                table.notes.append(RawTextPlacementNotes.ambiguous(
                    id, relations: Self.codeTables, readings: AppropriationPlacement.describe(first, second, rows: rows),
                    at: start))
                return false
            case .none(let cutShort):
                table.notes.append(RawTextPlacementNotes.unplaced(
                    id, relations: Self.codeTables, limit: cutShort ? Self.stepCap(AppropriationPlacement.stepLimit) : nil,
                    at: start))
                return false
            }
        } else if !amounts.isEmpty, let cross {
            // 公开01 again, once 公开04 is read: the readings its own identities leave, held to the other tables'.
            guard settle(amounts, rows: &rows, figures: cross, start: start, into: &table) else { return false }
        } else if !amounts.isEmpty {
            switch place(amounts.compactMap(\.amount), incomeItems: rows.filter { $0.isIncome && $0.line <= 8 }.count,
                classes: rows.filter { !$0.isIncome && !expenditureTotals.contains($0.line) }.count)
            {
            case .read(let roles):
                assign(roles, amounts: amounts, to: &rows)
            case .open(let first, let second):
                table.notes.append(RawTextPlacementNotes.ambiguous(
                    id, relations: nil, readings: describe(first, second, amounts: amounts, rows: rows), at: start))
                return false
            case .none(let cutShort):
                table.notes.append(RawTextPlacementNotes.unplaced(
                    id, relations: nil, limit: cutShort ? Self.stepCap(stepLimit) : nil, at: start))
                return false
            }
        }
        emit(id, rows: rows, start: start, location: location, into: &table)
        return true
    }

    /// The code tables whose identities place 公开04 (named in its notes).
    private static let codeTables = (zh: "公开05、07、08", en: "公开05, 07 and 08")

    /// A search's cap of `steps`, as the notes name it.
    private static func stepCap(_ steps: Int) -> (zh: String, en: String) {
        (zh: " \(steps) 步上限", en: "of \(steps) steps")
    }

    // MARK: Rows

    /// `二十二、灾害防治及应急管理支` + `出`: a numbered label that becomes a standard row with the next word.
    static func joinWrapped(_ tokens: [PageTextToken], in id: TableID) -> [PageTextToken] {
        var result: [PageTextToken] = []
        for token in tokens {
            if token.kind == .text, let last = result.last, last.kind == .text, last.text.contains("、"),
                !StandardRows.isStandardRow(String(last.text), in: id),
                StandardRows.isStandardRow(String(last.text) + token.text, in: id)
            {
                result[result.count - 1] = PageTextToken(
                    text: Substring(String(last.text) + token.text), kind: .text, line: last.line, column: last.column)
                continue
            }
            result.append(token)
        }
        return result
    }

    /// The table's rows from its labels: every 收入 row and every 支出 total row once, the 类 printed once each;
    /// `nil` otherwise (a row missing or twice, a numbered label that is no standard row).
    static func rows(of tokens: [PageTextToken], in id: TableID) -> [Row]? {
        let incomeLines = id == .appropriationSummary ? [1, 2, 3, 27, 28, 29, 30, 31, 32] : [1, 2, 3, 4, 5, 6, 7, 8] + incomeTotals
        let totalLines = id == .appropriationSummary ? [59, 60, 64] : expenditureTotals
        var income: [Int: Row] = [:]
        var expenditure: [Int: Row] = [:]
        var carryOver = false  // 公开04: 年初财政拨款结转和结余 seen (the fund rows after it are 29–31)
        for token in tokens where token.kind == .text {
            let label = String(token.text)
            let numbered = TextNormalization.leadingOrdinal(label) != nil
            var incomeLine = StandardRows.line(forLabel: label, in: id, isIncome: true, afterCarryOver: false)
            if id == .appropriationSummary, let line = incomeLine, line <= 3, income[line] != nil {
                guard carryOver else { return nil }
                incomeLine = line + 28
            }
            let expenditureLine = StandardRows.line(forLabel: label, in: id, isIncome: false, afterCarryOver: false)
            // The itemised 收入 rows (公开01 1–8; 公开04 1–3 and 29–31) are numbered, the totals not.
            let numberedRow: (Int) -> Bool = { id == .appropriationSummary ? ($0 <= 3 || (29...31).contains($0)) : $0 <= 8 }
            if let line = incomeLine, numberedRow(line) != numbered { incomeLine = nil }
            // A 类 label without its ordinal is a header piece.
            if let line = expenditureLine, !totalLines.contains(line), !numbered { continue }
            if let line = incomeLine, income[line] == nil {
                income[line] = Row(line: line, isIncome: true, label: token, cells: [nil])
                if line == 28, id == .appropriationSummary { carryOver = true }
            } else if let line = expenditureLine, expenditure[line] == nil {
                expenditure[line] = Row(
                    line: line, isIncome: false, label: token, cells: Array(repeating: nil, count: id == .appropriationSummary ? 4 : 1))
            } else if incomeLine != nil || expenditureLine != nil || (numbered && label.contains("、")) {
                return nil  // a row printed twice, or a numbered row BudgetLens does not know
            }
        }
        guard incomeLines.allSatisfy({ income[$0] != nil }), totalLines.allSatisfy({ expenditure[$0] != nil }),
            expenditure.count > totalLines.count
        else { return nil }
        return income.values.sorted { $0.line < $1.line } + expenditure.values.sorted { $0.line < $1.line }
    }

    // MARK: Placement

    /// The outcome of a search.
    enum Placement: Equatable {
        /// One reading: each amount's role.
        case read([Role])
        /// Two readings (at least) that differ.
        case open([Role], [Role])
        /// None; `cutShort` when the step limit ended the search.
        case none(cutShort: Bool)
    }

    /// Places 公开01's `amounts` (in printed order, 分) by the identities: each block's amounts keep their order
    /// (items, then the total rows in 行次 order, a blank total being 0). `incomeItems` and `classes` are the
    /// numbers of itemised rows: items that fill fewer rows than there are can stand in any of them, a second
    /// reading (the first item one row down) that ``describe`` names.
    ///
    /// Each block's totals are the last of its amounts, so the search walks back from the end: each amount is a
    /// total of a block still in its totals, or an item (its block's earlier amounts are then items too). Once both
    /// blocks are in their items, the amounts left are split between them so that each block's items sum to its
    /// 本年收入合计 / 本年支出合计 (01-1, 01-3): a subset sum, pruned by the sum still reachable with the rows left.
    static func place(_ amounts: [Int64], incomeItems: Int, classes: Int) -> Placement {
        let (readings, cutShort) = readings(amounts, incomeItems: incomeItems, classes: classes, limit: 2)
        if readings.count >= 2 { return .open(readings[0], readings[1]) }
        if cutShort { return .none(cutShort: true) }
        guard let reading = readings.first else { return .none(cutShort: false) }
        // Items fill their rows only when every row has one; else the first item could stand a row lower.
        let incomeUsed = reading.filter { $0 == .incomeItem }.count
        let classUsed = reading.filter { $0 == .expenditureItem }.count
        if (incomeUsed > 0 && incomeUsed < incomeItems) || (classUsed > 0 && classUsed < classes) {
            return .open(reading, reading)
        }
        return .read(reading)
    }

    /// The readings of ``place(_:incomeItems:classes:)`` that give different cells, at most `limit` (the search
    /// stops there); `cutShort` when the step limit ended the search. Amounts below 0, or more than
    /// ``amountLimit``: none.
    static func readings(_ amounts: [Int64], incomeItems: Int, classes: Int, limit: Int) -> (readings: [[Role]], cutShort: Bool) {
        // Totals and sums are compared exactly; an amount below 0 is not placed (the pruning needs amounts ≥ 0).
        guard amounts.count <= amountLimit, amounts.allSatisfy({ $0 >= 0 && $0 < Int64.max / Int64(amountLimit + 1) }) else {
            return ([], false)
        }
        var readings: [[Role]] = []
        var keys: [[Int64]] = []
        var roles = [Role?](repeating: nil, count: amounts.count)
        var steps = 0
        var cutShort = false
        var incomeSet = [Int64?](repeating: nil, count: 4)
        var expenditureSet = [Int64?](repeating: nil, count: 4)

        func tick() -> Bool {
            steps += 1
            if steps > stepLimit { cutShort = true }
            return !cutShort && readings.count < limit
        }
        /// A block's totals hold (01-2 / 01-4: 总计 = 合计 + the two rows between), blanks 0.
        func totalsHold(_ set: [Int64?]) -> Bool {
            let value = set.map { $0 ?? 0 }
            return value[3] == value[0] + value[1] + value[2]
        }
        func record() {
            let done = roles.compactMap { $0 }
            // The reading's cells: each block's item values in order, then its totals.
            var key: [Int64] = []
            for (role, value) in zip(done, amounts) where role == .incomeItem { key.append(value) }
            key.append(-1)
            for (role, value) in zip(done, amounts) where role == .expenditureItem { key.append(value) }
            key += [-1] + incomeSet.map { $0 ?? 0 } + expenditureSet.map { $0 ?? 0 }
            if !keys.contains(key) {
                keys.append(key)
                readings.append(done)
            }
        }
        // The item split of amounts[0..<end]: income items summing to `target` (count ≤ `room`), the rest 类 (count ≤
        // `classRoom`). Suffix sums bound the search.
        var suffix = [Int64](repeating: 0, count: amounts.count + 1)
        for index in amounts.indices.reversed() { suffix[index] = suffix[index + 1] + amounts[index] }
        // largest[i][k]: the sum of the k largest of amounts[0...i].
        var largest: [[Int64]] = []
        var sorted: [Int64] = []
        for value in amounts {
            sorted.insert(value, at: sorted.firstIndex { $0 < value } ?? sorted.count)
            var sums: [Int64] = [0]
            for value in sorted { sums.append(sums[sums.count - 1] + value) }
            largest.append(sums)
        }
        func split(_ index: Int, target: Int64, room: Int, classRoom: Int) {
            guard tick() else { return }
            if target < 0 || room < 0 || classRoom < 0 { return }
            if index < 0 {
                if target == 0 { record() }
                return
            }
            // Amounts left: index + 1. Income can take at most `room` of them: their sum must reach the target.
            if largest[index][min(room, index + 1)] < target { return }
            if index + 1 > room + classRoom { return }
            roles[index] = .incomeItem
            split(index - 1, target: target - amounts[index], room: room - 1, classRoom: classRoom)
            roles[index] = .expenditureItem
            split(index - 1, target: target, room: room, classRoom: classRoom - 1)
            roles[index] = nil
        }
        // Backwards: `incomeLast` / `expenditureLast`: the lowest total index set so far (4: none), or -1 once the
        // block is in its items; the items met so far and their sums.
        func walk(_ index: Int, incomeLast: Int, expenditureLast: Int, incomeSum: Int64, incomeCount: Int,
            expenditureSum: Int64, expenditureCount: Int)
        {
            guard tick() else { return }
            if incomeCount > incomeItems || expenditureCount > classes { return }
            let incomeTotal = incomeSet[0] ?? 0
            let expenditureTotal = expenditureSet[0] ?? 0
            // A block in its items has all its totals: they hold, and its items so far are within its 合计.
            if incomeLast < 0, !totalsHold(incomeSet) || incomeSum > incomeTotal { return }
            if expenditureLast < 0, !totalsHold(expenditureSet) || expenditureSum > expenditureTotal { return }
            // 收、支总计 balance (01-5) once both are known.
            if incomeLast < 4, expenditureLast < 4, (incomeSet[3] ?? 0) != (expenditureSet[3] ?? 0) { return }
            if incomeLast < 0 && expenditureLast < 0 || index < 0 {
                // Both blocks in their items (or no amount left): the rest split by the sums.
                guard totalsHold(incomeSet), totalsHold(expenditureSet), (incomeSet[3] ?? 0) == (expenditureSet[3] ?? 0)
                else { return }
                let target = incomeTotal - incomeSum
                guard target >= 0, expenditureTotal - expenditureSum >= 0,
                    index < 0 ? target == 0 && expenditureTotal == expenditureSum
                        : suffix[0] - suffix[index + 1] == target + expenditureTotal - expenditureSum
                else { return }
                if index < 0 {
                    record()
                } else {
                    // A block already in its totals takes no item.
                    split(index, target: target, room: incomeLast < 0 ? incomeItems - incomeCount : 0,
                        classRoom: expenditureLast < 0 ? classes - expenditureCount : 0)
                }
                return
            }
            let value = amounts[index]
            // A total of a block still in its totals (the ones before the last set, in 行次 order).
            if incomeLast > 0 {
                for total in (0..<incomeLast).reversed() {
                    incomeSet[total] = value
                    roles[index] = .incomeTotal(total)
                    walk(index - 1, incomeLast: total, expenditureLast: expenditureLast, incomeSum: incomeSum,
                        incomeCount: incomeCount, expenditureSum: expenditureSum, expenditureCount: expenditureCount)
                    incomeSet[total] = nil
                }
            }
            if expenditureLast > 0 {
                for total in (0..<expenditureLast).reversed() {
                    expenditureSet[total] = value
                    roles[index] = .expenditureTotal(total)
                    walk(index - 1, incomeLast: incomeLast, expenditureLast: total, incomeSum: incomeSum,
                        incomeCount: incomeCount, expenditureSum: expenditureSum, expenditureCount: expenditureCount)
                    expenditureSet[total] = nil
                }
            }
            // An item: its block's totals are all met (the rest blank).
            roles[index] = .incomeItem
            walk(index - 1, incomeLast: -1, expenditureLast: expenditureLast, incomeSum: incomeSum + value,
                incomeCount: incomeCount + 1, expenditureSum: expenditureSum, expenditureCount: expenditureCount)
            roles[index] = .expenditureItem
            walk(index - 1, incomeLast: incomeLast, expenditureLast: -1, incomeSum: incomeSum, incomeCount: incomeCount,
                expenditureSum: expenditureSum + value, expenditureCount: expenditureCount + 1)
            roles[index] = nil
        }
        walk(amounts.count - 1, incomeLast: 4, expenditureLast: 4, incomeSum: 0, incomeCount: 0, expenditureSum: 0,
            expenditureCount: 0)
        return (readings, cutShort)
    }

    /// Puts each amount in its row under `roles`: items in their block's itemised rows in order, totals in theirs.
    private static func assign(_ roles: [Role], amounts: [PageTextToken], to rows: inout [Row]) {
        let incomeItems = rows.indices.filter { rows[$0].isIncome && rows[$0].line <= 8 }
        let classes = rows.indices.filter { !rows[$0].isIncome && !expenditureTotals.contains(rows[$0].line) }
        var nextIncome = 0
        var nextClass = 0
        for (role, amount) in zip(roles, amounts) {
            let row: Int?
            switch role {
            case .incomeItem:
                row = incomeItems[nextIncome]
                nextIncome += 1
            case .expenditureItem:
                row = classes[nextClass]
                nextClass += 1
            case .incomeTotal(let index): row = rows.firstIndex { $0.isIncome && $0.line == incomeTotals[index] }
            case .expenditureTotal(let index): row = rows.firstIndex { !$0.isIncome && $0.line == expenditureTotals[index] }
            }
            if let row { rows[row].cells[0] = amount }
        }
    }

    /// The two readings at the first amount they place differently (`6.20→其他收入 | 6.20→本年支出合计…`); for one
    /// reading whose items fill only some rows, its first item in the first row and one row lower.
    static func describe(_ first: [Role], _ second: [Role], amounts: [PageTextToken], rows: [Row]) -> String {
        func name(_ role: Role) -> String {
            switch role {
            case .incomeItem: return "收入第1–8行之一"
            case .expenditureItem: return "支出某一类"
            case .incomeTotal(let index):
                return rows.first { $0.isIncome && $0.line == incomeTotals[index] }.map { String($0.label.text) } ?? ""
            case .expenditureTotal(let index):
                return rows.first { !$0.isIncome && $0.line == expenditureTotals[index] }.map { String($0.label.text) } ?? ""
            }
        }
        if first != second, let index = first.indices.first(where: { first[$0] != second[$0] }) {
            return "\(amounts[index].text)→\(name(first[index])) | \(amounts[index].text)→\(name(second[index]))"
        }
        // Items in fewer rows than there are: the first item in the first row, or in the next.
        let incomeUsed = first.filter { $0 == .incomeItem }.count
        let isIncome = incomeUsed > 0 && incomeUsed < rows.filter { $0.isIncome && $0.line <= 8 }.count
        let item: Role = isIncome ? .incomeItem : .expenditureItem
        let itemRows = rows.filter {
            isIncome ? ($0.isIncome && $0.line <= 8) : (!$0.isIncome && !expenditureTotals.contains($0.line))
        }
        let used = first.filter { $0 == item }.count
        guard let index = first.firstIndex(of: item), itemRows.count > 1 else { return "" }
        return "\(used) 个金额可在 \(itemRows.count) 行中任选 \(used) 行（合计 = Σ 各行不能区分）："
            + "\(amounts[index].text)→\(itemRows[0].label.text) | \(amounts[index].text)→\(itemRows[1].label.text)"
    }

    // MARK: Output

    /// The tab-separated rows, laid out as the PDF prints them (收入 row beside 支出 row).
    private static func emit(
        _ id: TableID, rows: [Row], start: SourceLocation, location: (Int, Int) -> SourceLocation,
        into table: inout PageTextTables.Rewrite
    ) {
        let expenditureColumns = id == .appropriationSummary ? 4 : 1
        SideBySidePageTable.appendHeader(of: id, at: start, into: &table)
        // 收入 rows up to the first total beside the 类; the totals beside each other.
        let firstTotal = 27  // 本年收入合计 in both tables
        let incomeItems = rows.filter { $0.isIncome && $0.line < firstTotal }
        let incomeTotalRows = rows.filter { $0.isIncome && $0.line >= firstTotal }
        let totalLines = id == .appropriationSummary ? [59, 60, 64] : expenditureTotals
        let classes = rows.filter { !$0.isIncome && !totalLines.contains($0.line) }
        let expenditureTotalRows = rows.filter { !$0.isIncome && totalLines.contains($0.line) }
        func fields(_ row: Row?, columns: Int) -> [(text: String, location: SourceLocation)] {
            guard let row else { return Array(repeating: ("", start), count: columns + 1) }
            let here = location(row.label.line, row.label.column)
            let cells = row.cells.map { cell in
                cell.map { (text: String($0.text), location: location($0.line, $0.column)) } ?? (text: "", location: here)
            }
            return [(String(row.label.text), here)] + cells
        }
        for index in 0..<max(incomeItems.count, classes.count) {
            table.append(fields(index < incomeItems.count ? incomeItems[index] : nil, columns: 1)
                + fields(index < classes.count ? classes[index] : nil, columns: expenditureColumns))
        }
        // 本年收入合计 | 本年支出合计, the carry-overs, 总计 | 总计 (公开04: the fund rows of 年初 alone).
        var expenditureQueue = expenditureTotalRows[...]
        for row in incomeTotalRows {
            let beside: Row?
            if row.line == 31 && id == .incomeExpenditureSummary || row.line == 32 {
                beside = expenditureQueue.last
                expenditureQueue = expenditureQueue.dropLast()
            } else if id == .appropriationSummary && (29...31).contains(row.line) {
                beside = nil
            } else {
                beside = expenditureQueue.popFirst()
            }
            table.append(fields(row, columns: 1) + fields(beside, columns: expenditureColumns))
        }
        for row in expenditureQueue { table.append(fields(nil, columns: 1) + fields(row, columns: expenditureColumns)) }
    }
}
