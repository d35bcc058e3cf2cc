import BudgetLensCore

/// Wrapped labels: which lines of a label column make one label, and which row it belongs to.
extension RowAssembler {
    /// How near the column's right edge a label line must end to count as wrapped (it filled the column).
    var fillTolerance: Double { source == .pdf ? 0.75 * em : 1.0 }

    /// Whether a fragment starts a new label rather than continuing a wrapped one: an ordinal (`二、`), a
    /// total, or a standard row of 公开01/04 (`年初结转和结余`).
    private func startsItem(_ fragment: Fragment) -> Bool {
        if TextNormalization.leadingOrdinal(fragment.text) != nil
            || HeaderWords.isTotal(TextNormalization.layoutKey(fragment.text))
        {
            return true
        }
        guard table == .incomeExpenditureSummary || table == .appropriationSummary else { return false }
        return StandardRows.isStandardRow(fragment.text, in: table)
    }

    /// Splits label fragments (top to bottom) into labels: a fragment continues the one above when that one
    /// fills the column (it wrapped), it is a line below and it does not start an item itself.
    func wrapGroups(_ fragments: [Placed], isTotal: (Fragment) -> Bool) -> [[Placed]] {
        let right = fragments.filter { !isTotal($0.fragment) }.map(\.fragment.x1).max() ?? 0
        var groups: [[Placed]] = []
        for item in fragments {
            if let previous = groups.last?.last, !isTotal(previous.fragment), !isTotal(item.fragment),
                previous.fragment.x1 >= right - fillTolerance, !startsItem(item.fragment),
                !endsClassName(groups[groups.count - 1]),
                item.y - previous.y <= (source == .pdf ? 2.0 * em : 2.01 * LayoutTextPages.lineHeight)
            {
                groups[groups.count - 1].append(item)
            } else {
                groups.append([item])
            }
        }
        return groups
    }

    /// Whether a wrapped label's lines so far make a 功能分类 类's whole name (`文化旅游体育` + `与传媒支出`, DOMAIN §1.3):
    /// the label is complete, and a line after it starts the next (`其他文化旅游` …, 20799's), even where the name's
    /// last line nearly fills the column.
    private func endsClassName(_ group: [Placed]) -> Bool {
        guard group.count > 1, ![TableID.incomeExpenditureSummary, .appropriationSummary].contains(table) else { return false }
        return ClassificationCode.expenditureClassCode(forLabel: group.map(\.fragment.text).joined()) != nil
    }

    /// Gives a label column's fragments to the rows: a fragment on a row's line is that row's label; the
    /// others, grouped into wrapped labels, go to a row without a label or continue the label above or below,
    /// whichever is nearest.
    mutating func anchoredLabels(_ fragments: [Placed], seeds: [Seed], pitch: Double) -> [Int: [Fragment]] {
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
            var queue = Array(wrapGroups(run, isTotal: { _ in false }).reversed())
            while var group = queue.popLast() {
                if let cut = splitBeforeRow(group, seeds: seeds, hasLabel: hasLabel, pitch: pitch) {
                    queue.append(Array(group[cut...]))
                    group = Array(group[..<cut])
                }
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
                // A row without a label is the likelier home: every row has one — but a template's `…` row, which
                // may have none (the 模板's `其他文化旅游体育与传媒支` / `出` above one). Between equals, the upper.
                func weight(_ candidate: (seed: Int, distance: Double)) -> Double {
                    let wantsLabel = !hasLabel.contains(candidate.seed) && !seeds[candidate.seed].isPlaceholder
                    return candidate.distance - (wantsLabel ? 0.5 * pitch : 0)
                }
                let chosen =
                    candidates.min {
                        weight($0) < weight($1) - 0.05 * em
                            || (abs(weight($0) - weight($1)) <= 0.05 * em && seeds[$0.seed].y < seeds[$1.seed].y)
                    }?.seed ?? nearestSeed(to: center, in: seeds)
                if candidates.isEmpty {
                    note(
                        "layout.label-uncertain",
                        "名称行“\(group.map(\.fragment.text).joined())”不能确定属于哪一行：并入最近的一行 — "
                            + "the label line '\(group.map(\.fragment.text).joined())' belongs to no row for certain; "
                            + "it is joined to the nearest", group[0].fragment)
                }
                hasLabel.insert(chosen)
                let merged = (result[chosen] ?? []) + group
                result[chosen] = merged.sorted { $0.y < $1.y }
            }
        }
        return result.mapValues { $0.map(\.fragment) }
    }

    /// Where a seemingly wrapped label is two labels: its first line is within a line below a row that has no
    /// label yet, and a row lies between two of its lines — 上海 公开06's right block prints each code on a line of
    /// its own and its label on the next (`30212` / `因公出国（境）费用 0.00` / `30213` / `维修（护）费 29.65`), and a
    /// long label that fills the column is not the first half of the next. A label wrapped around its own row's
    /// code (`信息网络及软件购置` / `31007` / `更新`) stays whole: the row above it already has its label.
    ///
    /// - Returns: The index of the line that starts the second label, or `nil` to keep the group whole.
    private func splitBeforeRow(_ group: [Placed], seeds: [Seed], hasLabel: Set<Int>, pitch: Double) -> Int? {
        guard group.count > 1, let first = group.first else { return nil }
        let rowAbove = seeds.indices.contains { seed in
            !hasLabel.contains(seed) && !seeds[seed].isTotal && seeds[seed].y < first.y && first.y - seeds[seed].y <= 1.01 * pitch
        }
        guard rowAbove else { return nil }
        return group.indices.dropLast().first { index in
            seeds.contains { $0.y > group[index].y && $0.y < group[index + 1].y }
        }.map { $0 + 1 }
    }
}
