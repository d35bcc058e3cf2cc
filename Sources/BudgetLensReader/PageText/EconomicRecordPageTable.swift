import BudgetLensCore

/// Writes 公开06 of page text where each row of the two blocks is printed over two or three lines — the
/// ONLYOFFICE PDF's form: a code line (`301 01 302`: the left 类 and 款, the right 类), a label line
/// (`基本工资 01 办公费`: the left label, the right 款 and label) and an amount line (`262.33 21.21`), labels
/// that wrap starting on the code line and ending on the amount line (`301 13 302 因 公 出 国 （ 境 ） 费` …
/// `187.19 用`). pdfplumber orders a line's words from left to right, so a word's block follows from what stands
/// beside it: the right block's 类 and 款 split a line, a wrapped label's tail belongs to the label that started
/// on the code line, an amount before a right-block label is the left block's.
///
/// An amount that stands alone on its line while both rows of its code line lack theirs may be either block's.
/// Such amounts are placed by the table's identities (DOMAIN §1.9: a 类 = Σ its 款 in each block; 人员经费合计 =
/// Σ the left block's 类, 公用经费合计 = Σ the right block's), exactly or else within 1 分 a part (尾数误差);
/// when more than one placement fits and they give different cells (not only a 0.00 in one block or the other),
/// none is picked: the codes whose amounts differ are left unread and a `table.ambiguous` warning names the
/// placements (``OpenPlacementResolution/OpenCodes``); when none fits, or the form is not this one, nothing is
/// written (`false`) and the table stays unread.
enum EconomicRecordPageTable {
    /// Most amounts whose block is decided by the identities (2^16 placements are tried at most).
    static let undecidedLimit = 16

    private enum Side { case left, right }

    /// One block's row: code, label pieces, amount.
    private struct Entry {
        var code: PageTextToken
        var item: PageTextToken?  // the 款 digits
        var label: [PageTextToken] = []
        var amount: PageTextToken?
        var codeText: String { String(code.text) + (item.map { String($0.text) } ?? "") }
    }

    /// One printed row: the left block's entry and the right's; a single code (`310`) is one block's.
    private struct Record {
        /// The code line's first word.
        let anchor: PageTextToken
        var left: Entry?
        var right: Entry?
        var single: Entry?
    }

