import BudgetLensCore

/// Writes 公开01 or 公开04 of page text as tab-separated rows: each line's standard row labels (`一、…收入`,
/// `本年支出合计`) split it into a 收入 part and a 支出 part, each label's amounts follow it. 公开04's 支出
/// block has four columns (合计 and the three funds) with blanks dropped: the amounts are placed so that 合计 =
/// Σ funds, in the funds the 收入 block shows money in (DOMAIN §1.7).
enum SideBySidePageTable {
    /// The two header rows of 公开01 (收入 | 支出, 项目 决算数 ×2) or 公开04 (支出 with 合计 and the three funds),
    /// as the templates' tab rows print them, each field at `start`.
    static func appendHeader(of id: TableID, at start: SourceLocation, into table: inout PageTextTables.Rewrite) {
        if id == .appropriationSummary {
            table.append([("收入", start), ("", start), ("支出", start), ("", start), ("", start), ("", start), ("", start)])
            table.append(
                ["项目", "决算数", "项目", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]
                    .map { ($0, start) })
        } else {
            table.append([("收入", start), ("", start), ("支出", start), ("", start)])
            table.append(["项目", "决算数", "项目", "决算数"].map { ($0, start) })
        }
    }

    private struct Segment {
        var label: PageTextToken
        var amounts: [PageTextToken] = []
        var isIncome: Bool
    }

    /// `二十二、灾害防治及应急管理支` + `出` on the next line: a line's last word that is no standard row but becomes
    /// one with the next line's first word is joined with it.
    private static func joiningWrappedLabels(_ lines: [[PageTextToken]], in id: TableID) -> [[PageTextToken]] {
        func isStandard(_ text: String) -> Bool { StandardRows.isStandardRow(text, in: id) }
        var lines = lines
        for index in lines.indices.dropLast() {
            // Only numbered rows (`二十二、…`): header words (`一般公共预` / `算财政拨款`) would join into a label too.
            guard let last = lines[index].last, last.kind == .text, contains(last.text, "、"),
                !isStandard(String(last.text))
            else { continue }
            // The rest of the label stands on the next line, or on the one after (the other block's row between).
            for ahead in (index + 1)...min(index + 2, lines.count - 1) {
                guard let next = lines[ahead].first, next.kind == .text else { continue }
                let joined = String(last.text) + next.text
                guard isStandard(joined) else { continue }
                lines[index][lines[index].count - 1] = PageTextToken(
                    text: Substring(joined), kind: .text, line: last.line, column: last.column)
                lines[ahead].removeFirst()
                break
            }
        }
        return lines
    }

    /// Whether `text` contains `word` as `String.contains` finds it (by `Character`): by bytes when every character
    /// of `text` is one scalar (``SingleScalarCharacters``) — the words used here (`、`, `结转和结余`) have no scalar
    /// another is canonically equal to (Python's `unicodedata`) —, else by `Character` as before.
    private static func contains(_ text: some StringProtocol, _ word: String) -> Bool {
        SingleScalarCharacters.holds(for: Substring(text)) ? text.containsText(word) : text.contains(word)
    }

