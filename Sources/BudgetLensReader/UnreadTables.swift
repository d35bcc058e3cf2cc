import BudgetLensCore

/// Finds tables whose title is printed in a text but whose rows the reader could not take as a table: text
/// whose cells are separated by single spaces and whose amounts stand on lines of their own (pdfplumber's
/// `page.extract_text()`, copy-and-paste from a PDF viewer). Such a document must not read as a clean one with
/// no table and no problem: each such table is a reading problem (`table.not-understood`, an error) that names
/// the title's line and says which forms are read instead.
enum UnreadTables {
    /// How many lines after a title are looked at for its header line or a row of amounts.
    private static let lookahead = 4

    /// The problems for the tables of `lines` whose title is followed by table content but that are not
    /// among `read`.
    ///
    /// - Parameters:
    ///   - lines: The text's lines (line feeds removed).
    ///   - file: The file name for source locations.
    ///   - read: The disclosure as read: its tables, and the tables its reader already reported not understood.
    ///   - titles: The trailing titles of `lines` found so far (``TrailingTitles``), kept between the passes over
    ///     the same lines; a fresh memo when not given.
    static func problems(
        lines: [Substring], file: String, read disclosure: Disclosure, titles: inout TrailingTitles
    ) -> [ReadProblem] {
        // Read, or already reported by the parser (a title and header, then rows without tab-separated cells).
        problems(
            lines: lines, file: file, readIDs: Set(disclosure.tables.map(\.id)).union(disclosure.notUnderstoodTables),
            titles: &titles,
            unplaced: Set(disclosure.problems.filter { $0.code == "page-text.row-unplaced" }.compactMap(\.table)))
    }

    /// The same with a memo of its own.
    static func problems(lines: [Substring], file: String, read disclosure: Disclosure) -> [ReadProblem] {
        var titles = TrailingTitles(lines)
        return problems(lines: lines, file: file, read: disclosure, titles: &titles)
    }

    /// The same for the tables `readIDs` (read or reported not understood by the text reader). `unplaced`: the tables
    /// whose amounts the page-text reader found no placement for under their identities (`page-text.row-unplaced`):
    /// their message says the document's own figures may be why.
    static func problems(
        lines: [Substring], file: String, readIDs: Set<TableID>, titles: inout TrailingTitles, unplaced: Set<TableID> = []
    ) -> [ReadProblem] {
        guard readIDs.count < TableID.allCases.count else { return [] }
        var reported: Set<TableID> = []
        var problems: [ReadProblem] = []
        for (index, line) in lines.enumerated() where line.utf8.count <= 240 && line.containsText("表") {
            guard let id = titles.title(lines, index), !readIDs.contains(id), !reported.contains(id),
                startsTableContent(lines, after: index, title: { titles.title(lines, $0) })
            else { continue }
            reported.insert(id)
            if unplaced.contains(id) {
                problems.append(
                    ReadProblem(
                        code: Disclosure.notUnderstoodTableProblem, severity: .error,
                        message: "\(id.formID) \(id.canonicalTitle): 第\(index + 1)行有表题，其后各行的金额没有一种放置满足本表的勾稽关系"
                            + "（见“行无法按表格关系归位”），本表未读取：本表数字本身有误（如合计不等于各项之和）时也会如此，"
                            + "请对照PDF核对 — the title is at line \(index + 1), but the amounts after it fit no placement under "
                            + "the table's identities (see the note), so the table is not read; this also happens when the "
                            + "table's own figures are wrong (a total that is not the sum of its parts): compare the PDF, or "
                            + "give a form that keeps the columns (the PDF itself, the workbook, tab-separated text).",
                        table: id, source: SourceLocation(file: file, line: index + 1, column: 1)))
                continue
            }
            problems.append(
                ReadProblem(
                    code: Disclosure.notUnderstoodTableProblem, severity: .error,
                    message: "\(id.formID) \(id.canonicalTitle): 第\(index + 1)行有表题，但其后各行不是可读的表格形式"
                        + "（如每格一行的 pdftotext 原始文本，或金额位置无法由勾稽关系确定的页面文本），本表未读取 — "
                        + "the title is at line \(index + 1), but the rows after it are not in a table form "
                        + "BudgetLens reads here (one cell a line as raw pdftotext writes, or page text whose amounts "
                        + "the identities do not place); the table is not read. Give the PDF itself, its "
                        + "`pdftotext -layout` text, pdfplumber page text, tab-separated text or the workbook.",
                    table: id, source: SourceLocation(file: file, line: index + 1, column: 1)))
        }
        return problems
    }

