import BudgetLensCore

/// Rewrites the tables of page text — pdfplumber's `extract_text()` (cells separated by single spaces, blank
/// cells dropped, labels wrapped, pages separated by form feeds) — as the tab-separated rows the text reader
/// reads, placing each amount in its column by the table's identities (``ColumnPlacement``,
/// ``HierarchyPlacement``). Lines outside tables are kept as they are. Where more than one placement of a code
/// table's row fits, none is picked: the cells they disagree on are left unread (``OpenPlacementResolution``, a
/// `table.ambiguous` warning naming them); a table whose rows cannot be
/// placed at all is left as it was (and reported as not understood).
///
/// See docs/page-text.md.
enum PageTextTables {
    /// The rewritten text: lines, each field's source location, notes.
    struct Rewrite {
        var lines: [String] = []
        var spans: [[(column: Int, location: SourceLocation)]] = []
        var notes: [ReadProblem] = []
        var rewritten: [TableID] = []
        /// The 公开02 columns that 公开01's income rows show money in (col 0, 本年收入合计, always): a cross-table
        /// identity (DOMAIN §1.4–1.5: 公开02's 合计 row = 公开01's income rows), known once 公开01 is read.
        var incomeColumnsWithMoney: Set<Int>? = nil
        /// The 合计 and 类 rows of the code tables rewritten so far (公开04 of raw text is placed by 公开05, 07, 08).
        var codeTotals: RawTextSideBySide.CodeTotals = [:]
        /// The largest amount printed in 公开01's region (its 总计 when it has one), `nil` before it is seen.
        var summaryLargest: Int64? = nil
        /// What 公开04 of raw text, once read, fixes in 公开01 (``RawTextSideBySide/CrossFigures``).
        var summaryFigures: RawTextSideBySide.CrossFigures? = nil
        /// Every row of the code tables rewritten so far with certain columns (raw 公开03 is held to 公开05's,
        /// ``RawTextColumnChains/codeRows(_:)``).
        var codeRows: [TableID: [String: [Int64]]] = [:]
        /// Set when a code table's amounts are left to ``RawTextColumnChains`` on the second pass
        /// (公开03, once 公开05 is read).
        var chainsDeferred = false
        /// 公开09 rows whose amounts fit several placements, decided once the text is read.
        var threePublicChoices: [ThreePublicResolution.Choice] = []
        /// Code-table rows whose amounts fit several placements the table does not decide, decided (or left
        /// unread) once the text is read (``OpenPlacementResolution``).
        var openRows: [OpenPlacementResolution.OpenRow] = []
        /// 公开06 codes whose amounts an open placement could give to either block: left unread once the text is read.
        var openCodes: [OpenPlacementResolution.OpenCodes] = []
        /// Raw 公开01 cells the readings left place differently: left unread once the text is read.
        var openItems: [OpenPlacementResolution.OpenItems] = []

        mutating func append(_ fields: [(text: String, location: SourceLocation)]) {
            var text = ""
            // The line's bytes (fields and tabs) reserved at once: appended field by field, it grew step by step.
            text.reserveCapacity(fields.reduce(fields.count) { $0 + $1.text.utf8.count })
            var line: [(column: Int, location: SourceLocation)] = []
            line.reserveCapacity(fields.count)
            var column = 1
            for (index, field) in fields.enumerated() {
                if index > 0 {
                    text += "\t"
                    column += 1
                }
                line.append((column, field.location))
                text += field.text
                column += scalarCount(field.text)
            }
            lines.append(text)
            spans.append(line)
        }

        /// One line of prose from pieces written one after another (no tab between them), each traced to its source.
        mutating func appendJoined(_ pieces: [(text: String, location: SourceLocation)]) {
            var text = ""
            var line: [(column: Int, location: SourceLocation)] = []
            var column = 1
            for piece in pieces {
                line.append((column, piece.location))
                text += piece.text
                column += scalarCount(piece.text)
            }
            lines.append(text)
            spans.append(line)
        }

