import BudgetLensCore

/// 公开01 of raw `pdftotext` text settled by 公开04 once that is read (docs/page-text.md).
///
/// 公开01's own identities (DOMAIN §1.4, 01-1 … 01-5) leave its itemised rows interchangeable: an amount fits any 类
/// row, any of 收入 rows 1–8, and in the corpus even which block it is in. 公开04, read from the code tables
/// (``AppropriationPlacement``), fixes part of 公开01 (DOMAIN §1.4 cross-table identities):
///
/// - 收入 rows 1–3 (the three 财政拨款 rows) = 公开04's rows 1–3, blank = blank;
/// - a 类 row ≥ 公开04's 类 合计 (X-5 with X-12: a 类's 财政拨款 spending is part of all its spending; 04-4), so a 类
///   with 财政拨款 money in 公开04 holds money in 公开01;
/// - 年初结转和结余 (row 29) ≥ 公开04's 年初财政拨款结转和结余 (row 28), 年末结转和结余 (row 60) ≥ 公开04's 年末 合计.
///
/// A printed amount is within 1 分 of what 公开04 gives (尾数误差: the printed amount is read, the checks judge
/// the difference). Every reading of 公开01's own identities (at most ``readingLimit``) is placed row by row under
/// these; exactly one set of cells left: read. Several (at most ``openLimit``): read in part — a cell only where every
/// reading gives it the same value, the others left without a value and named with every row each amount may stand in
/// (`6.20→四、上级补助收入 / 五、事业收入 / … / 八、其他收入`, a `table.ambiguous` warning; docs/page-text.md, "Raw
/// `pdftotext` 公开01 read in part"). None, or more: not read. Bounded by ``RawTextSideBySide/stepLimit``.
extension RawTextSideBySide {
    /// Readings of 公开01's own identities looked at, at most; more: not read (the search cannot say which).
    static let readingLimit = 64

    /// What 公开04 (read) fixes in 公开01, in 分 (blank 0).
    struct CrossFigures: Equatable, Sendable {
        /// 公开01 收入 rows 1–3 = 公开04's rows 1–3.
        var incomeRows: [Int: Int64] = [:]
        /// 类 code (`201`) → 公开04's 类 合计: the least 公开01's 类 row holds.
        var classFloors: [String: Int64] = [:]
        /// 公开04's 年初财政拨款结转和结余: the least 公开01's 年初结转和结余 holds.
        var openingFloor: Int64 = 0
        /// 公开04's 年末财政拨款结转和结余 合计: the least 公开01's 年末结转和结余 holds.
        var closingFloor: Int64 = 0

        init(incomeRows: [Int: Int64] = [:], classFloors: [String: Int64] = [:], openingFloor: Int64 = 0, closingFloor: Int64 = 0) {
            self.incomeRows = incomeRows
            self.classFloors = classFloors
            self.openingFloor = openingFloor
            self.closingFloor = closingFloor
        }

        /// The figures of 公开04's placed `rows` (``RawTextSideBySide/rows(of:in:)``, cells set).
        init(appropriation rows: [Row]) {
            func value(_ row: Row) -> Int64 { row.cells.first.flatMap { $0?.amount } ?? 0 }
            for row in rows {
                if row.isIncome {
                    if (1...3).contains(row.line) { incomeRows[row.line] = value(row) }
                    if row.line == 28 { openingFloor = value(row) }
                } else if row.line == 60 {
                    closingFloor = value(row)
                } else if let code = StandardRows.classCode(atLine: row.line, in: .appropriationSummary) {
                    classFloors[code] = value(row)
                }
            }
        }
    }

    /// A reading of 公开01: for each amount, the index of its row in `rows`.
    typealias RowReading = [Int]

    /// Readings of 公开01 with different cells kept, at most, once 公开04 holds them; more: not read (the cells
    /// they agree on could not be known).
    static let openLimit = 64

    /// The outcome of ``settle(_:rows:figures:)``.
    enum Settlement: Equatable {
        case read(RowReading)
        /// Every reading left (2 … ``openLimit``, each with different cells), in the order found.
        case open([RowReading])
        case none(cutShort: Bool)
    }

