/// Every reading of one cut of a raw-text code table (``RawTextCodeTable``) whose code hierarchy leaves rows with
/// several placements: each row takes one of its placements so that, in every column, each parent row is the sum
/// of its children within 1 分 a child (DOMAIN §1.3, the tolerance of ``RawTextCodeTable/holds(groups:placements:parents:columnCount:)``)
/// and every cell is at least its floor less 1 分 (公开02 ≥ what 公开04 fixes, DOMAIN X-2).
///
/// The rows are visited parent before children, siblings in turn; amounts are never negative, so a child whose
/// cells with its elder siblings' pass the parent's in a column is cut off at once, and the last child must close
/// every column. With the 合计 row placed, most rows have one placement left, so the search stays small; it is
/// bounded all the same (`stepLimit` trials, `limit` readings).
enum RawTextCutReadings {
    /// Placement trials, at most.
    static let stepLimit = 200_000

    /// The readings (each row's placement, in `candidates` order), in search order; `nil` when there are more than
    /// `limit` or the search ran out of steps (nothing is then known of the readings).
    ///
    /// - Parameters:
    ///   - groups: Each row's amounts (分, printed order).
    ///   - candidates: Each row's placements (a column index per amount), as the row identities allow.
    ///   - parents: Each row's parent row (`nil` for the 合计 row).
    ///   - floors: For some rows, the least each column holds (分; 0 or a missing column: none).
    static func all(
        groups: [[Int64]], candidates: [[[Int]]], parents: [Int?], columnCount: Int, floors: [Int: [Int64]] = [:],
        limit: Int
    ) -> [[[Int]]]? {
        var children = [[Int]](repeating: [], count: groups.count)
        for (row, parent) in parents.enumerated() { if let parent { children[parent].append(row) } }
        // Parents before children, siblings consecutive (preorder from each root).
        var order: [Int] = []
        func visit(_ row: Int) {
            order.append(row)
            for child in children[row] { visit(child) }
        }
        for row in groups.indices where parents[row] == nil { visit(row) }
        guard order.count == groups.count else { return nil }  // a cycle or an orphan: not a hierarchy

        var cells = [[Int64]](repeating: [], count: groups.count)
        var sums = [[Int64]](repeating: [Int64](repeating: 0, count: columnCount), count: groups.count)
        var chosen = [[Int]](repeating: [], count: groups.count)
        var readings: [[[Int]]] = []
        var steps = 0
        var overrun = false

        func search(_ position: Int) {
            guard !overrun else { return }
            guard position < order.count else {
                readings.append(chosen)
                if readings.count > limit { overrun = true }
                return
            }
            let row = order[position]
            let parent = parents[row]
            let isLast = parent.map { children[$0].last == row } ?? false
            let tolerance = parent.map { Int64(children[$0].count) } ?? 0
            for placement in candidates[row] {
                steps += 1
                if steps > stepLimit {
                    overrun = true
                    return
                }
                let values = ColumnPlacement.values(groups[row], at: placement, columnCount: columnCount)
                if let floor = floors[row], zip(values, floor).contains(where: { $0 < $1 - 1 }) { continue }
                if let parent {
                    var fits = true
                    for column in 0..<columnCount {
                        let (sum, overflow) = sums[parent][column].addingReportingOverflow(values[column])
                        let target = cells[parent][column]
                        if overflow || sum > target + tolerance || (isLast && sum < target - tolerance) {
                            fits = false
                            break
                        }
                    }
                    guard fits else { continue }
                    for column in 0..<columnCount { sums[parent][column] += values[column] }
                }
                cells[row] = values
                chosen[row] = placement
                search(position + 1)
                if let parent { for column in 0..<columnCount { sums[parent][column] -= values[column] } }
                if overrun { return }
            }
        }
        search(0)
        return overrun ? nil : readings
    }
}
