import BudgetLensCore

/// Puts one page's body fragments of a table into rows.
///
/// Rows are seeded by the codes (or, in tables without codes, by the labels, or by the amounts). Columns
/// printed a little higher or lower than the code column (a different cell alignment) are shifted by their
/// median offset first. Wrapped labels are joined and given to the row they belong to; amounts go to the
/// nearest row and, in `pdftotext -layout` text, to the column the row's order, the positions and the table's
/// identities agree on.
struct RowAssembler {
    let table: TableID
    let source: LayoutSource
    let bands: [Band]
    let finder: BandFinder
    let em: Double
    let page: Int
    /// The header's row identity (total = sum of parts), worked out once from ``bands``.
    let identity: RowIdentity

    private(set) var notes: [LayoutNote] = []

    /// `identity`: the row identity of `bands` when the caller worked it out already (a table's pages share their
    /// bands), else worked out here.
    init(
        table: TableID, source: LayoutSource, bands: [Band], finder: BandFinder, em: Double, page: Int,
        identity: RowIdentity? = nil
    ) {
        self.table = table
        self.source = source
        self.bands = bands
        self.finder = finder
        self.em = em
        self.page = page
        self.identity = identity ?? RowIdentity(bands: bands)
    }

    struct Seed {
        var y: Double
        var isTotal = false
        /// A template's placeholder row (`…` in the code column, no code): it may have no label.
        var isPlaceholder = false
    }

    struct Placed {
        var fragment: Fragment
        var band: Int
        var y: Double
    }

    // MARK: Rows

    /// How a page's rows were found: where they are, how far apart, and the labels already given to them.
    private struct Seeding {
        var seeds: [Seed]
        var pitch: Double
        /// Label fragments by row.
        var labels: [Int: [Fragment]] = [:]
        /// Whether the totals (`合计`) went with the labels.
        var totalsLabelled = false
    }

    /// The rows of a page's body fragments (row totals marked `isTotal`), top to bottom.
    mutating func lines(body: [Fragment]) -> [SynthesizedLine] {
        guard !body.isEmpty, !bands.isEmpty else { return [] }
        if source == .layoutText, table == .threePublicExpenses { noteAmountsBetweenHeadings(body) }
        var placed = body.map { fragment in
            Placed(fragment: fragment, band: provisionalBand(for: fragment), y: fragment.baseline)
        }
        let seeding =
            seedByCodes(&placed) ?? seedByLabels(placed)
            ?? Seeding(seeds: cluster(placed.map { ($0.y, false) }, tolerance: 0.5 * em), pitch: 2 * em)
        let seeds = seeding.seeds
        guard !seeds.isEmpty else { return [] }
        if let blocks = blockRows(placed, seeds: seeds) {
            // Rows set apart by blank lines, one code line each: everything in a block is that row's.
            var cells = emptyCells(rows: seeds.count)
            for (index, item) in placed.enumerated() {
                guard let seed = blocks[index] else { continue }
                cells[seed][item.band].append(item.fragment)
            }
            for seed in cells.indices {
                for band in cells[seed].indices where cells[seed][band].count > 1 {
                    cells[seed][band].sort { ($0.baseline, $0.x0) < ($1.baseline, $1.x0) }
                }
            }
            alignAmounts(&cells)
            return gridRows(cells, seeds: seeds)
        }
        // Everything but labels: the nearest row.
        var cells = emptyCells(rows: seeds.count)
        var tied: [TiedLine] = []
        for item in placed
        where bands[item.band].kind != .label || (item.fragment.isTotal && !seeding.totalsLabelled) {
            let seed = nearestSeed(to: item.y, in: seeds)
            if source == .layoutText, item.fragment.kind == .amount,
                let other = tiedSeed(to: item.y, nearest: seed, in: seeds, pitch: seeding.pitch)
            {
                let (upper, lower) = (min(seed, other), max(seed, other))
                if let index = tied.firstIndex(where: { $0.upper == upper && abs($0.y - item.y) < 0.1 * em }) {
                    tied[index].items.append(item)
                } else {
                    tied.append(TiedLine(y: item.y, upper: upper, lower: lower, items: [item]))
                }
                continue
            }
            if abs(seeds[seed].y - item.y) > 0.45 * seeding.pitch {
                note(
                    "layout.row-uncertain",
                    "“\(item.fragment.text)”位于两行之间：按最近的一行读取 — '\(item.fragment.text)' lies between two rows; it is read in the nearest one",
                    item.fragment)
            }
            cells[seed][item.band].append(item.fragment)
        }
        for (seed, fragments) in seeding.labels {
            for fragment in fragments { cells[seed][provisionalBand(for: fragment)].append(fragment) }
        }
        for line in tied { resolve(line, in: &cells) }
        if source == .layoutText { alignAmounts(&cells) }
        return gridRows(cells, seeds: seeds)
    }

