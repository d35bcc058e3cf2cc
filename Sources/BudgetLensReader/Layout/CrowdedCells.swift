import BudgetLensCore

/// A table rebuilt from a PDF's or a layout text's word positions in which two amounts fell into one cell
/// (`layout.cell-crowded`, read as no amount): its columns were not found — a header printed with single spaces
/// (`本年支出合计 基本支出 项目支出` on one line, a Chromium `<pre>` print), amounts run together — so its other cells
/// cannot be trusted either: a blank beside the crowded cell read 0.00 where the document prints 105.58, and the
/// identities then blamed the document. The table is not read (present, `table.not-understood`, an error F-READ
/// reports), never read with made-up cells.
enum CrowdedCells {
    /// The code of the note that says two amounts fell into one cell. (`layout.too-many-amounts` alone is no
    /// such sign: the 测试问题版本's layout 公开06 has a row of it and reads as its PDF.)
    static let code = "layout.cell-crowded"

    /// The code of the note that says an amount fell into a label cell (PDF): the table's grid was misread as
    /// surely as when two amounts share a cell.
    static let amountInLabelCode = "layout.amount-in-label"

    /// The code of the note that says an amount of 公开09 in layout text stands between two headings, under neither
    /// (``RowAssembler``): its column is not settled, and the table is not read.
    static let amountBetweenCode = "layout.amount-between-columns"

    /// Removes every table with a crowded cell, and records why.
    static func refuse(in disclosure: inout Disclosure) {
        var refused: Set<TableID> = []
        for problem in disclosure.problems where [code, amountInLabelCode, amountBetweenCode].contains(problem.code) {
            guard let id = problem.table, disclosure.table(id) != nil, refused.insert(id).inserted else { continue }
            disclosure.tables.removeAll { $0.id == id }
            disclosure.problems.removeAll { $0.table == id && $0.code == "cell.not-a-number" }
            disclosure.problems.append(
                ReadProblem(
                    code: Disclosure.notUnderstoodTableProblem, severity: .error,
                    message: problem.code == amountBetweenCode
                        ? "\(id.formID) \(id.canonicalTitle)：\(halves(problem.message).chinese)，位置不能确定栏次，未读取 — "
                            + "\(halves(problem.message).english); its position does not settle the column, and the table is not read"
                        : problem.code == code
                        ? "\(id.formID) \(id.canonicalTitle)：第\(problem.source.line)行起金额挤在同一栏，"
                            + "本表的栏次无法确定，未读取 — amounts run together in one column from line "
                            + "\(problem.source.line): the table's columns cannot be told, and it is not read"
                        : "\(id.formID) \(id.canonicalTitle)：有金额落在科目名称栏内（表格由两个栏宽不同的表拼成？），"
                            + "本表的栏次无法确定，未读取 — an amount falls inside the label column (two tables of "
                            + "different column widths one under the other?): the table's columns cannot be told, and it is not read",
                    table: id, source: problem.source))
        }
    }

    /// A note's Chinese and English halves (`中文 — English`).
    private static func halves(_ message: String) -> (chinese: Substring, english: Substring) {
        let parts = message.split(separator: " — ", maxSplits: 1)
        return (parts.first ?? "", parts.count > 1 ? parts[1] : "")
    }
}
