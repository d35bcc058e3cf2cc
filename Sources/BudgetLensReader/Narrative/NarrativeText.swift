import BudgetLensCore
import Foundation

/// A narrative section's text prepared for reading statements: whitespace removed (PDF extraction puts
/// spaces inside numbers and words: `2, 361. 57`), full-width digits, letters, `%` and brackets folded to half
/// width, page footers (`第4页，共102页`) dropped, and the lines cut into paragraphs (a list item or heading
/// starts one; a wrapped line continues one). Every character remembers its line.
struct NarrativeText {
    /// One paragraph: its characters and, for each, the index of the line it came from.
    struct Paragraph {
        var scalars: [Unicode.Scalar] = []
        var lines: [Int] = []
    }

    let paragraphs: [Paragraph]

    init(lines: [TextLine]) {
        var paragraphs: [Paragraph] = []
        var current = Paragraph()
        var previousEndsParagraph = true
        for (index, line) in lines.enumerated() {
            let text = NarrativeText.dropPageFooters(line.text)
            let folded = NarrativeText.fold(text)
            guard !folded.isEmpty else { continue }
            let startsParagraph = NarrativeText.startsParagraph(folded)
            if (startsParagraph || previousEndsParagraph), !current.scalars.isEmpty {
                paragraphs.append(current)
                current = Paragraph()
            }
            current.scalars.append(contentsOf: folded)
            current.lines.append(contentsOf: repeatElement(index, count: folded.count))
            previousEndsParagraph = NarrativeText.endsParagraph(folded, startsParagraph: startsParagraph)
        }
        if !current.scalars.isEmpty { paragraphs.append(current) }
        self.paragraphs = paragraphs
    }

    /// The text of `scalars`, encoded once (faster than going through `String.UnicodeScalarView`).
    static func string(_ scalars: some Collection<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 3)
        for scalar in scalars { UTF8.encode(scalar) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whitespace removed; full-width ASCII folded to half width except the comma `，` and the full stop (a
    /// full-width comma is never a thousands separator); quotation marks kept.
    static func fold(_ text: String) -> [Unicode.Scalar] {
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if TextNormalization.isSpace(scalar) { continue }
            if value == 0xFF0C { output.append(scalar); continue }  // ，
            if (0xFF01...0xFF5E).contains(value), let folded = Unicode.Scalar(value - 0xFEE0) {
                output.append(folded)
                continue
            }
            output.append(scalar)
        }
        // Markdown list dashes (`- 1、…`) and emphasis (`**一是**`) are not text.
        if output.first == "-", output.count > 1, output[1] != "-" { output.removeFirst() }
        output.removeAll { $0 == "*" }
        return output
    }

    /// `第4页，共102页` and `第 4 页` footers glued into the text by extraction.
    static func dropPageFooters(_ text: String) -> String {
        guard text.containsText("页"), text.containsText("第") else { return text }
        var result = text
        while let range = result.range(of: #"第\s*\d+\s*页\s*[，,]?\s*(共\s*\d+\s*页)?"#, options: .regularExpression) {
            result.removeSubrange(range)
        }
        return result
    }

    /// A line opening a list item or a heading: `1、`, `1.`, `（一）`, `(1)`, `一、`, `图1：`.
    static func startsParagraph(_ scalars: [Unicode.Scalar]) -> Bool {
        guard let first = scalars.first else { return false }
        if first == "(", scalars.count > 2 {
            // `(一)`, `(1)`; not a wrapped `(项)`.
            let second = scalars[1]
            return "一二三四五六七八九十".unicodeScalars.contains(second) || ("0"..."9").contains(second)
        }
        if first == "图", scalars.count > 1, scalars[1].properties.numericType != nil { return true }
        if "一二三四五六七八九十".unicodeScalars.contains(first) {
            if let mark = scalars.dropFirst().first(where: { !"一二三四五六七八九十".unicodeScalars.contains($0) }) {
                return mark == "、" || mark == "是"
            }
        }
        if ("0"..."9").contains(first) {
            var index = 0
            while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
            guard index < scalars.count, index <= 2 else { return false }
            let mark = scalars[index]
            if mark == "、" { return true }
            if mark == ".", index + 1 < scalars.count, !("0"..."9").contains(scalars[index + 1]) { return true }
        }
        return false
    }

    /// Whether a paragraph ends with this line: a short heading line. (A sentence end does not end one: the
    /// item `3、…（项）。` continues with its figures on the next line.)
    static func endsParagraph(_ scalars: [Unicode.Scalar], startsParagraph: Bool) -> Bool {
        // A heading such as `(一)收入决算结构情况` or `图1:收入支出决算变动情况`.
        guard startsParagraph, scalars.count <= 40, scalars.last != "。", let first = scalars.first,
            first == "(" || first == "图"
        else { return false }
        return !scalars.contains("，") && !scalars.contains("万")
    }
}
