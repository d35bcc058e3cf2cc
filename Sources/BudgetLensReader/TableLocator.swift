import BudgetLensCore

/// A public table found in the text: its title, header lines, grid rows and the notes after it.
struct LocatedTable {
    let id: TableID
    let titleIndex: Int
    let title: String
    var header: TableHeaderLine
    var grid: [GridLine] = []
    var notes: [TextLine] = []
    var noDataStatement: TextLine?
    /// The last line index that belongs to the table.
    var endIndex: Int
    /// The line that ended the grid although it looks like a row (amounts, no tab-separated cells:
    /// `合计20.000.0020.00`): the rows from there on are not read, which the parser reports.
    var strayRowIndex: Int?
    /// Lines inside the grid that are no row (`续表`, `注：…`, a stray word) with rows of the table after them:
    /// skipped, and reported by the parser.
    var skippedLines: [Int] = []
}

/// Finds the public tables in a text: a title line followed, after header lines only, by tab-separated rows.
/// A title that is followed by prose or by another title (a 目录 entry, a heading such as `一、收入支出决算总表`)
/// is not a table.
struct TableLocator {
    let text: SourceText

    /// The tables in document order, searching from line `start`.
    func locate(from start: Int) -> [LocatedTable] {
        var tables: [LocatedTable] = []
        var next = start
        for index in text.lines(containing: "表", maximumLength: 160) where index >= next {
            guard !isGridRow(index), let id = TableTitles.table(named: text.lines[index]),
                let table = table(id, titledAt: index)
            else { continue }
            tables.append(table)
            next = table.endIndex + 1
        }
        return tables
    }

    /// The table whose title is at `titleIndex`, if a grid follows it.
    private func table(_ id: TableID, titledAt titleIndex: Int) -> LocatedTable? {
        var header = TableHeaderLine.empty
        var index = titleIndex + 1
        // Header lines, then the first grid row.
        while index < text.count, !isGridRow(index) || headerCells(index) != nil {
            if text.isBlank(index) || isPageFooter(index) {
                index += 1
                continue
            }
            if let line = headerCells(index) {
                header.merge(line)
                index += 1
                continue
            }
            guard let line = TableHeaderLine(text.lines[index]) else { return nil }
            header.merge(line)
            index += 1
        }
        guard index < text.count else { return nil }
        // The form label printed on the title's line (`收入支出决算总表 公开01表`), or on the line above it.
        if header.formLabel == nil, let (_, label) = TableTitles.splitFormLabel(TextNormalization.key(text.lines[titleIndex])) {
            header.formLabel = label
        } else if header.formLabel == nil, let above = formLabelAbove(titleIndex) {
            header.formLabel = above
        }
        var table = LocatedTable(
            id: id, titleIndex: titleIndex, title: Self.withoutFormLabel(text.label(titleIndex)), header: header,
            endIndex: index)
        // Grid rows, across blank lines, page footers and repeated header lines or titles of continuation pages.
        while index < text.count {
            if isGridRow(index) {
                // The row's cells split and keyed once, for the header test and the grid.
                let grid = GridLine(index: index, line: text.lines[index])
                if let line = headerCells(grid) {
                    table.header.merge(line)  // `部门：… | | … | 金额单位：万元` as cells of the grid
                } else {
                    table.grid.append(grid)
                    table.endIndex = index
                }
            } else if text.isBlank(index) || isPageFooter(index) || isPageNumber(index) {
                // continue
            } else if Self.isContinuationMarker(text.label(index)), nextNonBlankIsGrid(after: index),
                table.skippedLines.count < 16
            {
                // `续表`, `（续表）`, `续上表`: the table goes on, also when its header is repeated below (skipped by
                // the builders); the line is skipped as any line that interrupts a grid is (`table.line-skipped`).
                table.skippedLines.append(index)
            } else if let line = TableHeaderLine(text.lines[index]) {
                // A form label right above the next table's title is that table's (``formLabelAbove(_:)``).
                if line.formLabel != nil, let next = ((index + 1)..<min(text.count, index + 4)).first(where: { !text.isBlank($0) }),
                    TableTitles.table(named: text.lines[next]) != nil
                {
                    break
                }
                table.header.merge(line)
            } else if TableTitles.table(named: text.lines[index]) == id, nextNonBlankIsGrid(after: index) {
                // the title repeated on a continuation page — or a second copy pasted right under the last row
                // (its first row is one already read): the table ends here and the copy is located on its own
                if startsCopy(of: table, at: index) { break }
            } else if !table.grid.isEmpty, !looksLikeRow(index), table.skippedLines.count < 16,
                TableTitles.table(named: text.lines[index]) == nil, !LayoutReconstruction.isPartMarker(text.label(index)),
                nextNonBlankIsDataRow(after: index)
            {
                table.skippedLines.append(index)  // rows of this table follow: the line interrupts the grid
            } else {
                if looksLikeRow(index) { table.strayRowIndex = index }
                break
            }
            index += 1
        }
        table.grid = table.grid.droppingBlankFields
        collectNotes(of: &table)
        return table
    }