    static func write(
        _ id: TableID, tokenLines: [[PageTextToken]], lines: [Substring], location: (Int, Int) -> SourceLocation,
        into table: inout PageTextTables.Rewrite
    ) -> Bool {
        let split = splitAtPageBreaks(tokenLines, lines: lines)
        // Raw pdftotext (one cell a line) is not this form.
        let nonEmpty = split.filter { !$0.isEmpty }
        if nonEmpty.filter({ $0.count == 1 }).count * 5 >= nonEmpty.count * 4 { return false }
        guard let first = split.firstIndex(where: { isClassCode($0.first) }) else { return false }
        // Records: a code line and the lines up to the next; the totals line ends the table.
        var groups: [[[PageTextToken]]] = []
        var totals: [PageTextToken] = []
        for tokens in split[first...] {
            if let head = tokens.first, head.kind == .text, head.text.hasSuffix("经费合计") {
                guard totals.isEmpty else { return false }
                totals = tokens
            } else if isClassCode(tokens.first) {
                guard totals.isEmpty else { return false }
                groups.append([tokens])
            } else if !tokens.isEmpty {
                guard totals.isEmpty else { return false }
                groups[groups.count - 1].append(tokens)
            }
        }
        var records: [Record] = []
        var undecided: [(record: Int, amount: PageTextToken)] = []
        for group in groups {
            guard let parsed = parse(group) else { return false }
            for amount in parsed.undecided { undecided.append((records.count, amount)) }
            records.append(parsed.record)
        }
        guard records.contains(where: { $0.left != nil && $0.right != nil }), undecided.count <= undecidedLimit else {
            return false
        }
        // A single code's block: as printed beside the other block, else DOMAIN §1.9 (人员经费: 301, 303).
        let leftClasses = Set(records.compactMap { $0.left.map { String($0.code.text) } }).union(["301", "303"])
        for index in records.indices {
            guard let single = records[index].single else { continue }
            if leftClasses.contains(String(single.code.text)) { records[index].left = single } else { records[index].right = single }
            records[index].single = nil
        }
        guard let totalRow = parseTotals(totals) else { return false }
        guard let choice = place(undecided, records: records, totals: totalRow) else {
            let at = undecided.first.map { location($0.amount.line, $0.amount.column) } ?? location(records[0].anchor.line, 1)
            table.notes.append(
                ReadProblem(
                    code: "page-text.row-unplaced", severity: .warning,
                    message: "\(id.formID)：单独成行的金额无法按“类 = Σ 款”“经费合计 = Σ 类”归入左栏或右栏，本表未读取 — "
                        + "the amounts standing alone on their lines fit no placement under the identities; the table is not read",
                    table: id, source: at))
            return false
        }
        for (index, (record, amount)) in undecided.enumerated() {
            if choice.placement[index] == .left { records[record].left?.amount = amount } else { records[record].right?.amount = amount }
        }
        // Placements that differ only in where a 0.00 stands give the same cells: one reading. Otherwise none is
        // picked: the codes whose amounts differ are left unread once the text is read (OpenPlacementResolution).
        let doubtful = undecided.indices.filter { index in
            Set(choice.all.map { $0[index] }).count > 1 && undecided[index].amount.amount != 0
        }
        if choice.count > 1, !doubtful.isEmpty {
            var codes: [String] = []
            for index in doubtful {
                let record = records[undecided[index].record]
                for entry in [record.left, record.right].compactMap({ $0 }) where !codes.contains(entry.codeText) {
                    codes.append(entry.codeText)
                }
            }
            table.openCodes.append(OpenPlacementResolution.OpenCodes(
                table: id, codes: codes, note: uncertain(id, undecided: undecided, records: records, choice: choice,
                    unread: codes, location: location)))
        }
        let start = location(records[0].anchor.line, records[0].anchor.column)
        table.append(["经济分类科目编码", "", "", "经济分类科目编码", "", ""].map { ($0, start) })
        table.append(["", "科目名称", "决算数", "", "科目名称", "决算数"].map { ($0, start) })
        func fields(_ entry: Entry?, _ here: SourceLocation) -> [(text: String, location: SourceLocation)] {
            guard let entry else { return [("", here), ("", here), ("", here)] }
            let at = location(entry.code.line, entry.code.column)
            return [
                (entry.codeText, at), (entry.label.map { String($0.text) }.joined(), at),
                entry.amount.map { (String($0.text), location($0.line, $0.column)) } ?? ("", at),
            ]
        }
        for record in records {
            let here = location(record.anchor.line, record.anchor.column)
            table.append(fields(record.left, here) + fields(record.right, here))
        }
        guard let totalsStart = totals.first else { return true }
        let here = location(totalsStart.line, totalsStart.column)
        func total(_ side: (label: PageTextToken, amount: PageTextToken?)?) -> [(text: String, location: SourceLocation)] {
            guard let side else { return [("", here), ("", here), ("", here)] }
            let at = location(side.label.line, side.label.column)
            return [("", at), (String(side.label.text), at), side.amount.map { (String($0.text), location($0.line, $0.column)) } ?? ("", at)]
        }
        table.append(total(totalRow.left) + total(totalRow.right))
        return true
    }

    /// A line's tokens split where a form feed stands between two of them (`…被装购置费\f303 05 302`).
    private static func splitAtPageBreaks(_ tokenLines: [[PageTextToken]], lines: [Substring]) -> [[PageTextToken]] {
        var result: [[PageTextToken]] = []
        for tokens in tokenLines {
            // A form feed is a `Character` of its own (a control, no scalar canonically equal to it): its byte tells.
            guard let first = tokens.first, first.line < lines.count, lines[first.line].containsByte(0x0C) else {
                result.append(tokens)
                continue
            }
            var feeds: [Int] = []
            var column = 1
            for scalar in lines[first.line].unicodeScalars {
                if scalar == "\u{0C}" { feeds.append(column) }
                column += 1
            }
            var current: [PageTextToken] = []
            for token in tokens {
                if let last = current.last, feeds.contains(where: { $0 > last.column && $0 < token.column }) {
                    result.append(current)
                    current = []
                }
                current.append(token)
            }
            result.append(current)
        }
        return result
    }

