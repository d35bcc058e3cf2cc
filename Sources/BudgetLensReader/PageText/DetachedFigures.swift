import BudgetLensCore

/// Puts back the figures a PDF printed on a baseline of their own. Some PDF writers (the ONLYOFFICE export of the
/// corpus's 财政局 document) set digits and quotation marks in a font whose metrics lift them off the line, so
/// pdfplumber's `extract_text()` writes a sentence with a gap where each figure was and the figures on the line
/// below:
///
///     上海市普陀区财政局 年度收入支出总计 万元。与 年度相比，收入
///     2024 2995.39 2023
///
/// A prose line (outside the tables) followed by a line of figures (and `“` `”`) only is joined when there is
/// exactly one way to put the figures, in order, into its gaps (or the first one before the line) such that each
/// figure is followed by what follows it in the 情况说明 — an amount or count by its unit (`万元`, `年`, `个`…) or
/// `、`, a percentage by a punctuation mark — and each `“` stands before, each `”` after a Chinese character:
/// `上海市普陀区财政局2024年度收入支出总计2995.39万元。与2023年度相比，收入`. A gap no figure takes stays a space.
/// No placement, or more than one (`上海市普陀区财政局财政所 预算不单列` with `2`; three `万元` gaps for two
/// figures), leaves both lines as they were: nothing is guessed.
///
/// See docs/page-text.md.
enum DetachedFigures {
    /// The pieces of the joined line (text, line offset 0 or 1, column), or `nil` when the lines stay apart.
    static func join(_ line: Substring, figures next: Substring) -> [(text: String, lineOffset: Int, column: Int)]? {
        // A line of figures holds ASCII and `“` `”` (E2 80 9C, E2 80 9D) only: one byte scan rules out the rest.
        guard next.utf8.allSatisfy({ $0 < 0x80 || $0 == 0xE2 || $0 == 0x80 || $0 == 0x9C || $0 == 0x9D }) else { return nil }
        // A line of prose, or of punctuation only (`；` above `15.16%`).
        // A form feed is a `Character` of its own (a control): its byte tells.
        guard !next.containsByte(0x0C), line.unicodeScalars.count <= 200,
            line.unicodeScalars.contains(where: TextNormalization.isIdeograph)
                || line.unicodeScalars.allSatisfy(punctuation.contains),
            let tokens = figureTokens(next), !tokens.isEmpty, tokens.count <= 24
        else { return nil }
        let scalars = Array(line.unicodeScalars)
        // Where a token may go: a single space between two non-spaces; before the line only when no placement
        // into the gaps alone exists.
        var gaps: [Int] = []
        for index in scalars.indices where scalars[index] == " " {
            if index > 0, index + 1 < scalars.count, scalars[index - 1] != " ", scalars[index + 1] != " " {
                gaps.append(index)
            }
        }
        guard gaps.count <= 64 else { return nil }
        // The line starts after its last form feed (a page break inside a paragraph: `其中：\f、一般公共…`).
        let lineStart = scalars.lastIndex(of: "\u{0C}") ?? -1
        let places = uniquePlacement(tokens.map(\.text), positions: gaps, in: scalars)
            ?? uniquePlacement(tokens.map(\.text), positions: [lineStart] + gaps.filter { $0 > lineStart }, in: scalars)
        guard let places else { return nil }
        // The line's index of each scalar offset (and of its end): pieces are sliced from the line, the same
        // scalars as `scalars[start..<end]`, not appended one scalar at a time.
        var offsets = Array(line.unicodeScalars.indices)
        offsets.append(line.endIndex)
        var pieces: [(text: String, lineOffset: Int, column: Int)] = []
        var start = 0  // scalars written so far
        for (place, token) in zip(places, tokens) {
            if place >= 0 {
                // A gap's space is dropped; a form feed (the line's start) is kept.
                let end = scalars[place] == "\u{0C}" ? place + 1 : place
                pieces.append((String(line.unicodeScalars[offsets[start]..<offsets[end]]), 0, start + 1))
                start = place + 1
            }
            pieces.append((token.text, 1, token.column))
        }
        pieces.append((String(line.unicodeScalars[offsets[start]...]), 0, start + 1))
        return pieces.filter { !$0.text.isEmpty }
    }

