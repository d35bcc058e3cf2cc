import BudgetLensCore

/// The bounds a rule file must keep, checked when it is parsed, so that reading and evaluating any rule file
/// takes time and memory linear in the rule file and the document (docs/rule-language.md, "Limits").
///
/// Each bound is far above what the built-in packs use (in brackets): a rule file beyond one is refused with a
/// `file:line:column` error in Chinese and English, never run.
public enum RuleLimits {
    /// The largest rule file read, in bytes: ``TextFile/maximumSize``, 16 MiB (the built-in pack: 20 KB).
    public static let maximumFileSize = TextFile.maximumSize

    /// The longest line, in UTF-8 bytes: 64 KiB (the built-in pack: 300). A statement is one line, so this also
    /// bounds the work of reading one statement.
    public static let maximumLineLength = 64 << 10

    /// The deepest nesting of brackets and signs in an expression: `((…))`, `- - x` (built-in: 0).
    public static let maximumDepth = 32

    /// The most terms a statement may have: cells, numbers, operators, `sum` arguments, row-list items and
    /// comparisons all count one (built-in: 16).
    public static let maximumTerms = 1_000

    /// The most quantifiers a statement may bind (built-in: 2).
    public static let maximumBindings = 4

    /// The most assignments of the number-valued quantifiers (`line`, `column`) of a statement (built-in: 12).
    public static let maximumNumberAssignments = 1_000

    /// The most terms × number assignments of a statement: the work per row of the document (built-in: 36).
    public static let maximumWork = 10_000

    /// The largest literal or tolerance, in the table's unit: 999,999,999,999 (12 digits before the point);
    /// in millionths it still fits `Int64`, and converted to 分 it never overflows.
    public static let maximumLiteralWholeDigits = FixedDecimal.maximumWholeDigits

    /// The largest 栏次 of any table: 12 (公开09).
    public static let maximumColumn = 12

    /// The last standard 行次 of a table that has 行次 (公开01: 62, 公开04: 64), else `nil`.
    public static func lastLine(of table: TableID) -> Int? {
        switch table {
        case .incomeExpenditureSummary: 62
        case .appropriationSummary: 64
        default: nil
        }
    }

    /// The last 行次 any table has: 64 (公开04).
    public static let maximumLine = 64
}