    /// Layout text of 公开09 (twelve amounts, both readings adding up alike): in a row with blanks, an amount under no
    /// heading, between two (a browser's print of an HTML table, headings left-aligned, amounts right-aligned:
    /// `预算数 … 0.95 决算数`), could be either column's, and its row's identity holds either way. Noted (``CrowdedCells/amountBetweenCode``),
    /// and the table is then not read, both headings named.
    private mutating func noteAmountsBetweenHeadings(_ body: [Fragment]) {
        let amountBands = bands.indices.filter { bands[$0].kind == .amount }
        // A row that fills every column (公开09 has twelve) is placed in order: only a row with blanks leaves a choice.
        var perLine: [PrintedLine: Int] = [:]
        for fragment in body where fragment.kind == .amount {
            perLine[PrintedLine(page: fragment.page, baseline: fragment.baseline), default: 0] += 1
        }
        for fragment in body where fragment.kind == .amount
            && perLine[PrintedLine(page: fragment.page, baseline: fragment.baseline), default: 0] < min(amountBands.count, 12)
        {
            guard !amountBands.contains(where: { bands[$0].overlap(with: fragment) > 0 }),
                let left = amountBands.last(where: { bands[$0].x1 <= fragment.x0 }),
                let right = amountBands.first(where: { bands[$0].x0 >= fragment.x1 })
            else { continue }
            let (leftName, rightName) = (bands[left].headerText, bands[right].headerText)
            note(
                CrowdedCells.amountBetweenCode,
                "金额“\(fragment.text)”位于“\(leftName)”与“\(rightName)”两栏之间，不在任一栏标题之下：两种读法（第\(left + 1)栏或第\(right + 1)栏）合计关系都成立 — "
                    + "the amount '\(fragment.text)' stands between the columns '\(leftName)' and '\(rightName)', under neither "
                    + "heading: both readings (field \(left + 1) or \(right + 1)) add up alike",
                fragment)
        }
    }

    /// A page's cells while its rows are assembled: for each row (seed), the fragments of each column (band).
    typealias Cells = [[[Fragment]]]

    /// Cells for `rows` rows, every cell empty.
    private func emptyCells(rows: Int) -> Cells {
        Cells(repeating: [[Fragment]](repeating: [], count: bands.count), count: rows)
    }

    /// The grid rows of the rows that hold a fragment, top to bottom.
    private mutating func gridRows(_ cells: Cells, seeds: [Seed]) -> [SynthesizedLine] {
        seeds.indices.compactMap { seed in
            let row = cells[seed]
            guard row.contains(where: { !$0.isEmpty }) else { return nil }
            return SynthesizedLine.gridRow(
                bands.indices.map { field(row[$0], band: $0, rowY: seeds[seed].y) }, page: page)
        }
    }

