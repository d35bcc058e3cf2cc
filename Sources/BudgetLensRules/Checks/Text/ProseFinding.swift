import BudgetLensCore

/// A span of a paragraph that a text-quality check reports: where it starts, the span itself and a little of
/// the sentence around it, so a reader finds it in the document.
struct ProseSpan {
    /// The paragraph.
    let paragraph: DocumentProse.Paragraph
    /// The span's characters in the paragraph.
    let range: Range<Int>

    /// The span as printed (without spaces).
    var text: String { paragraph.text(range) }

    /// Up to `width` characters either side of the span, with `…` where the paragraph goes on.
    func excerpt(width: Int = 12) -> String {
        let start = max(0, range.lowerBound - width)
        let end = min(paragraph.characters.count, range.upperBound + width)
        return (start > 0 ? "…" : "") + paragraph.text(start..<end) + (end < paragraph.characters.count ? "…" : "")
    }

    /// Where the span starts.
    var source: SourceLocation { paragraph.location(of: range.lowerBound) }
}

extension CheckContext {
    /// A finding on a span of prose: the span is the finding's item, quoted with its context in both messages.
    ///
    /// - Parameters:
    ///   - what: What is wrong, in Chinese, said of the quoted span (`重复了词语`).
    ///   - english: The same in English.
    func finding(
        on span: ProseSpan, _ what: String, _ english: String, expected: String? = nil, severity: Severity? = nil
    ) -> Finding {
        finding(
            "“\(span.excerpt())”中\(what)“\(span.text)”", "'\(span.excerpt())' \(english) '\(span.text)'",
            at: FindingLocation(item: span.text, source: span.source), expected: expected, actual: span.text,
            severity: severity)
    }
}
