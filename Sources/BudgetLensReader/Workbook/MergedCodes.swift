import BudgetLensCore

/// A classification-code cell merged down over several rows (`公开02!A8:A13` holding 类 `201`).
///
/// In a workbook a merged range's value is in its top-left cell only; the other rows of the range are blank.
/// Where the codes are split into 类/款/项 columns and every other row of the range has its own 款 in the
/// column to the right (`06`, `06 01` …), the merge says the 类 spans those rows: its code is read in each of
/// them (`201 06 01` → 2010601), as the printed sheet shows it. Otherwise the rows' own codes are absent and
/// cannot be known: the range is left as stored (the rows read without the code) and a `workbook.merged-code`
/// warning names it — never a code made up. DOMAIN §2 (类/款/项 codes of 3, 5 and 7 digits).
enum MergedCodes {
    /// The most merged ranges looked at on one sheet (a sheet has a few dozen).
    static let maximumRanges = 100_000

    static func apply(_ merges: [String], to sheet: inout SheetCells, file: String, problems: inout [ReadProblem]) {
        var index: [Int: Int] = [:]
        for (position, row) in sheet.rows.enumerated() { index[row.row] = position }
        func text(_ row: Int, _ column: Int) -> String? {
            guard let position = index[row] else { return nil }
            return sheet.rows[position].cells.first { $0.column == column }?.text
        }
        for merge in merges.prefix(maximumRanges) {
            let ends = merge.split(separator: ":").map(String.init)
            guard ends.count == 2, let top = CellReference.parse(ends[0]), let bottom = CellReference.parse(ends[1]),
                top.column == bottom.column, bottom.row > top.row,
                let code = text(top.row, top.column), isCode(code)
            else { continue }
            let below = (top.row + 1)...bottom.row
            let split = code.count <= 3 && below.allSatisfy { row in
                text(row, top.column) == nil && text(row, top.column + 1).map(isCode) == true
            }
            guard split else {
                let place = sheet.cellPrefix + merge
                problems.append(
                    ReadProblem(
                        code: "workbook.merged-code", severity: .warning,
                        message: "代码单元格 \(place) 向下合并了 \(bottom.row - top.row + 1) 行，其下各行的科目编码缺失，无法得知，按空白读取（请取消合并，逐行填写科目编码）"
                            + " — the code cell \(place) is merged down over \(bottom.row - top.row + 1) rows whose own codes are "
                            + "absent: their codes are unknown and read as blank (unmerge it and give each row its code)",
                        source: SourceLocation(
                            file: file, line: top.row, column: top.column, cell: sheet.cellName(row: top.row, column: top.column))))
                continue
            }
            for row in below {
                guard let position = index[row] else { continue }
                sheet.rows[position].cells.append((top.column, code))
                sheet.rows[position].cells.sort { $0.column < $1.column }
            }
        }
    }

    /// A code of a classification column: 2 to 7 ASCII digits (`201`, `06`, `2010601`).
    private static func isCode(_ text: String) -> Bool {
        (2...7).contains(text.utf8.count) && text.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }
}