    /// Rows seeded by the codes, every code column shifted to the most used one first; `nil` without codes.
    private mutating func seedByCodes(_ placed: inout [Placed]) -> Seeding? {
        let codeBands = Set(bands.indices.filter { bands[$0].kind == .code })
        // Codes, and the `…` rows a template prints in the code column.
        let codes = placed.indices.filter { index in
            codeBands.contains(placed[index].band)
                && (placed[index].fragment.kind == .digits || RowAssembler.isEllipsis(placed[index].fragment.text))
        }
        guard let reference = mostCommonBand(of: codes.map { placed[$0] }) else { return nil }
        let referenceYs = placed.filter { $0.band == reference && $0.fragment.kind == .digits }.map(\.y).sorted()
        let pitch = RowAssembler.pitch(of: referenceYs, em: em, source: source)
        applyOffsets(&placed, reference: referenceYs, pitch: pitch)
        let points =
            codes.map { (placed[$0].y, false) }
            + placed.filter { $0.fragment.isTotal || bands[$0.band].kind == .lineNumber }.map {
                ($0.y, $0.fragment.isTotal)
            }
        var seeding = Seeding(seeds: cluster(points, tolerance: max(0.3 * pitch, 0.35 * em)), pitch: pitch)
        // The rows whose only code is a template's `…`: a wrapped label's last line is never theirs for want of one.
        var placeholders = Set<Int>()
        var coded = Set<Int>()
        for index in codes {
            let seed = nearestSeed(to: placed[index].y, in: seeding.seeds)
            if placed[index].fragment.kind == .digits { coded.insert(seed) } else { placeholders.insert(seed) }
        }
        for seed in placeholders.subtracting(coded) { seeding.seeds[seed].isPlaceholder = true }
        for band in bands.indices where bands[band].kind == .label {
            let fragments = placed.filter { $0.band == band && !$0.fragment.isTotal }
            for (seed, cell) in anchoredLabels(fragments, seeds: seeding.seeds, pitch: pitch) {
                seeding.labels[seed, default: []] += cell
            }
        }
        return seeding
    }

    /// Rows seeded by the labels, wrapped lines joined first (公开01/04); `nil` without labels.
    private func seedByLabels(_ placed: [Placed]) -> Seeding? {
        guard let firstLabel = bands.firstIndex(where: { $0.kind == .label }),
            placed.contains(where: { bands[$0.band].kind == .label })
        else { return nil }
        var groups: [(y: Double, band: Int, fragments: [Fragment], isTotal: Bool)] = []
        for band in bands.indices where bands[band].kind == .label {
            let fragments = placed.filter { $0.band == band }.sorted { $0.y < $1.y }
            for group in wrapGroups(fragments, isTotal: \.isTotal) {
                let y = group.map(\.y).reduce(0, +) / Double(group.count)
                groups.append((y, band, group.map(\.fragment), group.contains { $0.fragment.isTotal }))
            }
        }
        let pitch = RowAssembler.pitch(
            of: groups.filter { $0.band == firstLabel }.map(\.y).sorted(), em: em, source: source)
        // A 行次 with no label near it (公开01's filler rows 行30, 行61) is a row of its own; a 行次 beside a label
        // wrapped over two lines is within ¾ of a row of the label's middle and joins its row.
        let labelYs = groups.map(\.y)
        let fillerRows = placed.filter { item in
            bands[item.band].kind == .lineNumber && item.fragment.kind == .digits
                && labelYs.allSatisfy { abs($0 - item.y) > 0.75 * pitch }
        }.map { ($0.y, false) }
        var seeding = Seeding(
            seeds: cluster(groups.map { ($0.y, $0.isTotal) } + fillerRows, tolerance: max(0.3 * pitch, 0.35 * em)),
            pitch: pitch, totalsLabelled: true)
        for group in groups {
            seeding.labels[nearestSeed(to: group.y, in: seeding.seeds), default: []] += group.fragments
        }
        return seeding
    }

