import BudgetLensCore

extension TextNormalization {
    /// ``TextNormalization/key(_:)`` of a layout fragment's or row's text, without building a new string when the
    /// key is the text itself (most table words: `合计`, `项目`, `基本支出`).
    ///
    /// Exact: the key only drops whitespace and quotation marks and folds full-width ASCII (U+FF01–FF5E); every other
    /// scalar is copied byte for byte. Each such scalar starts with a byte this test refuses — an ASCII space,
    /// control 09–0D, `"` or `'`; C2 (U+00A0); E2 (U+2002–200B, U+2018/2019/201C/201D); E3 80 (U+3000, U+300C/300D);
    /// EF (U+FEFF, U+FF01–FF5E) — so a text without them keys to itself; the others go through `key` as before.
    /// (C2, E2, E3 and EF are lead bytes: never inside another scalar.)
    static func layoutKey(_ text: String) -> String {
        keysToItself(text) ? text : key(text)
    }

    private static func keysToItself(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var index = 0
            while index < bytes.count {
                switch bytes[index] {
                case 0x09...0x0D, 0x20, 0x22, 0x27, 0xC2, 0xE2, 0xEF: return false
                case 0xE3 where index + 1 < bytes.count && bytes[index + 1] == 0x80: return false
                default: index += 1
                }
            }
            return true
        } ?? false
    }
}
