/// Where a 公开09 row's amounts stand in pdfplumber's layout text (``PlumberLayoutText``): the one thing that text
/// keeps and its page text loses. Page text drops blank cells, so `0.95 0.95` can fit several placements
/// (``ThreePublicResolution``); in the layout text each amount stands under the heading of its column.
///
/// The heading line is the nearest line above the amounts (at most ``headerSearchLines``) with exactly one word per
/// printed column and no digit (`预算数 决算数 预算数 …`). pdfplumber puts each character at its x position divided
/// by a mean character width (7.25 points by default), one character a slot; a Chinese character is wider than a
/// slot (about ``wideCharacterSlots``), so a heading's middle is its first slot plus half its width so measured.
/// Each amount's middle must be nearest one heading's middle, and at most half as far from it as from the next
/// nearest (``clearMargin``); the amounts' columns must rise left to right. Otherwise no placement is given —
/// never a guess; a placement given is used only when the identities allow it too.
enum PlumberLayoutPositions {
    /// How many lines above the amounts the heading line is looked for.
    static let headerSearchLines = 10
    /// The slots a Chinese character of a 9–11 point heading takes in pdfplumber's 7.25-point grid.
    static let wideCharacterSlots = 1.5
    /// The nearest heading must be at most this fraction of the distance to the next nearest.
    static let clearMargin = 0.5

    /// A word of a line: its first slot (0-based characters) and its text.
    struct Word {
        var start: Int
        var text: Substring

        /// The middle of the word on the grid, in slots.
        var middle: Double {
            Double(start) + text.reduce(0) { $0 + ($1.isASCII ? 1 : PlumberLayoutPositions.wideCharacterSlots) } / 2
        }
    }

    /// The words of a line (runs of characters other than space).
    static func words(_ line: Substring) -> [Word] {
        var words: [Word] = []
        var start: String.Index?
        var startOffset = 0
        var offset = 0
        for index in line.indices {
            if line[index] == " " || line[index] == "\u{0C}" {
                if let begun = start { words.append(Word(start: startOffset, text: line[begun..<index])) }
                start = nil
            } else if start == nil {
                start = index
                startOffset = offset
            }
            offset += 1
        }
        if let begun = start { words.append(Word(start: startOffset, text: line[begun...])) }
        return words
    }

    /// The printed column (0-based, of `columnCount`) of each amount, in order, by where it stands; `nil` when the
    /// heading line or an amount is not found, or an amount is not clearly under one heading.
    ///
    /// - Parameters:
    ///   - amounts: The amounts as printed, in reading order, each with its 1-based line of `lines`.
    ///   - lines: The layout text's lines (as in the file).
    static func columns(of amounts: [(text: String, line: Int)], columnCount: Int, lines: [Substring]) -> [Int]? {
        guard !amounts.isEmpty, columnCount >= 2,
            let firstLine = amounts.map(\.line).min(), firstLine >= 1,
            amounts.allSatisfy({ $0.line >= 1 && $0.line <= lines.count })
        else { return nil }
        // The heading line: one word a column, no digit.
        var heading: [Word]?
        for index in stride(from: firstLine - 2, through: max(0, firstLine - 1 - headerSearchLines), by: -1) {
            let candidate = words(lines[index])
            if candidate.count == columnCount, !candidate.contains(where: { $0.text.contains(where: \.isNumber) }) {
                heading = candidate
                break
            }
        }
        guard let heading else { return nil }
        // Each amount, found in its line in order (a line's cursor moves past each amount found).
        var cursors: [Int: Int] = [:]
        var lineWords: [Int: [Word]] = [:]
        var placement: [Int] = []
        for amount in amounts {
            let found = lineWords[amount.line] ?? words(lines[amount.line - 1])
            lineWords[amount.line] = found
            let from = cursors[amount.line] ?? 0
            guard let position = found[from...].firstIndex(where: { $0.text == amount.text }) else { return nil }
            cursors[amount.line] = position + 1
            let middle = found[position].middle
            let distances = heading.map { abs($0.middle - middle) }
            let order = distances.indices.sorted { distances[$0] < distances[$1] }
            guard distances[order[0]] <= clearMargin * distances[order[1]] else { return nil }
            placement.append(order[0])
        }
        // Amounts in reading order stand in rising columns.
        guard zip(placement, placement.dropFirst()).allSatisfy({ $0 < $1 }) || Set(amounts.map(\.line)).count > 1
        else { return nil }
        guard Set(placement).count == placement.count else { return nil }
        return placement
    }
}