    private static func isClassCode(_ token: PageTextToken?) -> Bool {
        guard let token else { return false }
        return token.kind == .digits && token.text.count == 3
    }

    private static func isItem(_ token: PageTextToken) -> Bool { token.kind == .digits && token.text.count == 2 }

    /// A record's entries and the amounts whose block is open; `nil` when the lines are not this form.
    private static func parse(_ group: [[PageTextToken]]) -> (record: Record, undecided: [PageTextToken])? {
        let codeLine = group[0]
        let classes = codeLine.indices.filter { isClassCode(codeLine[$0]) }
        guard (1...2).contains(classes.count), group.dropFirst().allSatisfy({ !$0.contains(where: isClassCode) }) else { return nil }
        if classes.count == 1 {
            // One block's row: every word is its own.
            var entry = Entry(code: codeLine[0])
            var rest = Array(codeLine.dropFirst())
            if let next = rest.first, isItem(next) {
                entry.item = next
                rest.removeFirst()
            }
            for token in rest + group.dropFirst().joined() {
                switch token.kind {
                case .digits:
                    guard isItem(token), entry.item == nil else { return nil }
                    entry.item = token
                case .text: entry.label.append(token)
                case .amount:
                    guard entry.amount == nil else { return nil }
                    entry.amount = token
                }
            }
            guard !entry.label.isEmpty else { return nil }
            return (Record(anchor: codeLine[0], single: entry), [])
        }
        var left = Entry(code: codeLine[classes[0]])
        var right = Entry(code: codeLine[classes[1]])
        guard classes[0] == 0 else { return nil }
        // The code line: the left 类 (and 款), its label's first piece, the right 类 (and 款), its label's first piece.
        var headed: Side? = nil
        for (index, token) in codeLine.enumerated() where !classes.contains(index) {
            let side: Side = index < classes[1] ? .left : .right
            if isItem(token), classes.contains(index - 1) {
                if side == .left { left.item = token } else { right.item = token }
                continue
            }
            guard token.kind == .text else { return nil }
            if side == .left { left.label.append(token) } else { right.label.append(token) }
        }
        // A label that starts on the code line while the other does not is printed over several lines.
        if left.label.isEmpty != right.label.isEmpty { headed = left.label.isEmpty ? .right : .left }
        // The other lines: 款 digits that were not printed beside their 类 split a line into the two blocks.
        let items = group.dropFirst().joined().filter(isItem)
        guard items.count <= 2 else { return nil }
        var marker: [Int: (column: Int, side: Side)] = [:]  // line → the 款's column and block
        if items.count == 2 {
            guard left.item == nil, right.item == nil else { return nil }
            left.item = items[0]
            right.item = items[1]
            marker[items[1].line] = (items[1].column, .right)
        } else if let item = items.first {
            let line = group.dropFirst().first { $0.contains { $0.line == item.line && $0.column == item.column } } ?? []
            let afterWord = line.first.map { $0.column < item.column } ?? false
            if right.item == nil, left.item != nil || afterWord {
                right.item = item
                marker[item.line] = (item.column, .right)
            } else if left.item == nil {
                left.item = item
            } else {
                return nil
            }
        }
        var undecided: [PageTextToken] = []
        func give(_ token: PageTextToken, to side: Side) -> Bool {
            switch (token.kind, side) {
            case (.text, .left): left.label.append(token)
            case (.text, .right): right.label.append(token)
            case (.amount, .left):
                guard left.amount == nil else { return false }
                left.amount = token
            case (.amount, .right):
                guard right.amount == nil else { return false }
                right.amount = token
            case (.digits, _): return false
            }
            return true
        }
        for tokens in group.dropFirst() {
            let words = tokens.filter { !isItem($0) }
            if let mark = marker[tokens[0].line], mark.side == .right {
                for token in words { guard give(token, to: token.column < mark.column ? .left : .right) else { return nil } }
                continue
            }
            // No 款 between the blocks: label runs and amounts.
            var runs: [[Int]] = []
            for (index, token) in words.enumerated() where token.kind == .text {
                if let last = runs.last?.last, last == index - 1 { runs[runs.count - 1].append(index) } else { runs.append([index]) }
            }
            var open: [PageTextToken] = []
            switch runs.count {
            case 0:
                open = words
            case 1:
                // A wrapped label's tail: the label that started on the code line, else the one still missing.
                let side: Side
                if let headed {
                    side = headed
                } else if left.label.isEmpty != right.label.isEmpty {
                    side = left.label.isEmpty ? .left : .right
                } else {
                    return nil
                }
                for (index, token) in words.enumerated() {
                    if token.kind == .text {
                        guard give(token, to: side) else { return nil }
                    } else if index < runs[0][0] {
                        // An amount before a label piece: the left block's (a right label has the left amount before it).
                        guard side == .right, give(token, to: .left) else { return nil }
                    } else if side == .right {
                        guard give(token, to: .right) else { return nil }
                    } else {
                        open.append(token)
                    }
                }
            case 2:
                for (index, token) in words.enumerated() { guard give(token, to: index < runs[1][0] ? .left : .right) else { return nil } }
            default:
                return nil
            }
            // Amounts beside no label: two are left and right; one goes where an amount is missing.
            switch open.count {
            case 0: break
            case 1:
                if left.amount == nil, right.amount == nil {
                    undecided.append(open[0])
                } else {
                    guard give(open[0], to: left.amount == nil ? .left : .right) else { return nil }
                }
            case 2:
                guard give(open[0], to: .left), give(open[1], to: .right) else { return nil }
            default:
                return nil
            }
        }
        guard !left.label.isEmpty, !right.label.isEmpty else { return nil }
        return (Record(anchor: codeLine[0], left: left, right: right), undecided)
    }

