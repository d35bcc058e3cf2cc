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

    private(set) var notes: [LayoutNote] = []

    init(table: TableID, source: LayoutSource, bands: [Band], finder: BandFinder, em: Double, page: Int) {
        self.table = table
        self.source = source
        self.bands = bands
        self.finder = finder
        self.em = em
        self.page = page
    }

    private struct Seed {
        var y: Double
        var isTotal = false
    }

    private struct Placed {
        var fragment: Fragment
        var band: Int
        var y: Double
    }

    // MARK: Rows

    /// The rows of a page's body fragments (row totals marked `isTotal`), top to bottom.
    mutating func lines(body: [Fragment]) -> [SynthesizedLine] {
        guard !body.isEmpty, !bands.isEmpty else { return [] }
        func isTotal(_ fragment: Fragment) -> Bool { fragment.isTotal }
        var placed = body.map { fragment in
            Placed(fragment: fragment, band: provisionalBand(for: fragment), y: fragment.baseline)
        }
        let codeBandIndices = Set(bands.indices.filter { bands[$0].kind == .code })
        // Codes, and the `…` rows a template prints in the code column.
        let codes = placed.indices.filter { index in
            codeBandIndices.contains(placed[index].band)
                && (placed[index].fragment.kind == .digits || RowAssembler.isEllipsis(placed[index].fragment.text))
        }
        let pitch: Double
        var seeds: [Seed]
        var labelCells: [Int: [Fragment]] = [:]  // by seed
        var labelled = false  // whether the label columns' totals went with the labels
        if let reference = mostCommonBand(of: codes.map { placed[$0] }) {
            let referenceYs = placed.filter { $0.band == reference && $0.fragment.kind == .digits }.map(\.y).sorted()
            pitch = RowAssembler.pitch(of: referenceYs, em: em, source: source)
            applyOffsets(&placed, reference: referenceYs, pitch: pitch)
            let seedPoints =
                codes.map { (placed[$0].y, false) }
                + placed.filter { isTotal($0.fragment) || bands[$0.band].kind == .lineNumber }.map {
                    ($0.y, isTotal($0.fragment))
                }
            seeds = cluster(seedPoints, tolerance: max(0.3 * pitch, 0.35 * em))
            for band in bands.indices where bands[band].kind == .label {
                let fragments = placed.filter { $0.band == band && !isTotal($0.fragment) }
                for (seed, cell) in anchoredLabels(fragments, seeds: seeds, pitch: pitch) {
                    labelCells[seed, default: []] += cell
                }
            }
        } else if let firstLabel = bands.firstIndex(where: { $0.kind == .label }),
            placed.contains(where: { bands[$0.band].kind == .label })
        {
            var groups: [(y: Double, band: Int, fragments: [Fragment], isTotal: Bool)] = []
            for band in bands.indices where bands[band].kind == .label {
                let fragments = placed.filter { $0.band == band }.sorted { $0.y < $1.y }
                for group in wrapGroups(fragments, isTotal: isTotal) {
                    let y = group.map(\.y).reduce(0, +) / Double(group.count)
                    groups.append((y, band, group.map(\.fragment), group.contains { isTotal($0.fragment) }))
                }
            }
            let firstYs = groups.filter { $0.band == firstLabel }.map(\.y).sorted()
            pitch = RowAssembler.pitch(of: firstYs, em: em, source: source)
            seeds = cluster(groups.map { ($0.y, $0.isTotal) }, tolerance: max(0.3 * pitch, 0.35 * em))
            for group in groups {
                let seed = nearestSeed(to: group.y, in: seeds)
                labelCells[seed, default: []] += group.fragments
            }
            labelled = true
        } else {
            pitch = 2 * em
            seeds = cluster(placed.map { ($0.y, false) }, tolerance: 0.5 * em)
        }
        guard !seeds.isEmpty else { return [] }
        // Everything but labels: the nearest row.
        var cells: [Int: [Int: [Fragment]]] = [:]  // seed → band → fragments
        for item in placed where bands[item.band].kind != .label || (isTotal(item.fragment) && !labelled) {
            let seed = nearestSeed(to: item.y, in: seeds)
            if abs(seeds[seed].y - item.y) > 0.45 * pitch {
                note(
                    "layout.row-uncertain",
                    "'\(item.fragment.text)' lies between two rows; it is read in the nearest one", item.fragment)
            }
            cells[seed, default: [:]][item.band, default: []].append(item.fragment)
        }
        for (seed, fragments) in labelCells {
            for fragment in fragments {
                let band = provisionalBand(for: fragment)
                cells[seed, default: [:]][band, default: []].append(fragment)
            }
        }
        if source == .layoutText { alignAmounts(&cells) }
        return seeds.indices.compactMap { seed in
            guard let row = cells[seed], !row.isEmpty else { return nil }
            let fields: [(text: String, origin: WordOrigin?)] = bands.indices.map { band in
                let here = row[band] ?? []
                let ordered = bands[band].kind == .label ? here : here.sorted { $0.x0 < $1.x0 }
                if here.count > 1, bands[band].kind == .amount {
                    note(
                        "layout.cell-crowded",
                        "two amounts (\(here.map(\.text).joined(separator: ", "))) fall in one cell", here[0])
                }
                let text = ordered.map(\.text).joined(separator: bands[band].kind == .label ? "" : " ")
                guard let first = ordered.first else { return ("", blankCellOrigin(band: band, y: seeds[seed].y)) }
                return (text, ordered.dropFirst().reduce(first.origin) { $0.union($1.origin) })
            }
            return SynthesizedLine.gridRow(fields, page: page)
        }
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
            return finder.bestBand(for: fragment, in: bands, kinds: [.amount]) ?? finder.bestBand(for: fragment, in: bands) ?? 0
        case (.layoutText, .text):
            if let label = finder.bestBand(for: fragment, in: bands, kinds: [.label]),
                bands[label].overlap(with: fragment) > 0
            {
                return label
            }
            if let best = finder.bestBand(for: fragment, in: bands), bands[best].overlap(with: fragment) > 0 { return best }
            return finder.bestBand(for: fragment, in: bands, kinds: [.label]) ?? finder.bestBand(for: fragment, in: bands) ?? 0
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

    /// The nearest row; between two rows equally near, the upper (a wrapped cell follows its row).
    private func nearestSeed(to y: Double, in seeds: [Seed]) -> Int {
        var best = 0
        for index in seeds.indices where abs(seeds[index].y - y) < abs(seeds[best].y - y) - 0.05 * em {
            best = index
        }
        return best
    }

    // MARK: Labels

    private var fillTolerance: Double { source == .pdf ? 0.75 * em : 1.0 }

    /// Whether a fragment starts a new label rather than continuing a wrapped one: an ordinal (`二、`), a
    /// total, or a standard row of 公开01/04 (`年初结转和结余`).
    private func startsItem(_ fragment: Fragment) -> Bool {
        let key = TextNormalization.key(fragment.text)
        if TextNormalization.leadingOrdinal(fragment.text) != nil || key == "合计" || key == "总计"
            || (key.hasSuffix("合计") && key.count <= 8)
        {
            return true
        }
        guard table == .incomeExpenditureSummary || table == .appropriationSummary else { return false }
        return StandardRows.line(forLabel: fragment.text, in: table, isIncome: true, afterCarryOver: false) != nil
            || StandardRows.line(forLabel: fragment.text, in: table, isIncome: false, afterCarryOver: false) != nil
    }

    /// Splits label fragments (top to bottom) into labels: a fragment continues the one above when that one
    /// fills the column (it wrapped), it is a line below and it does not start an item itself.
    private func wrapGroups(_ fragments: [Placed], isTotal: (Fragment) -> Bool) -> [[Placed]] {
        let right = fragments.filter { !isTotal($0.fragment) }.map(\.fragment.x1).max() ?? 0
        var groups: [[Placed]] = []
        for item in fragments {
            if let previous = groups.last?.last, !isTotal(previous.fragment), !isTotal(item.fragment),
                previous.fragment.x1 >= right - fillTolerance, !startsItem(item.fragment),
                item.y - previous.y <= (source == .pdf ? 2.0 * em : 2.01 * LayoutTextPages.lineHeight)
            {
                groups[groups.count - 1].append(item)
            } else {
                groups.append([item])
            }
        }
        return groups
    }

    /// Gives a label column's fragments to the rows: a fragment on a row's line is that row's label; the
    /// others, grouped into wrapped labels, go to a row without a label or continue the label above or below,
    /// whichever is nearest.
    private mutating func anchoredLabels(_ fragments: [Placed], seeds: [Seed], pitch: Double) -> [Int: [Fragment]] {
        let sorted = fragments.sorted { $0.y < $1.y }
        guard !sorted.isEmpty else { return [:] }
        let right = sorted.map(\.fragment.x1).max() ?? 0
        let tolerance = max(0.3 * pitch, 0.35 * em)
        var claim: [Int: Int] = [:]  // seed → fragment
        for (index, item) in sorted.enumerated() {
            let seed = nearestSeed(to: item.y, in: seeds)
            let distance = abs(seeds[seed].y - item.y)
            guard distance <= tolerance else { continue }
            if let other = claim[seed], abs(seeds[seed].y - sorted[other].y) <= distance { continue }
            claim[seed] = index
        }
        let anchorOf = Dictionary(uniqueKeysWithValues: claim.map { ($0.value, $0.key) })
        var result: [Int: [Placed]] = [:]
        var hasLabel = Set(claim.keys)
        for (seed, isTotal) in seeds.enumerated().map({ ($0.offset, $0.element.isTotal) }) where isTotal {
            hasLabel.insert(seed)
        }
        for (index, seed) in anchorOf { result[seed] = [sorted[index]] }
        let anchored = anchorOf.keys.sorted()
        // Runs of free fragments between anchored ones.
        var boundaries: [Int?] = [nil] + anchored.map { Optional($0) } + [nil]
        if anchored.isEmpty { boundaries = [nil, nil] }
        for pair in zip(boundaries, boundaries.dropFirst()) {
            let lower = pair.0.map { $0 + 1 } ?? 0
            let upper = pair.1 ?? sorted.count
            guard lower < upper else { continue }
            let run = Array(sorted[lower..<upper])
            let above = pair.0.flatMap { anchorOf[$0] }
            let below = pair.1.flatMap { anchorOf[$0] }
            for group in wrapGroups(run, isTotal: { _ in false }) {
                let center = group.map(\.y).reduce(0, +) / Double(group.count)
                var candidates: [(seed: Int, distance: Double)] = []
                if let above, let last = result[above]?.last, last.fragment.x1 >= right - fillTolerance,
                    !startsItem(group[0].fragment)
                {
                    candidates.append((above, abs(center - seeds[above].y)))
                }
                if let below, let last = group.last, last.fragment.x1 >= right - fillTolerance {
                    candidates.append((below, abs(seeds[below].y - center)))
                }
                for seed in seeds.indices where !hasLabel.contains(seed) {
                    if let above, seeds[seed].y <= seeds[above].y { continue }
                    if let below, seeds[seed].y >= seeds[below].y { continue }
                    candidates.append((seed, abs(center - seeds[seed].y)))
                }
                // A row without a label is the likelier home: every row has one. Between equals, the upper.
                func weight(_ candidate: (seed: Int, distance: Double)) -> Double {
                    candidate.distance - (hasLabel.contains(candidate.seed) ? 0 : 0.5 * pitch)
                }
                let chosen =
                    candidates.min {
                        weight($0) < weight($1) - 0.05 * em
                            || (abs(weight($0) - weight($1)) <= 0.05 * em && seeds[$0.seed].y < seeds[$1.seed].y)
                    }?.seed ?? nearestSeed(to: center, in: seeds)
                if candidates.isEmpty {
                    note(
                        "layout.label-uncertain",
                        "the label line '\(group.map(\.fragment.text).joined())' belongs to no row for certain; "
                            + "it is joined to the nearest", group[0].fragment)
                }
                hasLabel.insert(chosen)
                let merged = (result[chosen] ?? []) + group
                result[chosen] = merged.sorted { $0.y < $1.y }
            }
        }
        return result.mapValues { $0.map(\.fragment) }
    }

    // MARK: Amounts in drifting text

    /// Places each row's amounts in the amount columns, keeping their order: the placement nearest to the
    /// printed positions, and among near-equal placements the one under which the row's total equals the sum
    /// of its parts.
    private mutating func alignAmounts(_ cells: inout [Int: [Int: [Fragment]]]) {
        let amountBands = bands.indices.filter { bands[$0].kind == .amount }
        guard !amountBands.isEmpty else { return }
        let identity = RowIdentity(bands: bands)
        let labelBands = bands.indices.filter { bands[$0].kind == .label }
        for seed in cells.keys {
            var row = cells[seed] ?? [:]
            let amounts = amountBands.flatMap { row[$0] ?? [] }.filter { $0.kind != .text }.sorted { $0.x0 < $1.x0 }
            guard !amounts.isEmpty else { continue }
            for band in amountBands { row[band]?.removeAll { $0.kind != .text } }
            // The labels split the row into blocks (收入 | 支出): an amount stays in its block's columns.
            let labelStarts = labelBands.map { band in row[band]?.map(\.x0).min() ?? bands[band].x0 }
            func block(ofX x: Double) -> Int { labelStarts.filter { $0 <= x }.count }
            let allowed = amountBands.map { band in labelBands.filter { $0 < band }.count }
            let blocks = amounts.map { block(ofX: $0.x0) }
            let placements = AmountAlignment.placements(
                amounts.map(\.center), bands: amountBands.map { bands[$0].center }, slack: 2.0
            ) { amount, column in blocks[amount] == allowed[column] }
            guard let best = placements.first else {
                // More amounts than columns: keep them in the nearest columns and say so.
                for amount in amounts {
                    let band = finder.bestBand(for: amount, in: bands, kinds: [.amount]) ?? amountBands[0]
                    row[band, default: []].append(amount)
                }
                note("layout.too-many-amounts", "the row has more amounts than the table has columns", amounts[0])
                cells[seed] = row
                continue
            }
            var chosen = best.columns
            let holding = placements.filter { placement in
                identity.holds(
                    Dictionary(uniqueKeysWithValues: zip(placement.columns.map { amountBands[$0] }, amounts.map(\.text))))
            }
            if let first = holding.first {
                chosen = first.columns
            } else if placements.count > 1, identity.applies {
                note(
                    "layout.column-uncertain",
                    "the amounts of this row fit more than one set of columns and none makes the row add up; "
                        + "the nearest columns are used", amounts[0])
            }
            for (amount, column) in zip(amounts, chosen) { row[amountBands[column], default: []].append(amount) }
            cells[seed] = row
        }
    }

    private mutating func note(_ code: String, _ message: String, _ fragment: Fragment) {
        notes.append(LayoutNote(code: code, message: message, table: table, page: fragment.page, origin: fragment.origin))
    }
}
