import BudgetLensCore

/// Reads a code table (公开02, 03, 05, 07, 08) of raw `pdftotext` text (no `-layout`) whose cells come in
/// poppler's block reading order rather than row by row: the full codes (`208`, `20805`, `2080501`) as one or
/// more blocks, the labels as another (wrapped over lines), the amounts row by row with blank cells dropped — and
/// blocks of one kind interleaved with the others (Word PDFs of the 上海 template: `208` `20805` … then
/// `社会保障和就` `业支出` … then `754.75` `754.75` `0.00` …).
///
/// The rows are rebuilt from the table's structure, not from the order of the lines:
/// - **Rows**: the codes, sorted (a code table lists its rows in code order: 类, its 款, each 款's 项), after or
///   before the `合计` row. Every 款 and 项 must have its parent code in the table.
/// - **Labels**: the label pieces in order, a piece joined to the one before when that one filled the column
///   (as wide as the widest piece, less one) and does not end as a label ends (`支出`, `事务`, …); header words
///   (`本年收入合计`, the pieces of a wrapped heading) are left out. There must be one label per code.
/// - **Amounts**: the amounts in order are cut into consecutive groups, one a row, each group placed in the
///   row's columns (``ColumnPlacement``, order kept) so that the row's identity holds (合计 = Σ parts); the
///   `合计` row's group stands first or last. Every cut is then held to the code hierarchy in every column
///   (合计 = Σ 类, 类 = Σ 款, 款 = Σ 项, within 1 分 a part: 尾数误差) and kept only when it holds throughout.
///   When more than one cut holds, none is picked: the table is not read and a `page-text.placement-ambiguous`
///   warning names two; when one cut holds with rows left open, every reading of it is found
///   (``RawTextCutReadings``, held to the `floors` once the table that gives them is read: 公开02 after 公开04) and
///   the table is read in part — the cells every reading gives alike, the others unread, a `table.ambiguous` warning
///   naming the readings (more than `readingLimit`: not read, as two cuts); when none holds, the table is not read
///   (reported as not understood). Bounded: at most `stepLimit` search steps and `cutLimit` cuts a table.
///
/// See docs/page-text.md.
enum RawTextCodeTable {
    /// Search steps for cutting the amounts of one table into rows.
    static let stepLimit = 2_000_000
    /// Complete cuts looked at, at most.
    static let cutLimit = 64
    /// Readings of one cut looked for when its hierarchy leaves rows open (more: the table is not read).
    static let readingLimit = 1_024

    /// Whether the region holds one cell a line, as raw `pdftotext` prints it (four lines in five at least).
    static func isCellPerLine(_ tokenLines: [[PageTextToken]]) -> Bool {
        let nonEmpty = tokenLines.filter { !$0.isEmpty }
        return !nonEmpty.isEmpty && nonEmpty.filter { $0.count == 1 }.count * 5 >= nonEmpty.count * 4
    }

    /// A row rebuilt from the blocks: `code` nil for the 合计 row.
    struct Row {
        var code: String?
        var label: String
        var anchor: PageTextToken?
        var amounts: [PageTextToken] = []
    }

