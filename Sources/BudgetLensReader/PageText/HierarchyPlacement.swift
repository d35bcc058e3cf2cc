/// Narrows the placements of a code table's rows by the code hierarchy (DOMAIN §1.3): in every column, a 类 row
/// is the sum of its 款 rows, a 款 row of its 项 rows, and the 合计 row of the 类 rows. A child's placement is
/// kept only if some choice for its siblings makes every column of the parent add up; a parent's only if it
/// equals its children's sums. Bounded: at most `stepLimit` steps per parent.
enum HierarchyPlacement {
    static let stepLimit = 200_000

    /// - Parameters:
    ///   - candidates: Each row's placements (column index per amount); narrowed in place.
    ///   - amounts: Each row's amounts.
    ///   - parents: Each row's parent row index (`nil` for the 合计 row and rows without one).
    ///   - budget: Search steps left for the whole table; narrowing stops when it runs out (the rows keep the
    ///     placements they have, and the caller notes the uncertain ones).
    static func narrow(
        _ candidates: inout [[[Int]]], amounts: [[Int64]], parents: [Int?], columnCount: Int, budget: inout Int
    ) {
        var children: [Int: [Int]] = [:]
        for (index, parent) in parents.enumerated() { if let parent { children[parent, default: []].append(index) } }
        for _ in 0..<12 {
            var changed = false
            for (parent, kids) in children.sorted(by: { $0.key < $1.key }) {
                // Top-down: the parent is placed; narrow the children.
                if candidates[parent].count == 1, kids.contains(where: { candidates[$0].count > 1 }) {
                    let target = ColumnPlacement.values(amounts[parent], at: candidates[parent][0], columnCount: columnCount)
                    for tolerance in [Int64(0), Int64(kids.count)] {
                        guard budget > 0, let kept = solutions(kids, candidates: candidates, amounts: amounts,
                            target: target, columnCount: columnCount, tolerance: tolerance, budget: &budget)
                        else { break }
                        if kept.allSatisfy({ !$0.isEmpty }) {
                            for (kid, placements) in zip(kids, kept) where placements.count < candidates[kid].count {
                                candidates[kid] = candidates[kid].filter { placements.contains($0) }
                                changed = true
                            }
                            break
                        }
                    }
                }
                // Bottom-up: the children are placed; narrow the parent.
                if candidates[parent].count > 1, kids.allSatisfy({ candidates[$0].count == 1 }) {
                    var sums = [Int64](repeating: 0, count: columnCount)
                    for kid in kids {
                        let row = ColumnPlacement.values(amounts[kid], at: candidates[kid][0], columnCount: columnCount)
                        for column in 0..<columnCount { sums[column] = sums[column] &+ row[column] }
                    }
                    for tolerance in [Int64(0), Int64(kids.count)] {
                        let fitting = candidates[parent].filter { placement in
                            let row = ColumnPlacement.values(amounts[parent], at: placement, columnCount: columnCount)
                            return zip(row, sums).allSatisfy { abs($0 &- $1) <= tolerance }
                        }
                        if !fitting.isEmpty {
                            if fitting.count < candidates[parent].count { changed = true }
                            candidates[parent] = fitting
                            break
                        }
                    }
                }
            }
            if !changed { break }
        }
    }

    /// For each child, the placements that occur in some complete choice whose column sums equal `target`
    /// within `tolerance` 分; `nil` when the search ran out of steps.
    private static func solutions(
        _ kids: [Int], candidates: [[[Int]]], amounts: [[Int64]], target: [Int64], columnCount: Int, tolerance: Int64,
        budget: inout Int
    ) -> [Set<[Int]>]? {
        var kept = [Set<[Int]>](repeating: [], count: kids.count)
        var chosen = [[Int]](repeating: [], count: kids.count)
        var sums = [Int64](repeating: 0, count: columnCount)
        var steps = 0
        var exhausted = false
        // Each kid's cells under each of its placements, worked out once (the search visits them many times).
        let cells = kids.map { kid in
            candidates[kid].map { ColumnPlacement.values(amounts[kid], at: $0, columnCount: columnCount) }
        }
        func visit(_ position: Int) {
            if exhausted { return }
            steps += 1
            if steps > stepLimit {
                exhausted = true
                return
            }
            if position == kids.count {
                if zip(sums, target).allSatisfy({ abs($0 &- $1) <= tolerance }) {
                    for (index, placement) in chosen.enumerated() { kept[index].insert(placement) }
                }
                return
            }
            let kid = kids[position]
            for (placement, row) in zip(candidates[kid], cells[position]) {
                for column in 0..<columnCount { sums[column] = sums[column] &+ row[column] }
                chosen[position] = placement
                visit(position + 1)
                for column in 0..<columnCount { sums[column] = sums[column] &- row[column] }
            }
        }
        visit(0)
        budget -= steps
        return exhausted ? nil : kept
    }
}