    /// `人员经费合计 2,152.26 公用经费合计 184.65`: each block's total label and amount.
    private static func parseTotals(
        _ tokens: [PageTextToken]
    ) -> (left: (label: PageTextToken, amount: PageTextToken?)?, right: (label: PageTextToken, amount: PageTextToken?)?)? {
        var left: (label: PageTextToken, amount: PageTextToken?)? = nil
        var right: (label: PageTextToken, amount: PageTextToken?)? = nil
        var current: Side? = nil
        for token in tokens {
            switch token.kind {
            case .text:
                guard token.text.hasSuffix("经费合计") else { return nil }
                if token.text.hasPrefix("人员") {
                    guard left == nil else { return nil }
                    left = (token, nil)
                    current = .left
                } else {
                    guard right == nil else { return nil }
                    right = (token, nil)
                    current = .right
                }
            case .amount:
                if current == .left, left?.amount == nil { left?.amount = token } else if current == .right, right?.amount == nil {
                    right?.amount = token
                } else {
                    return nil
                }
            case .digits:
                return nil
            }
        }
        return (left, right)
    }

    /// The block of each undecided amount under which the identities hold exactly, else within 1 分 a part with
    /// the smallest total difference (a 类's rounding differences do not depend on where an amount of 0.09 goes,
    /// a misplaced amount adds itself): the first such placement, how many there are and all; `nil` when none.
    private static func place(
        _ undecided: [(record: Int, amount: PageTextToken)], records: [Record],
        totals: (left: (label: PageTextToken, amount: PageTextToken?)?, right: (label: PageTextToken, amount: PageTextToken?)?)
    ) -> (placement: [Side], count: Int, all: [[Side]])? {
        // Slots: record × block (2r left, 2r + 1 right); the identities over them, built once.
        func slot(_ record: Int, _ side: Side) -> Int { record * 2 + (side == .left ? 0 : 1) }
        var base = [Int64](repeating: 0, count: records.count * 2)
        var identities: [(total: Int?, constant: Int64, parts: [Int])] = []
        for side in [Side.left, .right] {
            let entries = records.indices.compactMap { index in (side == .left ? records[index].left : records[index].right).map { (index, $0) } }
            for (index, entry) in entries { base[slot(index, side)] = entry.amount?.amount ?? 0 }
            var classes: [Int] = []
            for (index, entry) in entries where entry.item == nil {
                classes.append(slot(index, side))
                let children = entries.filter { $0.1.item != nil && $0.1.code.text == entry.code.text }.map { slot($0.0, side) }
                if !children.isEmpty { identities.append((slot(index, side), 0, children)) }
            }
            if let blockTotal = side == .left ? totals.left : totals.right, !classes.isEmpty {
                identities.append((nil, blockTotal.amount?.amount ?? 0, classes))
            }
        }
        var fitting: [[Side]] = []
        var best = Int64.max
        // One buffer for every trial: only the undecided amounts' slots change, reset to `base` before each.
        var values = base
        let touched = undecided.flatMap { [slot($0.record, .left), slot($0.record, .right)] }
        // The identities over no undecided slot give every trial the same difference: summed once. One that fails
        // fails every trial (no placement fits).
        let touchedSlots = Set(touched)
        func varies(_ identity: (total: Int?, constant: Int64, parts: [Int])) -> Bool {
            identity.total.map(touchedSlots.contains) == true || identity.parts.contains(where: touchedSlots.contains)
        }
        let varying = identities.filter(varies)
        var fixedDeviation: Int64 = 0
        for identity in identities where !varies(identity) {
            guard let difference = deviation(identity, in: base) else { return nil }
            fixedDeviation += difference
        }
        // Each varying identity's parts that no trial changes, summed once, when no sum can overflow.
        let split = SplitIdentity.split(
            varying, base: base, touched: touchedSlots, amounts: undecided.map { $0.amount.amount ?? 0 })
        // Each undecided amount's two slots and its value, worked out once for every trial.
        let choices = undecided.map {
            (left: slot($0.record, .left), right: slot($0.record, .right), amount: $0.amount.amount ?? 0)
        }
        for mask in 0..<(1 << undecided.count) {
            // The trial's slots written in one go (one uniqueness check, not one per slot).
            values.withUnsafeMutableBufferPointer { slots in
                for index in touched { slots[index] = base[index] }
                for (bit, choice) in choices.enumerated() {
                    slots[mask & (1 << bit) == 0 ? choice.left : choice.right] = choice.amount
                }
            }
            // The sum of the differences in 分 when each identity holds within 1 分 a part.
            var deviation: Int64? = fixedDeviation
            if let split {
                for identity in split {
                    guard let difference = identity.deviation(in: values) else {
                        deviation = nil
                        break
                    }
                    deviation! += difference
                }
            } else {
                for identity in varying {
                    guard let difference = Self.deviation(identity, in: values) else {
                        deviation = nil
                        break
                    }
                    deviation! += difference
                }
            }
            guard let deviation, deviation <= best else { continue }
            if deviation < best {
                best = deviation
                fitting = []
            }
            fitting.append(undecided.indices.map { mask & (1 << $0) == 0 ? .left : .right })
        }
        guard let first = fitting.first else { return nil }
        return (first, fitting.count, fitting)
    }