    /// Places 公开01's `amounts` (printed order, 分) in `rows` under its own identities and `figures`.
    static func settle(_ amounts: [Int64], rows: [Row], figures: CrossFigures) -> Settlement {
        let incomeRows = rows.indices.filter { rows[$0].isIncome && rows[$0].line <= 8 }
        let classRows = rows.indices.filter { !rows[$0].isIncome && !expenditureTotals.contains(rows[$0].line) }
        let found = readings(amounts, incomeItems: incomeRows.count, classes: classRows.count, limit: readingLimit)
        if found.cutShort || found.readings.count >= readingLimit { return .none(cutShort: true) }
        let close: (Int64, Int64) -> Bool = { value, given in
            abs(value - given) <= 1 && (value == 0) == (given == 0)
        }
        let atLeast: (Int64, Int64) -> Bool = { value, floor in value + 1 >= floor && (floor == 0 || value > 0) }
        /// Whether row `index` may hold `value` (0: blank).
        func accepts(_ index: Int, _ value: Int64) -> Bool {
            let row = rows[index]
            if row.isIncome {
                if row.line <= 8 { return figures.incomeRows[row.line].map { close(value, $0) } ?? true }
                return row.line == 29 ? atLeast(value, figures.openingFloor) : true
            }
            if row.line == 60 { return atLeast(value, figures.closingFloor) }
            guard !expenditureTotals.contains(row.line) else { return true }
            let floor = StandardRows.classCode(atLine: row.line, in: .incomeExpenditureSummary).flatMap { figures.classFloors[$0] } ?? 0
            return atLeast(value, floor)
        }
        var steps = 0
        var cutShort = false
        /// The placements of `items` (amount indices, in order) in `candidates` (row indices, in order), every row
        /// left blank accepting a blank: each with different cells, more than ``openLimit`` only when cut short.
        func placements(_ items: [Int], in candidates: [Int]) -> [[Int]] {
            var found: [[Int]] = []
            var keys: Set<[Int64]> = []
            var chosen: [Int] = []
            func search(_ item: Int, from start: Int) {
                steps += 1
                if steps > stepLimit { cutShort = true }
                // More than ``openLimit``: too many if the other block can be placed at all (said by the caller).
                guard !cutShort, found.count <= openLimit else { return }
                if item == items.count {
                    guard candidates[start...].allSatisfy({ accepts($0, 0) }) else { return }
                    var values = [Int64](repeating: 0, count: candidates.count)
                    for (position, row) in chosen.enumerated() {
                        values[candidates.firstIndex(of: row) ?? 0] = amounts[items[position]]
                    }
                    if keys.insert(values).inserted { found.append(chosen) }
                    return
                }
                var slot = start
                while slot <= candidates.count - (items.count - item) {
                    if accepts(candidates[slot], amounts[items[item]]) {
                        chosen.append(candidates[slot])
                        search(item + 1, from: slot + 1)
                        chosen.removeLast()
                    }
                    // The row passed over stays blank.
                    guard accepts(candidates[slot], 0) else { break }
                    slot += 1
                }
            }
            search(0, from: 0)
            return found
        }
        var results: [RowReading] = []
        var keys: Set<[Int64]> = []
        for roles in found.readings {
            var reading = [Int](repeating: -1, count: amounts.count)
            var totalsHold = true
            var filled: Set<Int> = []
            for (index, role) in roles.enumerated() {
                let line: Int
                let isIncome: Bool
                switch role {
                case .incomeTotal(let total): (line, isIncome) = (incomeTotals[total], true)
                case .expenditureTotal(let total): (line, isIncome) = (expenditureTotals[total], false)
                default: continue
                }
                guard let row = rows.firstIndex(where: { $0.isIncome == isIncome && $0.line == line }), accepts(row, amounts[index])
                else {
                    totalsHold = false
                    break
                }
                reading[index] = row
                filled.insert(row)
            }
            // Total rows without an amount are blank.
            for row in rows.indices where !filled.contains(row) && !incomeRows.contains(row) && !classRows.contains(row) {
                if !accepts(row, 0) { totalsHold = false }
            }
            guard totalsHold else { continue }
            let incomeItems = roles.indices.filter { roles[$0] == .incomeItem }
            let classItems = roles.indices.filter { roles[$0] == .expenditureItem }
            let incomePlacements = placements(incomeItems, in: incomeRows)
            let classPlacements = incomePlacements.isEmpty ? [] : placements(classItems, in: classRows)
            if cutShort { return .none(cutShort: true) }
            if classPlacements.isEmpty { continue }
            if incomePlacements.count > openLimit || classPlacements.count > openLimit { return .none(cutShort: true) }
            for income in incomePlacements {
                for classes in classPlacements {
                    var candidate = reading
                    for (item, row) in zip(incomeItems, income) { candidate[item] = row }
                    for (item, row) in zip(classItems, classes) { candidate[item] = row }
                    var values = [Int64](repeating: 0, count: rows.count)
                    for (index, row) in candidate.enumerated() { values[row] = amounts[index] }
                    if keys.insert(values).inserted { results.append(candidate) }
                    if results.count > openLimit { return .none(cutShort: true) }
                }
            }
            if cutShort { return .none(cutShort: true) }
        }
        if cutShort { return .none(cutShort: true) }
        guard let reading = results.first else { return .none(cutShort: false) }
        return results.count == 1 ? .read(reading) : .open(results)
    }

