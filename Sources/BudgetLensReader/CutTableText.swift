import BudgetLensCore

/// A `pdftotext -layout` text or a page text (pdfplumber `extract_text()`) cut in the middle of a table row — the
/// tab-separated case is ``TruncatedLastRow`` — is a cut file: its last line has no line ending (pdftotext ends
/// every page with a form feed, a page text's last page is the document's last, 情况说明 or 名词解释 prose), lies in
/// the last table of the text (after the table's title, at most one line past its last read row) and ends with an
/// amount (`187.1` of `187.19`, or a whole amount with the row's others missing). Neither form keeps blank cells
/// reliably, so a cut row cannot be told by its width: the table is not read (present, not read, as F-READ reports;
/// its rules are not applied — no finding from a half row), and a `text.ends-mid-row` error says why. A table the
/// page-text reader could not place at all (`table.not-understood`) gets the same, clearer, error instead.
///
/// pdftotext always ends its text with a form feed, so in layout text the missing line ending is itself the sign.
/// A page text (``requiringMisfit``) ends without one even when whole, and its last line may be a whole row: there
/// the reader must also have found that the last line does not fit its table (a row its identities cannot place,
/// a row too narrow, an amount without a column) — a whole last row fits and is left alone.
enum CutTableText {
    /// The problems that say a line did not fit its table.
    static let misfitCodes: Set<String> = ["page-text.row-unplaced", "row.too-narrow", "cell.unplaced", "row.unplaced"]

    /// Removes the cut table (or relabels its not-understood problem) and records `text.ends-mid-row`.
    ///
    /// - Parameters:
    ///   - text: The decoded text, line endings made `\n`.
    ///   - requiringMisfit: Whether a reading problem must also say the last line does not fit (page text).
    static func mark(_ disclosure: inout Disclosure, text: String, file: String, requiringMisfit: Bool = false) {
        guard let last = text.unicodeScalars.last, last != "\n", last != "\u{0C}" else { return }
        let lastLine = 1 + text.countOfByte(UInt8(ascii: "\n"))
        if requiringMisfit,
            !disclosure.problems.contains(where: { $0.source.line == lastLine && misfitCodes.contains($0.code) })
        {
            return
        }
        // After the last line feed byte: the text's only line terminator is `\n`, a `Character` of its own.
        let utf8 = text.utf8
        let lastText = String(text[(utf8.lastIndex(of: UInt8(ascii: "\n")).map(utf8.index(after:)) ?? utf8.startIndex)...])
        guard let lastWord = lastText.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "\t" }).last,
            isAmount(lastWord)
        else { return }
        // The table the last line belongs to: the last table that starts at or before it.
        let read = disclosure.tables.enumerated().compactMap { index, table -> (start: Int, end: Int, index: Int)? in
            let lines = table.rows.map(\.source.line).filter { $0 > 0 }
            let start = min(table.source.line > 0 ? table.source.line : Int.max, lines.min() ?? Int.max)
            guard start <= lastLine else { return nil }
            return (start, lines.max() ?? start, index)
        }
        let notRead = disclosure.problems.enumerated().compactMap { index, problem -> (start: Int, index: Int)? in
            guard problem.code == "table.not-understood", problem.table != nil, problem.source.line <= lastLine else {
                return nil
            }
            return (problem.source.line, index)
        }
        let lastRead = read.max { $0.start < $1.start }
        let lastNotRead = notRead.max { $0.start < $1.start }
        let message = { (form: String) in
            "文件在\(form)的一行中途结束（第\(lastLine)行没有换行符，以金额“\(lastWord)”结尾，该金额本身也可能不完整）：本表未读取——"
                + "文件是否被截断？ — "
                + "the file ends inside a row of \(form) (line \(lastLine) has no line ending and ends with the amount "
                + "“\(lastWord)”, which may itself be cut): the table is not read — was the file cut short?"
        }
        let source = SourceLocation(file: file, line: lastLine, column: 1)
        if let notReadTable = lastNotRead, notReadTable.start >= (lastRead?.start ?? 0),
            let id = disclosure.problems[notReadTable.index].table
        {
            disclosure.problems[notReadTable.index] = ReadProblem(
                code: Disclosure.cutTableProblem, severity: .error, message: message(id.formID), table: id,
                source: disclosure.problems[notReadTable.index].source)
            return
        }
        guard let table = lastRead, lastLine <= table.end + 1 else { return }
        let id = disclosure.tables[table.index].id
        disclosure.tables.remove(at: table.index)
        // Notes about the removed table's last line (a row too narrow, an amount placed by position) go with it.
        disclosure.problems.removeAll { $0.table == id && $0.source.line == lastLine }
        disclosure.problems.append(
            ReadProblem(code: Disclosure.cutTableProblem, severity: .error, message: message(id.formID), table: id, source: source))
    }

    /// `1,234.5`, `187.`, `-3`, `0`: digits with commas, at most one `.`, an optional leading `-`.
    private static func isAmount(_ word: Substring) -> Bool {
        var digits = 0
        var points = 0
        for (offset, character) in word.enumerated() {
            if character.isASCII, character.isNumber {
                digits += 1
            } else if character == "." {
                points += 1
            } else if character == "," || (character == "-" && offset == 0) {
                continue
            } else {
                return false
            }
        }
        return digits > 0 && points <= 1
    }
}
