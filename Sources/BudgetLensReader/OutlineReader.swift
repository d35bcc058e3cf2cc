import BudgetLensCore

/// Reads the document outline: the cover title, the 目录, and the parts (`第一部分 …`) of the body.
struct OutlineReader {
    let text: SourceText

    /// A part heading in the body.
    struct PartHeading {
        let index: Int
        /// The heading with its title, which may continue on the next non-blank line.
        let heading: String
        let role: PartRole
        /// The last line of the heading.
        let headingEnd: Int
    }

    /// The line range of the 目录 (after the `目录` line), or `nil` when the document has none near its start.
    func contentsRange() -> Range<Int>? {
        let searchLimit = min(text.count, 200)
        // `目录`, or its two characters spaced apart onto two lines (raw pdftotext: `目` / `录`).
        let marker = (0..<searchLimit).lazy.compactMap { index -> Int? in
            guard Self.mayMarkContents(text.lines[index]) else { return nil }
            let key = TextNormalization.key(text.lines[index])
            if Self.isContentsMarker(key) { return index }
            guard key == "目", let next = nextNonBlank(after: index), next <= index + 3,
                TextNormalization.key(text.lines[next]) == "录"
            else { return nil }
            return next
        }.first
        guard let start = marker else { return nil }
        var firstKey: String?
        var end = start + 1
        var index = start + 1
        while index < text.count {
            defer { index += 1 }
            if text.isBlank(index) { continue }
            if text.isGridLine(index), Int(TextNormalization.key(text.lines[index].split(separator: "\t").last ?? "")) == nil {
                break  // a table, not a dotted 目录 entry with its page number
            }
            let key = entryKey(index)
            if let firstKey {
                if key.hasPrefix(firstKey) { break }  // the body starts with the first entry again
                if text.lines[index].utf8.count > 240 { break }  // prose
            } else {
                firstKey = key.isEmpty ? nil : String(key.prefix(while: { $0 != " " }).prefix(4))
            }
            end = index + 1
        }
        return (start + 1)..<end
    }

