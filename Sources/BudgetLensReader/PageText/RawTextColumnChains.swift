import BudgetLensCore

/// Places the amounts of a raw `pdftotext` code table (公开02, 03, 05) whose amounts come in neither row order nor
/// whole columns: poppler prints a page's text blocks one after another, so a run of rows may come column by
/// column (`2,112.86` `2,112.86` `1,511.90` … then `2,106.66` `2,106.66` …), the next row by row, and a single
/// cell may stand rows later (社会工作部 公开03: 2013999's `202.24` 项目支出 after 21011's amounts) or before its
/// row's other cells (`6.19` then `16.19` `10.00`).
///
/// What survives every such order: **each column's cells, read top to bottom, stand in printed order** (a column
/// is one text column of the page; poppler never prints a lower cell of a column before a higher one). So the
/// printed amounts are a merge of one chain a column, and a reading gives every amount a row and a column such
/// that, in each column, the rows increase with the printed order. Blank cells are dropped. A reading is kept
/// only when:
/// - every row's own identity holds (合计 = Σ parts, within 1 分 a part: 尾数误差; DOMAIN §1.3);
/// - in every column each parent row equals the sum of its children (合计 = Σ 类, 类 = Σ 款, 款 = Σ 项, within 1 分 a
///   child), the `合计` row first or last as printed;
/// - every cell is at least the `floors` given for it, less 1 分 (cross-table inequalities: 公开03 ≥ 公开05 at each
///   code and column, DOMAIN X-12), so that a column left blank in every row cannot take another's money.
///
/// The columns with money are those of the 合计 row (a column blank there is blank in every row): each set of them
/// is searched alone, fewest first. The rows are searched in order (the 合计 row first, its cells then before or
/// after the others' in their columns), each cell checked against the hierarchy as it is placed, the row's last
/// column forced by its identity, an amount that no column can take any more ending the branch; a state met again
/// (amounts used, each column's last, the open parents' sums) is not searched again. One reading (by cells): read.
/// Two: ``Outcome/open`` with both, the table is not read and says so. None, or a search cut short at
/// `stepLimit` steps: ``Outcome/none``.
/// See docs/page-text.md ("Raw `pdftotext`: column chains").
enum RawTextColumnChains {
    /// Search steps for one table.
    static let stepLimit = 1_000_000

    /// Amounts of one table, at most.
    static let amountLimit = 1_200

    enum Outcome: Equatable {
        /// Exactly one reading (by cells).
        case read(RawTextColumnBlocks.Reading)
        /// Two readings with different cells: the table is not read.
        case open(RawTextColumnBlocks.Reading, RawTextColumnBlocks.Reading)
        /// Every reading (2 … `limit`, each with different cells), when ``place(rows:values:columnCount:identities:floors:limit:)``
        /// was asked for more than two.
        case readings([RawTextColumnBlocks.Reading])
        /// None; `cutShort` when the step limit ended the search.
        case none(cutShort: Bool)
    }

