/// Narrows the placements of a code table's rows by the code hierarchy (DOMAIN §1.3): in every column, a 类 row
/// is the sum of its 款 rows, a 款 row of its 项 rows, and the 合计 row of the 类 rows. A child's placement is
/// kept only if some choice for its siblings makes every column of the parent add up; a parent's only if it
/// equals its children's sums. Bounded: at most `stepLimit` steps per parent.
enum HierarchyPlacement {
    static let stepLimit = 200_000

    /// A parent row and its children, in row order.
    struct Family {
        let parent: Int
        let kids: [Int]
    }

    /// Each row that has children, with them, in the order of the parents' indices (the order `narrow` visits them).
    static func families(parents: [Int?]) -> [Family] {
        var children: [Int: [Int]] = [:]
        for (index, parent) in parents.enumerated() { if let parent { children[parent, default: []].append(index) } }
        return children.sorted { $0.key < $1.key }.map { Family(parent: $0.key, kids: $0.value) }
    }

    /// What the top-down search (``solutions``) found for each family and tolerance, with the placements it was
    /// given and the steps it took: a later pass over the same placements takes the same steps to find the same
    /// thing, so the answer is reused and the steps are spent from the budget as before. Valid for one table (one
    /// list of families, the same amounts and column count).
    struct Memo {
        fileprivate struct Entry {
            let parent: [[Int]]
            let kids: [[[Int]]]
            let kept: [[Bool]]?
            let steps: Int
        }

        /// By family index × 2 + tolerance (0: exact, 1: within 1 分 a child).
        fileprivate var entries: [Entry?] = []

        init() {}
    }

    /// - Parameters:
    ///   - candidates: Each row's placements (column index per amount); narrowed in place.
    ///   - amounts: Each row's amounts.
    ///   - parents: Each row's parent row index (`nil` for the 合计 row and rows without one).
    ///   - budget: Search steps left for the whole table; narrowing stops when it runs out (the rows keep the
    ///     placements they have, and the caller notes the uncertain ones).
    static func narrow(
        _ candidates: inout [[[Int]]], amounts: [[Int64]], parents: [Int?], columnCount: Int, budget: inout Int
    ) {
        var memo = Memo()
        narrow(&candidates, amounts: amounts, families: families(parents: parents), columnCount: columnCount,
            budget: &budget, memo: &memo)
    }

