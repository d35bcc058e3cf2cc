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
    /// `slack` more than the cheapest, cheapest first; empty when no placement is possible.
    static func placements(
        _ positions: [Double], bands: [Double], slack: Double,
        allowed: (_ amount: Int, _ column: Int) -> Bool = { _, _ in true }
    ) -> [Placement] {
        let count = positions.count
        guard count <= bands.count else { return [] }
        var all: [Placement] = []
        var columns: [Int] = []
        func place(_ amount: Int, from column: Int, cost: Double) {
            if amount == count {
                all.append(Placement(columns: columns, cost: cost))
                return
            }
            // Leave room for the amounts still to place.
            let last = bands.count - (count - amount)
            guard column <= last else { return }
            for candidate in column...last where allowed(amount, candidate) {
                columns.append(candidate)
                place(amount + 1, from: candidate + 1, cost: cost + abs(positions[amount] - bands[candidate]))
                columns.removeLast()
            }
        }
        place(0, from: 0, cost: 0)
        guard let best = all.map(\.cost).min() else { return [] }
        return all.filter { $0.cost <= best + slack }.sorted { $0.cost < $1.cost }
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
            let key = TextNormalization.key(band.headerText)
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
        guard let total else { return false }
        func cents(_ column: Int) -> Int64? {
            guard let text = text(column) else { return 0 }
            switch Money.reading(text, unit: .yuan) {
            case .blank: return 0
            case .amount(let money): return money.fen
            case .invalid: return nil
            }
        }
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
