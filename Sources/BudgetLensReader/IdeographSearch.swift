import BudgetLensCore

/// `text.contains(word)` for words of CJK ideographs (`基本`, `财政拨款`, `本年支出合计`), on the UTF-8 bytes where
/// that gives the same answer as the search by `Character` (canonical equivalence), which is the costly part of
/// matching a header or a label against a few words.
///
/// Exact: when every character of `text` is one scalar (``SingleScalarCharacters``) and none is a CJK
/// compatibility ideograph (U+F900–U+FAFF, each canonically equal to a unified ideograph: `年` U+F98E), a character
/// of `text` is canonically equal to a unified ideograph (U+3400–U+4DBF, U+4E00–U+9FFF, each its own normal form)
/// only when it is that scalar — no other scalar of those blocks decomposes to one (checked with Python's
/// `unicodedata`, Unicode 14) —, and a byte match of the word starts on a scalar (its first byte is a lead byte).
/// Any other text, or a word with another scalar, is searched by `Character` as before.
struct IdeographSearch {
    let text: Substring
    /// Whether the bytes decide (the conditions above), worked out once for all the words looked for.
    private let byBytes: Bool

    init(_ text: some StringProtocol) {
        self.text = Substring(text)
        byBytes = SingleScalarCharacters.holds(for: self.text) && !Self.hasCompatibilityIdeograph(self.text.utf8)
    }

    func contains(_ word: String) -> Bool {
        if byBytes, Self.isIdeographs(word) { return text.containsText(word) }
        return text.contains(word)
    }

    /// A scalar U+F900–U+FAFF: UTF-8 `EF A4 80` … `EF AB BF`.
    private static func hasCompatibilityIdeograph(_ bytes: Substring.UTF8View) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if previous == 0xEF, byte >= 0xA4, byte <= 0xAB { return true }
            previous = byte
        }
        return false
    }

    /// Every scalar of `word` a unified ideograph (U+3400–U+4DBF, U+4E00–U+9FFF), and at least one.
    private static func isIdeographs(_ word: String) -> Bool {
        !word.isEmpty
            && word.unicodeScalars.allSatisfy { (0x3400...0x4DBF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value) }
    }
}
