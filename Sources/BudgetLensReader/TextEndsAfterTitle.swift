import BudgetLensCore

/// A document cut just after a table's title (a copy, download or PDF cut short at a page break): the title of
/// the next table survives, with at most its header lines (`单位：万元`, column headings), and no row after it.
/// Before, the table was either not found at all (F-TOC called it missing) or reported as "title present, rows
/// not in a form read" (`table.not-understood`), which blames the form instead of the cut (issue 9, criterion 4:
/// "a document read only in part says so").
///
/// The text's last non-blank lines are a table title followed only by header-like lines (no amount, no `注`
/// note, no 本表无数据 statement — an empty table printed whole is read as a table and never reaches here), the
/// title comes after the 目录 and after every row read, and the document was read from its start (a table before
/// it was read, or the 目录 lists it). The table is then present but not read: a `text.ends-in-table` error
/// naming the title's line (and page), F-READ reports it, `cells` exits 1. DOMAIN §1 (the nine tables).
enum TextEndsAfterTitle {
    /// How many header lines may follow the title (a unit line and a few heading rows).
    static let maximumHeaderLines = 8

    /// Records the cut and returns `true` when `lines` end just after a table's title; else `false`, unchanged.
    ///
    /// - Parameters:
    ///   - lines: The lines the text reader parsed (the input's, or the rebuilt grid text's for a PDF or layout
    ///     text), in order.
    ///   - location: The input location of a 0-based index into `lines`.
    static func mark(_ disclosure: inout Disclosure, lines: [String], location: (Int) -> SourceLocation) -> Bool {
        guard let found = trailingTitle(lines) else { return false }
        let id = found.table
        guard !disclosure.unreadableTables.contains(id) else { return false }
        // Read as a table of header lines only (the layout reader's grid keeps the headings' tabs): nothing of it.
        let holdsNothing = disclosure.table(id).map(Self.holdsNothing)
        guard holdsNothing != false else { return false }
        let titleSource = location(found.index)
        // After the 目录 (its entries are titles too) and after every row read. A title located in the text as
        // given (page text: its rows were read from rewritten lines that know their page) is compared by line.
        let position = { (source: SourceLocation) in
            titleSource.page == nil ? TextEndsInTable.Pair(page: 0, line: source.line) : TextEndsInTable.position(source)
        }
        let title = position(titleSource)
        let contents = disclosure.tableOfContents.map { position($0.source) }
        let rows = disclosure.tables.filter { $0.id != id }.flatMap { $0.rows.map { position($0.source) } }
        guard contents.allSatisfy({ $0 < title }), rows.allSatisfy({ $0 < title }) else { return false }
        // A document read from its start: a table before it read, or the 目录 listing it.
        let listed = disclosure.tableOfContents.contains { TableTitles.table(named: $0.text) == id }
        guard listed || disclosure.tables.contains(where: { $0.id < id }) else { return false }
        // An empty table printed whole but without its 本表无数据 note may end a complete document: a table read
        // with nothing in it is taken as cut only when another table is absent (Shanghai prints 三公 before 07
        // and 08, so any other), or the 目录 lists something after it (a part the text does not reach).
        if holdsNothing == true {
            let others = Set(disclosure.tables.map(\.id)).union(disclosure.unreadableTables)
                .union(disclosure.notUnderstoodTables)
            let entry = disclosure.tableOfContents.firstIndex { TableTitles.table(named: $0.text) == id }
            let listedAfter = entry.map { $0 < disclosure.tableOfContents.count - 1 } ?? false
            guard listedAfter || TableID.allCases.contains(where: { $0 != id && !others.contains($0) })
            else { return false }
            disclosure.tables.removeAll { $0.id == id }
        }
        // Its "title present, rows not read" problem, if the text reader gave one, is replaced by this one.
        disclosure.problems.removeAll { $0.table == id }
        let present = Set(disclosure.tables.map(\.id)).union(disclosure.unreadableTables)
            .union(disclosure.notUnderstoodTables).union([id])
        let absentAfter = TableID.allCases.filter { $0 > id && !present.contains($0) }
        let place = TextEndsInTable.place(titleSource)
        let missing = absentAfter.map(\.formID).joined(separator: "、")
        let after = absentAfter.isEmpty ? ("", "") : ("；其后的\(missing)也没有", "; \(missing), which follow it, are absent")
        disclosure.problems.append(
            ReadProblem(
                code: Disclosure.truncatedTableProblem, severity: .error,
                message: "文件在\(id.formID)的表题之后结束（表题在\(place.chinese)，其后没有表格行\(after.0)），本表未读取 — "
                    + "the file ends after the title of \(id.formID) (the title is at \(place.english), no row follows"
                    + "\(after.1)): the table is present but not read — was the file cut short?",
                table: id, source: titleSource))
        return true
    }

    /// A table read from header lines alone: no cell holds a printed amount (a blank cell reads as 0 with no
    /// text; a heading read as a row keeps its words as text, no amount), and it has no note or 本表无数据 statement.
    private static func holdsNothing(_ table: PublicTable) -> Bool {
        table.noDataStatement == nil && table.notes.isEmpty
            && table.rows.allSatisfy { row in
                row.cells.allSatisfy { $0.value == nil || $0.text.allSatisfy(\.isWhitespace) }
            }
    }

    /// The title among the text's last non-blank lines, when only header-like lines follow it.
    private static func trailingTitle(_ lines: [String]) -> (index: Int, table: TableID)? {
        var index = lines.count - 1
        var headers = 0
        while index >= 0 {
            let line = lines[index]
            if !TextEndsInTable.isBlank(line) {
                if line.utf8.count <= 240, let id = UnreadTables.trailingTitle(Substring(line)) { return (index, id) }
                guard headers < maximumHeaderLines, isHeaderLike(line) else { return nil }
                headers += 1
            }
            index -= 1
        }
        return nil
    }

    /// A unit line or a column heading: no amount (a number with a decimal point), no note, no no-data statement.
    static func isHeaderLike(_ line: String) -> Bool {
        // By bytes when every scalar of the line is a `Character` of its own (``SingleScalarCharacters``): none of
        // these words' scalars has a canonical equivalent (Python `unicodedata`), so the byte search finds what the
        // `Character` search finds; otherwise by `Character` as before.
        let refusals = ["注", "无数据", "没有", "无此"]
        let byBytes = SingleScalarCharacters.holds(for: Substring(line))
        if refusals.contains(where: { byBytes ? line.containsText($0) : line.contains($0) }) { return false }
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" })
        return !words.contains { word in
            word.contains(".") && word.contains(where: { $0.isASCII && $0.isNumber })
                && word.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "," || $0 == "-" }
        }
    }
}

