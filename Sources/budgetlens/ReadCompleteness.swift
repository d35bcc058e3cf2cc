import BudgetLensCore

/// Whether a document was read whole: the exit-code rule `cells` and `show` share (0 read fully; 1 read in part;
/// 2 the file cannot be read, thrown before).
enum ReadCompleteness {
    /// The warnings that say cells were left unread: `table.ambiguous` (placements the document does not decide
    /// between), `table.duplicate` (a table's second copy, not read), `workbook.date-cell` (a date where an amount
    /// belongs), `workbook.merged-amount` (cells covered by a merged amount cell). `cells` prints them on stderr.
    static let notReadWarnings: Set<String> = [
        "table.ambiguous", "table.duplicate", "workbook.date-cell", "workbook.merged-amount", "table.pages-missing",
    ]

    /// `true` when something of the document was not read: a reading error (a cell that is not a number, a row not
    /// read…), a `table.ambiguous` warning (cells whose place the document does not decide, left unread), a table
    /// present but not read (``Disclosure/notUnderstoodTables``) or on pages without text
    /// (``Disclosure/unreadableTables``).
    static func isReadInPart(_ disclosure: Disclosure) -> Bool {
        disclosure.problems.contains { $0.severity == .error || notReadWarnings.contains($0.code) }
            || !disclosure.notUnderstoodTables.isEmpty || !disclosure.unreadableTables.isEmpty
    }
}