    /// Writes table `id` from the region's tokens, or returns `false` (nothing written) when the blocks cannot be
    /// put together into rows that satisfy every identity.
    ///
    /// - Parameters:
    ///   - following: The lines after the region up to the next title: an empty table's header may end after its
    ///     note (`注：…本表无数据。` then `项目支出`), and a table's last amount may stand there (`注：…` then
    ///     `202.24`, the 合计 row's 项目支出). Lines of one amount alone there are tried, after the region's, only
    ///     when the region's amounts alone cannot be cut into rows.
    ///   - followingStart: The line index of the first of `following`.
    ///   - floors: The least each cell holds by another table already read, by code (`合计` for the 合计 row), in 分
    ///     (``RawTextColumnChains``; 公开03 ≥ 公开05, DOMAIN X-12).
    ///   - runsChains: `false`: the column chains are left for a second pass (``PageTextTables/Rewrite/chainsDeferred``).
    static func write(
        _ id: TableID, tokenLines: [[PageTextToken]], following: [Substring] = [], followingStart: Int = 0,
        floors: [String: [Int64]] = [:], chains runsChains: Bool = true, location: (Int, Int) -> SourceLocation,
        into table: inout PageTextTables.Rewrite
    ) -> Bool {
        guard let template = FunctionalPageTable.template(for: id) else { return false }
        // A blank table with `…` rows (the 附件2 template): its rows as the PDF reads them (RawTextPlaceholderRows).
        if let read = writePlaceholderRows(id, template: template, tokenLines: tokenLines, following: following,
            location: location, into: &table)
        {
            return read
        }
        let tokens = tokenLines.flatMap { $0 }.filter { !$0.text.allSatisfy { $0 == "…" || $0 == "." || $0 == "．" } }
        let header = tokens.filter { $0.kind == .text }.map { String($0.text) }.joined()
        let start = tokens.first.map { location($0.line, $0.column) } ?? location(0, 1)
        if !tokens.contains(where: { $0.kind != .text }) {
            // An empty table (本表无数据, said in its note): its header, then its 合计 row, blank.
            let after = following.joined()
            guard after.contains("本表无数据"), template.marks.allSatisfy({ header.contains($0) || after.contains($0) })
            else { return false }
            table.append([("科目编码", start), ("科目名称", start)] + template.columns.map { ($0, start) })
            table.append([("", start), ("合计", start)] + template.columns.map { _ in ("", start) })
            return true
        }
        guard template.marks.allSatisfy({ header.contains($0) }) else { return false }
        guard let rows = rows(tokens, columnCount: template.columns.count, identities: template.identities) else {
            return false
        }
        let count = template.columns.count
        // A search cut short cannot say that no cut holds: the other forms are not tried (the table is not read).
        var cutShort = false
        var cut = cutAmounts(rows: rows.rows, amounts: rows.amounts, columnCount: count, identities: template.identities,
            floors: floors, cutShort: &cutShort)
        if cut == nil, !cutShort {
            let late = following.enumerated().map { PageTextToken.tokens(of: $1, index: followingStart + $0) }
                .filter { $0.count == 1 && $0[0].amount != nil }.map { $0[0] }
            if !late.isEmpty {
                cut = cutAmounts(rows: rows.rows, amounts: rows.amounts + late, columnCount: count, identities: template.identities,
                    floors: floors, cutShort: &cutShort)
            }
        }
        if cut == nil, !cutShort {
            // A row's last amount printed before the others (`6.19` then `16.19` `10.00`: the 其他收入 before the
            // 合计 and 财政拨款), under the same identities.
            cut = cutAmounts(rows: rows.rows, amounts: rows.amounts, columnCount: count, identities: template.identities,
                ordered: false, floors: floors, cutShort: &cutShort)
        }
        if cut == nil, !cutShort {
            // Amounts printed column by column (each column's run of rows, blank cells dropped).
            switch RawTextColumnBlocks.place(rows: rows.rows, values: rows.amounts.compactMap(\.amount), columnCount: count,
                identities: template.identities)
            {
            case .read(let reading): cut = RawTextColumnBlocks.cut(reading, rows: rows.rows, amounts: rows.amounts)
            case .open(let first, let second):
                table.notes.append(ReadProblem(
                    code: "page-text.placement-ambiguous", severity: .warning,
                    message: "\(id.formID)：原始文本中按栏打印的金额有两种以上放置均满足勾稽关系，未读取本表："
                        + RawTextColumnBlocks.describe(first, second, rows: rows.rows, amounts: rows.amounts,
                            columns: template.columns)
                        + " — the amounts printed column by column can be placed in two or more ways that satisfy the "
                        + "identities; the table is not read",
                    table: id, source: start))
                return false
            case .none: break
            }
        }
        if cut == nil, !cutShort, !runsChains {
            // Column chains later, once the tables that hold this one are read (公开03 after 公开05).
            table.chainsDeferred = true
            return false
        }
        if cut == nil, !cutShort {
            // Column chains: each column's cells top to bottom in printed order, the blocks merged (RawTextColumnChains).
            let notesBefore = table.notes.count
            guard let chained = chains(id, rows: rows.rows, amounts: rows.amounts, following: following,
                followingStart: followingStart, columns: template.columns, identities: template.identities, floors: floors,
                start: start, into: &table)
            else {
                // The rows are known, the amounts fit no placement: said so (the table's own figures may be wrong).
                if table.notes.count == notesBefore {
                    let relation = floors.isEmpty ? nil : (id == .income ? "公开04" : "公开05")
                    table.notes.append(RawTextPlacementNotes.unplaced(
                        id, relations: relation.map { ($0, $0) }, limit: nil, at: start))
                }
                return false
            }
            cut = chained
        }
        guard var cut else { return false }
        if cut.alternatives == 1, cut.readings.count > 1, !runsChains {
            // Readings left: tried again once the table that bounds them is read (公开02 after 公开04, X-2; 公开03
            // after 公开05, X-12), as the column chains are.
            table.chainsDeferred = true
            return false
        }
        if cut.alternatives == 1, cut.readings.count > 1 {
            // Read in part: the cells every reading gives alike; the others left without a value, named.
            table.openItems.append(openCells(id, cut: cut, columns: template.columns, relation: floors.isEmpty ? nil : "公开04",
                at: start))
            cut.uncertain = []
        }
        if cut.alternatives > 1 || !cut.uncertain.isEmpty {
            // A placement left open is never picked: the table stays unread and both readings are named.
            table.notes.append(ReadProblem(
                code: "page-text.placement-ambiguous", severity: .warning,
                message: "\(id.formID)：原始文本中金额的放置有两种以上均满足勾稽关系，未读取本表：" + cut.describeOpen(columns: template.columns)
                    + " — the amounts of the raw text can be placed in two or more ways that satisfy the identities; "
                    + "the table is not read",
                table: id, source: start))
            return false
        }
        table.append([("科目编码", start), ("科目名称", start)] + template.columns.map { ($0, start) })
        // The 合计 row first, as the PDF prints it, then the codes in order.
        let order = cut.rows.indices.sorted { (cut.rows[$0].code ?? "") < (cut.rows[$1].code ?? "") }
        for index in order {
            let row = cut.rows[index]
            let here = row.anchor.map { location($0.line, $0.column) } ?? start
            var cells = [(text: String, location: SourceLocation)](repeating: ("", here), count: count)
            for (token, column) in zip(row.amounts, cut.placements[index]) {
                cells[column] = (String(token.text), location(token.line, token.column))
            }
            table.append([(row.code ?? "", here), (row.code == nil ? "合计" : row.label, here)] + cells)
        }
        return true
    }

