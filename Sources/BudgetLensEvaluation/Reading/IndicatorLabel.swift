import BudgetLensCore

/// An indicator cell as printed: `财政资源配置 (12分)`, `A1决策(14)`, `(3) 预算执行 进度 (2分)`, `C7资金到位率`.
struct IndicatorLabel: Hashable {
    /// `A1`, `C7`, `(3)`; empty when none.
    var code: String
    /// The name without code and weight, whitespace removed.
    var name: String
    /// The weight in the trailing parentheses.
    var weight: Score?

    /// Parses a cell; `nil` for an empty cell, `续上页` or a cell with no name.
    init?(_ text: String) {
        var key = TextNormalization.key(text)
        guard !key.isEmpty, !key.hasPrefix("续上页") else { return nil }
        // Trailing weight: `(12分)`, `(14)`, `(2分)`.
        if key.hasSuffix(")"), let open = key.lastIndex(of: "(") {
            var inner = key[key.index(after: open)..<key.index(before: key.endIndex)]
            if inner.hasSuffix("分") { inner = inner.dropLast() }
            if let value = Score(parsing: inner) {
                weight = value
                key = String(key[..<open])
            }
        }
        // Leading code: `(3)`, `A1`, `C12`.
        if key.hasPrefix("("), let close = key.firstIndex(of: ")"),
            key[key.index(after: key.startIndex)..<close].allSatisfy({ $0.isASCII && $0.isNumber }),
            key.distance(from: key.startIndex, to: close) > 1
        {
            code = String(key[...close])
            key = String(key[key.index(after: close)...])
        } else if let first = key.first, first.isASCII, first.isUppercase {
            let digits = key.dropFirst().prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty {
                code = String(first) + digits
                key = String(key.dropFirst(1 + digits.count))
            } else {
                code = ""
            }
        } else {
            code = ""
        }
        while let first = key.first, first == "." || first == "、" { key.removeFirst() }
        guard !key.isEmpty else { return nil }
        name = key
    }

    /// The sum of the `（x分）` amounts in a rule text: the weight of a detail whose rule lists its points.
    static func pointsListed(in rule: String) -> Score? {
        let key = TextNormalization.key(rule)
        var total: Int64 = 0
        var found = false
        var index = key.startIndex
        while let open = key[index...].firstIndex(of: "(") {
            guard let close = key[open...].firstIndex(of: ")") else { break }
            var inner = key[key.index(after: open)..<close]
            if inner.hasSuffix("分") {
                inner = inner.dropLast()
                if let value = Score(parsing: inner) {
                    total += value.hundredths
                    found = true
                }
            }
            index = key.index(after: close)
        }
        return found ? Score(hundredths: total) : nil
    }
}
