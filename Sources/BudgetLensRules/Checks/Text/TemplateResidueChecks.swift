import BudgetLensCore

/// What the drafting template leaves behind when it is not filled in (DOMAIN §2.0, Appendix A N-TPL): an
/// unresolved alternative (`增加（减少）`), a drafting instruction (`（如持平作持平表述）`), an amount slot left
/// empty (`年初结转和结余万元`). `XX` placeholders are F-XX's (``DocumentChecks/noPlaceholders(_:)``).
///
/// Both checks read every part but the tables, the 附件 included.
enum TemplateResidueChecks {
    /// The opposite words a template offers as alternatives: `增加（减少）`, `下降(增长)`, `大于/小于`.
    static let alternatives: [(String, String)] = [
        ("增加", "减少"), ("增长", "下降"), ("增长", "减少"), ("增加", "下降"), ("大于", "小于"), ("高于", "低于"),
        ("上升", "下降"),
    ]

    /// Drafting instructions of the 部门决算 templates, which the published text must not keep.
    static let instructions = [
        "如持平作持平表述", "不涉及的不列", "作下述说明", "按上述格式", "（制度名称）", "(制度名称)", "列明公务",
        "保留事业收入的名词解释",
    ]

    /// N-TPL-RESIDUE: alternatives and drafting instructions left in the text.
    static func residue(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        for block in DocumentProse.of(context.disclosure, includingAnnex: true).blocks {
            for paragraph in block.paragraphs {
                for range in alternativeRanges(in: paragraph.characters) {
                    let span = ProseSpan(paragraph: paragraph, range: range)
                    findings.append(
                        context.finding(
                            on: span, "留有模板的备选写法", "still offers the template's alternatives",
                            expected: "one of the alternatives"))
                }
                for range in instructionRanges(in: paragraph.characters) {
                    let span = ProseSpan(paragraph: paragraph, range: range)
                    findings.append(
                        context.finding(
                            on: span, "留有模板的填写说明", "still holds the template's drafting instruction",
                            expected: "no instruction"))
                }
            }
        }
        return findings
    }

    /// The alternatives as character arrays, both orders: (`增加`, `减少`), (`减少`, `增加`), …
    private static let orderedPairs: [([Unicode.Scalar], [Unicode.Scalar])] = alternatives.flatMap { a, b in
        [(Array(a.unicodeScalars), Array(b.unicodeScalars)), (Array(b.unicodeScalars), Array(a.unicodeScalars))]
    }
    /// Whether an alternative may start with `scalar` (增 减 下 大 小 高 低 上), to skip the rest quickly.
    private static func mayStartAlternative(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "增", "减", "下", "大", "小", "高", "低", "上": true
        default: false
        }
    }

    /// The ranges of `A（B）`, `A(B)`, `A/B`, `A／B` for an opposite pair A, B (either order).
    static func alternativeRanges(in characters: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while index + 5 <= characters.count {
            guard mayStartAlternative(characters[index]),
                let matched = orderedPairs.lazy.compactMap({ alternative($0.0, $0.1, at: index, in: characters) }).first
            else {
                index += 1
                continue
            }
            ranges.append(matched)
            index = matched.upperBound
        }
        return ranges
    }

    private static func alternative(
        _ a: [Unicode.Scalar], _ b: [Unicode.Scalar], at index: Int, in characters: [Unicode.Scalar]
    )
        -> Range<Int>?
    {
        guard characters.count >= index + a.count + 1 + b.count, characters[index..<(index + a.count)].elementsEqual(a)
        else { return nil }
        let separator = characters[index + a.count]
        let secondStart = index + a.count + 1
        guard characters[secondStart..<(secondStart + b.count)].elementsEqual(b) else { return nil }
        let afterSecond = secondStart + b.count
        switch separator {
        case "（", "(":
            guard afterSecond < characters.count, characters[afterSecond] == "）" || characters[afterSecond] == ")" else {
                return nil
            }
            return index..<(afterSecond + 1)
        case "/", "／":
            return index..<afterSecond
        default:
            return nil
        }
    }

    private static let instructionPatterns = instructions.map { Array($0.unicodeScalars) }

    /// The ranges of the drafting instructions in `characters`.
    static func instructionRanges(in characters: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        for pattern in instructionPatterns {
            var index = 0
            while index + pattern.count <= characters.count {
                if characters[index] == pattern[0], characters[index..<(index + pattern.count)].elementsEqual(pattern) {
                    ranges.append(index..<(index + pattern.count))
                    index += pattern.count
                } else {
                    index += 1
                }
            }
        }
        return ranges.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// Characters that may stand before `万元` or `%` as part of a number written in Chinese (`叁佰万元`).
    static let numeralCharacters = Set("零〇一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟".unicodeScalars)

    /// N-TPL-SLOT: `万元` or `%` straight after a word, where the template's amount was never filled in
    /// (`年初结转和结余万元`, `增长%`). `金额单位：万元`, `（万元）` and amounts in Chinese numerals are not slots.
    static func emptySlots(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        for block in DocumentProse.of(context.disclosure, includingAnnex: true).blocks {
            for paragraph in block.paragraphs {
                for range in slotRanges(in: paragraph.characters) {
                    let span = ProseSpan(paragraph: paragraph, range: range)
                    findings.append(
                        context.finding(
                            on: span, "缺少金额或比例（空的填写位置）", "lacks its amount or percentage (an empty slot):",
                            expected: "a number"))
                }
            }
        }
        return findings
    }

    /// The ranges of an empty slot: the word before and the unit (`结余万元`).
    static func slotRanges(in characters: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        for index in characters.indices where index > 0 {
            let unitLength: Int
            if characters[index] == "万", index + 1 < characters.count, characters[index + 1] == "元" {
                unitLength = 2
            } else if characters[index] == "%" || characters[index] == "％" {
                unitLength = 1
            } else {
                continue
            }
            let before = characters[index - 1]
            guard DocumentProse.isIdeograph(before), !numeralCharacters.contains(before) else { continue }
            ranges.append(max(0, index - 2)..<(index + unitLength))
        }
        return ranges
    }
}
