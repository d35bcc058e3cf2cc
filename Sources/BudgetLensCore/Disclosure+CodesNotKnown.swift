extension Disclosure {
    /// The ``ReadProblem/code`` of a workbook's classification-code cell merged down over rows whose own codes are
    /// absent: the rows below it are read without a code (the reader never makes one up).
    public static let mergedCodeProblem = "workbook.merged-code"

    /// The 类 whose 款/项 rows a table holds without their codes: for each ``mergedCodeProblem``, the table whose
    /// row sits at the merged cell (`公开02!A9`, holding `201`), the 类 of that row's code (`201`; the first three
    /// digits of a longer code) and the problem's place. Which 款/项 of that 类 the table has, and so their
    /// amounts, are unknown: the rules over them (a 类 = Σ its 款, a code looked up in another table) are not
    /// checked, never compared with rows read without their codes. DOMAIN §2 (类/款/项 codes).
    public var codesNotKnown: [(table: TableID, category: String, source: SourceLocation)] {
        var found: [(table: TableID, category: String, source: SourceLocation)] = []
        for problem in problems where problem.code == Self.mergedCodeProblem {
            guard let cell = problem.source.cell, let bang = cell.firstIndex(of: "!") else { continue }
            let sheet = cell[...bang]
            for table in tables {
                guard
                    let row = table.rows.first(where: { row in
                        row.source.line == problem.source.line && row.source.file == problem.source.file
                            && row.source.cell?.hasPrefix(sheet) == true
                    }),
                    let code = row.code, code.count >= 3
                else { continue }
                found.append((table.id, String(code.prefix(3)), problem.source))
                break
            }
        }
        return found
    }
}
