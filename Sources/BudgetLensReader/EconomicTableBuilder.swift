import BudgetLensCore

/// Builds 公开06: blocks of (科目编码, 科目名称, 金额) side by side — three in the Shandong and Hubei layouts
/// (人员经费 | 公用经费 | 公用经费), two in Shanghai's, where the code may be split into 类 and 款 fields — and the
/// bottom row `人员经费合计 x | 公用经费合计 y`. Rows come out grouped: 人员经费 codes, 人员经费合计, 公用经费
/// codes, 公用经费合计; each has a single amount, 栏次 1.
struct EconomicTableBuilder: TableBuilder {
    private struct Block {
        var codePositions: [Int]
        let namePosition: Int
        let amountPosition: Int
        /// The field before the name when the header gives this block no code field of its own (`| 科目名称 |
        /// 决算数 | 科目名称 | 决算数`: a column lost), so that the previous block's 决算数 field holds this
        /// block's codes.
        var sharedCodePosition: Int?
    }

    /// Fields of the previous block's 决算数 that held a code (`30201`) in a header that lost a column.
    private var codesInAmountFields: [Int: Int] = [:]
    /// The first line whose code was read from its name's cell (``MergedCodeCell``), said once in a note.
    private var firstMergedCodeLine: GridLine?

    init(building: TableBuilding, located: LocatedTable) {
        self.building = building
        self.located = located
    }

    var building: TableBuilding
    let located: LocatedTable

    mutating func build() -> (columns: [TableColumn], rows: [TableRow]) {
        let grid = located.grid
        let width = grid.commonWidth
        guard let (headerIndex, blocks) = findBlocks(in: grid, width: width) else {
            building.record(
                "table.no-header", .error,
                "没有找到公开06的表头（科目编码 | 科目名称 | 金额 各组），本表未读取 — "
                    + "公开06's header (科目编码 | 科目名称 | 金额 blocks) was not found; the table is not read",
                at: building.text.location(located.titleIndex))
            return ([], [])
        }
        let header = grid[headerIndex]
        let columnName = header.label(blocks[0].amountPosition)
        var rowsByBlock = [[TableRow]](repeating: [], count: blocks.count)
        var totals: [String: TableRow] = [:]
        for line in grid[(headerIndex + 1)...] where !line.isBlank {
            if let lineTotals = self.totals(in: line) {
                // A totals line too wide to place is kept unread, as any row is (``TableRow/unread``).
                let readable = building.checkWidth(of: line, expected: width)
                for total in lineTotals { totals[total.item] = totals[total.item] ?? (readable ? total : total.unread) }
                continue
            }
            if isHeaderRow(line) { continue }
            // A row too wide to place is kept unread (``TableRow/unread``): its sums are not checked, not taken as 0.00.
            let readable = building.checkWidth(of: line, expected: width)
            let recorded = building.problems.count
            defer { if !readable { building.dropProblems(after: recorded) } }
            for (blockIndex, block) in blocks.enumerated() {
                if let row = row(of: line, in: block, blocks: blocks) { rowsByBlock[blockIndex].append(readable ? row : row.unread) }
            }
        }
        if let (position, line) = codesInAmountFields.min(by: { $0.key < $1.key }) {
            building.record(
                "table.code-in-amount-column", .warning,
                "公开06 的表头少一栏：第 \(position + 1) 栏是下一组的科目编码，不是上一组的决算数；该组决算数未读取 — "
                    + "公开06's header lost a column: field \(position + 1) holds the next block's codes (科目编码), "
                    + "not the block's 决算数; those amounts are not read", at: building.text.location(line))
        }
        if let line = firstMergedCodeLine {
            building.record(
                "table.merged-codes", .info,
                "科目编码与科目名称印在同一单元格（如“30101 基本工资”）：按编码、名称分开读取 — "
                    + "codes and names share one cell (`30101 基本工资`): each is read apart",
                at: building.text.location(line, position: 0))
        }
        let blockRows = rowsByBlock.joined()
        var rows = blockRows.filter { $0.group == "人员经费" }
        if let total = totals["人员经费合计"] { rows.append(total) }
        rows += blockRows.filter { $0.group != "人员经费" }
        if let total = totals["公用经费合计"] { rows.append(total) }
        return ([TableColumn(number: 1, name: columnName.isEmpty ? "金额" : columnName)], rows)
    }

    /// The header row with two or more `科目名称` fields, and the blocks it defines. Or, in a table whose codes and
    /// names share a cell (``MergedCodeCell``: `30101 基本工资 | 262.33 | 30201 办公费 | 21.21`), a header with two or
    /// more of ``mergedCodeHeadings`` over such cells.
    private mutating func findBlocks(in grid: [GridLine], width: Int) -> (Int, [Block])? {
        for (index, line) in grid.enumerated() {
            var namePositions = (0..<line.width).filter { line.key($0) == "科目名称" }
            if namePositions.count < 2 {
                let merged = (0..<line.width).filter { Self.mergedCodeHeadings.contains(line.key($0)) }
                if merged.count >= 2, let first = merged.first,
                    grid[(index + 1)...].contains(where: { MergedCodeCell.split($0.field(first)) != nil })
                {
                    namePositions = merged
                }
            }
            // Each block is codes | 科目名称 | 金额: two 科目名称 side by side (a grid that lost a block's 金额 field,
            // as a `-layout` text of three blocks can) define no blocks.
            guard namePositions.count >= 2,
                zip(namePositions, namePositions.dropFirst()).allSatisfy({ $1 >= $0 + 2 })
            else { continue }
            var blocks: [Block] = []
            var start = 0
            for namePosition in namePositions {
                blocks.append(
                    Block(
                        codePositions: Array(start..<namePosition), namePosition: namePosition,
                        amountPosition: namePosition + 1))
                start = namePosition + 2
            }
            for index in blocks.indices.dropFirst()
            where blocks[index].codePositions.isEmpty && !blocks[0].codePositions.isEmpty {
                blocks[index].sharedCodePosition = blocks[index - 1].amountPosition
            }
            if start < width, !blocks.isEmpty {
                building.record(
                    "table.extra-columns", .warning,
                    "公开06 最后一组之后还有 \(width - start) 栏 — 公开06 has \(width - start) fields after its last block",
                    at: building.text.location(line.index))
            }
            return (index, blocks)
        }
        return nil
    }

