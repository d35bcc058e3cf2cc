import BudgetLensCore

/// The rows of a blank code table (公开02, 03, 05, 07, 08 without an amount) of raw `pdftotext` text whose template
/// has `…` rows (附件2 部门决算模板: a `…` row after 2050205, three `…` lines in one cell after 20799), as the PDF
/// reader reads them: one row for each `…` line of the code column, its name `…` or blank.
///
/// Raw text prints each cell as a block of lines (a blank line between blocks): row by row — a code cell, then its
/// name cell (`205` | `教育支出` | … | `…` | `…` | `207` …) — or a column's cells run together (`207` `20799` `…` `…`
/// `…` in one block, the names in another). So:
/// - **Column of a `…` line**: the column of the block it stands in — a block with a code is the code column, a block
///   with a name (a label piece, ``RawTextCodeTable/labelRuns(_:)``) the name column, a block with both: not read.
///   Blocks of `…` alone take their place in the row-by-row order, a code cell then its name cell: after a name
///   block (or at the start) a code cell, after a code cell its name cell. The order is counted from the block
///   before the run and from the block after it; when the two disagree (a lone `…` between a name and the next
///   code), the run is open: not read, both readings named.
/// - **Place of a `…` row**: the code column keeps its cells' order top to bottom, so a `…` row stands after the
///   code printed before it in that column (the codes must be printed in code order, each 款/项 under its parent).
/// - **Name `…`**: the name column keeps its order too, so a name `…` printed after the name of code *c* (and before
///   the next code's) belongs to a `…` row after *c* (a stretch). Consecutive `…` lines of one block are one cell;
///   the i-th name cell of a stretch stands beside its i-th code cell, on its middle lines (the template centres a
///   cell's text vertically: its one-line name `…` beside three `…` lines sits on the second, as 20799 sits at the
///   middle of its two-line name). When the middle is not one place (the two cells' line counts differ by an odd
///   number), or the stretch has not as many name cells as code cells: not read, two readings named (the names on
///   the stretch's first `…` rows, on its last). More name `…` than `…` rows, a name `…` inside a wrapped name or
///   before every name: not read.
///
/// Only for tables without an amount: every cell is blank, so every identity holds. See docs/page-text.md.
enum RawTextPlaceholderRows {
    /// A row: `code` the printed code or `…`; `label` the name, `…` or empty; where its code stands.
    struct Row: Equatable {
        var code: String
        var label: String
        var line: Int
        var column: Int
    }

    /// What the region's `…` lines give.
    enum Outcome: Equatable {
        /// No `…` line, or an amount: not this reader's table.
        case notApplicable
        /// The rows in order (without the 合计 row).
        case read([Row])
        /// Two readings, each named (`20799 后第1个“…”行名称为“…” | 20799 后第3个“…”行名称为“…”`).
        case open(String, String)
        /// No reading: codes out of order, a parent missing, names and codes not pairing up.
        case unplaced
    }

    /// A `…` line: `…`, or dots standing for it (as the other readers drop them).
    static func isPlaceholder(_ token: PageTextToken) -> Bool {
        token.text.allSatisfy { $0 == "…" || $0 == "." || $0 == "．" }
    }

    private enum Column: Equatable {
        case code, name
        var other: Column { self == .code ? .name : .code }
        var chinese: String { self == .code ? "科目编码（新的一行）" : "科目名称" }
    }

    /// A block of lines with no blank line between them: its tokens (with their index among the label pieces, if
    /// one) and its column (`nil`: header words only, `…` alone, or both a code and a name).
    private struct Block {
        var tokens: [(token: PageTextToken, piece: Int?)] = []
        var hasCode = false
        var hasName = false
        var column: Column? { hasCode == hasName ? nil : hasCode ? .code : .name }
        var placeholdersOnly: Bool { !tokens.isEmpty && tokens.allSatisfy { isPlaceholder($0.token) } }
    }

