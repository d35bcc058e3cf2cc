/// Escaping for text placed in HTML and XML: every value the page shows comes from the input (a unit name, a row
/// label, a note), so every one passes through here. Escapes `&`, `<`, `>`, `"` and `'`, which makes the result
/// safe both as element content and inside a quoted attribute; control characters other than tab, LF and CR
/// (not allowed in XML 1.0) are dropped.
public enum MarkupText {
    /// `text` escaped for HTML/XML content and quoted attributes: `<script>` → `&lt;script&gt;`.
    public static func escape(_ text: some StringProtocol) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                // XML 1.0 forbids C0 controls, and U+FFFE/U+FFFF.
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
