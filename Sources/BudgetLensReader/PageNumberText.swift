import BudgetLensCore

/// A page number printed alone on its line: `7`, `- 7 -`, `第 7 页`, `第7页，共25页`. The PDF reader drops it at the
/// top or foot of a page; the text reader skips it inside a table.
enum PageNumberText {
    /// Whether `text` is nothing but a page number.
    static func isPageNumber(_ text: some StringProtocol) -> Bool {
        let dashes: Set<Character> = ["-", "—", "–", " "]
        var key = Substring(TextNormalization.key(text))
        while let first = key.first, dashes.contains(first) { key = key.dropFirst() }
        while let last = key.last, dashes.contains(last) { key = key.dropLast() }
        if key.allSatisfy(\.isNumber), !key.isEmpty, key.count <= 4 { return true }
        if key.hasPrefix("第"), key.contains("页") {
            let digits = key.filter(\.isNumber)
            return !digits.isEmpty && key.count - digits.count <= 6
        }
        return false
    }
}
