import BudgetLensCore

/// Tables printed on pages that carry no text (a scan pasted into the PDF): present, but unreadable.
///
/// A table the document does not read is placed on textless pages when those pages lie where the table belongs:
/// after the table before it and before the table after it, in the order the 目录 lists them (else the canonical
/// order 公开01–09). Such a table is recorded as a ``ReadProblem`` `table.unreadable` (a warning naming the
/// table and the pages), not as missing: ``Disclosure/unreadableTables``. The page-level problems of those pages
/// are folded into it.
enum UnreadableTables {
    static let problemCode = Disclosure.unreadableTableProblem

    /// `disclosure` with its unreadable tables recorded and the page problems they explain removed.
    ///
    /// - Parameters:
    ///   - textlessPages: The pages without words, with how many images each holds (`nil`: unknown); pages
    ///     with no image (blank pages) never hold a table.
    ///   - extracted: Whether the pages are those of a text extracted from a PDF (form feeds between pages), whose
    ///     empty pages may be images or blank: the message says "no text", not "images".
    static func record(in disclosure: inout Disclosure, textlessPages: [Int: Int?], file: String, extracted: Bool = false) {
        let candidates = Set(textlessPages.compactMap { page, images in images == 0 ? nil : page })
        guard !candidates.isEmpty, disclosure.kind == .finalAccounts else { return }
        let order = tableOrder(disclosure)
        let present = disclosure.tables
        func table(_ id: TableID) -> PublicTable? { present.first { $0.id == id } }
        var pagesByTable: [(TableID, [Int])] = []
        // A table read only in part (its pages missing, or running onto a textless page) is explained already, and
        // so is one whose title was found but whose rows were not read (its error says why): neither is on pages
        // without text.
        let partlyRead = Set(disclosure.notUnderstoodTables)
        for (position, id) in order.enumerated() where table(id) == nil && !partlyRead.contains(id) {
            let before = order[..<position].reversed().compactMap(table).first
            let after = order[(position + 1)...].compactMap(table).first
            let pages = gap(after: before.flatMap(lastPage), before: after.flatMap(firstPage), in: candidates)
            if !pages.isEmpty { pagesByTable.append((id, pages)) }
        }
        var explained = Set<Int>()
        for (id, pages) in pagesByTable {
            explained.formUnion(pages)
            let sharing = pagesByTable.filter { $0.0 != id && $0.1 == pages }.map(\.0.formID)
            let shared = sharing.isEmpty ? "" : " (shared with \(sharing.joined(separator: ", ")))"
            let sharedZh = sharing.isEmpty ? "" : "（与\(sharing.joined(separator: "、"))同页）"
            if extracted {
                disclosure.problems.append(
                    ReadProblem(
                        code: problemCode, severity: .warning,
                        message: "\(id.formID) \(id.canonicalTitle) 应在第\(pageRange(pages))页\(sharedZh)，但文本中这些页没有文字"
                            + "（提取自 PDF 的图片页或扫描页？）：未读取，未检查 — \(id.formID) \(id.canonicalTitle) is present, "
                            + "unreadable (第\(pageRange(pages))页, no text in the extraction\(shared)): not checked; the pages where "
                            + "it belongs are empty in this text (images or scans in the PDF it was extracted from?)",
                        table: id, source: SourceLocation(file: file, line: 0, column: 0, page: pages[0])))
                continue
            }
            disclosure.problems.append(
                ReadProblem(
                    code: problemCode, severity: .warning,
                    message: "\(id.formID) \(id.canonicalTitle) 有表，但所在页（第\(pageRange(pages))页\(sharedZh)）是图片，没有文字层"
                        + "（扫描页？BudgetLens 不做文字识别）：未读取，未检查 — "
                        + "\(id.formID) \(id.canonicalTitle) is present, unreadable "
                        + "(第\(pageRange(pages))页, images\(shared)): not checked; its pages carry no text, "
                        + "a scan? (BudgetLens does not do OCR)",
                    table: id, source: SourceLocation(file: file, line: 0, column: 0, page: pages[0])))
        }
        disclosure.problems.removeAll { problem in
            problem.code == "pdf.page-without-text" && problem.source.page.map(explained.contains) == true
        }
    }

    /// The pages of an extracted text (form feeds between pages) that hold nothing but whitespace, but a last
    /// empty page (the form feed that ends the text), each with an unknown number of images.
    static func emptyPages(of text: String) -> [Int: Int?] {
        var pages: [Int: Int?] = [:]
        // Each page up to a form feed: empty when it holds whitespace only (what follows the last form feed is not
        // a page here).
        text.withUTF8Bytes { bytes in
            var page = 1
            bytes.forEachSegment(separatedBy: 0x0C) { start, end, separated in
                guard separated else { return }
                if bytes.allBytes(start, end, in: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
                    pages[page] = .some(nil)
                }
                page += 1
            }
        }
        return pages
    }

    /// `8–9`, or `8` for one page.
    static func pageRange(_ pages: [Int]) -> String {
        guard let first = pages.first, let last = pages.last else { return "" }
        let contiguous = last - first + 1 == pages.count
        if first == last { return "\(first)" }
        return contiguous ? "\(first)–\(last)" : pages.map(String.init).joined(separator: "、")
    }

    /// The tables in the order the 目录 lists them (when it lists two or more), else canonical.
    private static func tableOrder(_ disclosure: Disclosure) -> [TableID] {
        var listed: [TableID] = []
        for entry in disclosure.tableOfContents {
            if let id = TableTitles.table(named: entry.text), !listed.contains(id) { listed.append(id) }
        }
        guard listed.count >= 2 else { return TableID.allCases }
        return listed + TableID.allCases.filter { !listed.contains($0) }
    }

    /// The candidate pages strictly between `after` and `before`; when one bound is unknown, the run of
    /// consecutive candidate pages next to the other.
    private static func gap(after: Int?, before: Int?, in candidates: Set<Int>) -> [Int] {
        switch (after, before) {
        case (let after?, let before?):
            guard before - after > 1 else { return [] }
            return ((after + 1)..<before).filter(candidates.contains)
        case (let after?, nil):
            var pages: [Int] = []
            var page = after + 1
            while candidates.contains(page) {
                pages.append(page)
                page += 1
            }
            return pages
        case (nil, let before?):
            var pages: [Int] = []
            var page = before - 1
            while page > 0, candidates.contains(page) {
                pages.insert(page, at: 0)
                page -= 1
            }
            return pages
        case (nil, nil):
            return []
        }
    }

    private static func firstPage(_ table: PublicTable) -> Int? {
        ([table.source.page] + table.rows.map(\.source.page)).compactMap { $0 }.min()
    }

    private static func lastPage(_ table: PublicTable) -> Int? {
        ([table.source.page, table.noDataStatement?.source.page] + table.rows.map(\.source.page)
            + table.notes.map(\.source.page)).compactMap { $0 }.max()
    }
}
