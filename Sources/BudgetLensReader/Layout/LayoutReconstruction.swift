import BudgetLensCore

/// Rebuilds a document's text from positioned words: prose line by line, and each public table as
/// tab-separated rows (see ``TableGridBuilder``), so that the text reader reads a PDF exactly as it reads
/// extracted text. Tables run from their title to their note (`注：`), the next title or part heading, across
/// pages; page numbers printed alone at a page's foot are dropped.
struct LayoutReconstruction {
    let source: LayoutSource
    let pages: [LayoutPage]

    private(set) var lines: [SynthesizedLine] = []
    private(set) var notes: [LayoutNote] = []
    /// PDF: the number printed at each page's top or foot (page → printed number), where one is printed.
    private(set) var printedPageNumbers: [Int: Int] = [:]
    /// Each table read, with the pages its rows stand on and whether it ended at a page break (the next page did
    /// not continue it) rather than at its note, the next title or a part heading.
    private(set) var tableSpans: [TableSpan] = []

    struct TableSpan {
        let id: TableID
        let pages: [Int]
        let endsAtPageBreak: Bool
    }

    /// The rebuilt text: the lines joined.
    var text: String { lines.map(\.text).joined(separator: "\n") }

    init(source: LayoutSource, pages: [LayoutPage]) {
        self.source = source
        self.pages = pages
        rebuild()
    }

    private struct OpenTable {
        var id: TableID
        var segments: [TableSegment]
        /// Rows held back until the table's grid is written (header lines such as `单位：万元`).
        var pendingText: [SynthesizedLine] = []
        /// 公开01 or 公开04 whose last row read is its `总计`: the form's last row (DOMAIN §1), so the table is whole and
        /// does not run onto the next page. Rows there are another table's — one whose first page is missing (a
        /// fresh tester's 财政局 PDF without page 8, where 公开02's second page used to be read into 公开01 and lose it).
        var endedByTotal = false
    }

    private mutating func rebuild() {
        var open: OpenTable?
        // Rows of no titled table are being passed over (``noteRowsWithoutTitle(_:after:)``), up to the next row that
        // is no grid row, or a title.
        var skippingRowsWithoutTitle = false
        let pageRows = pages.map { pageRowsWithoutNumbers($0) }
        for (pageIndex, page) in pages.enumerated() {
            let (em, rows) = pageRows[pageIndex]
            let nextRows = pageIndex + 1 < pageRows.count ? pageRows[pageIndex + 1].rows : []
            let tabGap = 1.5 * em
            var index = 0
            if var table = open {
                // A table continues on the next page only when the page starts with its rows.
                if let first = rows.first, continuesTable(first, rows: rows, em: em, table: table) {
                    if table.endedByTotal {
                        close(&open, atPageBreak: true)
                        if first.title == nil {
                            noteRowsWithoutTitle(first, after: table.id)
                            skippingRowsWithoutTitle = true
                        }
                    } else {
                        table.segments.append(TableSegment(page: page.number, em: em, fragments: []))
                        open = table
                    }
                } else {
                    close(&open, atPageBreak: true)
                }
            }
            while index < rows.count {
                let row = rows[index]
                defer { index += 1 }
                // The open table is changed in place (`open!`): a copy taken out and put back would share its arrays,
                // and each row appended would copy the segment's fragments.
                if open != nil {
                    let segmentIsEmpty = open!.segments.last?.fragments.isEmpty == true
                    if endsTable(row, page: page, em: em) {
                        // Ended by the next title or a heading at the top of a page it has no row on: it ended at the
                        // page break, not at its note.
                        close(&open, atPageBreak: segmentIsEmpty && !isNote(row))
                    } else if segmentIsEmpty,  // the cheap test first
                        row.title == open!.id
                    {
                        open!.pendingText.append(textLine(row, tabGap: tabGap))  // a title repeated on a new page
                        continue
                    } else if segmentIsEmpty, TableHeaderLine(Substring(row.joinedText)) != nil {
                        open!.pendingText.append(textLine(row, tabGap: tabGap))
                        continue
                    } else {
                        open!.segments[open!.segments.count - 1].fragments += row.fragments
                        open!.endedByTotal = endsSummaryTable(row, of: open!.id)
                        continue
                    }
                }
                if skippingRowsWithoutTitle {
                    // A title (alone, or with header words on its line) and any row that ends a table stop it.
                    if isGridRow(row, em: em), title(of: row, tabGap: tabGap) == nil, !endsTable(row, page: page, em: em) {
                        continue
                    }
                    skippingRowsWithoutTitle = false
                }
                if let (id, titleLines) = title(of: row, tabGap: tabGap),
                    startsTable(after: index, in: rows, em: em)
                        // A title at the foot of a page whose rows are on the next (a browser's print): the rows
                        // after it on this page, then the next page's.
                        || (!nextRows.isEmpty && startsTable(after: index, in: rows + nextRows.prefix(8), em: em))
                {
                    lines += titleLines
                    open = OpenTable(id: id, segments: [TableSegment(page: page.number, em: em, fragments: [])])
                    continue
                }
                lines.append(textLine(row, tabGap: tabGap))
            }
        }
        close(&open)
    }

