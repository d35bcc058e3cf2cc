import BudgetLensCore

/// A code table (公开02, 03, 05, 07, 08) whose header puts two of its standard column headings into one column
/// (`上级补助收入事业收入`: a Chromium print of an HTML table whose heading cells wrap, rebuilt as one column): its
/// columns were not found, so its amounts would stand under the wrong 栏次 — a 6.20 of 其他收入 read as 经营收入, and
/// the identities then blame the document. The table is not read (present, `table.not-understood`, an error F-READ
/// reports), never read into the wrong columns. A heading that names one column, or a level joined to it
/// (`本年支出/基本支出`), is no sign; nor is a heading printed across two columns of a table that has all its
/// columns.
enum MergedHeadings {
    /// Removes every code table one of whose column headings holds two standard headings, and says why.
    static func refuse(in disclosure: inout Disclosure) {
        var refused: [(id: TableID, problem: ReadProblem)] = []
        for table in disclosure.tables {
            // Fewer columns than the form has: two were read as one (with as many, the amounts stand in their own
            // columns under a heading merely printed across two: 公开05 `合计基本支出` | `项目支出` | ``).
            guard let template = FunctionalPageTable.template(for: table.id), table.columns.count < template.columns.count
            else { continue }
            let names = template.columns.map { TextNormalization.key($0) }
            for column in table.columns {
                let key = TextNormalization.key(column.name)
                let contained = names.filter { key.contains($0) }
                // `本年收入合计` holds no second heading even where a shorter one is inside it.
                let headings = contained.filter { name in !contained.contains { $0 != name && $0.contains(name) } }
                guard headings.count >= 2 else { continue }
                let listed = headings.joined(separator: "、")
                refused.append((table.id, ReadProblem(
                    code: Disclosure.notUnderstoodTableProblem, severity: .error,
                    message: "\(table.id.formID) \(table.id.canonicalTitle)：第\(column.number)栏的栏目“\(column.name)”含两个栏目（\(listed)），"
                        + "本表的栏次无法确定，未读取 — the heading of column \(column.number), \"\(column.name)\", holds the "
                        + "headings of two columns (\(listed)): the table's columns cannot be told, and it is not read",
                    table: table.id, source: table.source)))
                break
            }
        }
        for (id, problem) in refused {
            disclosure.tables.removeAll { $0.id == id }
            disclosure.problems.removeAll { $0.table == id && $0.code == "cell.not-a-number" }
            disclosure.problems.append(problem)
        }
    }
}