        /// `text.unicodeScalars.count`, on the bytes: each scalar has one UTF-8 byte that is no continuation byte
        /// (`10xxxxxx`), and a `String` holds valid UTF-8.
        private func scalarCount(_ text: String) -> Int {
            text.withUTF8Bytes { bytes in
                var count = 0
                for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
                return count
            }
        }
    }

    /// Longest table region looked at, in lines.
    static let regionLimit = 600

    /// The rewritten text, or `nil` when no table could be rewritten.
    static func rewrite(lines fileLines: [Substring], file: String) -> Rewrite? {
        var titles = TrailingTitles(fileLines)
        return rewrite(lines: fileLines, file: file, titles: &titles)
    }

    /// The same with the trailing titles of `fileLines` found so far (``TrailingTitles``, kept by the reader for
    /// its passes over the same lines): a line no page break splits is the file's line, and both share its title.
    static func rewrite(lines fileLines: [Substring], file: String, titles fileTitles: inout TrailingTitles) -> Rewrite? {
        let (lines, origins) = splitAtPageBreaks(fileLines)
        // The rewrite's lines that are whole lines of the file.
        let whole = lines.indices.filter {
            origins[$0].column == 1 && lines[$0].endIndex == fileLines[origins[$0].line].endIndex
        }
        var titles = TrailingTitles(lines)
        for index in whole { titles.share(index, with: fileTitles, at: origins[index].line) }
        defer { for index in whole { fileTitles.share(origins[index].line, with: titles, at: index) } }
        var pages: [Int] = []
        var page = 1
        for line in lines {
            page += line.countOfByte(0x0C)
            pages.append(page)
        }
        func location(_ line: Int, _ column: Int) -> SourceLocation {
            SourceLocation(
                file: file, line: origins[line].line + 1, column: origins[line].column + column - 1, page: pages[line])
        }
        // Where each line starts a table, worked out once: the loop below asks again at each region's end.
        let starts = lines.indices.map { index in tableStart(lines, at: index, title: { titles.title(lines, $0) }) }
        var output = Rewrite()
        // Tables tried again once the whole text is rewritten (raw 公开04, placed by the code tables after it).
        var deferred: [Deferred] = []
        var firstTitles: [TableID: SourceLocation] = [:]  // where each table's first copy (read or placed) starts
        var index = 0
        var consumedPrefix: Int? = nil  // a title line whose text before the title ended the table above
        while index < lines.count {
            guard let (id, titleStart) = starts[index] else {
                // Prose whose figures were printed on a baseline of their own: joined again.
                if index + 1 < lines.count, let pieces = DetachedFigures.join(lines[index], figures: lines[index + 1]) {
                    output.appendJoined(pieces.map { ($0.text, location(index + $0.lineOffset, $0.column)) })
                    index += 2
                    continue
                }
                output.append([(String(lines[index]), location(index, 1))])
                index += 1
                continue
            }
            let line = lines[index]
            let prefix = line[..<titleStart]
            if !prefix.allSatisfy(\.isWhitespace), consumedPrefix != index { output.append([(String(prefix), location(index, 1))]) }
            let titleColumn = line[..<titleStart].unicodeScalars.count + 1
            var end = index + 1
            // A region ends at a note (`注：`, `说明：`), a part heading or the next table.
            while end < lines.count, end - index < regionLimit, !(startsNote(lines[end]) || starts[end] != nil) { end += 1 }
            let region = (index + 1)..<end
            // `总计 2,995.39 总计 2,995.39收入决算表`: the rows before the next title end this table.
            var tail: Substring? = nil
            if end < lines.count, let (_, nextStart) = starts[end] {
                let prefix = lines[end][..<nextStart]
                if !prefix.allSatisfy(\.isWhitespace), !startsNote(prefix) { tail = prefix }
            }
            if id == .incomeExpenditureSummary {
                let words = (region.map { lines[$0] } + followingLines(lines, after: region)).flatMap {
                    PageTextToken.tokens(of: $0, index: 0)
                }
                output.summaryLargest = words.compactMap(\.amount).max() ?? 0
            }
            var table = Rewrite()
            table.incomeColumnsWithMoney = output.incomeColumnsWithMoney
            let title = (String(line[titleStart...]), location(index, titleColumn))
            table.append([title])
            /// The title, then the region's lines as printed (a table not rewritten).
            func writeAsPrinted() {
                output.lines += table.lines.prefix(1)
                output.spans += table.spans.prefix(1)
                for line in region { output.append([(String(lines[line]), location(line, 1))]) }
                if let tail { output.append([(String(tail), location(end, 1))]) }
            }
            // Raw 公开06 is held to 公开05's 基本支出 when 公开05 was read.
            let before = id.shape == .economic ? output.codeTotals : nil
            if let first = firstTitles[id] {
                // A table's second copy (a text joined twice, a table pasted again) is not placed: only the first is
                // read, a `table.duplicate` warning naming both, and the searches run once a table, however many
                // copies the text holds.
                output.notes.append(.duplicateTable(id, at: title.1, first: first))
                writeAsPrinted()
            } else if write(id, lines: lines, region: region, tail: tail, totals: before, location: location, into: &table) {
                firstTitles[id] = title.1
                output.lines += table.lines
                output.spans += table.spans
                output.notes += table.notes
                output.rewritten.append(id)
                output.threePublicChoices += table.threePublicChoices
                output.openRows += table.openRows
                output.openCodes += table.openCodes
                output.openItems += table.openItems
                output.incomeColumnsWithMoney = table.incomeColumnsWithMoney
                // A row left open is not certain: only the total column is kept then (with amounts ≥ 0 the total is
                // the row's first amount under every placement).
                let certain = table.openRows.isEmpty && table.openItems.isEmpty
                if id.shape == .functional, let totals = codeTotals(table.lines, certain: certain) { output.codeTotals[id] = totals }
                if id.shape == .functional, certain, let rows = RawTextColumnChains.codeRows(table.lines) { output.codeRows[id] = rows }
            } else {
                let unplaced = table.notes.filter { ["page-text.row-unplaced", "page-text.placement-ambiguous"].contains($0.code) }
                // Raw 公开01 left open by its own identities is tried again once 公开04 is read (its notes said then).
                // Raw 公开03 whose amounts need column chains is read once 公开05 is (RawTextColumnChains, DOMAIN X-12).
                let reopen = id == .incomeExpenditureSummary && unplaced.contains { $0.code == "page-text.placement-ambiguous" }
                    || table.chainsDeferred
                // A copy of the table (read later, or its placement said): later copies are not placed. A title
                // whose lines are no table (a sentence ending in a title) is no copy.
                if id == .appropriationSummary || reopen || !unplaced.isEmpty { firstTitles[id] = title.1 }
                if id == .appropriationSummary || reopen {
                    deferred.append(Deferred(
                        id: id, title: title, region: region, tail: tail, lines: output.lines.count, notes: reopen ? unplaced : []))
                }
                if !reopen { output.notes += unplaced }
                writeAsPrinted()
            }
            if let last = deferred.indices.last, deferred[last].region == region {
                deferred[last].lines = deferred[last].lines.lowerBound..<output.lines.count
            }
            consumedPrefix = tail != nil ? end : nil
            index = end
        }
        // Raw 公开04 with amounts, once 公开05, 07 and 08 are read; then 公开01 with what 公开04 fixes in it (last
        // first: the line ranges stay valid, and 公开04 follows 公开01).
        for entry in deferred.reversed() {
            var table = Rewrite()
            table.append([entry.title])
            let read: Bool
            if entry.id == .income {
                // 公开02's 合计 财政拨款收入 = 公开04's 本年收入合计, where 公开04 was read.
                read = write(entry.id, lines: lines, region: entry.region, tail: entry.tail,
                    floors: RawTextColumnChains.incomeFloors(output.summaryFigures), chainsNow: true, location: location,
                    into: &table)
            } else if entry.id == .expenditure {
                // Held to 公开05 where it was read with certain columns, else by its own identities alone.
                read = write(entry.id, lines: lines, region: entry.region, tail: entry.tail,
                    floors: output.codeRows[.generalBudgetExpenditure] ?? [:], chainsNow: true, location: location,
                    into: &table)
            } else if entry.id == .incomeExpenditureSummary {
                guard let figures = output.summaryFigures else {
                    output.notes += entry.notes
                    continue
                }
                read = write(entry.id, lines: lines, region: entry.region, tail: entry.tail, cross: figures,
                    location: location, into: &table)
            } else {
                guard !output.codeTotals.isEmpty else { continue }
                read = write(entry.id, lines: lines, region: entry.region, tail: entry.tail, totals: output.codeTotals,
                    summaryLargest: output.summaryLargest, location: location, into: &table)
                if read { output.summaryFigures = table.summaryFigures }
            }
            if read {
                output.lines.replaceSubrange(entry.lines, with: table.lines)
                output.spans.replaceSubrange(entry.lines, with: table.spans)
                output.notes += table.notes
                output.openItems += table.openItems
                output.rewritten.append(entry.id)
            } else {
                output.notes += table.notes.filter { ["page-text.row-unplaced", "page-text.placement-ambiguous"].contains($0.code) }
            }
        }
        // A table left unread because two readings remain, or none, is still said, even when no other table was
        // rewritten.
        let open = output.notes.contains { ["page-text.placement-ambiguous", "page-text.row-unplaced"].contains($0.code) }
        return output.rewritten.isEmpty && !open ? nil : output
    }

