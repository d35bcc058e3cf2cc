import BudgetLensCore

/// The year and the unit named in the 目录, the headings and the dated phrases of the 情况说明 agree with the
/// document's own. F-YEAR (``DocumentChecks/yearsConsistent(_:)``) reads the part headings' four-digit years;
/// these checks read the rest.
enum HeadingConsistencyChecks {
    /// N-YEAR: a 目录 entry or 情况说明 section heading naming another year; a year cut short in any heading
    /// (`202 年度`); `截至YYYY年12月31日` not at the end of the document's year; `与YYYY年度相比` (`比`, `较`)
    /// comparing with another year than the one before.
    static func years(_ context: CheckContext) -> [Finding] {
        let disclosure = context.disclosure
        guard let year = disclosure.header.year else { return [] }
        var findings: [Finding] = []
        var headings: [(text: String, source: SourceLocation, kind: String, checksYear: Bool)] = []
        headings += disclosure.tableOfContents.map { ($0.text, $0.source, "目录条目", true) }
        headings += disclosure.narrative.map { ($0.heading, $0.source, "标题", true) }
        headings += disclosure.parts.map { ($0.heading, $0.source, "标题", false) }  // four-digit years: F-YEAR
        for heading in headings {
            let key = TextNormalization.key(heading.text)
            if let short = shortYear(in: key) {
                findings.append(
                    context.finding(
                        "\(heading.kind)“\(heading.text)”的年度“\(short)”不完整，本决算为\(year)年度",
                        "the heading '\(heading.text)' gives an incomplete year '\(short)'; the final accounts are for \(year)",
                        at: FindingLocation(item: heading.text, source: heading.source), expected: "\(year)年度",
                        actual: short))
            } else if heading.checksYear, let printed = fullYears(in: key).first(where: { $0 != year }) {
                findings.append(
                    context.finding(
                        "\(heading.kind)“\(heading.text)”写作\(printed)年，本决算为\(year)年度",
                        "the heading '\(heading.text)' says \(printed), the final accounts are for \(year)",
                        at: FindingLocation(item: heading.text, source: heading.source), expected: String(year),
                        actual: String(printed)))
            }
        }
        for block in DocumentProse.of(disclosure, includingAnnex: false).blocks where block.role == .narrative || block.role == nil {
            for paragraph in block.paragraphs {
                findings += datedPhrases(in: paragraph, year: year, context: context)
            }
        }
        return findings
    }

    /// `截至2023年12月31日` (expected: the document's year) and `与2022年度相比`, `比2022年`, `较2022年度`
    /// (expected: the year before).
    private static func datedPhrases(in paragraph: DocumentProse.Paragraph, year: Int, context: CheckContext) -> [Finding] {
        let characters = paragraph.characters
        var findings: [Finding] = []
        for index in characters.indices {
            guard let printed = fourDigitYear(at: index, in: characters) else { continue }
            let after = index + 5  // past `YYYY年`
            let before = characters.string(max(0, index - 2)..<index)
            let expected: Int
            let phraseStart: Int
            let phraseEnd: Int
            if before.hasSuffix("截至") || before.hasSuffix("截止"), starts(with: "12月31日", in: characters, at: after) {
                expected = year
                phraseStart = index - 2
                phraseEnd = after + 6
            } else if before.hasSuffix("与") || before.hasSuffix("比") || before.hasSuffix("较") {
                var end = after
                if end < characters.count, characters[end] == "度" { end += 1 }
                // `与2023年度相比` and `比2023年度增加`, never `与2023年度预算` (a budget, not a comparison).
                let isComparison = before.hasSuffix("与") ? starts(with: "相比", in: characters, at: end) : true
                guard isComparison else { continue }
                expected = year - 1
                phraseStart = index - 1
                phraseEnd = before.hasSuffix("与") ? end + 2 : end
            } else {
                continue
            }
            guard printed != expected else { continue }
            let span = ProseSpan(paragraph: paragraph, range: max(0, phraseStart)..<min(characters.count, phraseEnd))
            findings.append(
                context.finding(
                    on: span, "年份有误（应为\(expected)年，本决算为\(year)年度）",
                    "names the wrong year (expected \(expected); the final accounts are for \(year)):",
                    expected: String(expected)))
        }
        return findings
    }

