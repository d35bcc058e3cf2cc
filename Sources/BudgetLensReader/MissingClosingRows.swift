import BudgetLensCore

/// A table read without the rows it closes with: 公开01 and 公开04 end with their 总计 row (`收入总计`, `支出总计` in
/// templates that name the sides), 公开06 with 人员经费合计 and 公用经费合计 (DOMAIN §1.4, §1.6, §1.7). Without them the table stopped early — a page lost at its end, a file
/// cut, a copy that left rows out — and the identities that need them would read blanks as 0.00 (a fresh tester's
/// finding 26-3: `公开01 行31 栏1 is 0.00` with nothing saying the row is not in the file).
///
/// `table.rows-missing` (error), at the last row read: names the table and the rows missing; the rows read are kept
/// and checked. Not added where a reading problem already says the table was cut or lost pages.
enum MissingClosingRows {
    /// The rows each table closes with, by their label's key.
    static let closingRows: [TableID: [String]] = [
        .incomeExpenditureSummary: ["总计"],
        .appropriationSummary: ["总计"],
        .generalBudgetBasicExpenditure: ["人员经费合计", "公用经费合计"],
    ]

    /// The reading problems that already say a table ends early.
    static let toldEarlyEnd: Set<String> = [
        Disclosure.cutTableProblem, Disclosure.truncatedTableProblem, "table.pages-missing", "table.rows-not-read",
    ]

    static func mark(in disclosure: inout Disclosure) {
        for table in disclosure.tables {
            guard let closing = closingRows[table.id], let last = table.rows.last else { continue }
            // Searched from the last row, where the closing rows stand: found at once in a whole table. A label that
            // ends with the word counts (`收入总计`, `支出总计`: templates that name the sides).
            let missing = closing.filter { key in
                !table.rows.reversed().contains { $0.item == key || TextNormalization.key($0.item).hasByteSuffix(key) }
            }
            guard !missing.isEmpty,
                !disclosure.problems.contains(where: { $0.table == table.id && toldEarlyEnd.contains($0.code) })
            else { continue }
            let names = missing.map { "“\($0)”" }.joined(separator: "、")
            let namesEn = missing.map { "'\($0)'" }.joined(separator: ", ")
            disclosure.problems.append(
                ReadProblem(
                    code: "table.rows-missing", severity: .error,
                    message: "\(table.id.formID) \(table.id.canonicalTitle)：读到 \(table.rows.count) 行，到此为止，没有末行\(names)："
                        + "本表不完整（缺少末页，或文件被截断？）；已读取的行照常审核，用到\(names)的勾稽关系按空白计算 — "
                        + "\(table.id.formID): \(table.rows.count) rows read, ending here, without the closing row \(namesEn): "
                        + "the table is incomplete (its last page lost, or the file cut?); the rows read are checked, the "
                        + "identities that use \(namesEn) count it blank",
                    table: table.id, source: last.source))
        }
    }
}
