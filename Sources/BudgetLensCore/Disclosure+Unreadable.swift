extension Disclosure {
    /// The ``ReadProblem/code`` of a table that is present on pages without text (a scan).
    public static let unreadableTableProblem = "table.unreadable"

    /// The tables that are present on pages without text (scans): not read, not checked, and not missing.
    public var unreadableTables: [TableID] {
        var ids: [TableID] = []
        for problem in problems where problem.code == Disclosure.unreadableTableProblem {
            if let id = problem.table, !ids.contains(id) { ids.append(id) }
        }
        return ids
    }
}
