import BudgetLensCore

/// N-NUMBER: the ordinals of a part's lists run 1, 2, 3 …: one that repeats (`2、` after `2、`) or skips
/// (`4、` after `2、`) is a finding. Reads every part but the tables, the 附件's reports included.
///
/// Ordinals are read where a list item starts: at the start of a printed line, or after `。` or `；` inside
/// one (`…财务规则。（八）负责…`), or after `：` (`原因：1、…`). The four styles nest in the order `一、` > `（一）` > `1、` / `1.` > `（1）`:
/// an ordinal resets the count of the styles below it. A list may start again at 1 at any time; an ordinal
/// after a count it cannot follow (lower, or more than ``largestGap`` ahead) starts a new count silently — it
/// is more likely a number the scan took for an ordinal than a list that jumps so far.
enum NumberingCheck {
    /// The largest skip reported: `2、` → `6、` is reported, `2、` → `12、` is not.
    static let largestGap = 4

    /// An ordinal found in the text.
    struct Ordinal {
        let value: Int
        let style: OrdinalStyle
        /// The ordinal as printed, e.g. `（四）`.
        let printed: String
        let span: ProseSpan
    }

    /// Runs the check.
    static func run(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        for block in DocumentProse.of(context.disclosure, includingAnnex: true).blocks {
            var counts: [OrdinalStyle: Ordinal] = [:]
            for ordinal in ordinals(in: block) {
                for style in styles.dropFirst(rank(ordinal.style) + 1) { counts[style] = nil }
                defer { counts[ordinal.style] = ordinal }
                guard let last = counts[ordinal.style], ordinal.value != 1 else { continue }
                if ordinal.value == last.value {
                    findings.append(
                        context.finding(
                            "编号“\(ordinal.printed)”重复（第\(last.span.source.line)行已有\(last.printed)）：“\(ordinal.span.excerpt())”",
                            "the number '\(ordinal.printed)' repeats (the item before, at line \(last.span.source.line), has it too): '\(ordinal.span.excerpt())'",
                            at: FindingLocation(item: ordinal.printed, source: ordinal.span.source),
                            expected: printed(last.value + 1, like: ordinal), actual: ordinal.printed))
                } else if ordinal.value > last.value + 1, ordinal.value <= last.value + 1 + largestGap {
                    let missing = ((last.value + 1)..<ordinal.value).map { printed($0, like: ordinal) }
                    findings.append(
                        context.finding(
                            "编号从“\(last.printed)”跳到“\(ordinal.printed)”，缺少\(missing.joined(separator: "、"))：“\(ordinal.span.excerpt())”",
                            "the numbering jumps from '\(last.printed)' to '\(ordinal.printed)', missing \(missing.joined(separator: ", ")): '\(ordinal.span.excerpt())'",
                            at: FindingLocation(item: ordinal.printed, source: ordinal.span.source),
                            expected: printed(last.value + 1, like: ordinal), actual: ordinal.printed))
                }
            }
        }
        return findings
    }

    /// The styles from the outermost.
    static let styles: [OrdinalStyle] = [.chinese, .parenthesizedChinese, .arabic, .parenthesizedArabic]

    static func rank(_ style: OrdinalStyle) -> Int { styles.firstIndex(of: style) ?? 0 }

    /// `value` written in the style of `ordinal`: `（四）`, `4、`.
    static func printed(_ value: Int, like ordinal: Ordinal) -> String {
        let chinese = chineseNumeral(value)
        let first = ordinal.printed.first ?? " "
        let last = ordinal.printed.last ?? " "
        switch ordinal.style {
        case .chinese: return chinese + String(last)
        case .parenthesizedChinese: return String(first) + chinese + String(last)
        case .arabic: return String(value) + String(last)
        case .parenthesizedArabic: return String(first) + String(value) + String(last)
        }
    }

    /// 1 … 99 in Chinese numerals.
    static func chineseNumeral(_ value: Int) -> String {
        let digits = Array("零一二三四五六七八九")
        guard value > 0, value < 100 else { return String(value) }
        if value < 10 { return String(digits[value]) }
        let tens = value / 10
        let ones = value % 10
        return (tens == 1 ? "" : String(digits[tens])) + "十" + (ones == 0 ? "" : String(digits[ones]))
    }

    /// Whether an ordinal may start with `scalar`: a Chinese or ASCII digit, `（`, `(`, or the seeds' `-`.
    private static func mayOpenOrdinal(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "（", "(", "-", "0"..."9": true
        default: false
        }
    }

    /// The marks after which a list item may start inside a line: `。；;：:`.
    private static func opensItem(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "。", "；", ";", "：", ":": true
        default: false
        }
    }

    /// The ordinals of a block in order: at the start of each printed line, and after `。`, `；` or `：`.
    static func ordinals(in block: DocumentProse.Block) -> [Ordinal] {
        var found: [Ordinal] = []
        for paragraph in block.paragraphs {
            var starts = Set(paragraph.lineStarts.filter { $0 < paragraph.characters.count })
            for offset in paragraph.characters.indices.dropFirst() where opensItem(paragraph.characters[offset - 1]) {
                starts.insert(offset)
            }
            for start in starts.sorted() where mayOpenOrdinal(paragraph.characters[start]) {
                let text = paragraph.text(start..<min(paragraph.characters.count, start + 8))
                var dropped = 0
                var candidate = text
                if candidate.hasPrefix("-") {  // `- 1、` list marks of the seeds' extraction
                    candidate.removeFirst()
                    dropped = 1
                }
                guard let ordinal = TextNormalization.leadingOrdinal(candidate) else { continue }
                let length = candidate.unicodeScalars.count - ordinal.rest.unicodeScalars.count
                // `1.` must be followed by a word, not a number or nothing (`1.5`, a page number `3.`).
                let next = ordinal.rest.unicodeScalars.first
                if ordinal.style == .arabic, candidate.unicodeScalars.dropFirst(length - 1).first != "、",
                    !(next.map(DocumentProse.isIdeograph) ?? false), next != "“"
                {
                    continue
                }
                let range = (start + dropped)..<(start + dropped + length)
                found.append(
                    Ordinal(
                        value: ordinal.value, style: ordinal.style, printed: paragraph.text(range),
                        span: ProseSpan(paragraph: paragraph, range: range)))
            }
        }
        return found
    }
}
