import BudgetLensCore

/// Page numbers printed in a page's foot or head of page text (pdfplumber `extract_text()`, raw `pdftotext`): the
/// footers word processors print (`第6页，共25页`, `- 6 -`, `6/25`, `6`) come out as a line of their own at a page's
/// end or start, between a table's rows when the table runs across the page break. They are blanked before the
/// tables are rewritten (the line stays, empty, so that every other line keeps its number).
///
/// A marked number (``PageNumberText/isMarked(_:)``) is a page number wherever it stands at a page's end or start.
/// Bare digits there may be a code (raw text prints `221` alone at a page's start), a count or a year: they are
/// taken as page numbers only when at least three pages print one in the same place running with the pages (the
/// number minus the page's index the same on each). One pass over the lines.
enum PageFooterLines {
    /// Fewest pages whose bare numbers must run together.
    static let runLength = 3

    /// `lines` with the page numbers at the pages' ends and starts blanked.
    static func blanked(_ lines: [Substring]) -> [Substring] {
        guard lines.contains(where: { $0.containsByte(0x0C) }) else { return lines }
        var result = lines
        // A candidate: a line holding nothing but a page number, at a page's end or start.
        struct Candidate {
            let line: Int
            let page: Int
            let atFoot: Bool
            /// The line as blanked: empty, or its form feeds alone.
            let blank: Substring
            let number: Int?
        }
        var candidates: [Candidate] = []
        var page = 0
        var lastText: Int? = nil  // the page's last non-blank line without a form feed
        var startOfPage = true  // no text yet on this page
        func consider(_ index: Int, text: Substring, atFoot: Bool, blank: Substring) {
            guard text.utf8.count <= 40, PageNumberText.isPageNumber(text) else { return }
            let marked = PageNumberText.isMarked(text)
            let digits = text.filter { !$0.isWhitespace }
            let number = marked ? nil : Int(digits)
            guard marked || number != nil else { return }
            candidates.append(Candidate(line: index, page: page, atFoot: atFoot, blank: blank, number: number))
        }
        for (index, line) in lines.enumerated() {
            // A form feed is a `Character` of its own: a line without its byte has none (searched by byte first).
            if line.containsByte(0x0C), let formFeed = line.lastIndex(of: "\u{0C}") {
                // The page before the break ends with its last line (when the form feed starts this one).
                if let last = lastText, line[..<formFeed].allSatisfy({ $0.isWhitespace || $0 == "\u{0C}" }) {
                    consider(last, text: lines[last], atFoot: true, blank: "")
                }
                page += line.utf8.reduce(0) { $1 == 0x0C ? $0 + 1 : $0 }
                lastText = nil
                let rest = line[line.index(after: formFeed)...]
                startOfPage = rest.allSatisfy(\.isWhitespace)
                if !startOfPage, line[..<formFeed].allSatisfy({ $0.isWhitespace || $0 == "\u{0C}" }) {
                    consider(index, text: rest, atFoot: false, blank: line[...formFeed])
                }
                continue
            }
            guard !isBlank(line) else { continue }
            if startOfPage {
                consider(index, text: line, atFoot: false, blank: "")
                startOfPage = false
            }
            lastText = index
        }
        if let last = lastText { consider(last, text: lines[last], atFoot: true, blank: "") }
        // Bare numbers: those in a run of pages.
        var runs: [String: Int] = [:]
        for candidate in candidates {
            if let number = candidate.number { runs["\(candidate.atFoot) \(number - candidate.page)", default: 0] += 1 }
        }
        for candidate in candidates {
            if let number = candidate.number, runs["\(candidate.atFoot) \(number - candidate.page)", default: 0] < runLength {
                continue
            }
            result[candidate.line] = candidate.blank
        }
        return result
    }

    /// Whether a line holds whitespace only; a line starting with a printable ASCII byte or a CJK lead byte
    /// (E4…E9) is told by that byte alone.
    private static func isBlank(_ line: Substring) -> Bool {
        if let first = line.utf8.first, (0x21...0x7E).contains(first) || (0xE4...0xE9).contains(first) { return false }
        return line.allSatisfy(\.isWhitespace)
    }
}