    /// The year `YYYY年` starting at `index` (not inside a longer number), or `nil`.
    private static func fourDigitYear(at index: Int, in characters: [Unicode.Scalar]) -> Int? {
        guard index + 4 < characters.count, characters[index + 4] == "年",
            index == 0 || !isDigit(characters[index - 1]),
            characters[index..<(index + 4)].allSatisfy(isDigit)
        else { return nil }
        return Int(characters.string(index..<(index + 4)))
    }

    private static func starts(with text: String, in characters: [Unicode.Scalar], at index: Int) -> Bool {
        let pattern = Array(text.unicodeScalars)
        return index + pattern.count <= characters.count
            && characters[index..<(index + pattern.count)].elementsEqual(pattern)
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { DocumentProse.isDigit(scalar) }

    /// The four-digit years `YYYY年` of a key.
    static func fullYears(in key: String) -> [Int] {
        let characters = Array(key.unicodeScalars)
        return characters.indices.compactMap { fourDigitYear(at: $0, in: characters) }
    }

    /// A year of one to three digits before `年度` (`202年度`), as printed.
    static func shortYear(in key: String) -> String? {
        let characters = Array(key.unicodeScalars)
        for index in characters.indices where characters[index] == "年" {
            guard index + 1 < characters.count, characters[index + 1] == "度" else { continue }
            var start = index
            while start > 0, isDigit(characters[start - 1]) { start -= 1 }
            let digits = index - start
            if digits >= 1, digits <= 3 { return characters.string(start..<(index + 2)) }
        }
        return nil
    }

    /// N-UNIT: a part heading or 目录 entry naming a unit (`第二部分 上海市普陀区规划和自然资源局2024年度…`,
    /// `第一部分 …概况`) that is neither the cover's nor any table's. Placeholders (`XX局`) are F-XX's.
    static func units(_ context: CheckContext) -> [Finding] {
        let disclosure = context.disclosure
        let cover = TextNormalization.key(disclosure.header.title)
        guard !cover.isEmpty else { return [] }
        var known = Set(disclosure.tables.compactMap(\.unitName).map { TextNormalization.key(withoutScope($0)) })
        if let unit = disclosure.header.unitName { known.insert(TextNormalization.key(withoutScope(unit))) }
        var headings: [(text: String, source: SourceLocation, kind: String)] = []
        headings += disclosure.parts.map { ($0.heading, $0.source, "标题") }
        headings += disclosure.tableOfContents.map { ($0.text, $0.source, "目录条目") }
        var findings: [Finding] = []
        for heading in headings {
            guard let name = unitName(in: heading.text), DocumentChecks.placeholder(in: name) == nil else { continue }
            let key = TextNormalization.key(withoutScope(name))
            guard !cover.contains(key), !known.contains(key) else { continue }
            findings.append(
                context.finding(
                    "\(heading.kind)“\(heading.text)”中的单位名称“\(name)”与封面“\(disclosure.header.title)”不一致",
                    "the heading '\(heading.text)' names the unit '\(name)', the cover says '\(disclosure.header.title)'",
                    at: FindingLocation(item: name, source: heading.source), expected: disclosure.header.title,
                    actual: name))
        }
        return findings
    }

    /// The unit named in `第N部分 {unit}{YYYY}年度…` or `第N部分 {unit}概况`, or `nil` (`第一部分 部门概况`).
    static func unitName(in heading: String) -> String? {
        let key = TextNormalization.key(heading)
        guard key.hasPrefix("第"), let part = key.byteRange(of: "部分") else { return nil }
        let rest = key[part.upperBound...]
        let characters = Array(rest.unicodeScalars)
        var end: Int?
        if let index = characters.indices.first(where: { fourDigitYear(at: $0, in: characters) != nil }) {
            end = index
        } else if rest.hasSuffix("概况") {
            end = characters.count - 2
        }
        guard let end else { return nil }
        let name = characters.string(0..<end)
        let generic: Set<String> = ["", "部门", "单位", "本部门", "本单位"]
        guard !generic.contains(name), name.count >= 4 else { return nil }
        return name
    }

    private static func withoutScope(_ name: String) -> String {
        var name = name
        for suffix in ["（本级）", "(本级)", "（汇总）", "(汇总)"] where name.hasSuffix(suffix) {
            name = String(name.dropLast(suffix.count))
        }
        return name
    }
}
