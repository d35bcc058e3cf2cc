import BudgetLensCore

/// A page number printed alone on its line: `7`, `- 7 -`, `第 7 页`, `第7页，共25页`, `7/25`. The PDF reader drops it at the
/// top or foot of a page; the text reader skips it inside a table.
enum PageNumberText {
    /// The dashes printed around a page number (`- 7 -`, `—7—`).
    private static let dashes: Set<Character> = ["-", "—", "–"]

    /// Whether `text` is nothing but a page number.
    static func isPageNumber(_ text: some StringProtocol) -> Bool {
        var key = Substring(TextNormalization.key(text))
        while let first = key.first, dashes.contains(first) || first == " " { key = key.dropFirst() }
        while let last = key.last, dashes.contains(last) || last == " " { key = key.dropLast() }
        if key.allSatisfy(\.isNumber), !key.isEmpty, key.count <= 4 { return true }
        if let slash = key.firstIndex(of: "/") {
            // `6/25`, `6 / 25`: this page of how many.
            let (page, count) = (key[..<slash], key[key.index(after: slash)...])
            guard (1...4).contains(page.count), (1...4).contains(count.count),
                page.allSatisfy({ $0.isASCII && $0.isNumber }), count.allSatisfy({ $0.isASCII && $0.isNumber }),
                let number = Int(page), let total = Int(count)
            else { return false }
            return number <= total
        }
        if key.hasPrefix("第"), key.contains("页") {
            let digits = key.filter(\.isNumber)
            return !digits.isEmpty && key.count - digits.count <= 6
        }
        return false
    }

    /// Whether a page number says it is one — `第6页`, `- 6 -`, `6/25` — rather than digits alone, which may be a
    /// code or a count.
    static func isMarked(_ text: some StringProtocol) -> Bool {
        let key = Substring(TextNormalization.key(text))
        if key.hasPrefix("第") && key.contains("页") || key.contains("/") { return true }
        return key.first.map(dashes.contains) == true && key.last.map(dashes.contains) == true
    }
}