    /// A page's visual rows and its em, the page number left out (and kept in `printedPageNumbers`).
    private mutating func pageRowsWithoutNumbers(_ page: LayoutPage) -> (em: Double, rows: [VisualRow]) {
        let builder = VisualRowBuilder(page: page, source: source)
        var rows: [VisualRow] = []
        for row in builder.rows(of: page) {
            guard isPageNumber(row, page: page) else {
                rows.append(row)
                continue
            }
            // `7`, `- 7 -`, `第7页，共25页`: the first run of digits.
            let key = TextNormalization.layoutKey(row.joinedText)
            let digits = key.drop { !($0.isASCII && $0.isNumber) }.prefix { $0.isASCII && $0.isNumber }
            if digits.count <= 4, let number = Int(digits) {
                printedPageNumbers[page.number] = number
            }
        }
        // Layout text: a page number alone on the page's last line (`6` under a table continued overleaf, `- 6 -`,
        // `第6页，共25页`, `6/25`; on a page blank but for it too), or on its first line when it is marked as one
        // (bare digits there may be a code).
        if source == .layoutText, let last = rows.last, isLayoutPageNumber(last, bareAllowed: true) {
            rows.removeLast()
        }
        if source == .layoutText, let first = rows.first, isLayoutPageNumber(first, bareAllowed: false) {
            rows.removeFirst()
        }
        return (builder.em, rows)
    }

    /// A layout-text row that is a page number: marked as one (`第6页，共25页`, `- 6 -`, `6/25`), or, where
    /// `bareAllowed`, up to three digits alone (never `1 2 3`, a 栏次 row).
    private func isLayoutPageNumber(_ row: VisualRow, bareAllowed: Bool) -> Bool {
        let text = row.joinedText
        guard text.utf8.count <= 40, PageNumberText.isPageNumber(text) else { return false }
        if PageNumberText.isMarked(text) { return true }
        return bareAllowed && row.fragments.count == 1 && row.fragments[0].kind == .digits
            && row.fragments[0].text.count <= 3
    }

    /// Writes the open table's rows and forgets it.
    private mutating func close(_ open: inout OpenTable?, atPageBreak: Bool = false) {
        guard let table = open else { return }
        open = nil
        let pages = table.segments.filter { !$0.fragments.isEmpty }.map(\.page)
        tableSpans.append(TableSpan(id: table.id, pages: pages, endsAtPageBreak: atPageBreak))
        lines += table.pendingText
        var grid = TableGridBuilder(table: table.id, source: source)
        lines += grid.build(table.segments.filter { !$0.fragments.isEmpty })
        notes += grid.notes
    }

    /// A prose line: the fragments, a tab where a wide gap separates them, a space where a visible one does.
    private func textLine(_ row: VisualRow, tabGap: Double) -> SynthesizedLine {
        textLine(row.fragments, page: row.page, tabGap: tabGap)
    }