    /// The same with the families worked out once by the caller (``families(parents:)``) and a memo kept by it
    /// across calls: a search narrows the same table many times, each time changing a row or two.
    static func narrow(
        _ candidates: inout [[[Int]]], amounts: [[Int64]], families: [Family], columnCount: Int, budget: inout Int,
        memo: inout Memo
    ) {
        if memo.entries.count < families.count * 2 { memo.entries = Array(repeating: nil, count: families.count * 2) }
        var row = [Int64](repeating: 0, count: columnCount)  // one buffer for a placement's cells
        for _ in 0..<12 {
            var changed = false
            for (familyIndex, family) in families.enumerated() {
                let parent = family.parent, kids = family.kids
                // Top-down: the parent is placed; narrow the children.
                if candidates[parent].count == 1, kids.contains(where: { candidates[$0].count > 1 }) {
                    // Exactly, then within 1 分 a child (no array of the two tolerances made per family and pass).
                    for slot in 0..<2 {
                        let tolerance = slot == 0 ? Int64(0) : Int64(kids.count)
                        guard budget > 0 else { break }
                        let key = familyIndex * 2 + slot
                        let kept: [[Bool]]?
                        if let entry = memo.entries[key], entry.parent == candidates[parent],
                            kids.indices.allSatisfy({ entry.kids[$0] == candidates[kids[$0]] })
                        {
                            kept = entry.kept
                            budget -= entry.steps
                        } else {
                            let before = budget
                            let target = ColumnPlacement.values(amounts[parent], at: candidates[parent][0], columnCount: columnCount)
                            kept = solutions(kids, candidates: candidates, amounts: amounts,
                                target: target, columnCount: columnCount, tolerance: tolerance, budget: &budget)
                            memo.entries[key] = Memo.Entry(
                                parent: candidates[parent], kids: kids.map { candidates[$0] }, kept: kept, steps: before - budget)
                        }
                        guard let kept else { break }
                        if kept.allSatisfy({ $0.contains(true) }) {
                            for (kid, flags) in zip(kids, kept) where narrows(flags, candidates[kid]) {
                                candidates[kid] = zip(candidates[kid], flags).filter(\.1).map(\.0)
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
                        fill(&row, amounts[kid], at: candidates[kid][0])
                        for column in 0..<columnCount { sums[column] = sums[column] &+ row[column] }
                    }
                    for slot in 0..<2 {
                        let tolerance = slot == 0 ? Int64(0) : Int64(kids.count)
                        let fitting = candidates[parent].filter { placement in
                            fill(&row, amounts[parent], at: placement)
                            for column in 0..<columnCount where abs(row[column] &- sums[column]) > tolerance { return false }
                            return true
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

    /// Writes a row's cells under `placement` into `row` (blank = 0): ``ColumnPlacement/values(_:at:columnCount:)``
    /// without a new array.
    @inline(__always)
    static func fill(_ row: inout [Int64], _ amounts: [Int64], at placement: [Int]) {
        for column in row.indices { row[column] = 0 }
        for (amount, column) in zip(amounts, placement) { row[column] = amount }
    }

    /// Whether keeping the placements `flags` marks narrows `placements` as the set of the marked placements did:
    /// the set had fewer members than `placements` has. Equal placements give equal cells, so a full search marks
    /// all of them or none: the set falls short when one is unmarked, or when all are marked and two are equal
    /// (then keeping the set's members keeps every placement, and the row still counts as narrowed).
    static func narrows(_ flags: [Bool], _ placements: [[Int]]) -> Bool {
        if flags.contains(false) { return true }
        if placements.count > 32 { return Set(placements).count < placements.count }
        for later in placements.indices.dropFirst() {
            for earlier in 0..<later where placements[earlier] == placements[later] { return true }
        }
        return false
    }

    /// For each child, which of its placements (by index, one flag each) occur in some complete choice whose
    /// column sums equal `target` within `tolerance` 分; `nil` when the search ran out of steps.
    private static func solutions(
        _ kids: [Int], candidates: [[[Int]]], amounts: [[Int64]], target: [Int64], columnCount: Int, tolerance: Int64,
        budget: inout Int
    ) -> [[Bool]]? {
        // Each kid's cells under each of its placements, worked out once into one flat buffer (the search visits
        // them many times): kid `position`'s placement `i` starts at `(offsets[position] + i) * columnCount`.
        var offsets: [Int] = []
        offsets.reserveCapacity(kids.count + 1)
        var total = 0
        for kid in kids {
            offsets.append(total)
            total += candidates[kid].count
        }
        offsets.append(total)
        var cells = [Int64](repeating: 0, count: total * columnCount)
        for (position, kid) in kids.enumerated() {
            for (index, placement) in candidates[kid].enumerated() {
                let base = (offsets[position] + index) * columnCount
                for (amount, column) in zip(amounts[kid], placement) { cells[base + column] = amount }
            }
        }
        // Which placements occur in some complete choice, by flat index (each kid's run of flags is its answer).
        var used = [Bool](repeating: false, count: total)
        var chosen = [Int](repeating: 0, count: kids.count)  // flat index of each kid's placement
        var sums = [Int64](repeating: 0, count: columnCount)
        var steps = 0
        var exhausted = false
        // The depth-first walk over every choice, one placement a kid in kid order, each kid's placements in order,
        // written as a loop (no recursive nested function and the boxes its captured state needs). It visits the
        // same nodes in the same order as the recursion `visit(position)` did — a node counts one step when entered,
        // the walk stops as soon as the steps pass `stepLimit` — so `steps`, `used` and `exhausted` come out the same.
        // `chosen[position]` doubles as the cursor over kid `position`'s placements.
        var position = 0
        var entering = true  // entering the node at `position`, else coming back to it from its child
        while true {
            if entering {
                steps += 1
                if steps > stepLimit {
                    exhausted = true
                    break
                }
                if position == kids.count {
                    var fits = true
                    for column in 0..<columnCount where abs(sums[column] &- target[column]) > tolerance {
                        fits = false
                        break
                    }
                    if fits { for flat in chosen { used[flat] = true } }
                    // Back to the parent node (none when there are no kids: the walk is over).
                    if position == 0 { break }
                    position -= 1
                    entering = false
                    continue
                }
                chosen[position] = offsets[position]
            } else {
                // Coming back from the child reached through `chosen[position]`: take its cells off, go to the next.
                let base = chosen[position] * columnCount
                for column in 0..<columnCount { sums[column] = sums[column] &- cells[base + column] }
                chosen[position] += 1
            }
            if chosen[position] < offsets[position + 1] {
                let base = chosen[position] * columnCount
                for column in 0..<columnCount { sums[column] = sums[column] &+ cells[base + column] }
                position += 1
                entering = true
            } else {
                // Every placement of this kid tried: back to the parent node.
                if position == 0 { break }
                position -= 1
                entering = false
            }
        }
        budget -= steps
        if exhausted { return nil }
        return kids.indices.map { Array(used[offsets[$0]..<offsets[$0 + 1]]) }
    }
}
