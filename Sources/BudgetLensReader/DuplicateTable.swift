import BudgetLensCore

extension ReadProblem {
    /// `table.duplicate` (a warning): table `id` appears again at `copy` after its first copy at `first`; only the
    /// first is read (docs/duplicate-and-merged-cells.md). Said alike by the text, workbook and page-text readers.
    static func duplicateTable(_ id: TableID, at copy: SourceLocation, first: SourceLocation) -> ReadProblem {
        ReadProblem(
            code: "table.duplicate", severity: .warning,
            message: "\(id.formID) 又见于 \(copy.place)，只读取第一份（\(first.place)），第二份未读取 — \(id.formID) appears a "
                + "second time at \(copy.place); only the first (\(first.place)) is read, the second is not (delete the "
                + "copy, or check which one is right)",
            table: id, source: copy)
    }
}