    /// Headings over a column of codes and names in one cell (`科目`, `项目`, `经济分类科目`, `科目编码及名称`).
    private static let mergedCodeHeadings: Set<String> = [
        "科目", "项目", "经济分类科目", "支出经济分类科目", "科目编码及名称", "科目编码和名称", "科目编码/名称", "科目名称及编码",
    ]

    private func isHeaderRow(_ line: GridLine) -> Bool {
        let words: Set<String> = ["人员经费", "公用经费", "科目编码", "科目代码", "科目", "代码", "科目名称", "称", "金额", "决算数",
            "经济分类", "经济分类科目编码", "类", "款"]
        return (0..<line.width).allSatisfy {
            line.isBlank($0) || words.contains(line.key($0)) || Self.mergedCodeHeadings.contains(line.key($0))
        }
    }

    /// `人员经费合计 | | 2, 361. 57 | 公用经费合计 | … | 170. 58`: each label with the first amount after it.
    private mutating func totals(in line: GridLine) -> [TableRow]? {
        var rows: [TableRow] = []
        for position in 0..<line.width {
            let key = line.key(position)
            guard key == "人员经费合计" || key == "公用经费合计" else { continue }
            var amountPosition: Int?
            for next in (position + 1)..<max(position + 1, line.width) {
                let nextKey = line.key(next)
                if nextKey == "人员经费合计" || nextKey == "公用经费合计" { break }
                if !line.isBlank(next) {
                    amountPosition = next
                    break
                }
            }
            let group = key == "人员经费合计" ? "人员经费" : "公用经费"
            let cell =
                amountPosition.map { building.cell(column: 1, position: $0, of: line) }
                ?? TableCell(column: 1, value: .zero, text: "", source: building.text.location(line.index))
            rows.append(
                TableRow(
                    kind: .total, item: key, group: group, cells: [cell],
                    source: building.text.location(line, position: position)))
        }
        return rows.isEmpty ? nil : rows
    }

    /// `30201`, `302`: an economic classification code as printed (3 or 5 digits, no decimals), never an
    /// amount when it stands where a code may stand.
    static func isCodeForm(_ key: String) -> Bool {
        let bytes = Array(key.utf8)
        return (bytes.count == 3 || bytes.count == 5) && bytes.first == UInt8(ascii: "3")
            && bytes.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    private mutating func row(of line: GridLine, in block: Block, blocks: [Block]) -> TableRow? {
        // `301 | 1` (a 款 typed as a number, its leading zero lost) is 30101, as `201 | 6` is in the code tables.
        var code =
            block.codePositions.count == 2
            ? FunctionalTableBuilder.joinedCode(line.key(block.codePositions[0]), line.key(block.codePositions[1]), "")
            : block.codePositions.map { line.key($0) }.joined()
        if code.isEmpty, let shared = block.sharedCodePosition, Self.isCodeForm(line.key(shared)) {
            code = line.key(shared)
        }
        var name = line.label(block.namePosition)
        // `30101 基本工资 | | |`: the code and name merged across the code fields and the name's.
        if ClassificationCode.level(of: code) == nil, name.isEmpty, let first = block.codePositions.first,
            block.codePositions.dropFirst().allSatisfy({ line.isBlank($0) }),
            let merged = MergedCodeCell.split(line.field(first))
        {
            code = merged.code
            name = merged.name
            if firstMergedCodeLine == nil { firstMergedCodeLine = line }
        }
        // `30101 基本工资`: the code printed in the name's cell.
        if code.isEmpty, let merged = MergedCodeCell.split(line.field(block.namePosition)) {
            code = merged.code
            name = merged.name
            if firstMergedCodeLine == nil { firstMergedCodeLine = line }
        }
        // The amount field is the next block's code field too (a header that lost a column): a code there is
        // the next block's, and this block's amount is not read.
        let holdsCode =
            blocks.contains { $0.sharedCodePosition == block.amountPosition }
            && Self.isCodeForm(line.key(block.amountPosition))
        if holdsCode {
            codesInAmountFields[block.amountPosition] = codesInAmountFields[block.amountPosition] ?? line.index
        }
        guard !code.isEmpty || !name.isEmpty || (!holdsCode && !line.isBlank(block.amountPosition)) else {
            return nil
        }
        let source = building.text.location(line, position: block.codePositions.first ?? block.namePosition)
        let level = ClassificationCode.level(of: code)
        if level == nil || level == .item {
            building.record(
                "row.bad-code", .warning,
                code.isEmpty
                    ? "行“\(name)”没有经济分类科目编码 — the row '\(name)' has no economic classification code"
                    : "“\(code)”不是 3 或 5 位的经济分类科目编码 — '\(code)' is not an economic classification code of 3 or 5 digits",
                at: source)
        }
        return TableRow(
            kind: .code, code: code.isEmpty ? nil : code, item: name,
            group: code.isEmpty ? nil : ClassificationCode.economicGroup(of: code),
            cells: [
                holdsCode
                    ? TableCell(
                        column: 1, value: nil, text: "",
                        source: building.text.location(line, position: block.amountPosition))
                    : building.cell(column: 1, position: block.amountPosition, of: line)
            ], source: source)
    }
}