    /// The open cells of a cut with several readings (``Cut/readings``), as ``RawTextColumnChains/openCells`` names them.
    private static func openCells(_ id: TableID, cut: Cut, columns: [String], relation: String?, at start: SourceLocation)
        -> OpenPlacementResolution.OpenItems
    {
        let amounts = cut.rows.flatMap(\.amounts)
        var offsets: [Int] = []
        var offset = 0
        for row in cut.rows {
            offsets.append(offset)
            offset += row.amounts.count
        }
        let readings: [RawTextColumnBlocks.Reading] = cut.readings.map { placements in
            placements.enumerated().map { row, placement in
                var cells = [Int?](repeating: nil, count: columns.count)
                for (amount, column) in placement.enumerated() { cells[column] = offsets[row] + amount }
                return cells
            }
        }
        return RawTextColumnChains.openCells(id, readings: readings, rows: cut.rows, amounts: amounts, columns: columns,
            relation: relation, at: start)
    }

    /// The rows (合计 first, then the codes sorted) with their labels, and the amounts in order; `nil` when the
    /// codes are split (`201` `06` `01`), a parent code is missing, or labels and codes do not pair up.
    static func rows(_ tokens: [PageTextToken], columnCount: Int, identities: [ColumnPlacement.Identity])
        -> (rows: [Row], amounts: [PageTextToken], split: Bool)?
    {
        var codes: [String: PageTextToken] = [:]
        var amounts: [PageTextToken] = []
        var pieces: [PageTextToken] = []
        var total: PageTextToken? = nil
        let digits = tokens.filter { $0.kind == .digits }
        // Codes printed apart (`201` / `06` / `01`): rebuilt from their 类, 款 and 项 parts (RawTextSplitCodes).
        let split = digits.contains { $0.text.count == 2 } && digits.allSatisfy { [2, 3].contains($0.text.count) }
        if split {
            guard let rebuilt = RawTextSplitCodes.codes(digits) else { return nil }
            for (code, anchor) in rebuilt {
                guard codes[code] == nil else { return nil }
                codes[code] = anchor
            }
        }
        for token in tokens {
            switch token.kind {
            case .digits:
                if split { continue }
                // A page number or a part of a code among whole codes cannot be placed.
                guard [3, 5, 7].contains(token.text.count) else { return nil }
                guard codes[String(token.text)] == nil else { return nil }
                codes[String(token.text)] = token
            case .amount:
                amounts.append(token)
            case .text:
                if token.text == "合计" || token.text == "总计" {
                    if total == nil { total = token }
                    continue
                }
                pieces.append(token)
            }
        }
        guard !codes.isEmpty, let total else { return nil }
        let sorted = codes.keys.sorted()
        for code in sorted where code.count > 3 {
            guard codes[String(code.prefix(code.count - 2))] != nil else { return nil }
        }
        let labels = labels(pieces)
        guard labels.count == sorted.count else { return nil }
        var rows = [Row(code: nil, label: "合计", anchor: total)]
        for (code, label) in zip(sorted, labels) { rows.append(Row(code: code, label: label, anchor: codes[code])) }
        return (rows, amounts, split)
    }