    /// One cell of a row: its fragments joined (labels without separator), with their origin, or a blank with
    /// the place it would be printed.
    private mutating func field(_ fragments: [Fragment], band: Int, rowY: Double) -> (text: String, origin: WordOrigin?)
    {
        if fragments.count == 1 { return (fragments[0].text, fragments[0].origin) }  // most cells: nothing to join
        let isLabel = bands[band].kind == .label
        let ordered = isLabel ? fragments : fragments.sorted { $0.x0 < $1.x0 }
        if fragments.count > 1, bands[band].kind == .amount {
            note(
                "layout.cell-crowded",
                "两个金额（\(fragments.map(\.text).joined(separator: "、"))）落在同一单元格 — "
                    + "two amounts (\(fragments.map(\.text).joined(separator: ", "))) fall in one cell", fragments[0])
        }
        if source == .pdf, isLabel, let amount = fragments.first(where: { $0.kind == .amount }),
            fragments.contains(where: { $0.kind == .text })
        {
            // A browser's print of two HTML tables one under the other (公开01's last rows, `年末结转和结余 55.34`, in
            // a narrower grid): the amount stands inside the label column above.
            note(
                CrowdedCells.amountInLabelCode,
                "金额“\(amount.text)”落在科目名称栏内（\(fragments.map(\.text).joined(separator: "、"))） — "
                    + "the amount '\(amount.text)' falls in the label column (\(fragments.map(\.text).joined(separator: ", ")))",
                amount)
        }
        guard let first = ordered.first else { return ("", blankCellOrigin(band: band, y: rowY)) }
        return (
            ordered.map(\.text).joined(separator: isLabel ? "" : " "),
            ordered.dropFirst().reduce(first.origin) { $0.union($1.origin) }
        )
    }

    /// Where a blank cell would be printed: its column on its row's line.
    private func blankCellOrigin(band: Int, y: Double) -> WordOrigin {
        switch source {
        case .pdf:
            return .box(PageRegion(x0: bands[band].x0, y0: y - 0.8 * em, x1: bands[band].x1, y1: y + 0.2 * em))
        case .layoutText:
            return .text(line: Int((y / LayoutTextPages.lineHeight).rounded()), column: Int(bands[band].x0) + 1)
        }
    }