    /// The table whose title ends the line (`2,995.39收入决算表` → 公开02), the longest title that fits.
    static func trailingTitle(_ line: Substring) -> TableID? {
        // The key ends in `表` only if the line's last scalar that the key keeps is `表` (no other scalar is
        // canonically equivalent to it): most lines are ruled out without building the key.
        guard let last = line.unicodeScalars.last(where: { !TextNormalization.isDroppedFromKey($0.value) }),
            last == "表"
        else { return nil }
        let key = TextNormalization.key(line)
        guard key.hasSuffix("表") else { return nil }
        // The longest title, with a numbering or year prefix, is well under 30 characters.
        var start = key.index(key.endIndex, offsetBy: -min(key.count, 30))
        // Each slice is keyed again only when the key holds an ASCII quotation mark (from a full-width one), which
        // a second key drops (``TableTitles/table(key:)``).
        let keyedOnce = !key.utf8.contains { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }
        while start < key.endIndex {
            let slice = key[start...]
            if let id = keyedOnce ? TableTitles.table(key: slice) : TableTitles.table(named: slice) { return id }
            start = key.index(after: start)
        }
        return nil
    }

    /// Whether a header line (`单位：万元`) or a line with two or more amounts follows within a few lines: a 目录
    /// entry is followed by other entries instead.
    static func startsTableContent(_ lines: [Substring], after index: Int) -> Bool {
        startsTableContent(lines, after: index, title: { trailingTitle(lines[$0]) })
    }

    /// The same, the trailing title of line `n` given by `title(n)`.
    static func startsTableContent(
        _ lines: [Substring], after index: Int, title: (Int) -> TableID?
    ) -> Bool {
        if statesNotPublished(lines, after: index) { return false }
        for next in linesInView(lines, after: index) {
            let line = lines[next]
            if title(next) != nil { return false }
            if TableHeaderLine(line) != nil { return true }
            if amountCount(line) >= 2 { return true }
        }
        return false
    }
}

extension UnreadTables {
    /// Whether the document says, within a few lines after the title, that it does not publish the table
    /// (`本文档未公开此表（原文档中未找到公开06表）。`, the page `budgetlens render` prints for a table its source lacks)
    /// before any row of amounts: the table is absent, as the PDF and `-layout` readers find it (no grid follows the
    /// title), not present and unread.
    static func statesNotPublished(_ lines: [Substring], after index: Int) -> Bool {
        linesInView(lines, after: index).contains { next in
            lines[next].containsText("公开") && TextNormalization.key(lines[next]).contains("本文档未公开此表")
        }
    }

    /// How many words of `line` (split at spaces and tabs) are amounts with a decimal point.
    private static func amountCount(_ line: Substring) -> Int {
        func isAmount(_ token: Substring) -> Bool {
            guard token.contains("."), case .amount = Money.reading(token, unit: .wanYuan) else { return false }
            return true
        }
        guard SingleScalarCharacters.holds(for: line) else {
            return line.split(whereSeparator: { $0 == " " || $0 == "\t" }).filter(isAmount).count
        }
        // Every character one scalar (``SingleScalarCharacters``): the space and tab characters are the space and tab
        // bytes (no mark joins them), and a word holds the `.` character exactly when it holds its byte (no other
        // scalar is canonically equal to `.`): the same words, found on the bytes.
        var count = 0
        let bytes = line.utf8
        var start = bytes.startIndex
        var position = start
        // One byte a step: bounded by the line's bytes.
        while true {
            let atEnd = position == bytes.endIndex
            if atEnd || bytes[position] == 0x20 || bytes[position] == 0x09 {
                if start < position {
                    let token = line[start..<position]
                    if token.containsByte(0x2E), case .amount = Money.reading(token, unit: .wanYuan) { count += 1 }
                }
                if atEnd { break }
                start = bytes.index(after: position)
            }
            position = bytes.index(after: position)
        }
        return count
    }

    /// The indices of the first ``lookahead`` lines after line `index` that are not blank.
    private static func linesInView(_ lines: [Substring], after index: Int) -> [Int] {
        var indices: [Int] = []
        var next = index + 1
        while next < lines.count, indices.count < lookahead {
            if !lines[next].allSatisfy(\.isWhitespace) { indices.append(next) }
            next += 1
        }
        return indices
    }
}

/// The trailing titles (``UnreadTables/trailingTitle(_:)``) of one text's lines, each found once: the page-text path
/// looks for unread tables before and after the rewrite over the same lines, and a title costs up to 30 lookups.
struct TrailingTitles {
    /// Per line: `nil` not yet looked at, `.some(id)` found (`id` may be `nil`: no title).
    private var found: [TableID??]

    /// An empty memo for `lines`.
    init(_ lines: [Substring]) { found = Array(repeating: nil, count: lines.count) }

    /// Takes what `other` knows of its line `otherIndex` for line `index`: the two must be the same text.
    mutating func share(_ index: Int, with other: TrailingTitles, at otherIndex: Int) {
        if found[index] == nil { found[index] = other.found[otherIndex] }
    }

    /// The trailing title of `lines[index]`; `lines` must be the lines the memo was made for.
    mutating func title(_ lines: [Substring], _ index: Int) -> TableID? {
        if let known = found[index] { return known }
        let id = UnreadTables.trailingTitle(lines[index])
        found[index] = .some(id)
        return id
    }
}
