import BudgetLensCore

/// A table of a layout text aligned by GBK bytes (``ColumnMeasure/displayWidth``) with a cell that is not an
/// amount has had its columns confused. pdftotext places each text fragment at the first column past every
/// fragment to its left on the whole page, counting a fragment's width in output bytes (two a Chinese
/// character under `-enc GBK`, one a character in UTF-8); so the same page's columns shift by different amounts
/// in the two outputs, and by different amounts on different pages. Where that moves the 科目编码 (类 款 项)
/// under the 科目名称 heading and the names under 栏次 1 (`201 06 财政事务 2,106.66 1,503.52` read as code 201,
/// item `06`, 栏次 2 `财政事务`), or two amount columns together (`167.81 0.00` in one 栏次), the text alone
/// cannot tell which column the word belongs to, so the table is not read — a wrong cell is worse than none —
/// and one `table.not-understood` warning names the word, its 栏次 and the neighbouring column it may belong to;
/// the table stays present (F-READ reports it, the 目录 rule does not call it missing). Applied only to
/// display-width texts: every other input reads as before.
enum GBKDriftedColumns {
    /// Removes every table with a cell that is not an amount, a heading running two columns together, or no
    /// header found (`table.no-header`, no cell read), recording the warning for it and dropping that table's
    /// `cell.not-a-number` and `table.no-header` errors (the table is not read at all).
    static func refuse(in disclosure: inout Disclosure) {
        var kept: [PublicTable] = []
        var refused: Set<TableID> = []
        var notes: [ReadProblem] = []
        let headerless = Set(
            disclosure.problems.filter { $0.code == "table.no-header" && $0.severity == .error }.compactMap(\.table))
        // A table without a header has no cell; the text parser leaves it out (present, not read).
        for problem in disclosure.problems where problem.code == Disclosure.noHeaderProblem && problem.severity == .error {
            guard let id = problem.table, disclosure.table(id) == nil, !refused.contains(id) else { continue }
            refused.insert(id)
            notes.append(headerNotFound(id, at: problem.source))
        }
        for table in disclosure.tables {
            if headerless.contains(table.id), table.rows.allSatisfy({ $0.cells.isEmpty }) {
                refused.insert(table.id)
                notes.append(headerNotFound(table.id, at: table.source))
                continue
            }
            if let (heading, marks) = mergedHeading(of: table) {
                refused.insert(table.id)
                notes.append(
                    ReadProblem(
                        code: Disclosure.notUnderstoodTableProblem, severity: .warning,
                        message: "\(table.id.formID) \(table.id.canonicalTitle)：表头“\(heading)”将栏目"
                            + "\(marks.map { "“\($0)”" }.joined(separator: "与"))连在一起，按GBK字节对齐的版面文本中金额可能属于其中任一栏，"
                            + "无法确定栏次，本表未读取 — the heading '\(heading)' runs the "
                            + "columns \(marks.map { "'\($0)'" }.joined(separator: " and ")) together: in this "
                            + "GBK-aligned text the amounts may stand under either, which the text cannot tell (its "
                            + "columns drift); the table is not read",
                        table: table.id, source: table.source))
                continue
            }
            guard let (row, cell) = notAnAmount(of: table) else {
                kept.append(table)
                continue
            }
            refused.insert(table.id)
            let code = row.code.map { " (科目编码 \($0))" } ?? ""
            let isName = cell.text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
            let other = isName ? "the 科目名称 column" : "栏次 \(cell.column + 1)"
            notes.append(
                ReadProblem(
                    code: Disclosure.notUnderstoodTableProblem, severity: .warning,
                    message: "\(table.id.formID) \(table.id.canonicalTitle)：栏次 \(cell.column) 为“\(cell.text)”\(code)，不是金额；"
                        + "按GBK字节对齐的版面文本栏次漂移，该词属于栏次 \(cell.column) 还是\(isName ? "科目名称栏" : "栏次 \(cell.column + 1)")无法确定，"
                        + "本表未读取 — 栏次 \(cell.column) reads "
                        + "'\(cell.text)'\(code), not an amount: in this GBK-aligned text the word belongs to "
                        + "栏次 \(cell.column) or to \(other), which the text cannot tell (its columns drift); the "
                        + "table is not read",
                    table: table.id, source: cell.source))
        }
        guard !refused.isEmpty else { return }
        disclosure.tables = kept
        disclosure.problems = disclosure.problems.filter { problem in
            !((problem.code == "cell.not-a-number" || problem.code == "table.no-header")
                && problem.table.map(refused.contains) == true)
        } + notes
    }

    /// The warning for a table whose header was not found where its columns stand.
    private static func headerNotFound(_ id: TableID, at source: SourceLocation) -> ReadProblem {
        ReadProblem(
            code: Disclosure.notUnderstoodTableProblem, severity: .warning,
            message: "\(id.formID) \(id.canonicalTitle)：按GBK字节对齐的版面文本中表头与金额栏错位，"
                + "无法确定各栏金额所属栏次，本表未读取 — its header was not found where "
                + "its columns stand: in this GBK-aligned text the headings drift from the amounts' "
                + "columns, so which heading each column of amounts belongs to cannot be told; the table "
                + "is not read",
            table: id, source: source)
    }

    /// The first row and cell of `table` whose text is not an amount (a 科目名称, two amounts run together);
    /// `nil` when there is none.
    static func notAnAmount(of table: PublicTable) -> (TableRow, TableCell)? {
        for row in table.rows {
            if let cell = row.cells.first(where: { $0.value == nil }) { return (row, cell) }
        }
        return nil
    }

    /// The first column heading of `table` one level of which (the heading's parts between `/`) holds the marks
    /// of two or more of its template's columns (``FunctionalPageTable/template(for:)``: `本年支出合计基本支出` holds
    /// `本年` and `基本`; `本年支出/基本支出` is a group over a column, not two columns), with the columns' names;
    /// Looked for only when the header names more of the template's columns than the table has columns (a
    /// heading that merely holds a group's name and its column's, `本年支出基本支出` over three columns, is read).
    /// `nil` when there is none or the table has no template.
    static func mergedHeading(of table: PublicTable) -> (String, [String])? {
        guard let template = FunctionalPageTable.template(for: table.id) else { return nil }
        let marked = template.marks.filter { mark in table.columns.contains { $0.name.contains(mark) } }
        guard marked.count > table.columns.count else { return nil }
        for column in table.columns {
            for level in column.name.split(separator: "/") {
                let named = zip(template.marks, template.columns).filter { level.contains($0.0) }.map(\.1)
                if named.count >= 2 { return (column.name, named) }
            }
        }
        return nil
    }
}