    /// The labels: pieces joined where the piece before filled the column and did not end as a label ends;
    /// header words and the pieces of wrapped headings left out.
    static func labels(_ pieces: [PageTextToken]) -> [String] {
        labelRuns(pieces).map(\.text)
    }

    /// The labels as ``labels(_:)`` joins them, each with the indices of its first and last piece in `pieces`.
    static func labelRuns(_ pieces: [PageTextToken]) -> [(text: String, pieces: ClosedRange<Int>)] {
        func isHeader(_ text: Substring) -> Bool { text.count >= 3 && FunctionalPageRows.isHeaderWord(text) }
        let width = pieces.filter { !isHeader($0.text) }.map(\.text.count).max() ?? 0
        var labels: [(text: String, pieces: ClosedRange<Int>)] = []
        var open = false  // the last label may continue
        var afterHeader = true  // the last piece was a header word (or none came yet): a short piece after it is the heading's
        for (index, piece) in pieces.enumerated() {
            if isHeader(piece.text) {
                afterHeader = true
                open = false
                continue
            }
            if afterHeader && piece.text.count <= 2 && FunctionalPageRows.isHeaderWord(piece.text) { continue }
            afterHeader = false
            if open, let last = labels.indices.last {
                labels[last].text += piece.text
                labels[last].pieces = labels[last].pieces.lowerBound...index
            } else {
                labels.append((String(piece.text), index...index))
            }
            open = piece.text.count >= width - 1 && !closingEndings.contains { piece.text.hasSuffix($0) }
        }
        return labels
    }

    private static let closingEndings = ["支出", "事务", "运行", "医疗", "补贴", "公积金", "离退休", "合计"]

    /// A cut of the amounts into rows that holds throughout.
    struct Cut {
        var rows: [Row]
        var placements: [[Int]]
        /// How many cuts held (more than one: the table is not read).
        var alternatives: Int
        /// Rows whose amounts still had several placements (any: the table is not read).
        var uncertain: [Int]
        /// For each of `uncertain`, its first two placements.
        var choices: [[[Int]]] = []
        /// Every reading of the cut (each row's placement) when rows are left open and there are 2 … ``readingLimit``
        /// of them (``RawTextCutReadings``); else empty.
        var readings: [[[Int]]] = []

        /// Both readings where one is left open: the first uncertain row's two placements
        /// (`合计 50.00→合计，50.00→基本支出 | 合计 50.00→合计，50.00→项目支出`), else the two first cuts.
        func describeOpen(columns: [String]) -> String {
            guard let index = uncertain.first, let two = choices.first else { return describe(columns: columns) }
            return two.map { placement in
                "\(rows[index].code ?? "合计") " + zip(rows[index].amounts, placement)
                    .map { "\($0.text)→\(columns[$1])" }.joined(separator: "，")
            }.joined(separator: " | ")
        }

