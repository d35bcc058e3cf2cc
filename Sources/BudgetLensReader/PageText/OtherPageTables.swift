import BudgetLensCore

/// Writes 公开06 of page text: each line holds up to two `code label amount` groups (人员经费 on the left,
/// 公用经费 on the right); an amount follows its group's label, so only the labels need joining: label
/// lines above or below a group printed without its label are that label's pieces. A group whose amount is blank
/// (dropped) is still placed by its code and label.
enum EconomicPageTable {
    fileprivate struct Group {
        var code: PageTextToken?
        var fragments: [PageTextToken] = []
        var amounts: [PageTextToken] = []
        var isTotal = false
        /// Its label came from the line above (printed centred on two or more lines): the line below is its end.
        var headed = false
        var anchor: PageTextToken { code ?? fragments[0] }
    }

    static func write(
        _ id: TableID, tokenLines: [[PageTextToken]], location: (Int, Int) -> SourceLocation,
        into table: inout PageTextTables.Rewrite
    ) -> Bool {
        // Raw pdftotext (one cell a line) interleaves the two blocks' codes, labels and amounts: not read.
        let nonEmpty = tokenLines.filter { !$0.isEmpty }
        if nonEmpty.filter({ $0.count == 1 }).count * 5 >= nonEmpty.count * 4 { return false }
        var lines: [[Group]] = []
        var pending: [PageTextToken] = []
        var width = 0
        for tokens in tokenLines { for token in tokens where token.kind == .text { width = max(width, token.text.count) } }
        func isOpen(_ group: Group) -> Bool {
            guard let last = group.fragments.last else { return true }
            return last.text.count >= width - 1
        }
        for tokens in tokenLines {
            var groups: [Group] = []
            for token in tokens {
                switch token.kind {
                case .digits where [3, 5].contains(token.text.count):
                    groups.append(Group(code: token))
                case .digits where token.text.count == 2:
                    // `301 01`: the 款 digits printed in their own column.
                    guard let last = groups.indices.last, let code = groups[last].code, code.text.count == 3,
                        groups[last].fragments.isEmpty
                    else { continue }
                    groups[last].code = PageTextToken(
                        text: Substring(String(code.text) + token.text), kind: .digits, line: code.line, column: code.column)
                case .text where token.text.hasSuffix("经费合计"):
                    groups.append(Group(fragments: [token], isTotal: true))
                case .text:
                    guard !groups.isEmpty else { continue }
                    groups[groups.count - 1].fragments.append(token)
                case .amount:
                    guard !groups.isEmpty else { return false }
                    groups[groups.count - 1].amounts.append(token)
                case .digits:
                    continue
                }
            }
            if groups.isEmpty {
                let words = tokens.filter { $0.kind == .text }
                guard !lines.isEmpty, !words.isEmpty else { continue }  // header lines
                // A tail of an open label on the line above, else a head for the line below.
                if pending.isEmpty, let last = lines.indices.last,
                    let open = lines[last].firstIndex(where: \.headed)
                        ?? lines[last].firstIndex(where: { !$0.isTotal && !$0.fragments.isEmpty && isOpen($0) })
                {
                    lines[last][open].fragments += words
                    lines[last][open].headed = false
                } else {
                    pending += words
                }
                continue
            }
            if !pending.isEmpty, let bare = groups.firstIndex(where: { $0.fragments.isEmpty }) {
                groups[bare].fragments = pending
                groups[bare].headed = true
            }
            pending = []
            // A blank cell is dropped: a group has its amount or none (its code and label say which row it is).
            guard groups.count <= 3, groups.allSatisfy({ $0.amounts.count <= 1 }) else { return false }
            lines.append(groups)
        }
        guard lines.count >= 2 else { return false }
        // Three blocks (Shandong, Hubei: 人员经费 | 公用经费 | 公用经费) when a line prints three groups.
        if lines.contains(where: { $0.count == 3 }) {
            return writeThreeBlocks(lines, location: location, into: &table)
        }
        // The left block's 类: those printed first on lines with two groups.
        let leftClasses = Set(lines.filter { $0.count == 2 }.compactMap { $0[0].code.map { String($0.text.prefix(3)) } })
        let start = location(lines[0][0].anchor.line, lines[0][0].anchor.column)
        table.append(["经济分类科目编码", "", "", "经济分类科目编码", "", ""].map { ($0, start) })
        table.append(["", "科目名称", "决算数", "", "科目名称", "决算数"].map { ($0, start) })
        for groups in lines {
            var left: Group? = nil
            var right: Group? = nil
            if groups.count == 2 {
                left = groups[0]
                right = groups[1]
            } else if let code = groups[0].code {
                if leftClasses.contains(String(code.text.prefix(3))) { left = groups[0] } else { right = groups[0] }
            } else if groups[0].fragments[0].text.hasPrefix("人员") {
                left = groups[0]
            } else {
                right = groups[0]
            }
            let here = location(groups[0].anchor.line, groups[0].anchor.column)
            table.append(fields(left, blank: here, location: location) + fields(right, blank: here, location: location))
        }
        return true
    }
}

extension EconomicPageTable {
    /// A block's three fields `code | label | amount` of one row, each with where it was printed; a block the row
    /// leaves empty is three blank fields at `blank`.
    fileprivate static func fields(
        _ group: Group?, blank: SourceLocation, location: (Int, Int) -> SourceLocation
    ) -> [(text: String, location: SourceLocation)] {
        guard let group else { return [("", blank), ("", blank), ("", blank)] }
        let at = location(group.anchor.line, group.anchor.column)
        return [
            (group.code.map { String($0.text) } ?? "", at),
            (group.fragments.map { String($0.text) }.joined(), at),
            group.amounts.first.map { (String($0.text), location($0.line, $0.column)) } ?? ("", at),
        ]
    }

