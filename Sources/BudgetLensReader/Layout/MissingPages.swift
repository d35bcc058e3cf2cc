import BudgetLensCore

/// Pages removed from a PDF (`pdfseparate`/`pdfunite` without some pages, a print of a page range): a table whose
/// rows ran onto a missing page reads as a whole table with rows missing — its totals absent or not matching (a
/// fresh tester's 烟台 PDF without pages 5 and 12: 公开06's `人员经费合计` read as not printed, a false 06-2
/// "0.00"). The printed page numbers tell: where one page prints `4` and the next `6`, page 5 is missing.
///
/// A jump is believed only when the numbers around it run with the PDF's pages (the nearest numbered page before
/// it and the nearest after it, where there are such pages, print the numbers their distance gives), so that one
/// misread number cannot make a gap. A table read on the page before the gap that either continues on the page
/// after it or ends at that page break (not at its note, the next title or a part heading) is read only in part:
/// it is not read (present, ``Disclosure/pagesMissingProblem``, a warning naming the pages: the rules over it are
/// not checked, the 目录 rule does not call it missing), never read with rows missing.
enum MissingPages {
    /// A gap: the PDF page before it and the printed numbers on both sides.
    struct Gap: Equatable {
        let page: Int
        let printedBefore: Int
        let printedAfter: Int
    }

    /// The gaps in `printed` (PDF page → printed number) that the numbers around them confirm.
    static func gaps(_ printed: [Int: Int]) -> [Gap] {
        let pages = printed.keys.sorted()
        var result: [Gap] = []
        for (index, page) in pages.enumerated() where index + 1 < pages.count && pages[index + 1] == page + 1 {
            let (before, after) = (printed[page]!, printed[page + 1]!)
            guard after - before >= 2 else { continue }
            // The nearest numbered page before and after must run with these numbers.
            if index > 0 {
                let previous = pages[index - 1]
                guard printed[previous]! + (page - previous) == before else { continue }
            }
            if index + 2 < pages.count {
                let next = pages[index + 2]
                guard after + (next - page - 1) == printed[next]! else { continue }
            }
            guard index > 0 || index + 2 < pages.count else { continue }
            result.append(Gap(page: page, printedBefore: before, printedAfter: after))
        }
        return result
    }

    /// Removes each table cut by a gap and records why.
    static func mark(
        _ disclosure: inout Disclosure, printed: [Int: Int], imagePages: Set<Int> = [],
        spans: [LayoutReconstruction.TableSpan], file: String
    ) {
        markRunningOntoImages(&disclosure, imagePages: imagePages, spans: spans, file: file)
        let gaps = gaps(printed)
        guard !gaps.isEmpty else { return }
        for span in spans {
            guard let last = span.pages.last,
                let gap = gaps.first(where: { gap in
                    (span.pages.contains(gap.page) && span.pages.contains(gap.page + 1))
                        || (last == gap.page && span.endsAtPageBreak)
                }),
                let index = disclosure.tables.firstIndex(where: { $0.id == span.id })
            else { continue }
            let table = disclosure.tables.remove(at: index)
            disclosure.problems.removeAll { $0.table == table.id }
            let missing =
                gap.printedAfter - gap.printedBefore == 2
                ? "\(gap.printedBefore + 1)" : "\(gap.printedBefore + 1)–\(gap.printedAfter - 1)"
            disclosure.problems.append(
                ReadProblem(
                    code: Disclosure.pagesMissingProblem, severity: .warning,
                    message: "\(table.id.formID) \(table.id.canonicalTitle)：第\(gap.page)页之后缺页（该页印页码\(gap.printedBefore)，"
                        + "下一页印\(gap.printedAfter)：印刷页码\(missing)不在文件中），本表延续到缺失的页上，只读到部分行，"
                        + "未读取、未检查 — pages are missing after page \(gap.page) (it prints \(gap.printedBefore), the next "
                        + "\(gap.printedAfter): printed page \(missing) is not in the file); the table runs onto the missing "
                        + "pages, only part of its rows is there, and it is not read or checked",
                    table: table.id, source: SourceLocation(file: file, line: 0, column: 0, page: gap.page)))
        }
    }

    /// A table that stops at a page break (not at its note, the next title or a part heading) when the next page
    /// carries no text but images (a scanned continuation page — a fresh tester's 财政局 PDF with page 11, 公开03's
    /// second page, rasterised): its rows on that page are not read, so it is read only in part — not read, a
    /// warning naming the page, its rules not checked — never read as a whole table with rows missing (12 rows of
    /// 公开03, and comparing the missing ones as 0.00).
    /// A blank page (no text, no image: the 财政局 PDF's page 14 after 公开04) holds no rows.
    private static func markRunningOntoImages(
        _ disclosure: inout Disclosure, imagePages: Set<Int>, spans: [LayoutReconstruction.TableSpan], file: String
    ) {
        guard !imagePages.isEmpty else { return }
        for span in spans {
            guard span.endsAtPageBreak, let last = span.pages.last, imagePages.contains(last + 1),
                let index = disclosure.tables.firstIndex(where: { $0.id == span.id })
            else { continue }
            let table = disclosure.tables.remove(at: index)
            disclosure.problems.removeAll { $0.table == table.id }
            disclosure.problems.append(
                ReadProblem(
                    code: Disclosure.pagesMissingProblem, severity: .warning,
                    message: "\(table.id.formID) \(table.id.canonicalTitle)：本表在第\(last)页末尾中断，第\(last + 1)页是图片、没有文字层"
                        + "（扫描页？）：本表可能延续到该页上，只读到部分行，未读取、未检查 — the table stops at the foot of page "
                        + "\(last) and page \(last + 1) carries no text but images (a scan?): the table may run onto it, only "
                        + "part of its rows is there, and it is not read or checked",
                    table: table.id, source: SourceLocation(file: file, line: 0, column: 0, page: last + 1)))
        }
    }
}