    /// A tab-separated line that is a row of a table's grid: not one whose only filled cell is a title, a note
    /// (`注：`, `说明：`, `备注`), a no-data statement or `续表` — a sheet exported from Excel pads every line with tabs
    /// up to the sheet's width (`收入支出决算总表 | | |`), and such a line is read as the line it is.
    private func isGridRow(_ index: Int) -> Bool {
        guard text.isGridLine(index) else { return false }
        let line = text.lines[index]
        guard line.utf8.count <= 2000 else { return true }
        let filled = Self.filledFields(line, upTo: 3)
        guard filled.count == 1, let only = filled.first else {
            // `收入支出决算总表 | 公开01表`: a title and its form label in two cells (a row has more, or amounts).
            return !(filled.count == 2 && line.utf8.count <= 300 && TableTitles.table(named: line) != nil)
        }
        let label = TextNormalization.label(only)
        return !(TableTitles.table(named: label) != nil || Self.startsNote(label) || Self.isNoDataStatement(label)
            || Self.isContinuationMarker(label))
    }

    /// The fields of a tab-separated line that hold more than spaces, the first `limit` of them (found on the bytes,
    /// stopping at the limit: a table row has many).
    static func filledFields(_ line: Substring, upTo limit: Int) -> [Substring] {
        let utf8 = line.utf8
        var filled: [Substring] = []
        var fieldStart = utf8.startIndex
        var current = false
        var position = utf8.startIndex
        while filled.count < limit {
            let atEnd = position == utf8.endIndex
            if atEnd || utf8[position] == 0x09 {
                if current { filled.append(line[fieldStart..<position]) }
                if atEnd { break }
                current = false
                fieldStart = utf8.index(after: position)
            } else if !current, utf8[position] != 0x20, utf8[position] != 0x0D {
                // Any byte but a space starts content (the label test trims what else is blank).
                current = true
            }
            position = utf8.index(after: position)
        }
        return filled
    }

    /// A title without the form label printed on its line: `收入支出决算总表 公开01表` → `收入支出决算总表`.
    static func withoutFormLabel(_ title: String) -> String {
        guard title.containsText("公开"), TableTitles.splitFormLabel(TextNormalization.key(title)) != nil,
            let range = title.byteRange(of: "公开")
        else { return title }
        let before = title[..<range.lowerBound].trimmedSpaces()
        if !before.isEmpty { return before }
        // The label first: the title after its `表`.
        guard let end = title[range.upperBound...].firstIndex(of: "表") else { return title }
        return title[title.index(after: end)...].trimmedSpaces()
    }