    /// The one in-order placement of `tokens` into `positions` (scalar offsets of gaps; the first may be the line's
    /// start: -1 or its form feed) where
    /// every token fits, or `nil` when there is none or more than one.
    static func uniquePlacement(_ tokens: [String], positions: [Int], in scalars: [Unicode.Scalar]) -> [Int]? {
        // Which tokens are quotation marks, compared once (the search asks at every step).
        let opens = tokens.map { $0 == "“" }
        let closes = tokens.map { $0 == "”" }
        let percentages = tokens.map { $0.hasSuffix("%") }
        // Whether what follows position `p` may follow an amount (× 2) or a percentage (× 2 + 1), tested once per
        // position: -1 not yet tested, 0 no, 1 yes.
        var follows = [Int8](repeating: -1, count: positions.count * 2)
        func followsFigure(at p: Int, percentage: Bool) -> Bool {
            let key = p * 2 + (percentage ? 1 : 0)
            if follows[key] < 0 {
                follows[key] = Self.followsFigure(scalars[(positions[p] + 1)...], percentage: percentage) ? 1 : 0
            }
            return follows[key] == 1
        }
        func fits(_ t: Int, at p: Int) -> Bool {
            let position = positions[p]
            let isGap = position >= 0 && scalars[position] == " "
            if !isGap, t != 0 { return false }  // only the first token goes before the line
            let after = scalars[(position + 1)...]
            if opens[t] {
                // A quotation: a few characters, no punctuation, up to the next position, where `”` must follow;
                // or, as the last token, up to the end of the line (closed on the line below).
                guard after.first.map(TextNormalization.isIdeograph) == true else { return false }
                if t + 1 == tokens.count {
                    return after.count <= 8 && after.allSatisfy(TextNormalization.isIdeograph)
                }
                guard closes[t + 1], p + 1 < positions.count else { return false }
                let quoted = scalars[(position + 1)..<positions[p + 1]]
                return quoted.count <= 8 && quoted.allSatisfy(TextNormalization.isIdeograph)
            }
            if closes[t] {
                // After its `“`, or first: closing a quotation opened on the line above.
                return isGap && TextNormalization.isIdeograph(scalars[position - 1]) && (t == 0 || opens[t - 1])
            }
            return followsFigure(at: p, percentage: percentages[t])
        }
        // Placements of tokens[t...] into positions[p...], counted up to 2; a `”` goes right after its `“`.
        // Memo by (token, position), -1 not yet counted (an array: at most 24 tokens × 65 positions).
        var memo = [Int](repeating: -1, count: tokens.count * positions.count)
        func count(_ t: Int, _ p: Int) -> Int {
            if t == tokens.count { return 1 }
            if p == positions.count { return 0 }
            let key = t * positions.count + p
            if memo[key] >= 0 { return memo[key] }
            var total = closes[t] && t > 0 ? 0 : count(t, p + 1)
            if total < 2, fits(t, at: p) { total += count(t + 1, p + 1) }
            memo[key] = min(total, 2)
            return memo[key]
        }
        guard count(0, 0) == 1 else { return nil }
        var places: [Int] = []
        var p = 0
        for t in tokens.indices {
            while !(fits(t, at: p) && count(t + 1, p + 1) == 1) { p += 1 }
            places.append(positions[p])
            p += 1
        }
        return places
    }