    /// The rows of `tokenLines` (the region's lines, blank lines empty), bounded by its length.
    static func rows(_ tokenLines: [[PageTextToken]]) -> Outcome {
        let all = tokenLines.flatMap { $0 }
        guard all.contains(where: isPlaceholder), !all.contains(where: { $0.amount != nil }) else { return .notApplicable }
        func isPiece(_ token: PageTextToken) -> Bool {
            token.kind == .text && !isPlaceholder(token) && token.text != "合计" && token.text != "总计"
        }
        // The names as the code-table reader joins them (header words left out).
        let runs = RawTextCodeTable.labelRuns(all.filter(isPiece))
        let namePieces = Set(runs.flatMap { Array($0.pieces) })
        let blocks = blocks(tokenLines, isPiece: isPiece, namePieces: namePieces)
        // A block holding both a code and a name cannot say which column its `…` lines are in.
        if blocks.contains(where: { $0.hasCode && $0.hasName && $0.tokens.contains { isPlaceholder($0.token) } }) {
            return .unplaced
        }
        // Blocks of `…` alone: their column by the row-by-row order, counted from the block before and after.
        var assigned: [Int: Column] = [:]
        let known = blocks.indices.filter { blocks[$0].hasCode || blocks[$0].hasName }
        var index = 0
        while index < blocks.count {
            guard blocks[index].placeholdersOnly else {
                index += 1
                continue
            }
            var run = [index]
            var next = index + 1
            // Header-only blocks between `…` blocks are passed over.
            while next < blocks.count, !(blocks[next].hasCode || blocks[next].hasName) {
                if blocks[next].placeholdersOnly { run.append(next) }
                next += 1
            }
            let before = known.last { $0 < index }
            let after = known.first { $0 > index }
            if let before, blocks[before].column == nil { return .unplaced }
            if let after, blocks[after].column == nil { return .unplaced }
            let start = before.flatMap { blocks[$0].column }?.other ?? .code
            let forward = run.indices.map { $0 % 2 == 0 ? start : start.other }
            if let after, let end = blocks[after].column {
                let backward = run.indices.map { (run.count - 1 - $0) % 2 == 0 ? end.other : end }
                if let differ = run.indices.first(where: { forward[$0] != backward[$0] }) {
                    let line = (blocks[run[differ]].tokens.first?.token.line ?? 0) + 1
                    return .open("第\(line)行的“…”为\(forward[differ].chinese)", "第\(line)行的“…”为\(backward[differ].chinese)")
                }
            }
            for (block, column) in zip(run, forward) { assigned[block] = column }
            index = next
        }
        // The code column and the name column's `…`, in printed order; `cell` numbers runs of `…` lines.
        var codes: [(code: PageTextToken, placeholder: Bool, cell: Int)] = []
        var names: [(token: PageTextToken, piecesBefore: Int, cell: Int)] = []
        var cell = 0
        var piecesBefore = 0
        for (number, block) in blocks.enumerated() {
            let column = block.column ?? assigned[number]
            var inRun = false
            for (token, piece) in block.tokens {
                if piece != nil { piecesBefore += 1 }
                guard isPlaceholder(token) else {
                    inRun = false
                    guard token.kind == .digits else { continue }
                    // A page number or a part of a code among whole codes cannot be placed.
                    guard [3, 5, 7].contains(token.text.count) else { return .unplaced }
                    codes.append((token, false, cell))
                    continue
                }
                if !inRun { cell += 1 }
                inRun = true
                switch column {
                case .code: codes.append((token, true, cell))
                case .name: names.append((token, piecesBefore, cell))
                case nil: return .unplaced
                }
            }
        }
        // The codes: in code order, each 款/项 under its parent, one name each; a `…` row after a code.
        let named = codes.filter { !$0.placeholder }.map { String($0.code.text) }
        let namedSet = Set(named)
        guard !named.isEmpty, named.count == runs.count, zip(named, named.dropFirst()).allSatisfy({ $0 < $1 }),
            named.allSatisfy({ $0.count == 3 || namedSet.contains(String($0.prefix($0.count - 2))) }),
            codes.first?.placeholder == false
        else { return .unplaced }
        var rows: [Row] = []
        var stretches: [Int: [(row: Int, cell: Int)]] = [:]  // named code index → its `…` rows
        var namedIndex = -1
        for entry in codes {
            if entry.placeholder {
                stretches[namedIndex, default: []].append((rows.count, entry.cell))
                rows.append(Row(code: String(entry.code.text), label: "", line: entry.code.line, column: entry.code.column))
            } else {
                namedIndex += 1
                rows.append(Row(code: String(entry.code.text), label: runs[namedIndex].text, line: entry.code.line,
                    column: entry.code.column))
            }
        }
        // Each name `…` printed after the name of code g goes to one of g's `…` rows.
        var namesOf: [Int: [(token: PageTextToken, cell: Int)]] = [:]
        for name in names {
            let before = runs.filter { $0.pieces.lowerBound < name.piecesBefore }
            guard let last = before.last, last.pieces.upperBound < name.piecesBefore else { return .unplaced }
            namesOf[before.count - 1, default: []].append((name.token, name.cell))
        }
        for (stretch, names) in namesOf.sorted(by: { $0.key < $1.key }) {
            let own = stretches[stretch] ?? []
            guard names.count <= own.count else { return .unplaced }
            guard let placed = centred(codeCells: counts(own.map(\.cell)), nameCells: counts(names.map(\.cell))) else {
                func reading(_ positions: Range<Int>) -> String {
                    positions.map { "\(named[stretch]) 后第\($0 + 1)个“…”行名称为“…”" }.joined(separator: "，")
                }
                return .open(reading(0..<names.count), reading((own.count - names.count)..<own.count))
            }
            for (position, name) in zip(placed, names) { rows[own[position].row].label = String(name.token.text) }
        }
        return .read(rows)
    }