    /// How far an identity (total = Σ parts, or a constant total) is from holding on `values`, in 分; `nil` when
    /// it is off by more than 1 分 a part (at least 1) or a sum overflows.
    private static func deviation(_ identity: (total: Int?, constant: Int64, parts: [Int]), in values: [Int64]) -> Int64? {
        var sum: Int64 = 0
        for part in identity.parts {
            let (result, overflow) = sum.addingReportingOverflow(values[part])
            if overflow { return nil }
            sum = result
        }
        let total = identity.total.map { values[$0] } ?? identity.constant
        let (difference, overflow) = total.subtractingReportingOverflow(sum)
        guard !overflow, difference.magnitude <= UInt64(max(1, identity.parts.count - 1)) else { return nil }
        return Int64(difference.magnitude)
    }

    /// An identity (total = Σ parts, or a constant total) some undecided amount's slot takes part in, with the parts
    /// no trial changes summed once: a trial adds only the slots an undecided amount may fill. It gives what
    /// ``deviation(_:in:)`` gives wherever no sum can overflow, which ``split(_:base:touched:amounts:)`` makes sure of.
    private struct SplitIdentity {
        /// The total's slot when a trial may change it, else `nil` (then `fixedTotal`).
        let total: Int?
        let fixedTotal: Int64
        /// The sum of the parts no trial changes.
        let fixedSum: Int64
        /// The parts a trial may change.
        let touchedParts: [Int]
        /// 1 分 a part, at least 1.
        let tolerance: UInt64

