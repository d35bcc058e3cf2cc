extension Disclosure {
    /// The ``ReadProblem/code`` of a table that is present on pages without text (a scan).
    public static let unreadableTableProblem = "table.unreadable"

    /// The ``ReadProblem/code`` of a table whose title is there but whose rows are in no form the readers read.
    public static let notUnderstoodTableProblem = "table.not-understood"

    /// The tables that are present on pages without text (scans): not read, not checked, and not missing.
    public var unreadableTables: [TableID] { tables(withProblem: Disclosure.unreadableTableProblem) }

    /// The tables whose title is there but whose rows could not be read (``notUnderstoodTableProblem``, an error
    /// F-READ reports): present, so not missing.
    public var notUnderstoodTables: [TableID] { tables(withProblem: Disclosure.notUnderstoodTableProblem) }

    /// The tables named by a reading problem with `code`, each once, in the problems' order.
    private func tables(withProblem code: String) -> [TableID] {
        var ids: [TableID] = []
        for problem in problems where problem.code == code {
            if let id = problem.table, !ids.contains(id) { ids.append(id) }
        }
        return ids
    }
}