    /// Whether a line may be a 目录 marker (or its `目` alone), told on its bytes before its key is made: the key
    /// (``TextNormalization/key(_:)``) only drops spaces and quotation marks and folds full-width ASCII, so a key
    /// holding `目录`, `ontents` or `ONTENTS`, or equal to `目`, comes from a line holding `目`, or a `t`/`T` in half
    /// or full width. Page text without a marker (`2024目 录` is none) would otherwise key 200 lines.
    /// One pass over the bytes: `t` `T`, `目` (E7 9B AE), `ｔ` (EF BD 94), `Ｔ` (EF BC B4).
    static func mayMarkContents(_ line: Substring) -> Bool {
        line.withUTF8Bytes { bytes in
            var index = 0
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "t"), UInt8(ascii: "T"): return true
                case 0xE7 where index + 2 < bytes.count && bytes[index + 1] == 0x9B && bytes[index + 2] == 0xAE: return true
                case 0xEF where index + 2 < bytes.count && (bytes[index + 1] == 0xBD && bytes[index + 2] == 0x94
                    || bytes[index + 1] == 0xBC && bytes[index + 2] == 0xB4): return true
                default: break
                }
                index += 1
            }
            return false
        }
    }

    /// Whether a line's key marks the 目录: `目录`, and as units print it, `—目录—`, `目录(续)`, `目录1` (a page
    /// number), `Contents`, or a title ending in it (`…局2024年度部门决算目录`, at most 40 characters).
    static func isContentsMarker(_ key: String) -> Bool {
        guard key.utf8.count <= 160, key.containsText("目录") || key.containsText("ontents") || key.containsText("ONTENTS")
        else { return false }
        var core = Substring(key)
        // Dashes and brackets around it; a page number after it (`目录1`), never digits before it (`2024目 录`:
        // page text's cover year run into the marker, whose 目录 ends nowhere: the body's first heading is glued to
        // the 目录's last entry there).
        let decoration: (Character) -> Bool = { "-—–_=·•*#|【】[]".contains($0) }
        core = core.drop(while: decoration)
        while let last = core.last, decoration(last) || last.isNumber { core = core.dropLast() }
        if core.hasSuffix("(续)") { core = core.dropLast(3) }
        if core == "目录" || core.lowercased() == "contents" || core.lowercased() == "tableofcontents" { return true }
        return core.hasSuffix("目录") && core.count <= 40 && (core.contains("决算") || core.contains("预算"))
    }

    /// The part headings less those of a 目录 the reader did not find (a marker it does not know, a long entry
    /// that ended it early): a heading with no body of its own — no sentence (`。`, `，`, `；`) and no table
    /// before the next heading — when a later heading has the same role. The 目录's `第三部分 …情况说明` would
    /// otherwise be the 情况说明, its sections the 目录's entries, and the real one never read.
    func withoutContentsEntries(_ headings: [PartHeading], tableLines: [ClosedRange<Int>]) -> [PartHeading] {
        headings.enumerated().filter { offset, heading in
            guard heading.role != .other, headings[(offset + 1)...].contains(where: { $0.role == heading.role }) else {
                return true
            }
            let end = offset + 1 < headings.count ? headings[offset + 1].index : text.count
            let body = (heading.headingEnd + 1)..<max(heading.headingEnd + 1, end)
            if tableLines.contains(where: { body.overlaps($0.lowerBound..<($0.upperBound + 1)) }) { return true }
            return body.contains { index in
                !text.isBlank(index) && ["。", "，", "；"].contains { text.lines[index].containsText($0) }
            }
        }.map(\.element)
    }

    /// The entries of the 目录 in `range`.
    func contents(in range: Range<Int>) -> [ContentsEntry] {
        range.compactMap { index in
            guard !text.isBlank(index) else { return nil }
            let fields = text.lines[index].split(separator: "\t")
            var entry = (fields.first ?? "").trimmedSpaces()
            if entry.hasBytePrefix("- ") { entry = String(entry.dropFirst(2)) }
            while entry.hasByteSuffix(".") || entry.hasByteSuffix("…") || entry.hasByteSuffix("·") { entry.removeLast() }
            let page = fields.count > 1 ? Int(TextNormalization.key(fields[fields.count - 1])) : nil
            return ContentsEntry(text: entry.trimmedSpaces(), page: page, source: text.location(index))
        }
    }

    /// The cover: its title (the non-blank lines before the 目录, or the first few lines, joined) and the unit
    /// named on a line such as `预算主管部门：上海市普陀区商务委员会`.
    ///
    /// The title ends where the cover goes on to other things: at a field (`评价机构：…`) or a numbered heading
    /// (`一、基本情况`) after it (evaluation reports have no 目录 and go on in the first lines). A year alone after a title that has `年度` without one (`上海市普陀区财政局` / `年度部门决算` / `2024`)
    /// goes before its `年度`.
    func cover(before contentsStart: Int?) -> (title: String, source: SourceLocation?, unitName: String?) {
        let end = contentsStart.map { max(0, $0 - 1) } ?? min(text.count, 12)
        var parts: [String] = []
        var first: SourceLocation?
        var unitName: String?
        for index in 0..<end where !text.isBlank(index) && !text.isGridLine(index) {
            // The cover is one page: a form feed starts the next (raw pdftotext: `\f目` / `录` after the title).
            if !parts.isEmpty, text.lines[index].first == "\u{0C}" { break }
            if let header = TableHeaderLine(text.lines[index]) {
                unitName = unitName ?? header.unitName
                continue
            }
            let label = text.label(index)
            if label.utf8.count > 200 { break }
            // A page number (`1`), or the year alone (`2022年度`) under a title that names it already (covers
            // printed by `budgetlens render` and many templates), is no part of the title; a year alone under a
            // title whose `年度` has none is its year.
            let compact = label.filter { $0 != " " && $0 != "\u{3000}" }
            let digits = compact.prefix { $0.isASCII && $0.isNumber }
            if !compact.isEmpty && digits.count == compact.count {
                Self.insertYear(compact, into: &parts)
                continue
            }
            if !digits.isEmpty, ["年度", "年"].contains(compact.dropFirst(digits.count)),
                parts.contains(where: { $0.filter { $0 != " " && $0 != "\u{3000}" }.contains(compact) })
            { continue }
            if !parts.isEmpty, Self.isFieldOrHeading(compact) { break }
            if first == nil { first = text.location(index) }
            parts.append(label)
        }
        return (TextNormalization.label(parts.joined(separator: " ")), first, unitName)
    }

    /// A field (`评价机构：…`, `日期:`) or a numbered heading (`一、`, `(一)`, `（一）`), which follows a cover's title
    /// and is no part of it.
    private static func isFieldOrHeading(_ compact: String) -> Bool {
        if compact.contains("：") || compact.contains(":") { return true }
        guard let ordinal = TextNormalization.leadingOrdinal(compact) else { return false }
        return ordinal.style == .chinese || ordinal.style == .parenthesizedChinese
    }

    /// Puts `digits`, when it is a year (1990–2099) and no part has a year yet, before the `年度` of the last part
    /// that has one (`年度部门决算` → `2024年度部门决算`).
    private static func insertYear(_ digits: String, into parts: inout [String]) {
        guard digits.utf8.count == 4, let year = Int(digits), (1990...2099).contains(year) else { return }
        guard !parts.contains(where: { TextDisclosureParser.year(in: $0) != nil }),
            let index = parts.lastIndex(where: { $0.contains("年度") }),
            let range = parts[index].byteRange(of: "年度")
        else { return }
        parts[index].insert(contentsOf: digits, at: range.lowerBound)
    }

    /// The part headings after `start`: lines beginning `第一部分` … `第九部分`.
    func partHeadings(from start: Int) -> [PartHeading] {
        var headings: [PartHeading] = []
        for index in text.lines(containing: "部分", maximumLength: 600) where index >= start && !text.isGridLine(index) {
            let label = text.label(index)
            guard label.utf8.count < 200, label.hasBytePrefix("第"), let partMarker = label.byteRange(of: "部分"),
                let number = TextNormalization.chineseNumeral(label[label.index(after: label.startIndex)..<partMarker.lowerBound]),
                number <= 9
            else { continue }
            var heading = text.lines[index].trimmedSpaces()
            var end = index
            var rest = String(label[partMarker.upperBound...]).trimmedSpaces()
            // The title continues on the next line when the heading is bare (`第三部分` / `2022 年度…情况说明`)
            // or wraps (`…部门决算情况` / `说明`): only when that makes a title it does not make alone.
            // Both at most once each: a bare heading whose title also wraps (raw pdftotext: `第三部分` / `…决算情况`
            // / `说明`) takes two lines.
            for _ in 0..<2 {
                guard role(of: rest) == .other, let next = nextNonBlank(after: end), next <= end + 3,
                    !text.isGridLine(next)
                else { break }
                let nextLabel = text.label(next)
                guard nextLabel.utf8.count < 120, rest.isEmpty || role(of: rest + nextLabel) != .other else { break }
                heading += (rest.isEmpty ? " " : "") + text.lines[next].trimmedSpaces()
                rest += nextLabel
                end = next
            }
            headings.append(PartHeading(index: index, heading: heading, role: role(of: rest), headingEnd: end))
        }
        return headings
    }

    /// The 情况说明 and 名词解释 headings of a body without `第N部分` markers for them, as units print them alone
    /// (`上海市普陀区财政局2024年度部门决算情况说明`, `三、部门决算情况说明`, `部门决算说明`, `情况说明`, wrapped
    /// `…年度部门决算` / `情况说明`, `名词解释`): each only when `headings` has none of its role, outside the tables'
    /// lines, and the 情况说明's only when its first section (`一、…`) follows within four lines (``namesNarrative(_:)``
    /// says which words name it).
    func unmarkedHeadings(from start: Int, excluding tableLines: [ClosedRange<Int>], headings: [PartHeading]) -> [PartHeading] {
        func outsideTables(_ index: Int) -> Bool {
            index >= start && !text.isGridLine(index) && !tableLines.contains { $0.contains(index) }
        }
        /// The label's key without a leading `三、` (a part numbered like a section).
        func key(_ index: Int) -> String {
            let key = TextNormalization.key(text.label(index))
            if let ordinal = TextNormalization.leadingOrdinal(key), ordinal.style == .chinese { return String(ordinal.rest) }
            return key
        }
        var found: [PartHeading] = []
        if !headings.contains(where: { $0.role == .narrative }) {
            // Lines with 说明 or 决算: the heading, or the first line of one wrapped anywhere (`…年度部门决算` /
            // `情况说明`, `…决算情况说` / `明`): joined with the next line when that is short.
            let candidates = Set(text.lines(containing: "说明", maximumLength: 300) + text.lines(containing: "决算", maximumLength: 300))
            for first in candidates.sorted() where outsideTables(first) {
                let own = key(first)
                var index = first
                if !Self.namesNarrative(own) {
                    guard let next = nextNonBlank(after: first), next <= first + 2, outsideTables(next) else { continue }
                    let rest = key(next)
                    guard !rest.isEmpty, rest.count <= 6, Self.namesNarrative(own + rest) else { continue }
                    index = next  // wrapped: the heading's last line
                }
                // Its first section follows.
                var next = index
                var sectionFollows = false
                for _ in 0..<4 {
                    guard let line = nextNonBlank(after: next) else { break }
                    if let ordinal = TextNormalization.leadingOrdinal(text.label(line)), ordinal.style == .chinese,
                        ordinal.value == 1
                    {
                        sectionFollows = true
                        break
                    }
                    next = line
                }
                guard sectionFollows else { continue }
                let heading = (first...index).map { text.lines[$0].trimmedSpaces() }.joined()
                found.append(PartHeading(index: first, heading: heading, role: .narrative, headingEnd: index))
                break
            }
        }
        if !headings.contains(where: { $0.role == .glossary }) {
            for index in text.lines(containing: "名词解释", maximumLength: 120) where outsideTables(index) {
                guard key(index) == "名词解释" else { continue }
                found.append(PartHeading(index: index, heading: text.lines[index].trimmedSpaces(), role: .glossary, headingEnd: index))
                break
            }
        }
        return found
    }

    /// Whether a heading's key (without a leading `三、`) names the 情况说明 part: `情况说明` alone, or words ending with
    /// 部门, 单位, 本级, 汇总 or 年度 (or none) before `决算情况说明`, `决算情况的说明` or `决算说明`. The narrative's own
    /// sections (`二、收入决算情况说明`, `八、…收入支出决算情况说明`) do not.
    static func namesNarrative(_ key: String) -> Bool {
        if key == "情况说明" { return true }
        for ending in ["决算情况说明", "决算情况的说明", "决算说明"] where key.hasByteSuffix(ending) {
            let words = key.dropLast(ending.count)
            return words.isEmpty || ["部门", "单位", "本级", "汇总", "年度"].contains { words.hasSuffix($0) }
        }
        return false
    }

    private func role(of title: String) -> PartRole {
        let key = TextNormalization.key(title)
        if key.containsText("名词解释") { return .glossary }
        if key.containsText("附件") { return .annex }
        if key.containsText("情况说明") { return .narrative }
        if key.containsText("其他需要说明") || key.containsText("其他重要事项") { return .otherMatters }
        if key.containsText("决算表") { return .tables }
        if key.containsText("概况") { return .overview }
        return .other
    }

    private func nextNonBlank(after index: Int) -> Int? {
        var next = index + 1
        while next < text.count, text.isBlank(next) { next += 1 }
        return next < text.count ? next : nil
    }

    /// The key of a 目录 entry: without `- `, its leading ordinal or 第…部分 marker kept.
    private func entryKey(_ index: Int) -> String {
        var key = TextNormalization.key(text.lines[index].split(separator: "\t").first ?? "")
        if key.hasBytePrefix("-") { key.removeFirst() }
        return key
    }
}