        /// The second cut that held, when more than one did.
        var other: (rows: [Row], placements: [[Int]])?

        /// Both cuts, by the rows where they differ (three at most): `208 20.00→合计，20.00→基本支出 | …`.
        func describe(columns: [String]) -> String {
            guard let other else { return "" }
            func text(_ rows: [Row], _ placements: [[Int]], _ index: Int) -> String {
                "\(rows[index].code ?? "合计") " + zip(rows[index].amounts, placements[index])
                    .map { "\($0.text)→\(columns[$1])" }.joined(separator: "，")
            }
            let differing = rows.indices.filter { index in
                index >= other.rows.count || rows[index].code != other.rows[index].code
                    || rows[index].amounts.map(\.line) != other.rows[index].amounts.map(\.line)
                    || placements[index] != other.placements[index]
            }.prefix(3)
            return differing.map { text(rows, placements, $0) }.joined(separator: "；") + " | "
                + differing.filter { $0 < other.rows.count }.map { text(other.rows, other.placements, $0) }.joined(separator: "；")
        }
    }

    /// Cuts `amounts` into consecutive groups, one for each row, the 合计 row's first or last, such that every
    /// row's identity and the code hierarchy hold in every column.
    static func cutAmounts(
        rows: [Row], amounts: [PageTextToken], columnCount: Int, identities: [ColumnPlacement.Identity],
        ordered: Bool = true
    ) -> Cut? {
        var cutShort = false
        return cutAmounts(rows: rows, amounts: amounts, columnCount: columnCount, identities: identities, ordered: ordered,
            cutShort: &cutShort)
    }

    /// As above, the readings of a cut left open held to `floors` too (the least each cell holds by another table,
    /// by code, `合计` for the 合计 row, in 分).

