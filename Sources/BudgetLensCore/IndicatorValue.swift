/// The comparator of a target (`≥450家`) or, wrongly, of an actual value (`≥18200人`).
public enum Comparator: String, Hashable, Sendable, Codable {
    case atLeast = "≥"
    case atMost = "≤"
    case equal = "="
    case greater = ">"
    case less = "<"
}

/// A target (年度指标值) or an actual value (实际完成值) as printed, read: comparator and measure when
/// quantitative (`≥450家`, `98.56%`, `514776.52元`), only text when qualitative (`明显提升`, a sentence).
public struct IndicatorValue: Hashable, Sendable, Codable {
    /// The text, with markup removed and whitespace normalised.
    public var text: String
    /// The comparator written before the number, if any.
    public var comparator: Comparator?
    /// The number and unit, when the text is a quantity.
    public var measure: Measure?

    /// Creates a value.
    public init(text: String, comparator: Comparator?, measure: Measure?) {
        self.text = text
        self.comparator = comparator
        self.measure = measure
    }

    /// Reads `≥ 450 家`, `$\geq 90\%$`, `不低于90%`, `100%`, `64317`, `明显提升`.
    public init(parsing printed: String) {
        let text = IndicatorValue.clean(printed)
        self.text = text
        var rest = Substring(text)
        var comparator: Comparator?
        for (prefix, value) in IndicatorValue.comparatorPrefixes where rest.hasPrefix(prefix) {
            comparator = value
            rest = rest.dropFirst(prefix.count)
            break
        }
        let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }
        let unit = rest.dropFirst(number.count)
        if !number.isEmpty, let millionths = Measure.millionths(number), IndicatorValue.isUnit(unit) {
            self.comparator = comparator
            measure = Measure(millionths: millionths, unit: String(unit))
        } else {
            self.comparator = nil
            measure = nil
        }
    }

    /// True when the value is a number (with or without unit).
    public var isQuantitative: Bool { measure != nil }

    private static let comparatorPrefixes: [(String, Comparator)] = [
        ("≥", .atLeast), ("≤", .atMost), (">=", .atLeast), ("<=", .atMost), (">", .greater), ("<", .less), ("=", .equal),
        ("不低于", .atLeast), ("不少于", .atLeast), ("不小于", .atLeast), ("大于等于", .atLeast), ("不高于", .atMost),
        ("不超过", .atMost), ("不多于", .atMost), ("小于等于", .atMost), ("大于", .greater), ("小于", .less),
        ("等于", .equal),
    ]

    /// A unit is short and holds no digit or sentence punctuation: `家`, `%`, `万元`, `人次`, `M`.
    private static func isUnit(_ text: Substring) -> Bool {
        guard text.count <= 4 else { return false }
        return !text.contains { ($0.isASCII && $0.isNumber) || "，。；、：,;:（）()/".contains($0) }
    }

    /// Removes HTML tags and LaTeX (`$\geq 90\%$` → `≥90%`), folds full-width signs, normalises whitespace;
    /// spaces inside a quantity (`≥ 450 家`) go too.
    static func clean(_ printed: String) -> String {
        let text = withoutMarkup(printed)
        // Spaces between a comparator, the number and its unit carry nothing: `≥ 450 家` is `≥450家`.
        if let first = text.first, "≥≤<>=0123456789".contains(first) || text.hasBytePrefix("不") {
            return text.filter { !$0.isWhitespace }
        }
        return text
    }

    /// The text without HTML tags and LaTeX markup, full-width signs folded, whitespace normalised.
    public static func withoutMarkup(_ printed: String) -> String {
        // Most cells hold none of `<`, `\\`, `$`, `≧`, `≦`, `％`: byte searches decide.
        let needsWork = ["<", "\\", "$", "≧", "≦", "％"].contains { printed.containsText($0) }
        guard needsWork else { return TextNormalization.label(printed) }
        let scalars = Array(printed.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "<":
                // An HTML tag: `<p>`, `</p>`, `<input checked="" type="checkbox"/>`.
                if let close = (index + 1..<min(scalars.count, index + 200)).first(where: { scalars[$0] == ">" }) {
                    index = close + 1
                    continue
                }
            case "$":
                index += 1
                continue
            case "\\":
                // LaTeX: `\geq`, `\ge`, `\leq`, `\le`, `\%`.
                var end = index + 1
                while end < scalars.count, scalars[end].properties.isAlphabetic, scalars[end].isASCII { end += 1 }
                let word = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
                if ["geq", "ge"].contains(word) {
                    output.append("≥")
                    index = end
                    continue
                }
                if ["leq", "le"].contains(word) {
                    output.append("≤")
                    index = end
                    continue
                }
                if word.isEmpty, end < scalars.count, scalars[end] == "%" {
                    output.append("%")
                    index = end + 1
                    continue
                }
            case "≧": output.append("≥"); index += 1; continue
            case "≦": output.append("≤"); index += 1; continue
            case "％": output.append("%"); index += 1; continue
            default: break
            }
            output.append(scalar)
            index += 1
        }
        return TextNormalization.label(String(output))
    }
}
