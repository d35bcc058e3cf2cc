/// The search of ``RawTextColumnChains/place(rows:values:columnCount:identities:floors:limit:)`` over one set of
/// money columns (`active`, the total column first), the 合计 row's cells before the others' in their columns or
/// (`totalLast`) after them. What is searched, in what order, and how steps are counted is the algorithm described
/// there; this type only holds its state in one value (flat buffers: a row's cells at `position × active.count`), so
/// the recursion mutates stored properties through `self` instead of variables captured by nested functions (which
/// Swift checks for exclusive access at run time on every read and write).
///
/// The readings found, and the steps spent, carry over from one set of columns to the next (``found``,
/// ``steps``, ``cutShort``): the caller runs ``run(active:totalLast:tolerance:)`` for each set in turn.
struct RawTextColumnChainSearch {
    // The table (the same for every set searched).
    let rows: [RawTextCodeTable.Row]
    let values: [Int64]
    let columnCount: Int
    let floors: [String: [Int64]]
    let limit: Int
    let stepLimit: Int

    // Carried over from set to set.
    private(set) var steps = 0
    private(set) var cutShort = false
    private(set) var found: [RawTextColumnBlocks.Reading] = []
    private(set) var foundSets: [[Int]] = []
    private var foundCells: [[[Int64]]] = []

    // One run (reset by ``run(active:totalLast:tolerance:)``).
    private var active: [Int] = []
    private var width = 0  // active.count
    private var totalLast = false
    private var tolerance: Int64 = 0
    private var count = 0  // rows
    private var parents: [Int?] = []
    private var childCount: [Int64] = []  // each row's children
    private var closes: [[Int]] = []  // the parents whose last child stands at a position
    private var open: [[Int]] = []  // the parents with children still to come after a position
    private var floor: [Int64] = []  // row × columnCount: the least a cell holds, less 1 分
    private var upper: [Int] = []  // each active column's bound (totalLast: the 合计 row's amount, once placed)
    private var last: [Int] = []  // each active column's last amount so far
    private var childSum: [Int64] = []  // row × width: each parent's children's sum so far
    private var cells: [Int] = []  // row × width: the amount's index, -1 blank
    private var used: [Bool] = []
    private var unused = 0
    private var dead = Set<[Int64]>()
    private var completions: [[Int64]: [[Int]]] = [:]
    private var completionValues: [[Int64]: Set<[Int64]>] = [:]
    private var path: [(key: [Int64], position: Int)] = []

    init(rows: [RawTextCodeTable.Row], values: [Int64], columnCount: Int, floors: [String: [Int64]], limit: Int, stepLimit: Int) {
        self.rows = rows
        self.values = values
        self.columnCount = columnCount
        self.floors = floors
        self.limit = limit
        self.stepLimit = stepLimit
    }

    /// Searches the columns `active` (the total column first); the 合计 row's cells before every other row's in
    /// their columns, or (`totalLast`) after them. The 合计 row is searched first either way.
    mutating func run(active: [Int], totalLast: Bool, tolerance: Int64) {
        self.active = active
        width = active.count
        self.totalLast = totalLast
        self.tolerance = tolerance
        count = rows.count
        parents = RawTextCodeTable.parents(of: rows)
        upper = [Int](repeating: values.count, count: width)
        var children = [[Int]](repeating: [], count: count)
        for (position, parent) in parents.enumerated() { if let parent { children[parent].append(position) } }
        childCount = children.map { Int64($0.count) }
        closes = [[Int]](repeating: [], count: count)
        open = [[Int]](repeating: [], count: count)
        for parent in children.indices {
            guard let end = children[parent].max() else { continue }
            closes[end].append(parent)
            for position in (parent + 1)...end { open[position].append(parent) }
        }
        childSum = [Int64](repeating: 0, count: count * width)
        floor = []
        floor.reserveCapacity(count * columnCount)
        for row in 0..<count {
            let given = floors[rows[row].code ?? "合计"] ?? []
            for column in 0..<columnCount { floor.append(column < given.count ? max(0, given[column] - 1) : 0) }
        }
        used = [Bool](repeating: false, count: values.count)
        unused = values.count
        last = [Int](repeating: -1, count: width)
        cells = [Int](repeating: -1, count: count * width)
        // States (``key(_:)``) from which no reading completes, and for the others the first completion found (the
        // rows from the state's position on): a state met again completes the same ways, so its stored completion is
        // joined to the rows before (a different reading when those differ) and not searched again. Every completion
        // of a state when all readings are looked for (`limit` > 2), else its first; completions taking equal amounts
        // in another order are one.
        dead = []
        completions = [:]
        completionValues = [:]
        path = []
        row(0)
    }

    private func value(_ position: Int, _ step: Int) -> Int64 {
        let index = cells[position * width + step]
        return index < 0 ? 0 : values[index]
    }

    private mutating func tick() -> Bool {
        steps += 1
        if steps > stepLimit { cutShort = true }
        return !cutShort && found.count < limit
    }

    /// The state the rows from `position` on depend on: amounts used, each column's last, and for every parent with
    /// children still to come, its value and its children's sum so far, by column.
    private func key(_ position: Int) -> [Int64] {
        var key: [Int64] = []
        key.reserveCapacity(1 + 2 * width + used.count / 62 + 1 + open[min(position, count - 1)].count * 3 * width)
        key.append(Int64(position))
        for step in 0..<width { key.append(Int64(last[step])) }
        for step in 0..<width { key.append(Int64(upper[step])) }
        var word: Int64 = 0
        for index in used.indices {
            if used[index] { word |= 1 << Int64(index % 62) }
            if index % 62 == 61 || index == used.count - 1 {
                key.append(word)
                word = 0
            }
        }
        for parent in open[min(position, count - 1)] where parent < position {
            for step in 0..<width {
                key.append(Int64(parent))
                key.append(value(parent, step))
                key.append(childSum[parent * width + step])
            }
        }
        return key
    }

