import BudgetLensCore

/// Slips of the pen that reviewers catch by eye: a word or phrase written twice (`主要是主要是`), a sentence
/// repeated at once, doubled punctuation (`。。`). They read every part but the tables, the 附件's reports
/// included; table rows (tab-separated fields: a self-evaluation table prints a target and its result side by
/// side, `明显提升` in two cells) are not prose.
enum RepetitionChecks {
    /// The longest phrase looked for twice in a row, in characters.
    static let longestPhrase = 12
    /// Single characters whose doubling is always a slip (`的的`, `和和`); other single characters double in
    /// ordinary words (`常常`, `人人`, `层层`).
    static let doubledCharacters: Set<Unicode.Scalar> = ["的", "和", "与", "及", "了", "在"]

    /// N-DUP-WORD: a phrase of 2 to 12 ideographs, or one of ``doubledCharacters``, written twice in a row.
    static func doubledWords(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        for block in DocumentProse.of(context.disclosure, includingAnnex: true).blocks {
            for paragraph in block.paragraphs {
                for range in doubledRanges(in: paragraph.characters) {
                    let span = ProseSpan(paragraph: paragraph, range: range)
                    let phrase = paragraph.text(range.lowerBound..<(range.lowerBound + range.count / 2))
                    findings.append(
                        context.finding(
                            on: span, "词语重复", "repeats a word:", expected: phrase))
                }
            }
        }
        return findings
    }

    /// The ranges of a phrase followed by itself; the longest phrase wins, and `不了了之` is not a doubling.
    static func doubledRanges(in characters: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while index < characters.count {
            guard DocumentProse.isIdeograph(characters[index]) else {
                index += 1
                continue
            }
            var found: Range<Int>?
            let longest = min(longestPhrase, (characters.count - index) / 2)
            var length = longest
            while length >= 1 {
                defer { length -= 1 }
                guard characters[index] == characters[index + length] else { continue }
                let first = index..<(index + length)
                let second = (index + length)..<(index + 2 * length)
                guard characters[first].elementsEqual(characters[second]),
                    characters[first].allSatisfy(DocumentProse.isIdeograph)
                else { continue }
                if length == 1 {
                    guard doubledCharacters.contains(characters[index]), !isIdiom(characters, at: index) else { continue }
                }
                found = index..<(index + 2 * length)
                break
            }
            if let found {
                ranges.append(found)
                index = found.upperBound
            } else {
                index += 1
            }
        }
        return ranges
    }

    /// `不了了之`, `了了` in `一目了了`: idioms with a doubled 了.
    private static func isIdiom(_ characters: [Unicode.Scalar], at index: Int) -> Bool {
        characters[index] == "了" && index > 0 && characters[index - 1] == "不"
    }

    /// The shortest sentence compared by N-DUP-SENT, in ideographs: short formulas (`无。`) may repeat.
    static let shortestSentence = 6

    /// N-DUP-SENT: a sentence (ending `。！？`) printed twice in a row, in the same part. A sentence that recurs
    /// further on (the same reason given for two items) is not a slip.
    static func repeatedSentences(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        for block in DocumentProse.of(context.disclosure, includingAnnex: true).blocks {
            var previous: (paragraph: Int, range: Range<Int>)?
            for (number, paragraph) in block.paragraphs.enumerated() {
                for range in sentenceRanges(in: paragraph.characters) {
                    let isSentence = isCompleteSentence(paragraph.characters[range])
                    defer { previous = isSentence ? (number, range) : nil }
                    guard isSentence, let previous,
                        block.paragraphs[previous.paragraph].characters[previous.range].elementsEqual(
                            paragraph.characters[range])
                    else { continue }
                    let text = paragraph.text(range)
                    let span = ProseSpan(paragraph: paragraph, range: range)
                    findings.append(
                        context.finding(
                            "句子重复：“\(text)”连续出现两次", "a sentence is printed twice in a row: '\(text)'",
                            at: FindingLocation(item: text, source: span.source), expected: "once", actual: "twice"))
                }
            }
        }
        return findings
    }

    /// A sentence N-DUP-SENT compares: it ends with `。！？` (closing quotes aside) and has at least
    /// ``shortestSentence`` ideographs.
    static func isCompleteSentence(_ sentence: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let end = sentence.lastIndex(where: { !isClosingMark($0) }), endsSentence(sentence[end]) else {
            return false
        }
        var ideographs = 0
        for scalar in sentence where DocumentProse.isIdeograph(scalar) {
            ideographs += 1
            if ideographs >= shortestSentence { return true }
        }
        return false
    }

    /// The sentences of a paragraph: runs ending with `。！？` (the last one may end without).
    static func sentenceRanges(in characters: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for (index, character) in characters.enumerated() where endsSentence(character) {
            var end = index + 1
            while end < characters.count, isClosingMark(characters[end]) { end += 1 }
            if end > start { ranges.append(start..<end) }
            start = end
        }
        if start < characters.count { ranges.append(start..<characters.count) }
        return ranges.filter { !$0.isEmpty }
    }

    /// The clause mark `scalar` is, if it is one: full-width punctuation that never stands twice in a row
    /// (`。。`, `，，`, `，。`, `；。`); an ASCII mark counts as the full-width one of its kind (`，,`, `；;`, `：:`).
    static func clauseMark(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar {
        case "。", "，", "、", "；", "：": scalar
        case ",": "，"
        case ";": "；"
        case ":": "："
        default: nil
        }
    }

    /// The marks that end a sentence: `。！？!?`.
    static func endsSentence(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "。", "！", "？", "!", "?": true
        default: false
        }
    }

    /// Closing quotes and brackets that belong to the sentence before them: `”’」）)`.
    static func isClosingMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "”", "’", "」", "）", ")": true
        default: false
        }
    }

    /// N-PUNCT: two clause marks in a row (`。。`, `，，`, `，。`), or a full-width mark doubled by its ASCII twin.
    static func doubledPunctuation(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        for block in DocumentProse.of(context.disclosure, includingAnnex: true).blocks {
            for paragraph in block.paragraphs {
                for range in doubledPunctuationRanges(in: paragraph.characters) {
                    let span = ProseSpan(paragraph: paragraph, range: range)
                    findings.append(
                        context.finding(on: span, "标点重复", "doubles its punctuation:", expected: "one mark"))
                }
            }
        }
        return findings
    }

    /// The ranges of two or more clause marks in a row.
    static func doubledPunctuationRanges(in characters: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while index + 1 < characters.count {
            guard let first = clauseMark(characters[index]), let second = clauseMark(characters[index + 1]) else {
                index += 1
                continue
            }
            // An ASCII mark counts only beside its full-width twin (`，,`): `:,` in a number is not prose.
            let isASCIIPair = characters[index].isASCII || characters[index + 1].isASCII
            if isASCIIPair, first != second {
                index += 1
                continue
            }
            var end = index + 2
            while end < characters.count, clauseMark(characters[end]) != nil { end += 1 }
            ranges.append(index..<end)
            index = end
        }
        return ranges
    }
}
