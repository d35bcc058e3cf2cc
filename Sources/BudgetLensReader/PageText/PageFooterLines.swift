import BudgetLensCore

/// Page numbers printed in a page's foot or head of page text (pdfplumber `extract_text()`, raw `pdftotext`): the
/// footers word processors print (`第6页，共25页`, `- 6 -`, `6/25`, `6`) come out as the last or first line of a page,
/// between a table's rows when the table runs across the page break. pdfplumber joins pages with a form feed and no
/// line break, so a footer can share its line with the next page's first line (`第6页\f212 城乡社区支出`), and a
/// header follows a form feed. They are blanked before the tables are rewritten: a whole line left empty, a piece of
/// a line turned into spaces (every other line and column keeps its number).
///
/// A marked number (``PageNumberText/isMarked(_:)``) is a page number wherever it stands at a page's end or start.
/// Bare digits there may be a code (raw text prints `221` alone at a page's start), a count or a year: they are
/// taken as page numbers only when at least three pages print one in the same place running with the pages (the
/// number minus the page's index the same on each). One pass over the lines.
enum PageFooterLines {
    /// Fewest pages whose bare numbers must run together.
    static let runLength = 3

    /// A page's last or first line, or the piece of a line between form feeds that is one.
    private struct Piece {
        let line: Int
        let range: Range<Substring.Index>
    }

    /// A piece holding nothing but a page number.
    private struct Candidate {
        let piece: Piece
        let page: Int
        let atFoot: Bool
        /// The number of a bare one (`nil`: marked).
        let number: Int?

        /// Bare numbers in one run share this: where they stand and their number less their page's index.
        var run: Run? { number.map { Run(atFoot: atFoot, offset: $0 - page) } }
    }

    private struct Run: Hashable {
        let atFoot: Bool
        let offset: Int
    }

    /// `lines` with the page numbers at the pages' ends and starts blanked.
    static func blanked(_ lines: [Substring]) -> [Substring] {
        guard lines.contains(where: { $0.containsByte(0x0C) }) else { return lines }
        var candidates: [Candidate] = []
        var page = 0
        var last: Piece? = nil  // the current page's last piece with text so far
        var startOfPage = true  // no text yet on this page
        func consider(_ piece: Piece, atFoot: Bool) {
            // Centred: the spaces before it do not count.
            var text = lines[piece.line][piece.range].drop(while: \.isWhitespace)
            while text.last?.isWhitespace == true { text = text.dropLast() }
            guard text.utf8.count <= 40, PageNumberText.isPageNumber(text) else { return }
            let marked = PageNumberText.isMarked(text)
            let number = marked ? nil : Int(text.filter { !$0.isWhitespace })
            guard marked || number != nil else { return }
            candidates.append(Candidate(piece: piece, page: page, atFoot: atFoot, number: number))
        }
        for (index, line) in lines.enumerated() {
            // The pieces between form feeds: the first ends the current page, each later one starts a page (a line
            // without a form feed is one piece; its byte is searched first).
            var pieces: [Range<Substring.Index>] = []
            var start = line.startIndex
            let breaks = line.containsByte(0x0C)
            while breaks, let formFeed = line[start...].firstIndex(of: "\u{0C}") {
                pieces.append(start..<formFeed)
                start = line.index(after: formFeed)
            }
            pieces.append(start..<line.endIndex)
            for (position, range) in pieces.enumerated() {
                if position > 0 {
                    // A page break: the page ends with its last piece.
                    if let last { consider(last, atFoot: true) }
                    page += 1
                    last = nil
                    startOfPage = true
                }
                guard !isBlank(line[range]) else { continue }
                let piece = Piece(line: index, range: range)
                if startOfPage { consider(piece, atFoot: false) }
                startOfPage = false
                last = piece
            }
        }
        if let last { consider(last, atFoot: true) }
        // Bare numbers: those in a run of pages.
        var runs: [Run: Int] = [:]
        for candidate in candidates { if let run = candidate.run { runs[run, default: 0] += 1 } }
        // A page of one piece offers it as both its first and its last: blanked once.
        var blanks: [Int: Set<Range<Substring.Index>>] = [:]
        for candidate in candidates {
            if let run = candidate.run, runs[run, default: 0] < runLength { continue }
            blanks[candidate.piece.line, default: []].insert(candidate.piece.range)
        }
        var result = lines
        for (index, ranges) in blanks {
            let line = lines[index]
            if ranges == [line.startIndex..<line.endIndex] {
                result[index] = ""
                continue
            }
            // Pieces of the line: each turned into as many spaces as it has scalars.
            var text = ""
            var cursor = line.startIndex
            for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
                text += line[cursor..<range.lowerBound]
                text += String(repeating: " ", count: line[range].unicodeScalars.count)
                cursor = range.upperBound
            }
            text += line[cursor...]
            result[index] = Substring(text)
        }
        return result
    }

    /// Whether a piece holds whitespace only; one starting with a printable ASCII byte or a CJK lead byte (E4…E9) is
    /// told by that byte alone.
    private static func isBlank(_ text: Substring) -> Bool {
        if let first = text.utf8.first, (0x21...0x7E).contains(first) || (0xE4...0xE9).contains(first) { return false }
        return text.allSatisfy(\.isWhitespace)
    }
}
