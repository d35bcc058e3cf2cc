import BudgetLensCore

/// Order-keeping placements of a row's amounts in a table's amount columns, for text whose columns drift.
enum AmountAlignment {
    struct Placement {
        /// For each amount, left to right, the index of its column.
        var columns: [Int]
        /// The summed distance between the amounts and their columns.
        var cost: Double
    }

    /// Every placement that keeps the amounts in order, puts each where `allowed` permits and costs at most
    /// `slack` more than the cheapest, cheapest first (equal costs in the order of the search); empty when no
    /// placement is possible.
    ///
    /// Two searches in the same order: the first finds the cheapest cost, the second collects the placements within
    /// `slack` of it. Each prunes a partial placement that already costs more than its bound: a placement's cost is
    /// its partial cost plus distances (never negative), added in the same order, so a pruned branch holds no
    /// placement the bound keeps, and every cost kept is the same sum as a full enumeration's.
    static func placements(
        _ positions: [Double], bands: [Double], slack: Double,
        allowed: (_ amount: Int, _ column: Int) -> Bool = { _, _ in true }
    ) -> [Placement] {
        let count = positions.count
        guard count <= bands.count else { return [] }
        var columns: [Int] = []
        columns.reserveCapacity(count)
        /// Visits every placement of amounts `amount…` from column `column` on whose cost stays within `bound()`.
        func search(
            _ amount: Int, from column: Int, cost: Double, bound: () -> Double, found: (Double) -> Void
        ) {
            guard cost <= bound() else { return }
            if amount == count {
                found(cost)
                return
            }
            // Leave room for the amounts still to place.
            let last = bands.count - (count - amount)
            guard column <= last else { return }
            for candidate in column...last where allowed(amount, candidate) {
                columns.append(candidate)
                search(
                    amount + 1, from: candidate + 1, cost: cost + abs(positions[amount] - bands[candidate]),
                    bound: bound, found: found)
                columns.removeLast()
            }
        }
        var best = Double.infinity
        var possible = false
        search(0, from: 0, cost: 0, bound: { best }) { cost in
            best = min(best, cost)
            possible = true
        }
        guard possible else { return [] }
        var all: [Placement] = []
        search(0, from: 0, cost: 0, bound: { best + slack }, found: { all.append(Placement(columns: columns, cost: $0)) })
        return all.sorted { $0.cost < $1.cost }
    }
}

/// A row identity read from a table's header: the amount column headed `合计` / `小计` (`本年收入合计`) equals
/// the sum of the amount columns after it, up to the next total or carry-over (`结转`, `结余`) column.
struct RowIdentity {
    private let total: Int?
    private let parts: [Int]

    init(bands: [Band]) {
        var total: Int?
        var parts: [Int] = []
        for (index, band) in bands.enumerated() {
            let key = TextNormalization.layoutKey(band.headerText)
            // When every character of the key is one scalar (``SingleScalarCharacters``), a byte search finds what
            // `contains` finds: none of 合 计 小 结 转 余 has another canonically equal scalar (checked with
            // Python's `unicodedata`, Unicode 14). Otherwise `contains`, as before.
            let bytewise = SingleScalarCharacters.holds(for: key[...])
            func has(_ word: String) -> Bool { bytewise ? key.containsText(word) : key.contains(word) }
            if total == nil {
                if band.kind == .amount, has("合计") || has("小计") { total = index }
                continue
            }
            guard band.kind == .amount, !has("合计"), !has("小计"), !has("结转"), !has("结余") else { break }
            parts.append(index)
        }
        self.total = parts.count >= 2 ? total : nil
        self.parts = parts
    }

    /// Whether the header defines an identity.
    var applies: Bool { total != nil }

    /// Whether the row's amounts (`text`: the printed text of a column, by band index; `nil` is blank) satisfy
    /// the identity, to a cent per part. `false` when the header defines none or a cell is not a number.
    func holds(_ text: (_ column: Int) -> String?) -> Bool {
        holds(cents: { column in text(column).map(RowIdentity.cents(of:)) ?? 0 })
    }

    /// A cell's amount in 分 for ``holds(_:)``: a blank is 0, a text that is not a number `nil`.
    static func cents(of text: String) -> Int64? {
        switch Money.reading(text, unit: .yuan) {
        case .blank: return 0
        case .amount(let money): return money.fen
        case .invalid: return nil
        }
    }

    /// ``holds(_:)`` with each column's amount in 分 given (``cents(of:)`` of its text, 0 for a blank column, `nil`
    /// for a text that is not a number): a row's texts are read once for all the placements tried.
    func holds(cents: (_ column: Int) -> Int64?) -> Bool {
        guard let total else { return false }
        guard let totalCents = cents(total) else { return false }
        var sum: Int64 = 0
        for part in parts {
            guard let value = cents(part) else { return false }
            let (next, overflow) = sum.addingReportingOverflow(value)
            if overflow { return false }  // no printed total is that large: the identity does not hold
            sum = next
        }
        let (difference, overflow) = totalCents.subtractingReportingOverflow(sum)
        return !overflow && difference.magnitude <= UInt64(parts.count)
    }
}
