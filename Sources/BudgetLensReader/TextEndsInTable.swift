import BudgetLensCore

/// A document cut at a row or page boundary inside a table (a copy, download or PDF cut short between two whole
/// rows) reads as a complete table with rows missing: its totals then disagree with what is left (false 06-1,
/// 03-2 findings). ``TruncatedLastRow`` and ``CutTableText`` catch a cut *inside* a row; this catches the rest,
/// from the structure of the document alone (issue 9):
///
/// 1. **Nothing after the table.** The text's last non-blank line is a table row (it has a tab: a tab-separated
///    row, or a row of the grid rebuilt from a PDF or `pdftotext -layout` text), and every non-blank line from the
///    last read table's last row to the end is a row: no `注：` note, no next title, no prose, no page of
///    情况说明. (Page numbers are dropped by the layout reconstruction.)
/// 2. **Parts missing after it.** At least one of the nine tables that follow that table in the standard order
///    (公开01…09) is absent from the document (not read, not on a scanned page, not present in a form not read),
///    while a table before it is there or the 目录 lists one of the absent ones: a document read from its start,
///    not an extract of one table (the field cases of a lone 公开07 or 三公 table are extracts and are left alone).
///    公开01 and 公开04 end with their 总计 row: cut right after it, they are whole and left alone.
///
/// A cut that leaves only the next table's title (and its header lines) is ``TextEndsAfterTitle``.
///
/// A complete document ends with 情况说明 or 名词解释 prose, or with a table's note, or its last table is 公开09
/// with the others present: it is never marked. The cut table is not read (present, not read: F-READ reports it,
/// no rule runs on its rows) and a `text.ends-in-table` error says where the file ends.
enum TextEndsInTable {
    /// Removes the cut table and records ``Disclosure/truncatedTableProblem``.
    ///
    /// - Parameters:
    ///   - lines: The lines the text reader parsed (the input's, or the rebuilt grid text's for a PDF or layout
    ///     text), in order.
    ///   - location: The input location of a 0-based index into `lines`.
    static func mark(_ disclosure: inout Disclosure, lines: [String], location: (Int) -> SourceLocation) {
        guard !disclosure.problems.contains(where: { $0.code == Disclosure.cutTableProblem }) else { return }
        // A cut that leaves only the next table's title (and its header lines).
        if TextEndsAfterTitle.mark(&disclosure, lines: lines, location: location) { return }
        guard let lastIndex = lines.lastIndex(where: { !isBlank($0) }), lines[lastIndex].contains("\t")
        else { return }
        // The start of the run of rows (and blank lines) the text ends with.
        var runStart = lastIndex
        while runStart > 0, isBlank(lines[runStart - 1]) || lines[runStart - 1].contains("\t") { runStart -= 1 }
        // The table whose rows come last; its last row must lie in that run.
        let ends = disclosure.tables.enumerated().compactMap { index, table -> (position: Position, index: Int)? in
            guard let last = table.rows.map({ position($0.source) }).max() else { return nil }
            return (last, index)
        }
        guard let last = ends.max(by: { $0.position < $1.position }) else { return }
        let end = location(lastIndex)
        guard position(location(runStart)) <= last.position, last.position <= position(end) else { return }
        let table = disclosure.tables[last.index]
        let present = Set(disclosure.tables.map(\.id)).union(disclosure.unreadableTables)
            .union(disclosure.notUnderstoodTables)
        let absentAfter = TableID.allCases.filter { $0 > table.id && !present.contains($0) }
        // A document read from its start (a table before it is there, or the 目录 lists a table after it: a cut
        // inside 公开01), not an extract of one or two tables.
        let listedAfter = disclosure.tableOfContents.contains { entry in
            TableTitles.table(named: entry.text).map(absentAfter.contains) == true
        }
        guard !absentAfter.isEmpty, listedAfter || disclosure.tables.contains(where: { $0.id < table.id }) else { return }
        // 公开01 and 公开04 end with their 总计 row: a file cut right after it holds the whole table.
        if [TableID.incomeExpenditureSummary, .appropriationSummary].contains(table.id),
            let lastRow = table.rows.max(by: { position($0.source) < position($1.source) }), lastRow.item.contains("总计")
        {
            return
        }
        disclosure.tables.remove(at: last.index)
        // Notes about the removed table's rows (a code run into its label, an amount placed by position) go with it.
        disclosure.problems.removeAll { $0.table == table.id }
        let (place, placeEnglish) = Self.place(end)
        let missing = absentAfter.map(\.formID).joined(separator: "、")
        disclosure.problems.append(
            ReadProblem(
                code: Disclosure.truncatedTableProblem, severity: .error,
                message: "文件在\(table.id.formID)中途结束（\(place)之后无内容；其后的\(missing)也没有），本表未读取 — "
                    + "the file ends inside \(table.id.formID) (nothing after \(placeEnglish), and \(missing), which "
                    + "follow it, are absent): the table is not read, its totals would not match the rows left — "
                    + "was the file cut short?",
                table: table.id, source: end))
    }

    /// `第353行（第16页）` / `line 353 (page 16)`; a PDF's place is its page (the rebuilt text's line means nothing
    /// to a reader).
    static func place(_ source: SourceLocation) -> (chinese: String, english: String) {
        if source.region != nil, let page = source.page { return ("第\(page)页", "page \(page)") }
        let pageNote = source.page.map { ("（第\($0)页）", " (page \($0))") } ?? ("", "")
        return ("第\(source.line)行\(pageNote.0)", "line \(source.line)\(pageNote.1)")
    }

    typealias Position = Pair

    /// (page, line), page 0 when unknown: both grow through a document.
    struct Pair: Comparable {
        let page: Int
        let line: Int
        static func < (a: Pair, b: Pair) -> Bool { (a.page, a.line) < (b.page, b.line) }
    }

    static func position(_ source: SourceLocation) -> Position { Pair(page: source.page ?? 0, line: source.line) }

    static func isBlank(_ line: String) -> Bool {
        line.unicodeScalars.allSatisfy { $0.properties.isWhitespace || $0 == "\u{0C}" }
    }
}