    /// ``textLine(_:tabGap:)`` of a row of these fragments on `page` (a fragment of a title's line written alone).
    private func textLine(_ fragments: [Fragment], page: Int, tabGap: Double) -> SynthesizedLine {
        var line = SynthesizedLine(page: page)
        let spaceGap = source == .pdf ? 3.0 : 0.5
        // A heading spaced out across the line (`第一部分      …概况`) is one line of prose, not a row.
        let isHeading = fragments.first.map { LayoutReconstruction.isPartMarker($0.text) } ?? false
        for (index, fragment) in fragments.enumerated() {
            if index > 0 {
                let gap = fragment.x0 - fragments[index - 1].x1
                line.append(gap >= tabGap && !isHeading ? "\t" : gap > spaceGap ? " " : "", origin: nil)
            }
            line.append(fragment.text, origin: fragment.origin)
        }
        return line
    }

    /// The table a row names, and the lines to write for it: the title alone, then any header words printed
    /// on the same line (`公开01表`, `单位：万元`).
    private func title(of row: VisualRow, tabGap: Double) -> (TableID, [SynthesizedLine])? {
        // A title holds `表` (``TableTitles/table(named:)`` needs its bytes): a row without it, nor any of its
        // fragments, names none.
        guard row.joinedText.containsText("表") else { return nil }
        if let id = row.title { return (id, [textLine(row, tabGap: tabGap)]) }
        for (index, fragment) in row.fragments.enumerated() {
            guard let id = TableTitles.table(named: fragment.text) else { continue }
            let others = row.fragments.enumerated().filter { $0.offset != index }.map(\.element)
            guard others.allSatisfy({ TableHeaderLine(Substring($0.text)) != nil }) else { return nil }
            var result = [
                textLine([fragment], page: row.page, tabGap: tabGap)
            ]
            for other in others {
                result.append(
                    textLine([other], page: row.page, tabGap: tabGap))
            }
            return (id, result)
        }
        return nil
    }

    /// A title starts a table when, after header lines, a row of several cells follows before any other title
    /// (a 目录 entry or a narrative heading is followed by prose or by another entry).
    private func startsTable(after index: Int, in rows: [VisualRow], em: Double) -> Bool {
        var next = index + 1
        var seen = 0
        while next < rows.count, seen < 4 {
            let row = rows[next]
            if row.title != nil { return false }
            if TableHeaderLine(Substring(row.joinedText)) == nil {
                if isGridRow(row, em: em) { return true }
                seen += 1
            }
            next += 1
        }
        return false
    }

    /// Several fragments apart on one line, or a code or amount: a table row.
    private func isGridRow(_ row: VisualRow, em: Double) -> Bool {
        if row.fragments.count >= 2 {
            return zip(row.fragments, row.fragments.dropFirst()).contains { $1.x0 - $0.x1 >= 1.5 * em }
        }
        return row.fragments.first.map { $0.kind != .text } ?? false
    }

    /// Whether a page's first row carries on the table open at the end of the previous page: a grid row, or
    /// cells under the table's columns (a 公开04 continuing with its 支出 labels alone).
    private func continuesTable(_ row: VisualRow, rows: [VisualRow], em: Double, table: OpenTable) -> Bool {
        if row.title != nil { return true }  // checked against the id later
        if endsTable(row, page: nil, em: em) { return false }
        if isGridRow(row, em: em) || rows.dropFirst().prefix(2).contains(where: { isGridRow($0, em: em) }) {
            return true
        }
        let previous = table.segments.flatMap(\.fragments)
        let widest = previous.map(\.width).max() ?? 0
        return row.fragments.allSatisfy { fragment in
            fragment.width <= 1.2 * widest && previous.contains { $0.overlap(fragment.x0, fragment.x1) > 0 }
        }
    }

