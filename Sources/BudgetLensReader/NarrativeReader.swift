import BudgetLensCore

/// Reads the 情况说明 into its numbered sections and the 名词解释 into entries, text verbatim.
struct NarrativeReader {
    let text: SourceText

    /// The sections `一、` … of the 情况说明 in `range`. A heading counts only when its number is the next
    /// one expected, so numbered lists inside a section (`一、打击欺诈骗保…综述`) do not split it.
    func sections(in range: Range<Int>) -> [NarrativeSection] {
        var sections: [NarrativeSection] = []
        var current: (number: Int, heading: String, index: Int, body: [TextLine])?
        for index in range where !text.isBlank(index) {
            let line = text.lines[index]
            if line.utf8.count < 240, NarrativeReader.mayStartWithChineseOrdinal(line),
                let ordinal = TextNormalization.leadingOrdinal(String(line)), ordinal.style == .chinese,
                ordinal.value == (current?.number ?? 0) + 1
            {
                let label = text.label(index)
                if let current {
                    sections.append(section(current))
                }
                current = (ordinal.value, label, index, [])
                continue
            }
            // The next line with text (raw pdftotext leaves a blank line between a page's number and the break).
            var next = index + 1
            while next < min(text.lines.count, index + 4), text.isBlank(next), !text.lines[next].contains("\u{0C}") { next += 1 }
            guard let body = NarrativeReader.droppingPageNumberBeforeBreak(
                line, next: next < text.lines.count ? text.lines[next] : nil)
            else { continue }
            current?.body.append(TextLine(text: body.trimmedSpaces(), source: text.location(index)))
        }
        if let current { sections.append(section(current)) }
        return sections
    }

    /// `line` without the previous page's footer number where a page break follows it, `nil` when nothing is
    /// left: `13\f元，占3.7%。` (pages joined by a bare form feed: pdfplumber page text) reads `元，占3.7%。`, a line
    /// `13` before a line that starts with a form feed (raw pdftotext) reads nothing. Else the number joins the
    /// sentence it interrupts: `住房保障支出35.51万` / `13` / `元，占3.7%。` read 35.51万 + 13元 (0.0013万元).
    static func droppingPageNumberBeforeBreak(_ line: Substring, next: Substring?) -> Substring? {
        if let feed = line.firstIndex(of: "\u{0C}") {
            let before = line[..<feed]
            guard !before.isEmpty, before.utf8.count <= 40, PageNumberText.isPageNumber(before) else { return line }
            return line[line.index(after: feed)...]
        }
        let startsPage = next?.unicodeScalars.first(where: { $0 != " " }) == "\u{0C}"
        return startsPage && line.utf8.count <= 40 && PageNumberText.isPageNumber(line) ? nil : line
    }

    /// A cheap test before the full ordinal parse: the first non-space character is a Chinese numeral.
    static func mayStartWithChineseOrdinal(_ line: Substring) -> Bool {
        guard let first = line.unicodeScalars.first(where: { !TextNormalization.isSpace($0) }) else { return false }
        return "一二三四五六七八九十".unicodeScalars.contains(first)
    }

    /// A cheap test before the full ordinal parse: the first non-space character may open an ordinal.
    static func mayStartWithOrdinal(_ line: Substring) -> Bool {
        guard let first = line.unicodeScalars.first(where: { !TextNormalization.isSpace($0) }) else { return false }
        return "一二三四五六七八九十（(-0123456789".unicodeScalars.contains(first)
    }

    private func section(_ parts: (number: Int, heading: String, index: Int, body: [TextLine])) -> NarrativeSection {
        NarrativeSection(
            number: parts.number, heading: parts.heading, body: TextBlock(lines: parts.body),
            source: text.location(parts.index))
    }

    /// The entries of the 名词解释 in `range`: `一、term：definition` or `十六、…（项），主要用于…`, continued
    /// over following lines until the next entry.
    func glossary(in range: Range<Int>) -> [GlossaryEntry] {
        var entries: [GlossaryEntry] = []
        var current: (label: String, index: Int)?
        func finish() {
            guard let current else { return }
            let (term, definition) = split(current.label)
            entries.append(GlossaryEntry(term: term, definition: definition, source: text.location(current.index)))
        }
        var expected = 1
        var style: OrdinalStyle?
        for index in range where !text.isBlank(index) && !text.isGridLine(index) {
            let label = text.lines[index].trimmedSpaces()
            if NarrativeReader.mayStartWithOrdinal(text.lines[index]), let ordinal = TextNormalization.leadingOrdinal(label),
                ordinal.value == expected,
                style == nil || ordinal.style == style
            {
                style = ordinal.style
                finish()
                current = (String(ordinal.rest).trimmedSpaces(), index)
                expected += 1
                continue
            }
            if current != nil { current?.label += label }
        }
        finish()
        return entries
    }

    /// `财政拨款收入：指…` → (`财政拨款收入`, `指…`); `…行政运行（项），主要用于…` → (`…行政运行（项）`, `主要用于…`).
    private func split(_ entry: String) -> (String, String) {
        let colon = entry.firstIndex { $0 == "：" || $0 == ":" }
        if let item = entry.byteRange(of: "（项）") ?? entry.byteRange(of: "(项)"),
            colon.map({ item.upperBound <= $0 }) ?? true
        {
            var rest = entry[item.upperBound...]
            while let first = rest.first, first == "：" || first == ":" || first == "，" || first == "," { rest.removeFirst() }
            return (TextNormalization.label(entry[..<item.upperBound]), String(rest))
        }
        if let colon {
            return (TextNormalization.label(entry[..<colon]), String(entry[entry.index(after: colon)...]))
        }
        return (TextNormalization.label(entry), "")
    }
}