    /// The blocks of `tokenLines`: a blank line, or a line skipped (a repeated header), ends one.
    private static func blocks(
        _ tokenLines: [[PageTextToken]], isPiece: (PageTextToken) -> Bool, namePieces: Set<Int>
    ) -> [Block] {
        var blocks: [Block] = []
        var current = Block()
        var lastLine: Int? = nil
        var piece = 0
        for line in tokenLines {
            let continues = line.first.map { $0.line == (lastLine ?? -2) + 1 } ?? false
            if !continues, !current.tokens.isEmpty {
                blocks.append(current)
                current = Block()
            }
            lastLine = line.first?.line
            for token in line {
                var index: Int? = nil
                if isPiece(token) {
                    index = piece
                    if namePieces.contains(piece) { current.hasName = true }
                    piece += 1
                } else if token.kind == .digits {
                    current.hasCode = true
                }
                current.tokens.append((token, index))
            }
        }
        if !current.tokens.isEmpty { blocks.append(current) }
        return blocks
    }

    /// The positions among a stretch's `…` rows of its name `…`: the i-th name cell on the middle lines of the i-th
    /// code cell; `nil` when the cells do not pair up or a middle is not one place.
    private static func centred(codeCells: [Int], nameCells: [Int]) -> [Int]? {
        guard codeCells.count == nameCells.count else { return nil }
        var positions: [Int] = []
        var offset = 0
        for (code, name) in zip(codeCells, nameCells) {
            let slack = code - name
            guard slack >= 0, slack % 2 == 0 else { return nil }
            positions += (0..<name).map { offset + slack / 2 + $0 }
            offset += code
        }
        return positions
    }

    /// The line counts of consecutive cells (`cells`: each line's cell number, in order).
    private static func counts(_ cells: [Int]) -> [Int] {
        var counts: [Int] = []
        var last: Int? = nil
        for cell in cells {
            if cell == last { counts[counts.count - 1] += 1 } else { counts.append(1) }
            last = cell
        }
        return counts
    }
}