    /// `公开01表` alone on the line above a title (some templates print the label first), as printed.
    private func formLabelAbove(_ titleIndex: Int) -> String? {
        var index = titleIndex - 1
        while index >= 0, titleIndex - index <= 3, text.isBlank(index) { index -= 1 }
        guard index >= 0, titleIndex - index <= 3, !text.isGridLine(index), let line = TableHeaderLine(text.lines[index]),
            let label = line.formLabel, line.unitName == nil, line.moneyUnit == nil
        else { return nil }
        return label
    }

    /// `注：…`, `说明：…`, `备注…`: a table's note.
    static func startsNote(_ label: String) -> Bool {
        label.hasBytePrefix("注") || label.hasBytePrefix("说明") || label.hasBytePrefix("备注")
    }

    /// `续表`, `(续表)`, `续上表`, `续`, `续表1`, `（续）`: a line that says the table goes on from the page before.
    static func isContinuationMarker(_ label: String) -> Bool {
        guard label.utf8.count <= 90, label.containsText("续") else { return false }
        let key = TextNormalization.key(label)
        guard key.utf8.count <= 30 else { return false }
        var core = Substring(key)
        while let first = core.first, "(【[-—".contains(first) { core = core.dropFirst() }
        while let last = core.last, ")】]-—".contains(last) || last.isNumber { core = core.dropLast() }
        return ["续表", "续", "续上表", "续前表"].contains(core)
    }

    /// What a table row says when its non-blank cells are all header lines (`部门：深圳市… | | 金额单位：万元`, as
    /// extractions of spreadsheet-made PDFs print them), else `nil`.
    private func headerCells(_ index: Int) -> TableHeaderLine? {
        guard text.isGridLine(index) else { return nil }
        return headerCells(GridLine(index: index, line: text.lines[index]))
    }

    /// ``headerCells(_:)`` of a grid row already split (its keys computed once).
    private func headerCells(_ grid: GridLine) -> TableHeaderLine? {
        let fields = grid.fields.indices.filter { !grid.keys[$0].isEmpty }.map { grid.fields[$0] }
        guard !fields.isEmpty else { return nil }
        var header = TableHeaderLine.empty
        for field in fields {
            guard let line = TableHeaderLine(field), line.formLabel == nil || fields.count == 1 else { return nil }
            header.merge(line)
        }
        return header
    }

    /// Attaches the footnote (`注：…`, `说明：…`, continuation `2. …`) and a no-data statement that follow the grid.
    private func collectNotes(of table: inout LocatedTable) {
        var index = table.endIndex + 1
        var inFootnote = false
        while index < text.count {
            if text.isBlank(index) || isPageFooter(index) {
                index += 1
                continue
            }
            if isGridRow(index) || TableTitles.table(named: text.lines[index]) != nil { break }
            let label = text.label(index)
            let line = TextLine(text: text.lines[index].trimmedSpaces(), source: text.location(index))
            if Self.startsNote(label) {
                if Self.isNoDataStatement(label) && table.noDataStatement == nil { table.noDataStatement = line }
                table.notes.append(line)
                inFootnote = true
            } else if inFootnote, let ordinal = TextNormalization.leadingOrdinal(label), ordinal.style == .arabic,
                label.utf8.count < 600
            {
                table.notes.append(line)
            } else if Self.isNoDataStatement(label), table.noDataStatement == nil {
                table.noDataStatement = line
                inFootnote = false
            } else {
                break
            }
            table.endIndex = index
            index += 1
        }
    }

    /// `本单位没有…故本表无数据`, `2022 年本部门无政府性基金预算财政拨款收入。`
    static func isNoDataStatement(_ label: String) -> Bool {
        guard label.utf8.count < 400 else { return false }
        if label.containsText("无数据") || label.containsText("本表为空") { return true }
        return (label.containsText("本单位") || label.containsText("本部门") || label.containsText("本年度"))
            && (label.containsText("没有") || label.containsText("无"))
    }