        /// How far the identity is from holding on `values`, in 分; `nil` when off by more than its tolerance.
        func deviation(in values: [Int64]) -> Int64? {
            var sum = fixedSum
            for part in touchedParts { sum += values[part] }
            let difference = (total.map { values[$0] } ?? fixedTotal) - sum
            guard difference.magnitude <= tolerance else { return nil }
            return Int64(difference.magnitude)
        }

        /// The identities split, or `nil` when the magnitudes of every slot's base value, every undecided amount and
        /// every constant total add up to more than half of `Int64.max` (then a sum might overflow, and the trials
        /// sum every part as before).
        static func split(
            _ identities: [(total: Int?, constant: Int64, parts: [Int])], base: [Int64], touched: Set<Int>, amounts: [Int64]
        ) -> [SplitIdentity]? {
            var magnitude: UInt64 = 0
            for value in base + amounts + identities.map(\.constant) {
                let (added, overflow) = magnitude.addingReportingOverflow(value.magnitude)
                guard !overflow, added <= UInt64(Int64.max / 2) else { return nil }
                magnitude = added
            }
            return identities.map { identity in
                let fixedTotal = identity.total.map { base[$0] } ?? identity.constant
                return SplitIdentity(
                    total: identity.total.flatMap { touched.contains($0) ? $0 : nil }, fixedTotal: fixedTotal,
                    fixedSum: identity.parts.filter { !touched.contains($0) }.reduce(0) { $0 + base[$1] },
                    touchedParts: identity.parts.filter(touched.contains),
                    tolerance: UInt64(max(1, identity.parts.count - 1)))
            }
        }
    }

    private static func uncertain(
        _ id: TableID, undecided: [(record: Int, amount: PageTextToken)], records: [Record],
        choice: (placement: [Side], count: Int, all: [[Side]]), unread: [String], location: (Int, Int) -> SourceLocation
    ) -> ReadProblem {
        // Only the amounts whose block differs between the placements are named.
        let differing = undecided.indices.filter { index in Set(choice.all.map { $0[index] }).count > 1 }
        func describe(_ placement: [Side]) -> String {
            differing.compactMap { index in
                let item = undecided[index]
                let entry = placement[index] == .left ? records[item.record].left : records[item.record].right
                return entry.map { "\(item.amount.text)→\($0.codeText)" }
            }.joined(separator: "，")
        }
        let shown = choice.all.prefix(4).map(describe)
        let more = choice.count > 4 ? "（另有 \(choice.count - 4) 种 / \(choice.count - 4) more）" : ""
        let first = undecided[differing.first ?? 0].amount
        return ReadProblem(
            code: "table.ambiguous", severity: .warning,
            message: "\(id.formID)：单独成行的金额可归入左栏或右栏，有 \(choice.count) 种放置均满足勾稽关系，无法确定："
                + shown.joined(separator: " | ") + more + "；\(unread.joined(separator: "、")) 未读取（本表只读取了一部分）"
                + " — amounts standing alone on their lines fit \(choice.count) placements under the identities; the cells of "
                + unread.joined(separator: ", ") + " are not read, and the rules that need them are not run",
            table: id, source: location(first.line, first.column))
    }
}
