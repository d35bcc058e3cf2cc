import BudgetLensCore
import Foundation

/// A table in which one 栏次 reads 1, 2, 3, 4, 5 … down consecutive rows has taken its 行次 column for amounts:
/// a `-layout` text or a PDF whose 行次 stands one space from the amount (`一、一般公共预算财政拨款  1 939.04`)
/// and whose header crowds `行次 金额` into one field. Such a table is not read — a wrong value is worse than none
/// — and an error says why; the table stays present (F-READ reports it, the 目录 rule does not call it missing).
/// No real column of amounts runs through five whole consecutive numbers row after row.
enum LineNumbersAsAmounts {
    /// The shortest run of consecutive whole numbers (k, k+1, …) that marks a column of 行次.
    static let minimumRun = 5

    /// Removes every table with such a column and records `table.not-understood` for it.
    static func refuse(in disclosure: inout Disclosure) {
        var kept: [PublicTable] = []
        for table in disclosure.tables {
            guard let (column, run) = lineNumberColumn(in: table) else {
                kept.append(table)
                continue
            }
            disclosure.problems.append(
                ReadProblem(
                    code: Disclosure.notUnderstoodTableProblem, severity: .error,
                    message: "\(table.id.formID) \(table.id.canonicalTitle)：栏次 \(column) 连续 \(run.count) 行读出 "
                        + "\(run.prefix(5).map { String($0) }.joined(separator: "、")) …，是行次栏被当作金额读取，本表未读取 — "
                        + "栏次 \(column) reads "
                        + "\(run.prefix(5).map { String($0) }.joined(separator: ", ")) … down \(run.count) consecutive rows — "
                        + "the 行次 column taken for amounts (行次被当作金额读取); the table is not read",
                    table: table.id, source: table.rows.first { row in row.cells.contains { $0.column == column } }?.source
                        ?? table.source))
        }
        disclosure.tables = kept
    }

    /// The first 栏次 whose cells, down consecutive rows, read ``minimumRun`` or more consecutive whole numbers
    /// from 1 up, with the run; `nil` when there is none.
    static func lineNumberColumn(in table: PublicTable) -> (column: Int, run: [Int64])? {
        let columns = Set(table.rows.flatMap { $0.cells.map(\.column) }).sorted()
        for column in columns {
            var run: [Int64] = []
            for row in table.rows {
                guard let text = row.cells.first(where: { $0.column == column })?.text, let whole = wholeNumber(text),
                    whole > 0
                else {
                    if run.count >= minimumRun { return (column, run) }
                    run = []
                    continue
                }
                if let last = run.last, whole == last + 1 {
                    run.append(whole)
                } else {
                    if run.count >= minimumRun { return (column, run) }
                    run = [whole]
                }
            }
            if run.count >= minimumRun { return (column, run) }
        }
        return nil
    }

    /// `12`, `12.00` → 12; anything else (`12.50`, `1,200.00`, text) → `nil`.
    private static func wholeNumber(_ text: String) -> Int64? {
        // Printable ASCII without a space has no whitespace to trim (Foundation's trimming is the costly part).
        let trimmed = text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) ? text : text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts[0].count <= 4, let whole = Int64(parts[0]) else { return nil }
        if parts.count == 2, parts[1].isEmpty || parts[1].contains(where: { $0 != "0" }) { return nil }
        return whole
    }
}