    /// The lines with a page break inside a line made two lines: pages joined by a bare form feed put the last line
    /// of one page and the first of the next on one line (`…情况说明\f九、国有资本…`, `第四部分 名词解释\f第一部分…`).
    /// The form feed starts the second line. Each line's origin (line index and column in the file) is kept.
    static func splitAtPageBreaks(_ lines: [Substring]) -> (lines: [Substring], origins: [(line: Int, column: Int)]) {
        var pieces: [Substring] = []
        var origins: [(line: Int, column: Int)] = []
        pieces.reserveCapacity(lines.count)
        for (index, line) in lines.enumerated() {
            // A form feed is a `Character` of its own (a control), so a line without its byte has none.
            guard line.containsByte(0x0C) else {
                pieces.append(line)
                origins.append((index, 1))
                continue
            }
            var start = line.startIndex
            var column = 1
            var cursor = line.startIndex
            while cursor < line.endIndex, let formFeed = line[cursor...].firstIndex(of: "\u{0C}") {
                if formFeed > start {
                    pieces.append(line[start..<formFeed])
                    origins.append((index, column))
                    column += line[start..<formFeed].unicodeScalars.count
                    start = formFeed
                }
                cursor = line.index(after: formFeed)
            }
            pieces.append(line[start...])
            origins.append((index, column))
        }
        return (pieces, origins)
    }