    /// The figures of a line of figures and quotation marks only (`2024 2995.39 2023`, `56.95 1.87%`, `“ ” 4`),
    /// with their columns; `nil` when anything else stands on the line.
    static func figureTokens(_ line: Substring) -> [(text: String, column: Int)]? {
        if line.utf8.allSatisfy({ $0 < 0x80 }) { return asciiFigureTokens(line) }
        var tokens: [(text: String, column: Int)] = []
        var column = 1
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            defer { column += word.unicodeScalars.count + 1 }
            if word.isEmpty { continue }
            guard isFigure(word) || word == "“" || word == "”" else { return nil }
            tokens.append((String(word), column))
        }
        return tokens
    }

    /// ``figureTokens(_:)`` of an ASCII line, split at its space bytes: the same words and columns, since a line
    /// without a line feed that is all ASCII is one `Character` a byte (only CR LF joins two ASCII scalars), so the
    /// split at `" "` characters is the split at space bytes, and a word's scalars are its bytes.
    private static func asciiFigureTokens(_ line: Substring) -> [(text: String, column: Int)]? {
        var tokens: [(text: String, column: Int)] = []
        let bytes = line.utf8
        var column = 1
        var start = bytes.startIndex
        // One word a pass, each pass past at least its space: bounded by the line's bytes.
        while true {
            let end = bytes[start...].firstIndex(of: 0x20) ?? bytes.endIndex
            let word = line[start..<end]
            let length = bytes.distance(from: start, to: end)
            if length > 0 {
                guard isFigure(word) || word == "“" || word == "”" else { return nil }
                tokens.append((String(word), column))
            }
            column += length + 1
            guard end < bytes.endIndex else { break }
            start = bytes.index(after: end)
        }
        return tokens
    }

    /// `2024`, `2995.39`, `2,940.05`, `-3.5`, `1.87%`.
    static func isFigure(_ word: Substring) -> Bool {
        var body = word.unicodeScalars[...]
        if body.last == "%" { body = body.dropLast() }
        if body.first == "-" { body = body.dropFirst() }
        guard let first = body.first, ("0"..."9").contains(first), body.count <= 20 else { return false }
        var dots = 0
        for scalar in body {
            if scalar == "." {
                dots += 1
            } else if scalar != ",", !("0"..."9").contains(scalar) {
                return false
            }
        }
        return dots <= 1 && body.last.map { ("0"..."9").contains($0) } == true
    }

    /// Whether the text after a gap is what follows a figure in the 情况说明: a unit or `、` after an amount or a
    /// count (a unit cut by the end of the line, `万`, counts), a punctuation mark after a percentage.
    static func followsFigure(_ rest: ArraySlice<Unicode.Scalar>, percentage: Bool) -> Bool {
        guard let first = rest.first else { return false }
        if percentage { return punctuation.contains(first) }
        if first == "、" { return true }
        let head = rest.prefix(2)
        // Printable ASCII and CJK ideographs of the basic block (the units' scalars) are each a character of its
        // own with no other scalar canonically equivalent: the prefix tests below then compare scalars.
        if head.allSatisfy({ (0x20...0x7E).contains($0.value) || (0x4E00...0x9FFF).contains($0.value) }) {
            return unitScalars.contains { unit in
                head.starts(with: unit) || (rest.count < unit.count && unit.starts(with: head))
            }
        }
        let text = String(String.UnicodeScalarView(head))
        return units.contains { text.hasPrefix($0) || (rest.count < $0.unicodeScalars.count && $0.hasPrefix(text)) }
    }

    /// The punctuation that follows a percentage (and may stand alone on a line above its figure).
    static let punctuation = Set("，。；、：）)".unicodeScalars)

    /// Units printed after a figure (万元, 年, 个, 辆…).
    static let units: [String] = ["万元", "亿元", "元", "年", "月", "日", "个", "辆", "台", "套", "人", "项", "分", "家", "次", "户", "名"]

    /// The scalars of each unit, in the order of `units`.
    static let unitScalars: [[Unicode.Scalar]] = units.map { Array($0.unicodeScalars) }
}