    /// As above; `cutShort` is set when the search ran out of steps (`nil` then says nothing about other cuts).
    static func cutAmounts(
        rows: [Row], amounts: [PageTextToken], columnCount: Int, identities: [ColumnPlacement.Identity],
        ordered: Bool = true, floors: [String: [Int64]] = [:], cutShort: inout Bool
    ) -> Cut? {
        // `ordered` false: a row's amounts in column order, or in column order but its last printed first.
        let values = amounts.compactMap(\.amount)
        guard values.count == amounts.count else { return nil }
        var budget = stepLimit  // search steps left, for the cuts and the hierarchy narrowing together
        var exhausted = false
        var cache: [Int: [[Int]]] = [:]  // (start * 16 + length) → placements
        func placements(_ start: Int, _ length: Int) -> [[Int]] {
            let key = start * 16 + length
            if let known = cache[key] { return known }
            let found: [[Int]]
            if length == 0 {
                found = [[]]
            } else {
                let group = Array(values[start..<(start + length)])
                // Placements that give the same cells (a `0.00` in one blank column or another) are one reading.
                var seen = Set<[Int64]>()
                var placements = ColumnPlacement.candidates(group, columnCount: columnCount, ordered: true,
                    identities: identities) ?? []
                if !ordered, group.count > 1 {
                    // Or the row's last amount printed before the others (`6.19` then `16.19` `10.00`): the others
                    // in order, then it, placed in order; mapped back to the printed order.
                    let rotated = Array(group.dropFirst()) + [group[0]]
                    placements += (ColumnPlacement.candidates(rotated, columnCount: columnCount, ordered: true,
                        identities: identities) ?? []).map { [$0[$0.count - 1]] + $0.dropLast() }
                }
                found = placements
                    .filter { seen.insert(ColumnPlacement.values(group, at: $0, columnCount: columnCount)).inserted }
            }
            cache[key] = found
            return found
        }
        var held: [(rows: [Row], placements: [[Int]], uncertain: [Int], choices: [[[Int]]], readings: [[[Int]]])] = []
        var total = 0
        for totalLast in [false, true] {
            // Row order: 合计 first (as printed in the PDF) or last (as raw text may put it).
            let order = totalLast ? Array(rows.dropFirst()) + [rows[0]] : rows
            let parents = Self.parents(of: order)
            var lengths: [Int] = []
            var dead = Set<Int>()  // (row, position) from which no cut uses up the amounts
            @discardableResult
            func visit(_ row: Int, _ position: Int) -> Bool {
                budget -= 1
                if budget <= 0 { exhausted = true }
                if exhausted || total >= cutLimit { return true }
                if dead.contains(row * 1_000_000 + position) { return false }
                if row == order.count {
                    guard position == values.count else { return false }
                    if let placed = check(order, lengths: lengths, parents: parents) {
                        total += 1
                        held.append(placed)
                    }
                    return true
                }
                var reached = false
                // Too few amounts left for the rows to come cannot happen (a row may be blank); too many can.
                let remainingRows = order.count - row - 1
                for length in 0...min(columnCount, values.count - position) {
                    if values.count - position - length > remainingRows * columnCount { continue }
                    if placements(position, length).isEmpty { continue }
                    lengths.append(length)
                    if visit(row + 1, position + length) { reached = true }
                    lengths.removeLast()
                }
                if !reached { dead.insert(row * 1_000_000 + position) }
                return reached
            }
            func check(_ order: [Row], lengths: [Int], parents: [Int?])
                -> (rows: [Row], placements: [[Int]], uncertain: [Int], choices: [[[Int]]], readings: [[[Int]]])?
            {
                var candidates: [[[Int]]] = []
                var groups: [[Int64]] = []
                var rowsOut = order
                var position = 0
                for (index, length) in lengths.enumerated() {
                    candidates.append(placements(position, length))
                    groups.append(Array(values[position..<(position + length)]))
                    rowsOut[index].amounts = Array(amounts[position..<(position + length)])
                    position += length
                }
                let unnarrowed = candidates
                var uncertain: [Int] = []
                var choices: [[[Int]]] = []
                for _ in 0...order.count {
                    HierarchyPlacement.narrow(&candidates, amounts: groups, parents: parents, columnCount: columnCount, budget: &budget)
                    if budget <= 0 {
                        exhausted = true
                        return nil
                    }
                    if candidates.contains(where: \.isEmpty) { return nil }
                    guard let next = candidates.indices.first(where: { candidates[$0].count > 1 }) else { break }
                    uncertain.append(next)
                    choices.append(Array(candidates[next].prefix(2)))
                    candidates[next] = [candidates[next][0]]
                }
                var chosen = candidates.map { $0[0] }
                guard holds(groups: groups, placements: chosen, parents: parents, columnCount: columnCount) else { return nil }
                // Rows left open: every reading of the cut (RawTextCutReadings). One: the cut is settled; several: the
                // table is read in part (`write`); too many: left open.
                var readings: [[[Int]]] = []
                if !uncertain.isEmpty, let all = RawTextCutReadings.all(
                    groups: groups, candidates: unnarrowed, parents: parents, columnCount: columnCount,
                    floors: rowFloors(order), limit: readingLimit), !all.isEmpty
                {
                    if all.count == 1 {
                        chosen = all[0]
                        uncertain = []
                        choices = []
                    } else {
                        readings = all
                        chosen = all[0]
                    }
                }
                return (rowsOut, chosen, uncertain, choices, readings)
            }
            /// `floors` by row index in `order`.
            func rowFloors(_ order: [Row]) -> [Int: [Int64]] {
                var result: [Int: [Int64]] = [:]
                for (index, row) in order.enumerated() { if let floor = floors[row.code ?? "合计"] { result[index] = floor } }
                return result
            }
            visit(0, 0)
        }
        // A search cut short cannot say that no other cut holds: the table is not read.
        if exhausted { cutShort = true }
        guard !exhausted, let first = held.first else { return nil }
        let other = held.count > 1 ? (held[1].rows, held[1].placements) : nil
        return Cut(rows: first.rows, placements: first.placements, alternatives: held.count, uncertain: first.uncertain,
            choices: first.choices, readings: first.readings, other: other)
    }