    /// Rows at the top of a page after a table that ended with its `总计` row on the page before: no table's, as
    /// its title's page is not there (a page removed). A warning says so; they are not read, nor written (written,
    /// the text reader would read them as more rows of the table above).
    private mutating func noteRowsWithoutTitle(_ row: VisualRow, after id: TableID) {
        guard let first = row.fragments.first else { return }
        notes.append(
            LayoutNote(
                code: "layout.rows-without-title",
                message: "第\(row.page)页开头的表格行不属于任何有表题的表（上一页的\(id.formID)已以“总计”行结束）：未读取——"
                    + "是否缺少某表的首页？ — the table rows at the top of page \(row.page) belong to no titled table (\(id.formID) "
                    + "on the page before ended with its 总计 row): they are not read — is a table's first page missing?",
                table: nil, page: row.page, origin: first.origin, severity: .warning))
    }

    /// Whether `row` is the `总计` row that ends 公开01 or 公开04 (its first cell `总计`; DOMAIN §1: the last row of
    /// both forms).
    private func endsSummaryTable(_ row: VisualRow, of id: TableID) -> Bool {
        guard id == .incomeExpenditureSummary || id == .appropriationSummary, let first = row.fragments.first,
            first.kind == .text, first.text.utf8.count <= 16
        else { return false }
        return TextNormalization.layoutKey(first.text) == "总计"
    }

    /// A table ends at its note (`注：`, `说明：`), another table's title, a part heading, or a prose line
    /// running across the page.
    private func endsTable(_ row: VisualRow, page: LayoutPage?, em: Double) -> Bool {
        let joined = row.joinedText
        // A row that starts with an amount or digits is no note, part heading or statement: its key starts with a
        // figure or a dash. Only the others are keyed.
        if row.fragments.first?.kind == .text {
            let key = TextNormalization.layoutKey(joined)
            if LayoutReconstruction.startsNote(key) { return true }
            if LayoutReconstruction.isPartMarker(key), key.count <= 60 { return true }
            // A no-data statement alone under the grid (`本单位没有使用…，故本表无数据`, no `注：`): words only.
            if row.fragments.allSatisfy({ $0.kind == .text }), TableLocator.isNoDataStatement(key) { return true }
        }
        if row.title != nil { return true }
        if let page, row.fragments.count == 1, let only = row.fragments.first, only.kind == .text,
            page.width > 0, only.width > 0.6 * page.width, source == .pdf
        {
            return true
        }
        return false
    }

    /// A table's note (`注：`, `说明：`, `备注：`) or no-data statement: the table's own end.
    private func isNote(_ row: VisualRow) -> Bool {
        let key = TextNormalization.layoutKey(row.joinedText)
        return LayoutReconstruction.startsNote(key) || TableLocator.isNoDataStatement(key)
    }

    /// Whether a key starts with `注:`, `说明:` or `备注:`. None of 注 说 明 备 : has another canonically equal scalar
    /// (Python's `unicodedata`), so a key that starts with one of them starts with its bytes: the `Character`
    /// comparison runs only where the bytes match (a note; most rows are ruled out by a `memcmp`).
    static func startsNote(_ key: String) -> Bool {
        for word in noteWords where key.hasBytePrefix(word) && key.hasPrefix(word) { return true }
        return false
    }

    private static let noteWords = ["注:", "说明:", "备注:"]

    /// `第一部分` … `第九部分` at the start of a text.
    static func isPartMarker(_ text: String) -> Bool {
        // The key starts with `第` only if the text's first scalar that the key keeps is `第` (no other scalar is
        // canonically equivalent to it): most texts are ruled out without building the key.
        guard text.unicodeScalars.first(where: { !TextNormalization.isDroppedFromKey($0.value) }) == "第" else {
            return false
        }
        let key = TextNormalization.layoutKey(text)
        guard key.hasPrefix("第"), let end = key.byteRange(of: "部分") else { return false }
        return TextNormalization.chineseNumeral(key[key.index(after: key.startIndex)..<end.lowerBound]) != nil
    }

    /// A page number printed alone (`7`, `- 7 -`, `第 7 页`, `第7页，共25页`) at the top or foot of a page.
    private func isPageNumber(_ row: VisualRow, page: LayoutPage) -> Bool {
        guard source == .pdf, page.height > 0 else { return false }
        let position = row.baseline / page.height
        guard position > 0.88 || position < 0.06 else { return false }
        return PageNumberText.isPageNumber(row.joinedText)
    }
}