    /// The table whose title ends line `index` and whose content follows, and where the title starts.
    private static func tableStart(_ lines: [Substring], at index: Int) -> (TableID, Substring.Index)? {
        tableStart(lines, at: index, title: { UnreadTables.trailingTitle(lines[$0]) })
    }

    /// The same, the trailing title of line `n` (``UnreadTables/trailingTitle(_:)``) given by `title(n)`.
    private static func tableStart(
        _ lines: [Substring], at index: Int, title: (Int) -> TableID?
    ) -> (TableID, Substring.Index)? {
        let line = lines[index]
        guard line.utf8.count <= 240, line.containsText("表"), let id = title(index),
            UnreadTables.startsTableContent(lines, after: index, title: title)
        else { return nil }
        // The longest suffix of the line that is the title.
        var start = line.startIndex
        var best: Substring.Index? = nil
        var steps = 0
        while start < line.endIndex, steps < 240 {
            if line.distance(from: start, to: line.endIndex) <= 40, TableTitles.table(named: line[start...]) == id {
                best = start
                break
            }
            start = line.index(after: start)
            steps += 1
        }
        guard let best else { return nil }
        return (id, best)
    }

    /// A note (`注：`, `说明：`) or a part heading: the end of a table.
    private static func startsNote(_ line: Substring) -> Bool {
        let line = line.drop { $0.isWhitespace || $0 == "\u{0C}" }
        // Each prefix starts with 注, 说 or 第, and no other scalar is canonically equivalent to one of them.
        guard let first = line.unicodeScalars.first, first == "注" || first == "说" || first == "第" else { return false }
        return ["注：", "注:", "说明：", "说明:", "第三部分", "第四部分"].contains { line.hasPrefix($0) }
    }