    /// Whether every parent row equals the sum of its children in every column, within 1 分 a child.
    static func holds(groups: [[Int64]], placements: [[Int]], parents: [Int?], columnCount: Int) -> Bool {
        let rows = zip(groups, placements).map { ColumnPlacement.values($0, at: $1, columnCount: columnCount) }
        var sums: [Int: [Int64]] = [:]
        var counts: [Int: Int64] = [:]
        for (index, parent) in parents.enumerated() {
            guard let parent else { continue }
            var sum = sums[parent] ?? [Int64](repeating: 0, count: columnCount)
            for column in 0..<columnCount {
                let (result, overflow) = sum[column].addingReportingOverflow(rows[index][column])
                if overflow { return false }
                sum[column] = result
            }
            sums[parent] = sum
            counts[parent, default: 0] += 1
        }
        for (parent, sum) in sums {
            let tolerance = counts[parent] ?? 1
            for column in 0..<columnCount where abs(rows[parent][column] - sum[column]) > tolerance { return false }
        }
        return true
    }

    /// Each row's parent: the 合计 row (`code` nil) for a 类, the 类 for a 款, the 款 for a 项.
    static func parents(of rows: [Row]) -> [Int?] {
        var byCode: [String: Int] = [:]
        var total: Int? = nil
        for (index, row) in rows.enumerated() {
            if let code = row.code { byCode[code] = index } else { total = index }
        }
        return rows.map { row in
            guard let code = row.code else { return nil }
            return code.count == 3 ? total : byCode[String(code.prefix(code.count - 2))]
        }
    }
}

extension RawTextCodeTable {
    /// Writes a blank table with `…` rows (``RawTextPlaceholderRows``): `nil` when it has none or an amount (the
    /// other forms are tried), `false` when its `…` rows cannot be placed or two placements remain (a
    /// `page-text.row-unplaced` or `page-text.placement-ambiguous` warning then, naming both readings).
    /// Its header may end after the note (`注：…` then `财政拨款收入` …): `following` completes it.
    static func writePlaceholderRows(
        _ id: TableID, template: FunctionalPageTable.Template, tokenLines: [[PageTextToken]], following: [Substring],
        location: (Int, Int) -> SourceLocation, into table: inout PageTextTables.Rewrite
    ) -> Bool? {
        let outcome = RawTextPlaceholderRows.rows(tokenLines)
        guard outcome != .notApplicable else { return nil }
        let tokens = tokenLines.flatMap { $0 }
        let start = tokens.first.map { location($0.line, $0.column) } ?? location(0, 1)
        let header = tokens.filter { $0.kind == .text }.map { String($0.text) }.joined() + following.joined()
        guard template.marks.allSatisfy({ header.contains($0) }),
            // The row's 合计 is the last printed (公开05's first is its column's heading).
            let total = tokens.last(where: { $0.text == "合计" || $0.text == "总计" })
        else { return false }
        switch outcome {
        case .notApplicable:
            return nil
        case .unplaced:
            table.notes.append(ReadProblem(
                code: "page-text.row-unplaced", severity: .warning,
                message: "\(id.formID)：原始文本中“…”行没有一种放置与科目编码的顺序和名称相符，未读取本表 — the `…` rows of "
                    + "the raw text fit no placement by the codes' order and the names; the table is not read",
                table: id, source: start))
            return false
        case .open(let first, let second):
            table.notes.append(ReadProblem(
                code: "page-text.placement-ambiguous", severity: .warning,
                message: "\(id.formID)：原始文本中“…”行的放置有两种读法，未读取本表：\(first) | \(second) — the `…` rows of "
                    + "the raw text can be placed in two ways; the table is not read",
                table: id, source: start))
            return false
        case .read(let rows):
            table.append([("科目编码", start), ("科目名称", start)] + template.columns.map { ($0, start) })
            // The 合计 row where the text prints it: last when it comes after every code and `…` (公开05 of the
            // template), else first.
            let totalAt = location(total.line, total.column)
            let totalRow = [("", totalAt), ("合计", totalAt)] + template.columns.map { _ in ("", totalAt) }
            let last = tokens.allSatisfy { ($0.kind != .digits && !RawTextPlaceholderRows.isPlaceholder($0)) || $0.line < total.line }
            if !last { table.append(totalRow) }
            for row in rows {
                let here = location(row.line, row.column)
                table.append([(row.code, here), (row.label, here)] + template.columns.map { _ in ("", here) })
            }
            if last { table.append(totalRow) }
            return true
        }
    }
}