    /// Whether the hierarchy holds at `position` (just placed) in the columns `steps`: its parent is at least its
    /// children so far, and each parent whose last child (or itself) stands here equals their sum.
    private func hierarchyHolds(_ position: Int, steps: Range<Int>) -> Bool {
        for step in steps {
            if let parent = parents[position], childSum[parent * width + step] > value(parent, step) + childCount[parent] {
                return false
            }
            for parent in closes[position] where abs(value(parent, step) - childSum[parent * width + step]) > childCount[parent] {
                return false
            }
        }
        return true
    }

    /// Rows from `position` on; `true` when some completion exists.
    @discardableResult
    private mutating func row(_ position: Int) -> Bool {
        // A row's checks scan the amounts: counted as steps too (one per 32 amounts).
        steps += values.count / 32
        guard tick() else { return true }
        if position == count {
            guard unused == 0 else { return false }
            record()
            return true
        }
        // An amount no column can take any more (outside every column's range) is dead.
        if position > 0 {
            for index in used.indices where !used[index] {
                var takeable = false
                for step in 0..<width where last[step] < index && index < upper[step] {
                    takeable = true
                    break
                }
                if !takeable { return false }
            }
        }
        if unused > (count - position) * width { return false }
        let state = key(position)
        if dead.contains(state) { return false }
        if let stored = completions[state] {
            let before = cells
            for completion in stored {
                cells.replaceSubrange((position * width)..<(count * width), with: completion)
                record()
            }
            cells = before
            return true
        }
        path.append((state, position))
        defer { path.removeLast() }
        var any = false
        cell(position, 0, need: 0, any: &any)
        if !any { dead.insert(state) }
        return any
    }

    /// Column `step` of the row at `position`, `need` left for the parts (the total less the parts so far).
    private mutating func cell(_ position: Int, _ step: Int, need: Int64, any: inout Bool) {
        guard tick() else {
            any = true
            return
        }
        if step == width {
            guard abs(need) <= tolerance else { return }
            if row(position + 1) { any = true }
            return
        }
        // The 合计 row has money in every column of the set.
        let isTotalRow = position == 0
        let column = active[step]
        let isTotal = step == 0
        let isLast = step == width - 1
        let least = floor[position * columnCount + column]
        // Blank: a total (the row then blank), or a part when the rest can still make up the total.
        if least == 0, !isTotalRow, isTotal || !isLast || abs(need) <= tolerance {
            if isTotal {
                // A blank row: every column blank.
                if hierarchyHolds(position, steps: 0..<width), row(position + 1) { any = true }
            } else if hierarchyHolds(position, steps: step..<(step + 1)) {
                cell(position, step + 1, need: need, any: &any)
            }
        }
        if !isTotal && need <= 0 && !isLast { return }
        let saved = last[step]
        let savedUpper = upper[step]
        // The 合计 row printed last: its cell may stand anywhere; the others' then before it.
        let range = isTotalRow && totalLast ? 0..<values.count : (saved + 1)..<max(saved + 1, upper[step])
        let parent = parents[position]
        for index in range where !used[index] {
            let amount = values[index]
            if amount == 0 && !isTotal { continue }
            if amount < least { continue }
            if !isTotal, isLast ? abs(need - amount) > tolerance : amount > need + tolerance { continue }
            used[index] = true
            unused -= 1
            if isTotalRow && totalLast { upper[step] = index } else { last[step] = index }
            cells[position * width + step] = index
            if let parent { childSum[parent * width + step] += amount }
            if hierarchyHolds(position, steps: step..<(step + 1)) {
                cell(position, step + 1, need: isTotal ? amount : need - amount, any: &any)
            }
            if let parent { childSum[parent * width + step] -= amount }
            cells[position * width + step] = -1
            last[step] = saved
            upper[step] = savedUpper
            used[index] = false
            unused += 1
            if cutShort || found.count >= limit { return }
        }
    }

    /// Stores the completion of every state on the path, and the reading the cells make when it is new (by cells)
    /// and the 合计 row has money in each column of the set (else the reading is a smaller set's).
    private mutating func record() {
        for (state, position) in path {
            let completion = Array(cells[(position * width)...])
            if limit <= 2 {
                if completions[state] == nil { completions[state] = [completion] }
            } else if completionValues[state, default: []].insert(completion.map { $0 < 0 ? 0 : values[$0] }).inserted {
                completions[state, default: []].append(completion)
            }
        }
        var reading = RawTextColumnBlocks.Reading(repeating: [Int?](repeating: nil, count: columnCount), count: rows.count)
        var grid = [[Int64]](repeating: [Int64](repeating: 0, count: columnCount), count: rows.count)
        for row in 0..<count {
            for (step, column) in active.enumerated() {
                let index = cells[row * width + step]
                reading[row][column] = index < 0 ? nil : index
                grid[row][column] = index < 0 ? 0 : values[index]
            }
        }
        guard active.allSatisfy({ grid[0][$0] > 0 }) else { return }
        if !foundCells.contains(grid) {
            foundCells.append(grid)
            found.append(reading)
            foundSets.append(active)
        }
    }
}
