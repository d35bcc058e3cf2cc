/// Places the amounts of a row of page text, whose blank cells were dropped, in the table's amount columns, by
/// the table's identities (DOMAIN §1.3–1.8): a row's total column equals the sum of its part columns; a column
/// blank in the 合计 row is blank in every row; a parent code's column equals the sum of its children's.
///
/// A placement is the column index (0-based) of each amount, in the amounts' order. Amounts printed on one line
/// keep their order (columns increase); amounts gathered from two lines may be in any order.
struct ColumnPlacement {
    /// A row's identity: `total` = Σ `parts` (column indexes).
    struct Identity {
        let total: Int
        let parts: [Int]
    }

    /// How many placements are looked at for one row, at most (C(12, 6) = 924; 7 amounts in any order over 7
    /// columns is 5,040).
    static let candidateLimit = 20_000

    /// Every placement of `amounts` in `columnCount` columns under which the identities hold (exactly, else
    /// within 1 分 per part, the rounding of a printed sum), restricted to `allowed` columns when given.
    /// An empty answer means no placement fits; `nil` that there were too many to enumerate.
    static func candidates(
        _ amounts: [Int64], columnCount: Int, ordered: Bool, identities: [Identity], allowed: Set<Int>? = nil
    ) -> [[Int]]? {
        guard amounts.count <= columnCount else { return [] }
        var enumerated = 0
        var current: [Int] = []
        var used = [Bool](repeating: false, count: columnCount)
        var overflow = false
        // Each placement is tested as it is enumerated, in one row buffer: those that hold exactly, else those within
        // 1 分 a part (in enumeration order).
        var exact: [[Int]] = []
        var within: [[Int]] = []
        var row = [Int64](repeating: 0, count: columnCount)
        func test() {
            for column in row.indices { row[column] = 0 }
            for (amount, column) in zip(amounts, current) { row[column] = amount }
            guard holds(identities, row, tolerance: 1) else { return }
            if exact.isEmpty { within.append(current) }
            if holds(identities, row, tolerance: 0) { exact.append(current) }
        }
        func extend() {
            if overflow { return }
            if current.count == amounts.count {
                enumerated += 1
                if enumerated > candidateLimit {
                    overflow = true
                    return
                }
                test()
                return
            }
            let start = ordered ? (current.last.map { $0 + 1 } ?? 0) : 0
            guard start < columnCount else { return }
            for column in start..<columnCount where !used[column] {
                if let allowed, !allowed.contains(column), amounts[current.count] != 0 { continue }
                current.append(column)
                used[column] = true
                extend()
                used[column] = false
                current.removeLast()
            }
        }
        extend()
        if overflow { return nil }
        return exact.isEmpty ? within : exact
    }

    /// The row's values in column order (blank = 0) under `placement`.
    static func values(_ amounts: [Int64], at placement: [Int], columnCount: Int) -> [Int64] {
        var row = [Int64](repeating: 0, count: columnCount)
        for (amount, column) in zip(amounts, placement) { row[column] = amount }
        return row
    }

    /// Whether every identity holds within `tolerance` 分 per part.
    static func holds(_ identities: [Identity], _ row: [Int64], tolerance: Int64) -> Bool {
        identities.allSatisfy { identity in
            var sum: Int64 = 0
            for part in identity.parts {
                let (result, overflow) = sum.addingReportingOverflow(row[part])
                if overflow { return false }
                sum = result
            }
            let difference = row[identity.total] > sum ? row[identity.total] - sum : sum - row[identity.total]
            return difference <= tolerance * Int64(max(1, identity.parts.count - 1))
        }
    }
}