    /// `…`, `……`, `...`: a template's placeholder for more rows.
    static func isEllipsis(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0 == "…" || $0 == "." || $0 == "⋯" }
    }

    /// The column a fragment reads in before rows are known.
    private func provisionalBand(for fragment: Fragment) -> Int {
        switch (source, fragment.kind) {
        case (.layoutText, .digits):
            return finder.bestBand(for: fragment, in: bands, kinds: [.code, .lineNumber])
                ?? finder.bestBand(for: fragment, in: bands) ?? 0
        case (.layoutText, .amount):
            return finder.bestBand(for: fragment, in: bands, kinds: [.amount]) ?? finder.bestBand(
                for: fragment, in: bands) ?? 0
        case (.layoutText, .text):
            if let label = finder.bestBand(for: fragment, in: bands, kinds: [.label]),
                bands[label].overlap(with: fragment) > 0
            {
                return label
            }
            if let best = finder.bestBand(for: fragment, in: bands), bands[best].overlap(with: fragment) > 0 {
                return best
            }
            return finder.bestBand(for: fragment, in: bands, kinds: [.label]) ?? finder.bestBand(
                for: fragment, in: bands) ?? 0
        case (.pdf, _):
            return finder.bestBand(for: fragment, in: bands) ?? 0
        }
    }

    private func mostCommonBand(of items: [Placed]) -> Int? {
        var counts: [Int: Int] = [:]
        for item in items { counts[item.band, default: 0] += 1 }
        return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
    }

    /// The usual distance between rows: the median gap between the reference baselines.
    private static func pitch(of ys: [Double], em: Double, source: LayoutSource) -> Double {
        if source == .layoutText { return LayoutTextPages.lineHeight }
        var gaps: [Double] = []
        for index in ys.indices.dropFirst() where ys[index] - ys[index - 1] > 0.3 * em {
            gaps.append(ys[index] - ys[index - 1])
        }
        guard !gaps.isEmpty else { return 1.8 * em }
        gaps.sort()
        return gaps[gaps.count / 2]
    }

    /// Shifts each column by its median offset from the reference column's rows.
    private func applyOffsets(_ placed: inout [Placed], reference: [Double], pitch: Double) {
        guard source == .pdf, !reference.isEmpty else { return }
        var deltas: [Int: [Double]] = [:]
        for item in placed {
            let nearest = reference.min { abs($0 - item.y) < abs($1 - item.y) } ?? item.y
            let delta = item.y - nearest
            if abs(delta) < 0.45 * pitch { deltas[item.band, default: []].append(delta) }
        }
        var offsets: [Int: Double] = [:]
        for (band, values) in deltas where values.count >= 2 {
            let sorted = values.sorted()
            offsets[band] = sorted[sorted.count / 2]
        }
        for index in placed.indices { placed[index].y -= offsets[placed[index].band] ?? 0 }
    }

    private func cluster(_ points: [(y: Double, isTotal: Bool)], tolerance: Double) -> [Seed] {
        var seeds: [Seed] = []
        var members: [[Double]] = []
        for point in points.sorted(by: { $0.y < $1.y }) {
            if let first = members.last?.first, point.y - first <= tolerance {
                members[members.count - 1].append(point.y)
                seeds[seeds.count - 1].isTotal = seeds[seeds.count - 1].isTotal || point.isTotal
            } else {
                members.append([point.y])
                seeds.append(Seed(y: point.y, isTotal: point.isTotal))
            }
        }
        for index in seeds.indices { seeds[index].y = members[index].reduce(0, +) / Double(members[index].count) }
        return seeds
    }

    /// Layout text of 公开06 whose rows print amount, codes and name on lines of their own, rows set apart by
    /// blank lines: the row (seed) of each fragment, or `nil` when the page is not laid out so.
    ///
    /// A row's anchor is its 类 code line (a 款 code one line below it, printed beside the right block's name, is
    /// the same row) or a total. Within a block of consecutive lines, a line of amounts only belongs to the next
    /// anchor below it (the amounts print above their codes), any other line to the nearest anchor at or above
    /// it. Used only where at least half of the blocks hold a single row.
    private func blockRows(_ placed: [Placed], seeds: [Seed]) -> [Int: Int]? {
        guard source == .layoutText, table == .generalBudgetBasicExpenditure, seeds.count >= 3 else { return nil }
        let step = LayoutTextPages.lineHeight
        let lines = Set(placed.map(\.y)).sorted()
        guard let first = lines.first else { return nil }
        var blockOfLine: [Double: Int] = [:]
        var block = 0
        var previous = first
        for y in lines {
            if y - previous > 1.5 * step { block += 1 }
            blockOfLine[y] = block
            previous = y
        }
        // Anchors: seeds on a line, but not one line below another anchor (unless a total).
        var anchors: [(seed: Int, y: Double, block: Int)] = []
        for (index, seed) in seeds.enumerated() {
            guard let line = lines.min(by: { abs($0 - seed.y) < abs($1 - seed.y) }), abs(line - seed.y) < 0.5 * step,
                let b = blockOfLine[line]
            else { return nil }
            if let last = anchors.last, last.block == b, abs(line - last.y - step) < 0.1 * step, !seed.isTotal {
                continue
            }
            anchors.append((index, line, b))
        }
        let rowsPerBlock = Dictionary(grouping: anchors, by: \.block).mapValues(\.count)
        let single = rowsPerBlock.values.filter { $0 == 1 }.count
        guard block >= 2, single * 2 >= block + 1 else { return nil }
        let amountOnly = Dictionary(grouping: placed, by: \.y).mapValues { items in
            items.allSatisfy { $0.fragment.kind == .amount }
        }
        var result: [Int: Int] = [:]
        for (index, item) in placed.enumerated() {
            guard let b = blockOfLine[item.y] else { return nil }
            let inBlock = anchors.filter { $0.block == b }
            guard !inBlock.isEmpty else { return nil }
            let below = inBlock.first { $0.y > item.y }
            let atOrAbove = inBlock.last { $0.y <= item.y }
            let anchor = amountOnly[item.y] == true ? (below ?? atOrAbove) : (atOrAbove ?? below)
            guard let anchor else { return nil }
            result[index] = anchor.seed
        }
        return result
    }

    /// A line of amounts printed exactly between two rows (layout text: one line below one row's label, one
    /// above the next's).
    struct TiedLine {
        var y: Double
        var upper: Int
        var lower: Int
        var items: [Placed]
    }

    /// The other row as near to `y` as `nearest`, when `y` is on neither row's line; else `nil`.
    private func tiedSeed(to y: Double, nearest: Int, in seeds: [Seed], pitch: Double) -> Int? {
        let other = seeds[nearest].y < y ? nearest + 1 : nearest - 1
        guard seeds.indices.contains(other) else { return nil }
        let (a, b) = (abs(seeds[nearest].y - y), abs(seeds[other].y - y))
        guard a > 0.3 * pitch, abs(a - b) <= 0.05 * em else { return nil }
        return other
    }

    /// Gives a tied line of amounts to the row under which more rows add up (合计 = Σ parts): the lower one when
    /// only it makes them add up, else the upper (a wrapped cell follows its row), saying so when both would.
    private mutating func resolve(_ line: TiedLine, in cells: inout Cells) {
        func with(_ seed: Int) -> [[Fragment]] {
            var row = cells[seed]
            for item in line.items { row[item.band].append(item.fragment) }
            return row
        }
        let upperScore = (identityHolds(with(line.upper)) ? 1 : 0) + (identityHolds(cells[line.lower]) ? 1 : 0)
        let lowerScore = (identityHolds(cells[line.upper]) ? 1 : 0) + (identityHolds(with(line.lower)) ? 1 : 0)
        let seed = lowerScore > upperScore ? line.lower : line.upper
        let text = line.items.map(\.fragment.text).joined(separator: " ")
        if lowerScore == upperScore {
            let why =
                !identity.applies
                ? "no row total decides" : upperScore > 0 ? "either reading adds up as well" : "neither reading adds up"
            let whyZh =
                !identity.applies ? "没有行合计可据以判断" : upperScore > 0 ? "两种读法合计都相符" : "两种读法合计都不相符"
            note(
                "layout.row-uncertain",
                "“\(text)”位于两行之间，\(whyZh)：按上一行读取（另一种读法：下一行） — "
                    + "'\(text)' lies between two rows and \(why); it is read in the upper row (the other reading: the "
                    + "lower row)", line.items[0].fragment)
        } else if seed == line.lower {
            note(
                "layout.row-by-identity",
                "“\(text)”位于两行之间：按下一行读取，该行合计相符 — "
                    + "'\(text)' lies between two rows; it is read in the lower row, where the row adds up", line.items[0].fragment)
        }
        cells[seed] = with(seed)
    }

    /// The nearest row; between two rows equally near, the upper (a wrapped cell follows its row).
    func nearestSeed(to y: Double, in seeds: [Seed]) -> Int {
        var best = 0
        for index in seeds.indices where abs(seeds[index].y - y) < abs(seeds[best].y - y) - 0.05 * em {
            best = index
        }
        return best
    }

    mutating func note(_ code: String, _ message: String, _ fragment: Fragment) {
        notes.append(
            LayoutNote(code: code, message: message, table: table, page: fragment.page, origin: fragment.origin))
    }
}