    /// A table not read on the first pass, to be tried again: its title, region and the output lines it holds.
    private struct Deferred {
        let id: TableID
        let title: (String, SourceLocation)
        let region: Range<Int>
        let tail: Substring?
        var lines: Range<Int>
        /// The notes of the first try, said when the table is not tried again.
        let notes: [ReadProblem]

        init(id: TableID, title: (String, SourceLocation), region: Range<Int>, tail: Substring?, lines: Int, notes: [ReadProblem] = []) {
            self.id = id
            self.notes = notes
            self.title = title
            self.region = region
            self.tail = tail
            self.lines = lines..<lines
        }
    }

    /// The 合计 and 类 rows of a rewritten code table (`科目编码 | 科目名称 | amounts…`): each row's amounts in 分,
    /// blank 0, only the first (total) column when the placement is not `certain`; `nil` when a field is no amount
    /// or an amount is negative.
    private static func codeTotals(_ lines: [String], certain: Bool) -> [String: [Int64?]]? {
        var totals: [String: [Int64?]] = [:]
        for line in lines {
            let fields = TabFields.split(line)
            guard fields.count >= 3 else { continue }
            let isClass = TabFields.isDigits(fields[0], count: 3)
            guard isClass || (fields[0].isEmpty && fields[1] == "合计") else { continue }
            var values: [Int64?] = []
            for field in fields.dropFirst(2) {
                if field.isEmpty {
                    values.append(certain || values.isEmpty ? 0 : nil)
                    continue
                }
                guard let token = PageTextToken.tokens(of: field, index: 0).first, let value = token.amount, value >= 0,
                    token.text.count == field.count
                else { return nil }
                values.append(certain || values.isEmpty ? value : nil)
            }
            totals[isClass ? String(fields[0]) : "合计"] = values
        }
        return totals["合计"] == nil ? nil : totals
    }

    /// The lines after a table's region up to the next title, at most `limit`: raw text may print the rest of a table
    /// (an empty table's header, a 总计 and its amount) after its note.
    private static func followingLines(_ lines: [Substring], after region: Range<Int>, limit: Int = 12) -> [Substring] {
        var following: [Substring] = []
        var index = region.upperBound
        while index < lines.count, index < region.upperBound + limit, tableStart(lines, at: index) == nil {
            following.append(lines[index])
            index += 1
        }
        return following
    }