    static func write(
        _ id: TableID, tokenLines: [[PageTextToken]], location: (Int, Int) -> SourceLocation,
        into table: inout PageTextTables.Rewrite
    ) -> Bool {
        let expenditureColumns = id == .appropriationSummary ? 4 : 1
        // Raw pdftotext (one cell a line) prints the two blocks' cells in an order that detaches amounts from
        // their labels (`总计`, then 307.82 three lines on, after the 支出 block's labels): not read.
        let nonEmpty = tokenLines.filter { !$0.isEmpty }
        if nonEmpty.filter({ $0.count == 1 }).count * 5 >= nonEmpty.count * 4 { return false }
        var lines: [[Segment]] = []
        var afterCarryOver = false
        for tokens in joiningWrappedLabels(tokenLines, in: id) {
            var segments: [Segment] = []
            var leading: [PageTextToken] = []
            for token in tokens {
                switch token.kind {
                case .text:
                    let label = String(token.text)
                    let (incomeLine, expenditureLine) = StandardRows.lines(
                        forLabel: label, in: id, incomeAfterCarryOver: afterCarryOver)
                    guard incomeLine != nil || expenditureLine != nil else {
                        // A header word; but a label that is no standard row with an amount after it cannot be
                        // placed (its amount would go to the label before it): not read.
                        if let next = tokens.drop(while: { $0.column <= token.column }).first, next.amount != nil {
                            return false
                        }
                        continue
                    }
                    // The first label of a line is 收入 when it can be; a second one is 支出.
                    let isIncome = segments.isEmpty ? incomeLine != nil : false
                    if isIncome && contains(label, "结转和结余") && id == .appropriationSummary { afterCarryOver = true }
                    if !isIncome && expenditureLine == nil { return false }
                    segments.append(Segment(label: token, isIncome: isIncome))
                case .amount:
                    if segments.isEmpty {
                        // Amounts at the start of a line: those of the labels of the line above, which had none
                        // (the ONLYOFFICE PDF prints a row's amounts a line below its labels).
                        leading.append(token)
                        continue
                    }
                    segments[segments.count - 1].amounts.append(token)
                case .digits:
                    continue
                }
            }
            if !leading.isEmpty {
                guard let previous = lines.indices.last else { return false }
                let labels = lines[previous]
                let waiting = labels.indices.filter { labels[$0].amounts.isEmpty }
                // One amount per label, in order; a single label waiting (or 收入 + 支出 with 支出's funds) takes
                // the rest.
                if waiting.isEmpty {
                    // `本年支出合计 2,940.05` / `2,940.05`: the rest of 公开04's 支出 columns of the row above.
                    guard id == .appropriationSummary, let last = labels.indices.last, !labels[last].isIncome else {
                        return false
                    }
                    lines[previous][last].amounts += leading
                } else if waiting.count == 1 {
                    lines[previous][waiting[0]].amounts = leading
                } else if labels.count == 1 {
                    lines[previous][0].amounts = leading
                } else if leading.count >= labels.count, labels[0].isIncome {
                    lines[previous][0].amounts = [leading[0]]
                    lines[previous][1].amounts = Array(leading.dropFirst())
                } else {
                    return false  // fewer amounts than labels: which label is blank cannot be told
                }
                leading = []
            }
            // Output rows: an income segment starts one; a 支出 segment completes it (or stands alone).
            var row: [Segment] = []
            for segment in segments {
                if segment.isIncome || row.contains(where: { !$0.isIncome }) {
                    if !row.isEmpty { lines.append(row) }
                    row = []
                }
                row.append(segment)
            }
            if !row.isEmpty { lines.append(row) }
        }
        guard lines.count >= 3 else { return false }
        // The funds with money in the 收入 block (本年 or 年初): the only 支出 columns that can hold any.
        var allowed: Set<Int> = [0]
        if id == .appropriationSummary {
            for segment in lines.joined() where segment.isIncome {
                guard let value = segment.amounts.first?.amount, value != 0 else { continue }
                let key = TextNormalization.key(segment.label.text)
                if key.hasPrefix("一、") { allowed.insert(1) }
                if key.hasPrefix("二、") { allowed.insert(2) }
                if key.hasPrefix("三、") { allowed.insert(3) }
            }
        }
        if id == .incomeExpenditureSummary {
            // 公开02's columns after 本年收入合计, by the income row that feeds each.
            let feeds = ["财政拨款", "上级补助", "事业收入", "经营收入", "附属单位", "其他收入"]
            var columns: Set<Int> = [0]
            for segment in lines.joined() where segment.isIncome {
                guard let value = segment.amounts.first?.amount, value != 0 else { continue }
                let label = IdeographSearch(segment.label.text)  // the feeds are ideographs: found on the bytes
                if let feed = feeds.firstIndex(where: { label.contains($0) }) { columns.insert(feed + 1) }
            }
            table.incomeColumnsWithMoney = columns
        }
        let start = lines.first?.first.map { location($0.label.line, $0.label.column) } ?? location(0, 1)
        appendHeader(of: id, at: start, into: &table)
        let identities = [ColumnPlacement.Identity(total: 0, parts: [1, 2, 3])]
        for segments in lines {
            var fields: [(text: String, location: SourceLocation)] = []
            let income = segments.first { $0.isIncome }
            let expenditure = segments.first { !$0.isIncome }
            guard segments.count <= 2, (income?.amounts.count ?? 0) <= 1 else { return false }
            let first = segments[0]
            let here = location(first.label.line, first.label.column)
            if let income {
                fields.append((String(income.label.text), location(income.label.line, income.label.column)))
                fields.append(income.amounts.first.map { (String($0.text), location($0.line, $0.column)) } ?? ("", here))
            } else {
                fields += [("", here), ("", here)]
            }
            guard let expenditure else {
                table.append(fields + [("", here)] + Array(repeating: ("", here), count: expenditureColumns))
                continue
            }
            let there = location(expenditure.label.line, expenditure.label.column)
            fields.append((String(expenditure.label.text), there))
            var cells = [(text: String, location: SourceLocation)](repeating: ("", there), count: expenditureColumns)
            let values = expenditure.amounts.compactMap(\.amount)
            if expenditureColumns == 1 {
                guard values.count <= 1 else { return false }
                if let token = expenditure.amounts.first { cells[0] = (String(token.text), location(token.line, token.column)) }
            } else if !values.isEmpty {
                // Amounts from two lines may be in any order.
                let ordered = Set(expenditure.amounts.map(\.line)).count <= 1
                var placements = ColumnPlacement.candidates(
                    values, columnCount: 4, ordered: ordered, identities: identities, allowed: allowed) ?? []
                if placements.isEmpty {
                    placements = ColumnPlacement.candidates(values, columnCount: 4, ordered: ordered, identities: identities) ?? []
                }
                placements = PlacementReadings.distinct(placements, amounts: values, columnCount: 4)
                guard let placement = placements.first else { return false }
                if placements.count > 1 {
                    // Not picked: the first is written so that the row is read, and the cells the placements disagree
                    // on are left unread once the text is read, unless 公开05/07/08 decide (OpenPlacementResolution).
                    table.openRows.append(OpenPlacementResolution.OpenRow(
                        table: id, code: nil, item: String(expenditure.label.text),
                        columns: ["合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"],
                        amounts: expenditure.amounts.map { (String($0.text), location($0.line, $0.column)) },
                        placements: placements, source: there))
                }
                for (token, column) in zip(expenditure.amounts, placement) {
                    cells[column] = (String(token.text), location(token.line, token.column))
                }
            }
            table.append(fields + cells)
        }
        return true
    }
}
