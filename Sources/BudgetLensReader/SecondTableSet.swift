import BudgetLensCore

/// A file that holds the tables twice — two departments' disclosures joined into one file, or one saved twice —
/// is read as its first document: each table's second copy is a `table.duplicate` warning (``ReadProblem/duplicateTable(_:at:first:)``)
/// and is not read. Those warnings alone left `check` at exit 0 with the second document unchecked (a fresh
/// tester's finding 9, docs/tester-findings-24.md). So when a second set of tables starts — 公开01 again — and at
/// least ``minimumRepeated`` tables come twice, one error (`table.second-set`) says that the file holds a second
/// document (or part of one: a fresh tester's four tables of another unit passed with warnings when five were
/// needed, stop 25), where its tables start, and that its tables are not checked. Its prose is not told apart
/// from the first document's, so the message does not say that nothing of it is checked.
///
/// A page or two printed twice repeats one or two tables, or 公开07–09 (which often share a page) without 公开01:
/// those stay `table.duplicate` warnings alone. Said alike for text, PDF and workbooks, from the warnings.
enum SecondTableSet {
    /// The reading problem's code.
    static let code = "table.second-set"

    /// The tables, 公开01 among them, that must come twice for the file to hold a second set.
    static let minimumRepeated = 3

    /// Adds the `table.second-set` error to `disclosure` when its `table.duplicate` warnings make a second set.
    static func mark(in disclosure: inout Disclosure) {
        let copies = disclosure.problems.filter { $0.code == "table.duplicate" && $0.table != nil }
        let repeated = Set(copies.compactMap(\.table))
        guard repeated.count >= minimumRepeated, repeated.contains(.incomeExpenditureSummary),
            let start = copies.min(by: { place($0.source) < place($1.source) })
        else { return }
        let tables = repeated.sorted().map(\.number)
        let named = "公开\(tables.joined(separator: "、"))"
        let englishNamed = "公开" + tables.joined(separator: ", ")
        disclosure.problems.append(
            ReadProblem(
                code: code, severity: .error,
                message: "\(repeated.count) 张表（\(named)）再次出现，第二组自 \(start.source.place) 起：是第二份部门决算（或其一部分、或本份的副本），"
                    + "其表未读取、未审核，其文字可能混入本份的审核——请将文件分开，逐份审核 — \(repeated.count) tables "
                    + "(\(englishNamed)) appear a second time, the second set from \(start.source.place): the file holds a "
                    + "second disclosure (or part of one, or a copy of this one), whose tables are neither read nor "
                    + "checked and whose prose may be checked as this one's; split the file and check each document",
                source: start.source))
    }

    /// Where a location stands in its file: the page first (a PDF's locations), then line and column.
    private static func place(_ source: SourceLocation) -> (Int, Int, Int) {
        (source.page ?? 0, source.line, source.column)
    }
}
