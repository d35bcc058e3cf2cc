import BudgetLensCore

/// Amounts in text whose columns drift (`pdftotext -layout`): placed by order, position and the row's identity.
extension RowAssembler {
    /// The median right edge of the amounts of each amount column (index into the amount columns), learned
    /// from the rows that fill every amount column (their placement is certain).
    func learnedRightEdges(_ cells: Cells, amountBands: [Int]) -> [Int: Double] {
        var edges: [Int: [Double]] = [:]
        for row in cells {
            // Counted first: most rows do not fill every column, and are passed without gathering their amounts.
            var count = 0
            for band in amountBands { for fragment in row[band] where fragment.kind == .amount { count += 1 } }
            guard count == amountBands.count, count >= 2 else { continue }
            let amounts = amountBands.flatMap { row[$0] }.filter { $0.kind == .amount }.sorted { $0.x0 < $1.x0 }
            guard amounts.count == amountBands.count, amounts.count >= 2 else { continue }
            for (column, amount) in amounts.enumerated() { edges[column, default: []].append(amount.x1) }
        }
        return edges.mapValues { values in values.sorted()[values.count / 2] }
    }

    /// Whether some order-keeping placement of the row's amounts makes its total equal the sum of its parts.
    func identityHolds(_ row: [[Fragment]]) -> Bool {
        let amountBands = bands.indices.filter { bands[$0].kind == .amount }
        guard identity.applies, !amountBands.isEmpty else { return false }
        let amounts = amountBands.flatMap { row[$0] }.filter { $0.kind != .text }.sorted { $0.x0 < $1.x0 }
        guard !amounts.isEmpty else { return false }
        let placements = AmountAlignment.placements(
            amounts.map(\.center), bands: amountBands.map { bands[$0].center }, slack: 2.0)
        return placements.contains { identityHolds(amounts, placedIn: $0.columns, amountBands: amountBands) }
    }

    /// Whether the row identity holds with `amounts` placed in `columns` (an index into `amountBands` per amount).
    private func identityHolds(_ amounts: [Fragment], placedIn columns: [Int], amountBands: [Int]) -> Bool {
        var texts = [String?](repeating: nil, count: bands.count)  // by band
        for (amount, column) in zip(amounts, columns) { texts[amountBands[column]] = amount.text }
        return identity.holds { texts[$0] }
    }

    /// ``identityHolds(_:placedIn:amountBands:)`` with the amounts already read (`cents`: ``RowIdentity/cents(of:)``
    /// of each amount's text, in the amounts' order); `cellCents` is a buffer by band, reset here.
    private func identityHolds(
        cents: [Int64?], placedIn columns: [Int], amountBands: [Int], cellCents: inout [Int64?]
    ) -> Bool {
        for band in cellCents.indices { cellCents[band] = 0 }  // a blank column
        for (amount, column) in zip(cents.indices, columns) { cellCents[amountBands[column]] = cents[amount] }
        return identity.holds { cellCents[$0] }
    }

    /// Places each row's amounts in the amount columns, keeping their order: the placement nearest to the
    /// printed positions, and among near-equal placements the one under which the row's total equals the sum
    /// of its parts. Rows are aligned top to bottom (their notes in that order).
    mutating func alignAmounts(_ cells: inout Cells) {
        let amountBands = bands.indices.filter { bands[$0].kind == .amount }
        guard !amountBands.isEmpty else { return }
        let labelBands = bands.indices.filter { bands[$0].kind == .label }
        let edges = learnedRightEdges(cells, amountBands: amountBands)
        // The same for every row: each amount column's block, and where the columns stand. Where the full rows fixed
        // every column's right edge, amounts are placed by their right edges.
        let allowed = amountBands.map { band in labelBands.filter { $0 < band }.count }
        let byEdges = amountBands.indices.allSatisfy { edges[$0] != nil }
        let columnPositions = byEdges ? amountBands.indices.map { edges[$0] ?? 0 } : amountBands.map { bands[$0].center }
        var cellCents = [Int64?](repeating: 0, count: bands.count)
        for seed in cells.indices {
            // A row without amounts stays as it is (tested before the row is copied).
            guard amountBands.contains(where: { band in cells[seed][band].contains { $0.kind != .text } }) else {
                continue
            }
            var row = cells[seed]
            let amounts = amountBands.flatMap { row[$0] }.filter { $0.kind != .text }.sorted { $0.x0 < $1.x0 }
            for band in amountBands { row[band].removeAll { $0.kind != .text } }
            // The labels split the row into blocks (收入 | 支出): an amount stays in its block's columns.
            let labelStarts = labelBands.map { band in row[band].map(\.x0).min() ?? bands[band].x0 }
            func block(ofX x: Double) -> Int { labelStarts.filter { $0 <= x }.count }
            let blocks = amounts.map { block(ofX: $0.x0) }
            let placements = AmountAlignment.placements(
                byEdges ? amounts.map(\.x1) : amounts.map(\.center), bands: columnPositions, slack: 2.0
            ) { amount, column in blocks[amount] == allowed[column] }
            guard let best = placements.first else {
                // More amounts than columns: keep them in the nearest columns and say so.
                for amount in amounts {
                    let band = finder.bestBand(for: amount, in: bands, kinds: [.amount]) ?? amountBands[0]
                    row[band].append(amount)
                }
                note("layout.too-many-amounts", "本行的金额多于本表的栏数 — the row has more amounts than the table has columns", amounts[0])
                cells[seed] = row
                continue
            }
            var chosen = best.columns
            // Each amount read once for all the placements (none holds where the header defines no identity).
            let cents = identity.applies ? amounts.map { RowIdentity.cents(of: $0.text) } : []
            let holding =
                identity.applies
                ? placements.filter {
                    identityHolds(cents: cents, placedIn: $0.columns, amountBands: amountBands, cellCents: &cellCents)
                } : []
            // Among the placements that add up, the one whose amounts end where the table's unambiguous rows
            // end theirs in those columns (amounts are right-aligned; the header's position drifts).
            func edgeCost(_ placement: AmountAlignment.Placement) -> Double {
                zip(amounts, placement.columns).reduce(0) { cost, pair in
                    let (amount, column) = pair
                    if let edge = edges[column] { return cost + abs(amount.x1 - edge) }
                    return cost + abs(amount.center - bands[amountBands[column]].center)
                }
            }
            if let first = holding.min(by: { edgeCost($0) < edgeCost($1) }) {
                chosen = first.columns
            } else if placements.count > 1, identity.applies {
                note(
                    "layout.column-uncertain",
                    "本行金额可放入不止一组栏次，且没有一种使本行合计相符：按最近的栏次读取 — "
                        + "the amounts of this row fit more than one set of columns and none makes the row add up; "
                        + "the nearest columns are used", amounts[0])
            }
            for (amount, column) in zip(amounts, chosen) { row[amountBands[column]].append(amount) }
            cells[seed] = row
        }
    }
}
