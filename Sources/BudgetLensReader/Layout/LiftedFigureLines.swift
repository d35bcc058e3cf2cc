import BudgetLensCore

/// Puts back, in `pdftotext -layout` text, the prose lines that start with a figure and were printed above the line
/// they follow. The ONLYOFFICE 财政局 PDF sets digits in a font whose boxes rise above the line, so pdftotext places a
/// line that starts with a figure above its predecessor, the two set apart from the rest by blank lines:
///
///     (blank)
///     449.52万元。决算数小于预算数的主要原因：因个别项目评审费未能实施或未来得及
///     委托中介机构开展各类审计及绩效评价工作。年初预算为450.52万元，支出决算为
///     (blank)
///
/// Two lines X, Y are read as Y, X when all of these hold (structure only; no word of these files):
/// - they stand alone between blank lines of one page (a paragraph's lines are consecutive);
/// - X starts with a figure followed by what follows a figure in a 情况说明 (a unit, `万元`, `个`…; after a
///   percentage a punctuation mark: `15.16%；`), not an item number (`1、`), and is prose (no run of three spaces,
///   the columns of a table row);
/// - Y does not start with a figure, is prose, and ends inside a sentence, on a Chinese character (`…支出决算为`,
///   `…，占`): the figure of X is what it leaves open. A two-line paragraph that starts with a figure
///   (`2024年…` / `…。`) ends on punctuation and stays as it is.
///
/// Only the lines' vertical order changes: every word keeps its line and column in the file.
/// See docs/layout-prose.md.
enum LiftedFigureLines {
    /// For each line (0-based, in file order), the line position it is read at: the identity, with X and Y of every
    /// lifted pair exchanged. `lines` are the file's lines without line endings (form feeds kept).
    static func order(_ lines: [Substring]) -> [Int] {
        var order = Array(lines.indices)
        var index = 1
        while index + 2 < lines.count {
            if isBlank(lines[index - 1]), isBlank(lines[index + 2]),
                startsWithFigure(lines[index]), awaitsFigure(lines[index + 1])
            {
                order.swapAt(index, index + 1)
                index += 3
            } else {
                index += 1
            }
        }
        return order
    }

    /// A line of spaces only (no form feed: the pair and its blank lines are on one page): `unindented(line)` is
    /// empty exactly when every byte is a space (20) or part of an ideographic space (E3 80 80) — after any other
    /// scalar a `Character` is left, whether or not it joins the space before it. Tested on the contiguous bytes.
    static func isBlank(_ line: Substring) -> Bool {
        line.withUTF8Bytes { bytes in
            var index = 0
            while index < bytes.count {
                if bytes[index] == 0x20 {
                    index += 1
                } else if index + 2 < bytes.count, bytes[index] == 0xE3, bytes[index + 1] == 0x80,
                    bytes[index + 2] == 0x80
                {
                    index += 3
                } else {
                    return false
                }
            }
            return true
        }
    }

    /// The line without its indentation: the leading `Character`s that are a space or an ideographic space
    /// (`line.drop { $0 == " " || $0 == "\u{3000}" }`). Skipped on the bytes (20, E3 80 80); the walk by
    /// `Character` is taken only when the scalar after them could join the last space into one character (one not
    /// a cluster of its own, ``SingleScalarCharacters``).
    static func unindented(_ line: Substring) -> Substring {
        let utf8 = line.utf8
        var index = utf8.startIndex
        while index < utf8.endIndex {
            if utf8[index] == 0x20 {
                index = utf8.index(after: index)
            } else if utf8[index...].starts(with: [0xE3, 0x80, 0x80]) {
                index = utf8.index(index, offsetBy: 3)
            } else {
                break
            }
        }
        let rest = line[index...]
        guard index > utf8.startIndex, let next = rest.unicodeScalars.first,
            !SingleScalarCharacters.isSingleScalar(next.value)
        else { return rest }
        return line.drop { $0 == " " || $0 == "\u{3000}" }
    }

    /// Prose: no tab, no form feed, no run of three spaces after the indentation. Searched by bytes when every
    /// character of the line is one scalar (``SingleScalarCharacters``): a space, tab or form feed `Character` is
    /// then exactly its byte (no other scalar is canonically equal to one); otherwise by `Character` as before.
    static func isProse(_ line: Substring) -> Bool {
        let body = unindented(line)
        guard !body.isEmpty else { return false }
        if SingleScalarCharacters.holds(for: body) {
            return !body.containsText("   ") && !body.containsText("\t") && !body.containsText("\u{0C}")
        }
        return !body.contains("   ") && !body.contains("\t") && !body.contains("\u{0C}")
    }

    /// X: a figure, then (no space) a unit or `、`, or a punctuation mark after a percentage; not an item number.
    static func startsWithFigure(_ line: Substring) -> Bool {
        let body = unindented(line)
        // A figure's first scalar is an ASCII digit (``DetachedFigures/isFigure(_:)``): a line whose text starts with
        // another byte is ruled out before its `Character`s are walked.
        guard let lead = body.utf8.first, (0x30...0x39).contains(lead) else { return false }
        let figure = body.prefix { ("0"..."9").contains($0) || $0 == "." || $0 == "," || $0 == "%" }
        // The cheap tests first (all are pure): most lines do not start with a figure.
        guard DetachedFigures.isFigure(figure), isProse(line) else { return false }
        let rest = Array(body.dropFirst(figure.count).unicodeScalars)
        guard let next = rest.first else { return false }
        // `1、教育支出（类）…` numbers an item.
        if next == "、", !figure.contains(".") { return false }
        return DetachedFigures.followsFigure(rest[...], percentage: figure.hasSuffix("%"))
    }

    /// Y: prose not starting with a figure, ending on a Chinese character (inside a sentence).
    static func awaitsFigure(_ line: Substring) -> Bool {
        let body = unindented(line)
        guard let first = body.unicodeScalars.first, !("0"..."9").contains(first),
            let last = body.unicodeScalars.last(where: { $0 != " " && $0 != "\u{3000}" }),
            TextNormalization.isIdeograph(last)
        else { return false }
        return isProse(line)
    }
}
