import BudgetLensCore

/// A `pdftotext -layout -nopgbrk` text: the pages run on without the form feed (U+000C) that ends each page, so
/// the layout reader takes the whole document for one page and lays one grid of columns over pages that
/// pdftotext aligned each on its own. A table that runs over a page boundary can then have a code column merged
/// with its neighbour (`30224` read `30230224`, `30225` read `25`). The boundary itself leaves no trace in the
/// text, so it is not guessed: the text is said to lack page breaks (a warning), and each table with a
/// code row whose code is missing or of digits but not 3, 5 or 7 of them — the mark of columns merged across pages — is not read (an
/// error naming the code), so that no wrong cell and no false F-CODE finding remains.
enum PageBreaksMissing {
    /// More lines than any one page of `pdftotext -layout` output holds (the corpus PDFs' longest page is 81
    /// lines): a layout text without a form feed and longer than this runs several pages together.
    static let longestPage = 100

    /// The lines of one page when the text's ``ColumnMeasure`` is taken: shorter than most pages, so that the
    /// amounts of two pages seldom meet at one column by chance.
    static let measuredLines = 40

    /// Whether `text` is a layout text of several pages without form feeds.
    static func applies(to text: String) -> Bool {
        guard !text.utf8.contains(0x0C) else { return false }
        var lines = 0
        for byte in text.utf8 where byte == 0x0A {
            lines += 1
            if lines > longestPage { return true }
        }
        return false
    }

    /// Warns that the text has no page breaks, and removes every table with a malformed code row, recording
    /// `table.not-understood` for it (and dropping its rows' `row.bad-code` warnings).
    static func refuse(in disclosure: inout Disclosure, file: String) {
        var kept: [PublicTable] = []
        var problems: [ReadProblem] = []
        var refusedRows = Set<SourceLocation>()
        for table in disclosure.tables {
            guard let row = table.rows.first(where: isMalformed) else {
                kept.append(table)
                continue
            }
            refusedRows.formUnion(table.rows.map(\.source))
            let code = row.code ?? ""
            problems.append(
                ReadProblem(
                    code: Disclosure.notUnderstoodTableProblem, severity: .error,
                    message: "\(table.id.formID) \(table.id.canonicalTitle)：文本没有分页符，“\(row.item)”一行的科目编码读作“\(code)”，"
                        + "不是 3、5 或 7 位编码，跨页的栏次可能已并在一起，此表不读取 — the text has no page breaks and the "
                        + "code of row '\(row.item)' reads '\(code)', not a code of 3, 5 or 7 digits: columns of two "
                        + "pages may have run together; the table is not read",
                    table: table.id, source: row.source))
        }
        disclosure.tables = kept
        problems.append(
            ReadProblem(
                code: "layout.no-page-breaks", severity: .warning,
                message: "版面文本没有分页符（pdftotext -nopgbrk？），各页的栏次按一页对齐读取，跨页的表格可能读错：请用不带 -nopgbrk 的 "
                    + "pdftotext -layout 重新提取 — the layout text has no page breaks (pdftotext -nopgbrk?); its pages' "
                    + "columns are read as one page and a table running over a page boundary may be misread: extract "
                    + "it again with pdftotext -layout without -nopgbrk",
                source: SourceLocation(file: file, line: 1, column: 1)))
        // The code warnings of a table not read speak of codes the document does not print.
        let standing = disclosure.problems.filter { $0.code != "row.bad-code" || !refusedRows.contains($0.source) }
        disclosure.problems = (standing + problems).sorted {
            ($0.source.page ?? 0, $0.source) < ($1.source.page ?? 0, $1.source)
        }
    }

    /// A code row whose code is missing, or digits only but not 3, 5 or 7 of them: what codes merged with a
    /// neighbour column or cut from it read. A code of other characters (a template's `…`) is no such mark; the
    /// usual code warning names it.
    private static func isMalformed(_ row: TableRow) -> Bool {
        guard row.kind == .code else { return false }
        guard let code = row.code, !code.isEmpty else { return true }
        return code.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) && ClassificationCode.level(of: code) == nil
    }
}