    /// - Parameters:
    ///   - rows: The table's rows, the `合计` row (code `nil`) first, then the codes in order.
    ///   - values: The amounts in printed order, in 分 (all ≥ 0).
    ///   - identities: The table's row identity; only `column 0 = Σ the others` is searched (公开02, 03, 05).
    ///   - floors: For a row's code (`合计` for the 合计 row), the least each column holds (0: no floor).
    ///   - limit: Readings looked for: 2 (the default) stops at the second (``Outcome/open``); more finds every
    ///     reading (``Outcome/readings``), searching one set of interchangeable columns for all; `limit` found, or a
    ///     search cut short after two: ``Outcome/open`` (not all are known, so no cell is read).
    static func place(
        rows: [RawTextCodeTable.Row], values: [Int64], columnCount: Int, identities: [ColumnPlacement.Identity],
        floors: [String: [Int64]] = [:], limit: Int = 2
    ) -> Outcome {
        guard identities.count == 1, identities[0].total == 0, columnCount >= 2,
            identities[0].parts == Array(1..<columnCount), !rows.isEmpty, !values.isEmpty, values.count <= amountLimit,
            values.count <= rows.count * columnCount,
            values.allSatisfy({ $0 >= 0 && $0 < Int64.max / Int64(amountLimit + 1) })
        else { return .none(cutShort: false) }
        // The columns with money: those of the 合计 row (a column blank there is blank in every row, amounts ≥ 0:
        // 合计 = Σ 类 …), each set tried alone, fewest columns first; a column with a floor at 合计 is in every set.
        let required = Set((floors["合计"] ?? []).enumerated().filter { $0.offset > 0 && $0.element > 0 }.map(\.offset))
        var sets: [[Int]] = []
        for mask in 1..<(1 << (columnCount - 1)) {
            let set: [Int] = (1..<columnCount).filter { (mask >> ($0 - 1)) & 1 == 1 }
            if required.isSubset(of: set) { sets.append(set) }
        }
        sets.sort { (first: [Int], second: [Int]) -> Bool in
            first.count != second.count ? first.count < second.count : first.lexicographicallyPrecedes(second)
        }
        // Part columns no floor distinguishes are interchangeable under every identity searched (the row identity sums
        // the parts; the hierarchy, the chain order and the 合计 row's money hold column by column). When every reading
        // is looked for, only the sets whose free columns are the first free ones are searched, and each reading found
        // is carried to every other choice of free columns (below).
        let free = (1..<columnCount).filter { column in floors.values.allSatisfy { column >= $0.count || $0[column] <= 0 } }
        if limit > 2 {
            sets = sets.filter { set in
                let used = set.filter(free.contains)
                return used == Array(free.prefix(used.count))
            }
        }
        var search = RawTextColumnChainSearch(
            rows: rows, values: values, columnCount: columnCount, floors: floors, limit: limit, stepLimit: stepLimit)
        sets: for money in sets {
            let active = [0] + money
            // A row's identity: within 1 分 a part (ColumnPlacement.holds, tolerance 1).
            let tolerance = Int64(max(1, columnCount - 2))
            for totalLast in [false, true] {
                search.run(active: active, totalLast: totalLast, tolerance: tolerance)
                if search.cutShort || search.found.count >= limit { break sets }
            }
        }
        let (found, foundSets, cutShort) = (search.found, search.foundSets, search.cutShort)

        if limit <= 2 || cutShort || found.count >= limit {
            // Two are all a search stopped early can say: not all readings are known, so no cell is read.
            if found.count >= 2 { return .open(found[0], found[1]) }
            if cutShort { return .none(cutShort: true) }
            guard let reading = found.first else { return .none(cutShort: false) }
            return .read(reading)
        }
        // Every reading: each one found, carried to every choice of as many free columns (in order).
        var all: [RawTextColumnBlocks.Reading] = []
        var allCells = Set<[[Int64]]>()
        for (reading, set) in zip(found, foundSets) {
            let used = set.filter(free.contains)
            for target in subsets(free, size: used.count) {
                var moved = reading
                for row in moved.indices {
                    for column in used { moved[row][column] = nil }
                    for (index, column) in used.enumerated() { moved[row][target[index]] = reading[row][column] }
                }
                let grid = moved.map { $0.map { $0.map { values[$0] } ?? 0 } }
                guard allCells.insert(grid).inserted else { continue }
                all.append(moved)
                if all.count >= limit * 8 { return .open(all[0], all[1]) }
            }
        }
        if all.count >= 2 { return .readings(all) }
        guard let reading = all.first else { return .none(cutShort: false) }
        return .read(reading)
    }

    /// The `size`-element subsets of `items`, each in the items' order.
    static func subsets(_ items: [Int], size: Int) -> [[Int]] {
        guard size > 0 else { return [[]] }
        guard size <= items.count else { return [] }
        var result: [[Int]] = []
        for (index, item) in items.enumerated() {
            for rest in subsets(Array(items[(index + 1)...]), size: size - 1) { result.append([item] + rest) }
        }
        return result
    }
}

extension RawTextColumnChains {
    /// Readings looked for in a table the identities leave open (more: not read, the search said cut short).
    static let readingLimit = 16