    /// Three blocks of `code label amount`: a line's groups go to the blocks whose 类 they continue (the 类
    /// printed at each position on lines with three groups); a 类 printed only on shorter lines goes to the last
    /// block, a total (`人员经费合计`, `公用经费合计`) to the first and second. Groups must keep their order.
    fileprivate static func writeThreeBlocks(
        _ lines: [[Group]], location: (Int, Int) -> SourceLocation, into table: inout PageTextTables.Rewrite
    ) -> Bool {
        var classes: [Set<String>] = [[], [], []]
        for groups in lines where groups.count == 3 {
            for (index, group) in groups.enumerated() {
                if let code = group.code { classes[index].insert(String(code.text.prefix(3))) }
            }
        }
        let start = location(lines[0][0].anchor.line, lines[0][0].anchor.column)
        table.append((0..<3).flatMap { _ in ["经济分类科目编码", "", ""] }.map { ($0, start) })
        table.append((0..<3).flatMap { _ in ["", "科目名称", "决算数"] }.map { ($0, start) })
        for groups in lines {
            var blocks: [Group?] = [nil, nil, nil]
            var next = 0
            for group in groups {
                let block: Int
                if groups.count == 3 {
                    block = next
                } else if let code = group.code {
                    block = classes.firstIndex { $0.contains(String(code.text.prefix(3))) } ?? 2
                } else if group.isTotal {
                    block = group.fragments[0].text.hasPrefix("人员") ? 0 : 1
                } else {
                    return false
                }
                guard block >= next, blocks[block] == nil else { return false }
                blocks[block] = group
                next = block + 1
            }
            let here = location(groups[0].anchor.line, groups[0].anchor.column)
            table.append(blocks.flatMap { fields($0, blank: here, location: location) })
        }
        return true
    }
}

/// Writes 公开09 of page text: its one row of twelve amounts (预算数 and 决算数 of 合计, 因公出国（境）费,
/// 公务用车 小计, 购置费, 运行维护费, 公务接待费, Shanghai's order), or none for an empty table. Fewer amounts
/// than twelve are placed by the identities (``ThreePublicPlacement``).
enum ThreePublicPageTable {
    static func write(
        _ id: TableID, tokenLines: [[PageTextToken]], location: (Int, Int) -> SourceLocation,
        into table: inout PageTextTables.Rewrite
    ) -> Bool {
        let amounts = tokenLines.joined().filter { $0.amount != nil }
        var cells: [PageTextToken?] = amounts
        let layout = ThreePublicPlacement.Layout.of(tokenLines)
        if !amounts.isEmpty, amounts.count != 12 {
            // Raw pdftotext (one cell a line): its reading order is not relied on, the amounts are placed in any order.
            let nonEmpty = tokenLines.filter { !$0.isEmpty }
            let raw = nonEmpty.filter({ $0.count == 1 }).count * 5 >= nonEmpty.count * 4
            guard let placed = ThreePublicPlacement.place(id, amounts, layout: layout, ordered: !raw, location: location, into: &table)
            else { return false }
            cells = placed
        }
        let start = tokenLines.joined().first.map { location($0.line, $0.column) } ?? location(0, 1)
        let header = layout.header
        for row in header { table.append(row.map { ($0, start) }) }
        // The 栏次 row as printed (`1 2 … 12` under a 预算数 block and a 决算数 block, Shandong; one a line in raw
        // pdftotext, between the amounts), so that the table is not said to have none.
        let numbers = (1...12).map(String.init)
        let small = tokenLines.joined().filter { $0.kind == .digits && $0.text.count <= 2 }.map { String($0.text) }
        if layout == .blocks, small == numbers {
            table.append(numbers.map { ($0, start) })
        }
        if !amounts.isEmpty { table.append(cells.map { $0.map { (String($0.text), location($0.line, $0.column)) } ?? ("", start) }) }
        return true
    }

    /// 公开09 of raw `pdftotext` text (one cell a line) whose amounts run on after its note (规划和自然资源局: five
    /// amounts, `注：…`, seven more): the lone amounts after the note (`late`, up to the next title) complete the row
    /// when the twelve, in printed order, satisfy the table's identities (合计 = 因公出国（境）费 + 公务用车小计 +
    /// 公务接待费, 小计 = 购置费 + 运行维护费, for 预算数 and 决算数; within 1 分 a part). Fewer or more: not read.
    static func writeRaw(
        _ id: TableID, tokenLines: [[PageTextToken]], late: [PageTextToken], location: (Int, Int) -> SourceLocation,
        into table: inout PageTextTables.Rewrite
    ) -> Bool {
        let amounts = tokenLines.joined().filter { $0.amount != nil } + late
        let layout = ThreePublicPlacement.Layout.of(tokenLines)
        guard !late.isEmpty, amounts.count == 12,
            ColumnPlacement.holds(layout.identities, amounts.compactMap(\.amount), tolerance: 1)
        else { return false }
        let start = tokenLines.joined().first.map { location($0.line, $0.column) } ?? location(0, 1)
        for row in layout.header { table.append(row.map { ($0, start) }) }
        table.append(amounts.map { (String($0.text), location($0.line, $0.column)) })
        return true
    }
}
