/// The tab-separated fields of a rewritten line and the tests the code tables' readers make on them, on the UTF-8
/// bytes: the rewrite's 合计 and 类 rows (``PageTextTables``, ``RawTextColumnChains/codeRows(_:)``) are read back
/// from its own lines, and walking them by `Character` was most of that cost.
enum TabFields {
    /// `line.split(separator: "\t", omittingEmptySubsequences: false)`, the same substrings: a tab is a control,
    /// a grapheme cluster of its own with a break on either side (Unicode UAX #29, GB4/GB5), so the `Character`
    /// tabs are the tab bytes and the fields start and end at the same indices.
    static func split(_ line: String) -> [Substring] {
        var fields: [Substring] = []
        let bytes = line.utf8
        var start = bytes.startIndex
        // One field a pass, each pass past its tab: bounded by the line's bytes.
        while let tab = bytes[start...].firstIndex(of: 0x09) {
            fields.append(line[start..<tab])
            start = bytes.index(after: tab)
        }
        fields.append(line[start...])
        return fields
    }

    /// Whether `field` is `count` ASCII digits, as `field.count == count && field.allSatisfy { $0.isASCII &&
    /// $0.isNumber }` says: an ASCII digit is a `Character` of one byte (only CR LF joins two ASCII scalars, and a
    /// digit is neither), so `count` digit `Character`s are `count` digit bytes and nothing else.
    static func isDigits(_ field: Substring, count: Int) -> Bool {
        field.utf8.count == count && field.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