    /// The cells `readings` (two or more) give different values, by row and column, and the `table.ambiguous`
    /// warning naming every reading at the first row where they differ and the cells left unread: the table is read
    /// in part (as 公开09, ``ThreePublicResolution``), a cell only where every reading gives it the same value.
    static func openCells(
        _ id: TableID, readings: [RawTextColumnBlocks.Reading], rows: [RawTextCodeTable.Row], amounts: [PageTextToken],
        columns: [String], relation: String?, at start: SourceLocation
    ) -> OpenPlacementResolution.OpenItems {
        func value(_ reading: RawTextColumnBlocks.Reading, _ row: Int, _ column: Int) -> Int64 {
            reading[row][column].flatMap { amounts[$0].amount } ?? 0
        }
        var cells: [(code: String?, item: String, column: Int)] = []
        var unread: [String] = []
        var firstRow: Int? = nil
        for row in rows.indices {
            let differing = columns.indices.filter { column in Set(readings.map { value($0, row, column) }).count > 1 }
            guard !differing.isEmpty else { continue }
            if firstRow == nil { firstRow = row }
            for column in differing { cells.append((rows[row].code, rows[row].code == nil ? "合计" : rows[row].label, column + 1)) }
            unread.append("\(rows[row].code ?? "合计")（" + differing.map { columns[$0] }.joined(separator: "、") + "）")
        }
        let named = firstRow.map { row in
            var seen: [[Int64]] = []
            var texts: [String] = []
            for reading in readings {
                let placed = columns.indices.map { value(reading, row, $0) }
                guard !seen.contains(placed) else { continue }
                seen.append(placed)
                texts.append("\(rows[row].code ?? "合计") " + reading[row].enumerated().compactMap { column, amount in
                    amount.map { "\(amounts[$0].text)→\(columns[column])" }
                }.joined(separator: "，"))
            }
            let more = texts.count > 6 ? "（另有 \(texts.count - 6) 种）" : ""
            return texts.prefix(6).joined(separator: " | ") + more
        } ?? ""
        let note = ReadProblem(
            code: "table.ambiguous", severity: .warning,
            message: "\(id.formID)：原始文本中各栏金额的放置有 \(readings.count) 种读法均满足勾稽关系"
                + (relation.map { "（含与\($0)的关系）" } ?? "") + "，无法确定：" + named + "；" + unread.joined(separator: "、")
                + " 未读取（本表只读取了一部分；各读法一致的单元格已读取） — the raw text's amounts can be placed in their "
                + "columns in \(readings.count) ways that satisfy the identities" + (relation.map { ", those with \($0) included" } ?? "")
                + "; the \(cells.count) cells they place differently are not read, the cells every reading gives alike are",
            table: id, source: start)
        return OpenPlacementResolution.OpenItems(table: id, cells: cells, note: note)
    }

    /// Both readings at the first row whose cells differ (`2013901 51.32→本年支出合计，51.32→基本支出 | 2013901
    /// 202.24→本年支出合计，202.24→项目支出`); readings that differ only in which of two equal amounts a cell took
    /// are one reading.
    static func describe(
        _ first: RawTextColumnBlocks.Reading, _ second: RawTextColumnBlocks.Reading, rows: [RawTextCodeTable.Row],
        amounts: [PageTextToken], columns: [String]
    ) -> String {
        func values(_ reading: RawTextColumnBlocks.Reading, _ row: Int) -> [Int64] {
            reading[row].map { $0.flatMap { amounts[$0].amount } ?? 0 }
        }
        guard let row = first.indices.first(where: { values(first, $0) != values(second, $0) }) else { return "" }
        func text(_ reading: RawTextColumnBlocks.Reading) -> String {
            "\(rows[row].code ?? "合计") " + reading[row].enumerated().compactMap { column, amount in
                amount.map { "\(amounts[$0].text)→\(columns[column])" }
            }.joined(separator: "，")
        }
        return text(first) + " | " + text(second)
    }

    /// 公开02's floors from 公开04 (read): its 合计 row's 财政拨款收入 is 公开04's 本年收入合计, the sum of its rows 1–3
    /// (DOMAIN X-2); none without 公开04.
    static func incomeFloors(_ figures: RawTextSideBySide.CrossFigures?) -> [String: [Int64]] {
        guard let figures, !figures.incomeRows.isEmpty else { return [:] }
        return ["合计": [0, figures.incomeRows.values.reduce(0, +)]]
    }

