/// Lines of page text that a page break leaves inside a table and that are no part of a row: the last page's
/// footer number glued to the next page's repeated header (`4\f项目`), the repeated `栏次 1 2 3 …` line.
enum PageBreakHeaders {
    /// Whether the tokens of `line` are only a page number before a form feed and header words after it, or a
    /// repeated `栏次` numbering line.
    static func isRepeatedHeader(_ tokens: [PageTextToken], line: Substring) -> Bool {
        guard let first = tokens.first else { return false }
        if tokens.count > 1, first.text == "栏次", tokens.dropFirst().allSatisfy({ $0.kind == .digits }) { return true }
        guard first.kind == .digits, first.text.count <= 3, tokens.count > 1,
            let feed = line.unicodeScalars.firstIndex(of: "\u{0C}")
        else { return false }
        let feedColumn = line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: feed) + 1
        let rest = tokens.dropFirst()
        return first.column < feedColumn && rest.allSatisfy { $0.column > feedColumn && $0.kind == .text && FunctionalPageRows.isHeaderWord($0.text) }
    }

    /// A line that is a page number alone (`4`) and is followed by a page break.
    static func isPageNumberBeforeBreak(_ tokens: [PageTextToken], next: Substring?) -> Bool {
        guard tokens.count == 1, let only = tokens.first, only.kind == .digits, only.text.count <= 3,
            let next, next.unicodeScalars.first == "\u{0C}"
        else { return false }
        return true
    }

    /// A line that starts a page (a form feed first) and holds header words only (`\f项目`).
    static func isHeaderAfterBreak(_ tokens: [PageTextToken], line: Substring) -> Bool {
        line.unicodeScalars.first == "\u{0C}" && !tokens.isEmpty
            && tokens.allSatisfy { $0.kind == .text && FunctionalPageRows.isHeaderWord($0.text) }
    }
}
