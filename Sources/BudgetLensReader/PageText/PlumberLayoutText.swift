import BudgetLensCore

/// pdfplumber's layout text, `page.extract_text(layout=True)` (pages joined by form feeds): each character put on
/// a grid of its x position divided by a mean character width, every line padded with spaces to the page's grid
/// width, and blank padded lines for the vertical gaps. Its spacing is not poppler's: a row's label and its
/// amounts often stand on two lines, and amounts one space apart under headings that stand elsewhere, so the
/// `-layout` reader (which places cells by their columns) misreads it (docs/plumber-layout.md).
///
/// Its lines are the lines of pdfplumber's page text (`extract_text()`): the two cluster characters into lines
/// alike, and page text puts one space where layout text puts a run of them. So the text is read as that page
/// text — each line's runs of spaces made one space, its ends trimmed, blank lines kept so that line numbers stay
/// the file's — by the page-text reader, which places every amount by the tables' identities and leaves unread,
/// with a warning, what they do not decide (docs/page-text.md). Source columns then count in the line so
/// collapsed, not in the file's line.
enum PlumberLayoutText {
    /// The ``ReadProblem/code`` of the note that says the text was read this way.
    static let readNoteCode = "layout.pdfplumber"

    /// The fewest lines a text needs before it is told as pdfplumber layout text.
    static let minimumLines = 20

    /// Whether `text` (line endings already `\n`) is pdfplumber layout text: its lines padded
    /// (``hasPaddedLines(_:)``), or, padding stripped (an editor that trims line ends), its pages of a fixed
    /// height (``hasGridPages(_:)``).
    static func isPlumberLayoutText(_ text: String) -> Bool {
        !text.containsByte(0x09) && (hasPaddedLines(text) || hasGridPages(text))
    }

    /// The fewest pages (form feeds + 1) for ``hasGridPages(_:)``.
    static let minimumPages = 5
    /// The fewest lines a page of pdfplumber's grid has (its height in 13-point lines: 64 for A4 upright, 45 across).
    static let minimumGridLines = 30

    /// Whether `text` has pages of pdfplumber's grid: at least ``minimumPages`` pages (an empty last one after the
    /// final form feed not counted), four in five of them of one or two line counts of ``minimumGridLines`` or
    /// more (a page's height in grid lines, upright or across). `pdftotext` and page text end each page after its
    /// last line, so their pages' line counts vary with the page's content.
    static func hasGridPages(_ text: String) -> Bool {
        // Each page (up to a form feed) counted at once: its line feeds, and whether it holds anything but spaces
        // and line feeds (only the last page's emptiness counts).
        let counts = text.withUTF8Bytes { bytes -> [Int] in
            var counts: [Int] = []
            bytes.forEachSegment(separatedBy: 0x0C) { start, end, separated in
                var lines = 1
                for index in start..<end where bytes[index] == 0x0A { lines += 1 }
                if separated || !bytes.allBytes(start, end, in: { $0 == 0x0A || $0 == 0x20 }) { counts.append(lines) }
            }
            return counts
        }
        guard counts.count >= minimumPages else { return false }
        var frequency: [Int: Int] = [:]
        for count in counts { frequency[count, default: 0] += 1 }
        let top = frequency.sorted { ($0.value, $0.key) > ($1.value, $1.key) }.prefix(2)
        guard top.allSatisfy({ $0.key >= minimumGridLines }) else { return false }
        return top.reduce(0) { $0 + $1.value } * 5 >= counts.count * 4
    }

    /// Whether `text` has pdfplumber's padded lines: at least ``minimumLines`` lines, of which nine in ten of
    /// those not empty end in a padding space and one in ten or more are spaces only — no `pdftotext` output
    /// (which ends no line with a space), page text or tab-separated text looks so.
    static func hasPaddedLines(_ text: String) -> Bool {
        // Line by line (to the next line feed): its last byte, and whether it holds anything but spaces and form
        // feeds; a last line without a line feed counts when it is not empty.
        let (lines, nonEmpty, padded, spacesOnly) = text.withUTF8Bytes { bytes -> (Int, Int, Int, Int) in
            var lines = 0
            var nonEmpty = 0
            var padded = 0
            var spacesOnly = 0
            bytes.forEachSegment(separatedBy: 0x0A) { start, end, separated in
                if separated { lines += 1 }
                guard end > start else { return }
                if !separated { lines += 1 }
                nonEmpty += 1
                if bytes[end - 1] == 0x20 { padded += 1 }
                if bytes.allBytes(start, end, in: { $0 == 0x20 || $0 == 0x0C }) { spacesOnly += 1 }
            }
            return (lines, nonEmpty, padded, spacesOnly)
        }
        return lines >= minimumLines && padded * 10 >= nonEmpty * 9 && spacesOnly * 10 >= lines
    }

    /// The page text `text` holds: each line's runs of spaces made one, its ends trimmed (form feeds kept, with
    /// no space beside them); the lines themselves, blank ones too, kept one for one.
    static func pageText(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count / 2)
        // Within a line: a space is written only between two other characters (never first, last, or beside a
        // form feed), one for each run.
        var pendingSpace = false
        var lineStart = true
        text.withUTF8Bytes { bytes in
            for byte in bytes {
                switch byte {
                case 0x20:
                    if !lineStart { pendingSpace = true }
                case 0x0A, 0x0C:
                    pendingSpace = false
                    output.append(byte)
                    lineStart = true
                default:
                    if pendingSpace { output.append(0x20) }
                    pendingSpace = false
                    lineStart = false
                    output.append(byte)
                }
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The info note that says how the text was read.
    static func readNote(file: String) -> ReadProblem {
        ReadProblem(
            code: readNoteCode, severity: .info,
            message: "本文件的字符按 pdfplumber 的网格排布、各行以空格补齐：其各栏的位置与表头不对齐，"
                + "故每行的连续空格并为一个，按页面文本读取，金额按各表的勾稽关系放置（行号即本文件的行号，列号按并空格后的行计） — "
                + "read as pdfplumber layout text (extract_text(layout=True), lines padded with spaces): its columns do "
                + "not line up with the header, so each line's runs of spaces are made one and the text is read as page "
                + "text, amounts placed by each table's identities (line numbers are this file's; columns count in the "
                + "line so collapsed)",
            source: SourceLocation(file: file, line: 1, column: 1))
    }
}