    /// ``settle(_:rows:figures:)`` on `amounts`, the cells written in `rows`; `false`, with a note, when not read.
    ///
    /// Several readings left: the table is read in part (as 公开09, ``ThreePublicResolution``): the first reading is
    /// written so that the table is read, and the cells the readings place differently are recorded in
    /// `table.openItems`, left without a value once the text is read, with a `table.ambiguous` warning naming, for
    /// each amount placed apart, every row it may stand in. A cell is read only when every reading left gives it the
    /// same value (blank included): exactly one placement is consistent for it.
    static func settle(
        _ amounts: [PageTextToken], rows: inout [Row], figures: CrossFigures, start: SourceLocation,
        into table: inout PageTextTables.Rewrite
    ) -> Bool {
        switch settle(amounts.compactMap(\.amount), rows: rows, figures: figures) {
        case .read(let reading):
            for (index, row) in reading.enumerated() { rows[row].cells[0] = amounts[index] }
            return true
        case .open(let readings):
            for (index, row) in readings[0].enumerated() { rows[row].cells[0] = amounts[index] }
            table.openItems.append(openItems(readings, amounts: amounts, rows: rows, at: start))
            return true
        case .none(let cutShort):
            let limit = (zh: "上限（\(stepLimit) 步或 \(readingLimit) 种读法）", en: "(\(stepLimit) steps or \(readingLimit) readings)")
            table.notes.append(RawTextPlacementNotes.unplaced(
                .incomeExpenditureSummary, relations: (zh: "公开04", en: "公开04"), limit: cutShort ? limit : nil,
                at: start))
            return false
        }
    }

    /// The cells `readings` (two or more) place differently, and the warning naming them: for each amount whose row
    /// differs, every row it may stand in (`6.20→四、上级补助收入 / 五、事业收入 / … / 八、其他收入`).
    static func openItems(
        _ readings: [RowReading], amounts: [PageTextToken], rows: [Row], at start: SourceLocation
    ) -> OpenPlacementResolution.OpenItems {
        // Each row's value (分, blank 0) under each reading.
        let values = readings.map { reading -> [Int64] in
            var cells = [Int64](repeating: 0, count: rows.count)
            for (index, row) in reading.enumerated() { cells[row] = amounts[index].amount ?? 0 }
            return cells
        }
        let open = rows.indices.filter { row in Set(values.map { $0[row] }).count > 1 }
        var named: [String] = []
        for index in amounts.indices {
            var places: [Int] = []
            for reading in readings where !places.contains(reading[index]) { places.append(reading[index]) }
            guard places.count > 1 else { continue }
            named.append("\(amounts[index].text)→" + places.map { String(rows[$0].label.text) }.joined(separator: " / "))
        }
        let cells = open.map { (code: String?.none, item: String(rows[$0].label.text), column: rows[$0].isIncome ? 1 : 2) }
        let unread = [true, false].compactMap { income -> String? in
            let labels = open.filter { rows[$0].isIncome == income }.map { String(rows[$0].label.text) }
            return labels.isEmpty ? nil : (income ? "收入栏 " : "支出栏 ") + labels.joined(separator: "、")
        }.joined(separator: "，")
        let note = ReadProblem(
            code: "table.ambiguous", severity: .warning,
            message: "公开01：原始文本中金额与行的对应有 \(readings.count) 种读法均满足本表及与公开04的勾稽关系，无法确定："
                + named.joined(separator: "；") + "；\(unread) 未读取（本表只读取了一部分；各读法一致的单元格已读取）"
                + " — raw text detaches the amounts from their labels and \(readings.count) readings satisfy the "
                + "identities, those with 公开04 included; the \(open.count) cells they place differently are not read, "
                + "the cells every reading gives alike are",
            table: .incomeExpenditureSummary, source: start)
        return OpenPlacementResolution.OpenItems(table: .incomeExpenditureSummary, cells: cells, note: note)
    }
}
