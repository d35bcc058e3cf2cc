/// The readings of a page-text code table whose rows' amounts fit several columns (blank cells dropped): every
/// full choice of one placement a row that the code hierarchy holds (DOMAIN §1.3: in every column 合计 = Σ 类,
/// 类 = Σ 款, 款 = Σ 项, within 1 分 a child, 尾数误差). Nothing is picked here: the caller writes a row's cells
/// only where every reading agrees, and leaves the others unread (``OpenPlacementResolution``).
///
/// The search fixes the highest open row to each of its placements in turn, narrows the rest by the hierarchy
/// (the caller's `narrow`), and goes down; bounded by the caller's step budget and by `readingLimit` readings. When
/// it is cut short it returns `nil` (it cannot say that no other reading holds).
enum PlacementReadings {
    /// Most readings collected for one table.
    static let readingLimit = 64

    /// - Parameters:
    ///   - candidates: Each row's placements (a column index per amount), already narrowed.
    ///   - amounts: Each row's amounts in 分.
    ///   - parents: Each row's parent row (`nil` for the 合计 row).
    ///   - order: The rows from the highest (合计, 类, 款, 项).
    ///   - narrow: Narrows the placements in place, spending search steps from the budget.
    /// - Returns: The readings (one placement a row), each giving different cells; `nil` when cut short.
    static func readings(
        candidates: [[[Int]]], amounts: [[Int64]], parents: [Int?], order: [Int], columnCount: Int,
        budget: inout Int, narrow: (inout [[[Int]]], inout Int) -> Void
    ) -> [[[Int]]]? {
        var found: [[[Int]]] = []
        var seen = Set<[[Int64]]>()
        var cutShort = false
        func explore(_ start: [[[Int]]], depth: Int) {
            guard !cutShort else { return }
            guard budget > 0, found.count < readingLimit, depth <= start.count else {
                cutShort = true
                return
            }
            var current = start
            narrow(&current, &budget)
            guard let next = order.first(where: { current[$0].count > 1 }) else {
                let reading = current.map { $0.first ?? [] }
                let values = reading.indices.map {
                    ColumnPlacement.values(amounts[$0], at: reading[$0], columnCount: columnCount)
                }
                if holds(values, parents: parents, columnCount: columnCount), seen.insert(values).inserted {
                    found.append(reading)
                }
                return
            }
            for placement in current[next] {
                budget -= 1
                var trial = current
                trial[next] = [placement]
                explore(trial, depth: depth + 1)
                if cutShort { return }
            }
        }
        explore(candidates, depth: 0)
        return cutShort ? nil : found
    }

    /// Whether every parent row equals the sum of its children in every column, within 1 分 a child. The sums are
    /// added in row order (an overflow is no fit), one flat buffer of `parents.count × columnCount`.
    static func holds(_ values: [[Int64]], parents: [Int?], columnCount: Int) -> Bool {
        var sums = [Int64](repeating: 0, count: parents.count * columnCount)
        var counts = [Int64](repeating: 0, count: parents.count)  // children a row has
        for (row, parent) in parents.enumerated() {
            guard let parent else { continue }
            let base = parent * columnCount
            for column in 0..<columnCount {
                let (added, overflow) = sums[base + column].addingReportingOverflow(values[row][column])
                if overflow { return false }
                sums[base + column] = added
            }
            counts[parent] += 1
        }
        for parent in counts.indices where counts[parent] > 0 {
            let base = parent * columnCount
            for column in 0..<columnCount {
                let (difference, overflow) = values[parent][column].subtractingReportingOverflow(sums[base + column])
                if overflow || difference.magnitude > UInt64(counts[parent]) { return false }
            }
        }
        return true
    }

    /// The placements of one row that give different cells (a `0.00` in one blank column or another is one
    /// reading: the same values), first kept.
    static func distinct(_ placements: [[Int]], amounts: [Int64], columnCount: Int) -> [[Int]] {
        guard placements.count > 1 else { return placements }  // one placement, or none: nothing to compare
        if placements.count <= linearLimit { return distinctByScan(placements, amounts: amounts, columnCount: columnCount) }
        var seen = Set<[Int64]>()
        return placements.filter { seen.insert(ColumnPlacement.values(amounts, at: $0, columnCount: columnCount)).inserted }
    }

    /// Most placements ``distinct(_:amounts:columnCount:)`` compares one by one instead of hashing.
    static let linearLimit = 24

    /// ``distinct(_:amounts:columnCount:)`` for a few placements: each placement's cells are written into one flat
    /// buffer (no array a placement, no hashing) and compared with the cells of the placements kept so far. The
    /// same answer: a placement is kept exactly when no earlier one gives equal cells (what the set's `insert`
    /// tells), and the kept ones stay in order.
    private static func distinctByScan(_ placements: [[Int]], amounts: [Int64], columnCount: Int) -> [[Int]] {
        var cells = [Int64](repeating: 0, count: (placements.count + 1) * columnCount)
        var kept: [[Int]] = []
        kept.reserveCapacity(placements.count)
        for placement in placements {
            // The candidate's cells go into the slot after the kept ones'.
            let base = kept.count * columnCount
            for column in 0..<columnCount { cells[base + column] = 0 }
            for (amount, column) in zip(amounts, placement) { cells[base + column] = amount }
            var repeated = false
            for slot in 0..<kept.count {
                let other = slot * columnCount
                var same = true
                for column in 0..<columnCount where cells[other + column] != cells[base + column] {
                    same = false
                    break
                }
                if same {
                    repeated = true
                    break
                }
            }
            if !repeated { kept.append(placement) }
        }
        return kept
    }
}
