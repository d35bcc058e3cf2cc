import BudgetLensCore

/// A text that stops in the middle of a table row — its last line has no line ending, is a row of one of the nine
/// tables, and is narrower than the table — is a cut file (a download or a copy cut short): its last value may
/// itself be cut (`107.7` of `107.74`) and the table's other rows are missing, so its totals cannot be checked
/// against its rows. The table is not read (present, not read: F-READ reports it, its rules are not applied),
/// and the reading problem says why, instead of a `row.too-narrow` warning that reads the cut value. A file whose
/// last line is a full row, or a row of an annex (seeds 001 and 003 end so), is left alone.
enum TruncatedLastRow {
    /// Removes the cut table and replaces the row's `row.too-narrow` warning with a `text.ends-mid-row` error.
    ///
    /// - Parameters:
    ///   - text: The decoded text, line endings made `\n`.
    static func mark(_ disclosure: inout Disclosure, text: String, file: String) {
        guard let last = text.unicodeScalars.last, last != "\n" else { return }
        let lastLine = text.utf8.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        guard
            let narrow = disclosure.problems.firstIndex(where: { $0.code == "row.too-narrow" && $0.source.line == lastLine }),
            let tableIndex = disclosure.tables.firstIndex(where: { table in table.rows.contains { $0.source.line == lastLine } })
        else { return }
        let table = disclosure.tables[tableIndex]
        let lastValue = table.rows.last { $0.source.line == lastLine }?.cells.last { !$0.text.isEmpty }?.text
        disclosure.tables.remove(at: tableIndex)
        let valuePart = lastValue.map { "; its last value “\($0)” may itself be cut" } ?? ""
        let valuePartZh = lastValue.map { "；其最后一个值“\($0)”本身也可能不完整" } ?? ""
        disclosure.problems[narrow] = ReadProblem(
            code: Disclosure.cutTableProblem, severity: .error,
            message: "文件在\(table.id.formID)的一行中途结束（第\(lastLine)行没有换行符，且单元格少于表的栏数）\(valuePartZh)：本表未读取——"
                + "文件是否被截断？ — "
                + "the file ends inside a row of \(table.id.formID) (line \(lastLine) has no line ending and fewer "
                + "cells than the table)\(valuePart): the table is not read — was the file cut short?",
            table: table.id, source: disclosure.problems[narrow].source)
    }
}