    /// Every row of a rewritten code table (`科目编码 | 科目名称 | amounts…`, the 合计 row keyed `合计`): its amounts in
    /// 分, blank 0; `nil` when a field is no amount or an amount is negative. Used as floors: 公开03 ≥ 公开05 at every
    /// code and column (DOMAIN X-12: 03 = 05 + 07 + 08 + spending financed by other income; 05's columns 合计,
    /// 基本支出, 项目支出 are 03's first three).
    static func codeRows(_ lines: [String]) -> [String: [Int64]]? {
        var rows: [String: [Int64]] = [:]
        for line in lines {
            let fields = TabFields.split(line)
            guard fields.count >= 3 else { continue }
            // A code is digits alone: as many `Character`s as bytes.
            let isCode = [3, 5, 7].contains(fields[0].utf8.count) && TabFields.isDigits(fields[0], count: fields[0].utf8.count)
            guard isCode || (fields[0].isEmpty && fields[1] == "合计") else { continue }
            var values: [Int64] = []
            for field in fields.dropFirst(2) {
                if field.isEmpty {
                    values.append(0)
                    continue
                }
                guard let token = PageTextToken.tokens(of: field, index: 0).first, let value = token.amount, value >= 0,
                    token.text.count == field.count
                else { return nil }
                values.append(value)
            }
            rows[isCode ? String(fields[0]) : "合计"] = values
        }
        return rows["合计"] == nil ? nil : rows
    }
}

extension RawTextCodeTable {
    /// The cut of ``RawTextColumnChains``: the region's amounts, else with the lines of one amount alone after the
    /// region (the table's last row printed after its note); `nil` when not read — with a
    /// `page-text.placement-ambiguous` note naming both readings when two hold, a `page-text.row-unplaced` note when
    /// the search was cut short.
    static func chains(
        _ id: TableID, rows: [Row], amounts: [PageTextToken], following: [Substring], followingStart: Int,
        columns: [String], identities: [ColumnPlacement.Identity], floors: [String: [Int64]], start: SourceLocation,
        into table: inout PageTextTables.Rewrite
    ) -> Cut? {
        // The table whose figures gave the floors: 公开04 for 公开02 (X-2), 公开05 for 公开03 (X-12).
        let relation = id == .income ? "公开04" : "公开05"
        let late = following.enumerated().map { PageTextToken.tokens(of: $1, index: followingStart + $0) }
            .filter { $0.count == 1 && $0[0].amount != nil }.map { $0[0] }
        for tokens in late.isEmpty ? [amounts] : [amounts, amounts + late] {
            let values = tokens.compactMap(\.amount)
            guard values.count == tokens.count else { return nil }
            let outcome = RawTextColumnChains.place(rows: rows, values: values, columnCount: columns.count, identities: identities,
                floors: floors, limit: RawTextColumnChains.readingLimit)
            switch outcome
            {
            case .read(let reading):
                return RawTextColumnBlocks.cut(reading, rows: rows, amounts: tokens)
            case .readings(let readings):
                // Read in part: the cells every reading gives alike; the others left without a value, named.
                table.openItems.append(RawTextColumnChains.openCells(
                    id, readings: readings, rows: rows, amounts: tokens, columns: columns,
                    relation: floors.isEmpty ? nil : relation, at: start))
                return RawTextColumnBlocks.cut(readings[0], rows: rows, amounts: tokens)
            case .open(let first, let second):
                table.notes.append(ReadProblem(
                    code: "page-text.placement-ambiguous", severity: .warning,
                    message: "\(id.formID)：原始文本中各栏金额的放置有两种以上均满足勾稽关系"
                        + (floors.isEmpty ? "" : "（含与\(relation)的关系）") + "，未读取本表："
                        + RawTextColumnChains.describe(first, second, rows: rows, amounts: tokens, columns: columns)
                        + " — the raw text's amounts can be placed in their columns in two or more ways that satisfy the "
                        + "identities" + (floors.isEmpty ? "" : ", those with \(relation) included") + "; the table is not read",
                    table: id, source: start))
                return nil
            case .none(let cutShort):
                if cutShort {
                    table.notes.append(RawTextPlacementNotes.unplaced(
                        id, relations: nil,
                        limit: (zh: " \(RawTextColumnChains.stepLimit) 步上限", en: "of \(RawTextColumnChains.stepLimit) steps"),
                        at: start))
                    return nil
                }
            }
        }
        return nil
    }
}