    /// Writes table `id` from the region's lines; `false` when its rows cannot be read from page text.
    private static func write(
        _ id: TableID, lines: [Substring], region: Range<Int>, tail: Substring?, totals: RawTextSideBySide.CodeTotals? = nil,
        summaryLargest: Int64? = nil, cross: RawTextSideBySide.CrossFigures? = nil, floors: [String: [Int64]] = [:],
        chainsNow: Bool = false, location: (Int, Int) -> SourceLocation, into table: inout Rewrite
    ) -> Bool {
        var tokenLines: [[PageTextToken]] = []
        for index in region {
            let line = lines[index]
            if let header = TableHeaderLine(line.drop { $0 == "\u{0C}" }), header.moneyUnit != nil || header.unitName != nil {
                table.append([(String(line.drop { $0 == "\u{0C}" }), location(index, 1))])
                continue
            }
            let tokens = PageTextToken.tokens(of: line, index: index)
            if PageBreakHeaders.isRepeatedHeader(tokens, line: line) { continue }
            // A page break split off its line (``splitAtPageBreaks``): the page number alone before it, the
            // repeated header words after it.
            if PageBreakHeaders.isPageNumberBeforeBreak(tokens, next: index + 1 < region.upperBound ? lines[index + 1] : nil)
                || PageBreakHeaders.isHeaderAfterBreak(tokens, line: line)
                    // `\f本年收入合计` starting a page of 公开04 is its row, not a repeated header.
                    && !(id.shape == .sideBySide && tokens.contains { StandardRows.isStandardRow(String($0.text), in: id) })
            {
                continue
            }
            tokenLines.append(tokens)
        }
        if let tail { tokenLines.append(PageTextToken.tokens(of: tail, index: region.upperBound)) }
        let heading = region.lowerBound..<region.upperBound
        switch id.shape {
        case .functional:
            let before = table
            if FunctionalPageTable.write(id, tokenLines: tokenLines, lines: lines, region: heading, location: location, into: &table) {
                return true
            }
            // Raw `pdftotext` text whose codes, labels and amounts come in blocks (RawTextCodeTable).
            guard RawTextCodeTable.isCellPerLine(tokenLines) else { return false }
            // The lines after the region, up to the next title (raw text may print the rest of an empty table's
            // header after its note).
            let following = followingLines(lines, after: region)
            var blocks = before
            guard RawTextCodeTable.write(
                id, tokenLines: tokenLines, following: following, followingStart: region.upperBound, floors: floors,
                chains: ![.income, .expenditure].contains(id) || chainsNow, location: location, into: &blocks)
            else {
                // A reading left open is said, with both placements (page-text.placement-ambiguous).
                table.notes += blocks.notes.dropFirst(before.notes.count)
                table.chainsDeferred = blocks.chainsDeferred
                return false
            }
            table = blocks
            return true
        case .sideBySide:
            if LineNumberedPageTable.write(id, tokenLines: tokenLines, location: location, into: &table)
                || SideBySidePageTable.write(id, tokenLines: tokenLines, location: location, into: &table)
            {
                return true
            }
            // Raw `pdftotext` text: labels and amounts detached (RawTextSideBySide).
            guard RawTextCodeTable.isCellPerLine(tokenLines) else { return false }
            let following = followingLines(lines, after: region).enumerated().map {
                PageTextToken.tokens(of: $1, index: region.upperBound + $0)
            }
            return RawTextSideBySide.write(
                id, tokenLines: tokenLines, following: following, totals: totals, summaryLargest: summaryLargest, cross: cross,
                location: location,
                into: &table)
        case .economic:
            // Raw `pdftotext` text: amounts placed by the identities alone (RawTextEconomicTable).
            let basicTotal = totals?[.generalBudgetExpenditure]?["合计"].flatMap { $0.count > 1 ? $0[1] : nil }
            return EconomicPageTable.write(id, tokenLines: tokenLines, location: location, into: &table)
                || EconomicRecordPageTable.write(id, tokenLines: tokenLines, lines: lines, location: location, into: &table)
                || RawTextEconomicTable.write(
                    id, tokenLines: tokenLines,
                    // Raw text prints the rest of the codes and amounts after the note.
                    following: followingLines(lines, after: region, limit: RawTextEconomicTable.followingLimit).enumerated().map {
                        PageTextToken.tokens(of: $1, index: region.upperBound + $0)
                    },
                    basicTotal: basicTotal, location: location, into: &table)
        case .singleRow:
            let notesBefore = table.notes.count
            if ThreePublicPageTable.write(id, tokenLines: tokenLines, location: location, into: &table) { return true }
            // Raw `pdftotext`: amounts may run on after the note.
            guard RawTextCodeTable.isCellPerLine(tokenLines) else { return false }
            // Twelve amounts a blank line apart, and the note's own lines: 40 lines.
            let late = followingLines(lines, after: region, limit: 40).enumerated().map {
                PageTextToken.tokens(of: $1, index: region.upperBound + $0)
            }.filter { $0.count == 1 && $0[0].amount != nil }.map { $0[0] }
            // Read whole with its late amounts: the first try's note (its amounts alone fit no placement) is dropped.
            var completed = table
            completed.notes.removeLast(completed.notes.count - notesBefore)
            guard ThreePublicPageTable.writeRaw(id, tokenLines: tokenLines, late: late, location: location, into: &completed)
            else { return false }
            table = completed
            return true
        }
    }
}