    /// A line that is not a grid row but holds an amount (`d.dd`) and is no note, title or sentence: a row
    /// whose cells are not tab-separated.
    private func looksLikeRow(_ index: Int) -> Bool {
        let label = text.label(index)
        guard label.utf8.count <= 400, !label.containsText("。"), TableTitles.table(named: text.lines[index]) == nil,
            !["注", "说明", "备注", "第"].contains(where: { label.hasBytePrefix($0) }), !Self.isNoDataStatement(label)
        else { return false }
        let bytes = Array(label.utf8)
        guard bytes.count >= 4 else { return false }
        for index in 1..<(bytes.count - 2) where bytes[index] == UInt8(ascii: ".") {
            let digit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
            if digit(bytes[index - 1]), digit(bytes[index + 1]), digit(bytes[index + 2]) { return true }
        }
        return false
    }

    private func isPageFooter(_ index: Int) -> Bool {
        let line = text.lines[index]
        guard line.utf8.count < 40, SourceText.footerPage(in: line) != nil else { return false }
        return true
    }

    /// A page number alone on its line (`5`, `- 5 -`, `第5页`): a page break inside the table.
    private func isPageNumber(_ index: Int) -> Bool {
        text.lines[index].utf8.count <= 40 && PageNumberText.isPageNumber(text.lines[index])
    }

    /// Whether the next non-blank line (within three) is a row of amounts of a table — not a header line, not a
    /// title — so that the line before it interrupts the grid rather than ending it.
    private func nextNonBlankIsDataRow(after index: Int) -> Bool {
        var next = index + 1
        var seen = 0
        while next < text.count, seen < 3 {
            defer { next += 1 }
            if text.isBlank(next) { continue }
            seen += 1
            guard text.isGridLine(next) else { continue }
            let grid = GridLine(index: next, line: text.lines[next])
            if headerCells(grid) != nil { return false }
            if TableBuilding.columnNumbers(in: grid) != nil || grid.isColumnNumberRow { return false }
            return grid.keys.contains { key in
                key.contains(".") && key.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "," || $0 == "-") }
            }
        }
        return false
    }

    /// How far after a repeated title its first row of amounts is looked for (its header lines in between).
    private static let copyLookahead = 40

    /// Whether the rows after the title repeated at `index` begin with a row `table` already has (the same code and
    /// label): a second copy of the table pasted under the first, not a continuation page (which goes on with rows
    /// not yet read).
    private func startsCopy(of table: LocatedTable, at index: Int) -> Bool {
        var next = index + 1
        while next < min(text.count, index + Self.copyLookahead) {
            defer { next += 1 }
            if text.isBlank(next) || isPageFooter(next) || isPageNumber(next) { continue }
            guard text.isGridLine(next) else {
                if TableHeaderLine(text.lines[next]) != nil { continue }
                return false
            }
            let grid = GridLine(index: next, line: text.lines[next])
            guard grid.keys.contains(where: Self.isAmount) else { continue }  // a header row
            let label = Self.rowLabel(grid)
            return !label.isEmpty && table.grid.contains { Self.rowLabel($0) == label }
        }
        return false
    }

    /// A row's code and label: its cells that are no amount, joined.
    private static func rowLabel(_ grid: GridLine) -> String {
        grid.keys.filter { !$0.isEmpty && !isAmount($0) }.joined(separator: "|")
    }

    /// `939.31`, `2,946.25`, `-1.50`: a key that is a printed amount.
    private static func isAmount(_ key: String) -> Bool {
        key.contains(".") && key.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "," || $0 == "-") }
    }

    private func nextNonBlankIsGrid(after index: Int) -> Bool {
        var next = index + 1
        while next < text.count {
            if text.isGridLine(next) { return true }
            if !(text.isBlank(next) || TableHeaderLine(text.lines[next]) != nil) { return false }
            next += 1
        }
        return false
    }
}
