import BudgetLensCore

/// A whole document kept in one sheet and saved as tab-separated text: Excel pads every line with tabs to the
/// sheet's width, the cover, the 目录, the headings and the 情况说明's prose as well as the tables' rows. Read as it
/// is, every prose line is a one-cell table row: the 情况说明 is not read (its checks silently not made), and a 目录
/// entry followed by other padded entries is taken for a table (the real table then a "second copy" not read).
///
/// A text is such a sheet when at least ten lines, and at least a quarter of the lines whose only filled field is
/// the first (prose, headings, titles), carry tabs (``paddedLines(_:)``; in a tab-separated text prose has none:
/// in the shared documents 6 % at most). Then the blank trailing fields are removed from the lines outside the
/// tables, so they read as in the tab-separated text the document would otherwise be:
/// - a table row is a line of two or more filled fields holding an amount, or whose fields are all short (at most
///   20 characters: a header row); it keeps its tabs;
/// - a line with only its first field filled keeps its tabs when it belongs to a table: it is a short label (at
///   most 16 characters, no `。；：`, not a `注` note, not a table title: `合计` with blank amounts, a wrapped
///   label, `科目编码`) and a table row follows within three lines that hold text (before a table title), or it
///   follows a table row (or such a label);
/// - a line whose first field is blank (an indented row) keeps its tabs;
/// - any other line (a title, a heading, prose, a 目录 entry, a note, prose with a tab inside) loses its blank
///   trailing fields; a line of blank fields only is an empty line.
///
/// Lines keep their numbers and every kept character its column (only trailing fields are removed). A
/// `text.padded-lines` note says it was done. See docs/reading.md.
enum PaddedSheetText {
    /// Most lines after a line looked at for a row of the table it would belong to.
    private static let lookahead = 3
    /// Most lines (blank ones included) scanned for those.
    private static let scanLimit = 40
    /// Longest label (in characters) a table's one-field row has.
    private static let labelLimit = 16
    /// Longest field (in characters) of a header row without amounts.
    private static let headerFieldLimit = 20
    /// Fewest padded lines that make a sheet.
    private static let fewestPadded = 10

    /// The text with the padding removed outside its tables and the note saying so, or `nil` when the text is
    /// not a padded sheet (or nothing would change).
    static func unpadded(_ text: String, file: String) -> (text: String, note: ReadProblem)? {
        guard let padded = paddedLines(text) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let fields = lines.map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        let filled = fields.map { line in line.indices.filter { !isBlank(line[$0]) } }
        let rows = lines.indices.map { isTableRow(fields[$0], filled: filled[$0]) }
        var output = lines
        var changed = 0
        var followsRow = false  // the last line holding text is a table row, or a label kept
        for index in lines.indices {
            let line = lines[index]
            if filled[index].isEmpty {
                if line.containsByte(0x09) {
                    output[index] = ""
                    changed += 1
                }
                continue
            }
            // A table row, or a row whose first cell is blank (indented: `| | 合计`): kept.
            if rows[index] || filled[index][0] != 0 {
                followsRow = rows[index]
                continue
            }
            let keep = filled[index] == [0] && isRowLabel(fields[index][0])
                && (followsRow || rowFollows(after: index, filled: filled, fields: fields, rows: rows))
            followsRow = keep
            guard !keep, let last = filled[index].last, last + 1 < fields[index].count else { continue }
            // The line up to its last filled field.
            output[index] = line[..<fields[index][last].endIndex]
            changed += 1
        }
        guard changed > 0 else { return nil }
        let note = ReadProblem(
            code: "text.padded-lines", severity: .info,
            message: "整份文件的各行以制表符补齐（\(padded) 行，电子表格另存为文本）：表格之外的 \(changed) 行"
                + "（标题、目录、说明文字、空行）末尾的空栏已去除后读取 — the file's lines are padded with tabs (\(padded) "
                + "lines: a sheet saved as text); the blank trailing fields of \(changed) lines outside the tables "
                + "(titles, the 目录, prose, empty lines) are removed before reading",
            source: SourceLocation(file: file, line: 1, column: 1))
        return (output.joined(separator: "\n"), note)
    }

    /// How many lines whose only filled field is the first carry tabs, when they are at least ten and at least
    /// a quarter of such lines; `nil` otherwise. One pass over the bytes (a filled field: a byte other than an ASCII
    /// space, tab or control), so a tab-separated text, whose prose carries no tab, is told without splitting it.
    static func paddedLines(_ text: String) -> Int? {
        guard text.containsByte(0x09) else { return nil }
        var firstOnly = 0
        var padded = 0
        text.withUTF8Bytes { bytes in
            var tabs = 0
            var filledFirst = false
            var filledLater = false
            func endLine() {
                if filledFirst, !filledLater {
                    firstOnly += 1
                    if tabs > 0 { padded += 1 }
                }
                tabs = 0
                filledFirst = false
                filledLater = false
            }
            for byte in bytes {
                switch byte {
                case 0x0A: endLine()
                case 0x09: tabs += 1
                case 0x20, 0x0B, 0x0C, 0x0D: break
                default: if tabs == 0 { filledFirst = true } else { filledLater = true }
                }
            }
            endLine()
        }
        return padded >= fewestPadded && padded * 4 >= firstOnly ? padded : nil
    }

    /// A table row: two or more filled fields, one after the first an amount, or all short (a header row).
    private static func isTableRow(_ fields: [Substring], filled: [Int]) -> Bool {
        guard filled.count >= 2 else { return false }
        return filled.dropFirst().contains { Money(parsing: fields[$0], unit: .wanYuan) != nil }
            || filled.allSatisfy { fields[$0].trimmedSpaces().count <= headerFieldLimit }
    }

    /// Whether a table row follows `index` within ``lookahead`` lines that hold text, before a table title.
    private static func rowFollows(after index: Int, filled: [[Int]], fields: [[Substring]], rows: [Bool]) -> Bool {
        var seen = 0
        for next in (index + 1)..<min(fields.count, index + 1 + scanLimit) where !filled[next].isEmpty {
            if rows[next] { return true }
            if TableTitles.table(named: fields[next][filled[next][0]]) != nil { return false }
            seen += 1
            if seen == lookahead { return false }
        }
        return false
    }

    /// A short label a table row may have alone (`合计`, `科目编码`, a wrapped label): no sentence, no note, no title.
    private static func isRowLabel(_ field: Substring) -> Bool {
        let label = field.trimmedSpaces()
        return label.count <= labelLimit && !label.hasPrefix("注") && !label.contains(where: { "。；：:".contains($0) })
            && TableTitles.table(named: label) == nil
    }

    private static func isBlank(_ field: Substring) -> Bool { field.unicodeScalars.allSatisfy(TextNormalization.isSpace) }
}
