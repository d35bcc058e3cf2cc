import BudgetLensCore

/// A classification code and its name typed into one cell, as some finance systems export their tables
/// (`2010601 行政运行`, `2010601行政运行`, `[2010601]行政运行`, `【30101】基本工资`, `201-一般公共服务支出`) instead of
/// a 科目编码 column (or 类 | 款 | 项) beside a 科目名称 column.
///
/// A cell is such a pair when, after an optional opening bracket, it starts with 3, 5 or 7 ASCII digits (a 类, 款
/// or 项 code, DOMAIN §1), then an optional closing bracket and separators (spaces, `-`, `—`, `:`, `.`, `、`), then a
/// name that does not start with a digit — so `2,106.66`, `2010601 1,511.89` (two cells run together) and a bare
/// code are none.
enum MergedCodeCell {
    /// The code and the name (as ``TextNormalization/label(_:)`` gives it) of a cell holding both; `nil` otherwise.
    static func split(_ cell: some StringProtocol) -> (code: String, name: String)? {
        let label = TextNormalization.label(cell)
        var scalars = Substring(label).unicodeScalars[...]
        if let first = scalars.first, openings.contains(first) { scalars = scalars.dropFirst() }
        let digits = scalars.prefix { $0.isASCII && $0.properties.numericType != nil }
        guard [3, 5, 7].contains(digits.count) else { return nil }
        scalars = scalars.dropFirst(digits.count)
        if let first = scalars.first, closings.contains(first) { scalars = scalars.dropFirst() }
        scalars = scalars.drop { separators.contains($0) || $0.properties.isWhitespace }
        guard let first = scalars.first, !(first.isASCII && first.properties.numericType != nil) else { return nil }
        return (String(String.UnicodeScalarView(digits)), String(String.UnicodeScalarView(scalars)))
    }

    /// Whether a table's first fields hold codes and names merged: some do, and none is a bare code (a table with a
    /// 科目编码 column of its own keeps it, whatever a row's first cell holds).
    static func holdsMergedCodes(_ firstFields: some Sequence<String>) -> Bool {
        var merged = false
        for field in firstFields {
            if ClassificationCode.level(of: TextNormalization.key(field)) != nil { return false }
            if !merged, split(field) != nil { merged = true }
        }
        return merged
    }

    private static let openings: Set<Unicode.Scalar> = ["[", "【", "(", "（", "〔"]
    private static let closings: Set<Unicode.Scalar> = ["]", "】", ")", "）", "〕"]
    private static let separators: Set<Unicode.Scalar> = ["-", "—", "－", ":", "：", ".", "、", "_"]
}
