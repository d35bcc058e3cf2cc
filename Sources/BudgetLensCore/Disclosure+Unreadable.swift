extension Disclosure {
    /// The ``ReadProblem/code`` of a table that is present on pages without text (a scan).
    public static let unreadableTableProblem = "table.unreadable"

    /// The ``ReadProblem/code`` of a table whose title is there but whose rows are in no form the readers read.
    public static let notUnderstoodTableProblem = "table.not-understood"

    /// The tables that are present on pages without text (scans): not read, not checked, and not missing.
    public var unreadableTables: [TableID] { tables(withProblem: Disclosure.unreadableTableProblem) }

    /// The ``ReadProblem/code`` of a table the text ends inside (a cut file): present, not read.
    public static let cutTableProblem = "text.ends-mid-row"

    /// The ``ReadProblem/code`` of the last table of a file cut short between two rows (or pages): the file ends
    /// inside it and the tables after it are absent. Present, not read.
    public static let truncatedTableProblem = "text.ends-in-table"

    /// The ``ReadProblem/code`` of a table that runs onto pages missing from a PDF (its printed page numbers jump)
    /// or onto a page that is an image (it stops at a page's foot, the next page has no text but images): present,
    /// read only in part, so not read (a warning).
    public static let pagesMissingProblem = "table.pages-missing"

    /// The ``ReadProblem/code`` of a table whose header row was not found (an error): with no header no cell is
    /// read, so the table is present, not read.
    public static let noHeaderProblem = "table.no-header"

    /// The tables whose title is there but whose rows could not be read (``notUnderstoodTableProblem``, an error
    /// F-READ reports; or no header found, ``noHeaderProblem``, and so no row read), that a cut file ends
    /// inside (``cutTableProblem``) or that runs onto pages missing from a PDF (``pagesMissingProblem``): present,
    /// so not missing.
    public var notUnderstoodTables: [TableID] {
        var ids = tables(withProblem: Disclosure.notUnderstoodTableProblem)
        for id in tables(withProblem: Disclosure.noHeaderProblem) where !ids.contains(id) && table(id) == nil {
            ids.append(id)
        }
        for id in tables(withProblem: Disclosure.cutTableProblem) where !ids.contains(id) { ids.append(id) }
        for id in tables(withProblem: Disclosure.truncatedTableProblem) where !ids.contains(id) { ids.append(id) }
        for id in tables(withProblem: Disclosure.pagesMissingProblem) where !ids.contains(id) { ids.append(id) }
        return ids
    }

    /// The tables named by a reading problem with `code`, each once, in the problems' order.
    private func tables(withProblem code: String) -> [TableID] {
        var ids: [TableID] = []
        for problem in problems where problem.code == code {
            if let id = problem.table, !ids.contains(id) { ids.append(id) }
        }
        return ids
    }

    /// What a rendering says in place of a table it cannot draw: present on scanned pages, present in a form not
    /// read, or not published at all — never "not published" for a table the document has.
    public func absenceNote(_ id: TableID) -> String {
        if unreadableTables.contains(id) {
            return "原文档有\(id.formID)表，但所在页没有文字层（扫描页？），未能读取，此处不显示。"
        }
        if notUnderstoodTables.contains(id) {
            return "原文档有\(id.formID)表，但其表格形式未能读取（见读取问题），此处不显示。"
        }
        return "本文档未公开此表（原文档中未找到\(id.formID)表）。"
    }
}
