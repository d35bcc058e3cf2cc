import BudgetLensCore

/// Reads 公开06 of raw `pdftotext` text (no `-layout`: one cell a line, in poppler's reading order), where codes,
/// labels and amounts come in runs that cross both blocks (人员经费 | 公用经费): the labels and codes say which
/// rows the table has (``RawTextEconomicRows``), the identities alone place the amounts
/// (``RawTextEconomicPlacement``), never the line an amount stands on.
///
/// - No amount (a blank template): every row blank — read.
/// - One reading: read, each amount traced to where it stands.
/// - Two or more: read in part — the rows (codes, labels) are read, the cells every reading gives alike too, the
///   others are left without a value, and a `table.ambiguous` warning names two readings and the cells not read.
///   In the corpus no cell is settled: a 款 can be swapped with another of its 类, and the 类 of one side (301 and
///   303; 302, 310…) and the two sides' totals with each other, under every identity.
/// - None, or a search cut short before two: not read, `page-text.row-unplaced`.
///
/// See docs/page-text.md ("Raw `pdftotext`: 公开06").
enum RawTextEconomicTable {
    /// Lines after the table's note looked at, at most (raw text may print the rest of the codes and amounts there).
    static let followingLimit = 300

    /// Writes 公开06 of raw text; `false` when it is not read (notes say why where the amounts could not be placed).
    ///
    /// - Parameters:
    ///   - tokenLines: The region's words (the unit line taken out), one cell a line.
    ///   - following: The words after the region (its note) up to the next title: read while they are the table's
    ///     (codes, amounts, its labels and header words).
    ///   - basicTotal: 公开05's 合计 基本支出 (hundredths of the printed unit) when 公开05 was read (X-11), else `nil`.
    static func write(
        _ id: TableID, tokenLines regionLines: [[PageTextToken]], following: [[PageTextToken]], basicTotal: Int64?, location: (Int, Int) -> SourceLocation,
        into table: inout PageTextTables.Rewrite
    ) -> Bool {
        guard id.shape == .economic, RawTextCodeTable.isCellPerLine(regionLines),
            let (rows, tokenLines) = RawTextEconomicRows.rows(regionLines, following: following)
        else { return false }
        let amounts = tokenLines.joined().filter { $0.amount != nil }
        let start = location(rows[0].anchor.line, rows[0].anchor.column)
        let relations = basicTotal.map { _ in (zh: "公开05", en: "公开05") }
        var reading = RawTextEconomicPlacement.Reading(repeating: 0, count: rows.count + 2)
        if !amounts.isEmpty {
            let outcome = RawTextEconomicPlacement.place(amounts, rows: rows, basicTotal: basicTotal)
            switch outcome {
            case .read(let placed): reading = placed
            case .partial(let placed, let open, let described):
                reading = placed
                table.openItems.append(openItems(id, open: open, rows: rows, described: described, relations: relations, at: start))
            case .none(let cutShort):
                table.notes.append(RawTextPlacementNotes.unplaced(
                    id, relations: relations,
                    limit: cutShort
                        ? (zh: " \(RawTextEconomicPlacement.stepLimit) 步上限", en: "of \(RawTextEconomicPlacement.stepLimit) steps")
                        : nil,
                    at: start))
                return false
            }
        }
        emit(rows: rows, reading: reading, amounts: amounts, start: start, location: location, into: &table)
        return true
    }

    /// The cells of a table read in part that its readings do not decide (`open`: indices in
    /// ``RawTextEconomicPlacement/Reading`` order), left without a value once the text is read, and the
    /// `table.ambiguous` warning naming two readings and, 类 by 类, the cells not read.
    private static func openItems(
        _ id: TableID, open: [Int], rows: [RawTextEconomicRows.Row], described: String, relations: (zh: String, en: String)?,
        at start: SourceLocation
    ) -> OpenPlacementResolution.OpenItems {
        let totals = ["人员经费合计", "公用经费合计"]
        var cells: [(code: String?, item: String, column: Int)] = []
        var named: [String] = []  // by 类: `301 工资福利支出的 13 个款`, or a row
        var itemsByClass: [(code: String, count: Int)] = []
        for index in open {
            guard index < rows.count else {
                cells.append((nil, totals[index - rows.count], 1))
                named.append(totals[index - rows.count])
                continue
            }
            let row = rows[index]
            cells.append((row.code, row.label, 1))
            if row.isClass {
                named.append("\(row.code) \(row.label)")
            } else if let last = itemsByClass.indices.last, itemsByClass[last].code == row.classCode {
                itemsByClass[last].count += 1
            } else {
                itemsByClass.append((row.classCode, 1))
            }
        }
        for (code, count) in itemsByClass {
            named.append("\(code) \(rows.first { $0.code == code }?.label ?? "")的 \(count) 个款")
        }
        if open.count == rows.count + 2 { named = ["全部 \(open.count) 个单元格"] }
        let note = ReadProblem(
            code: "table.ambiguous", severity: .warning,
            message: "\(id.formID)：原始文本中金额与行的对应有两种以上读法均满足勾稽关系"
                + (relations.map { "（含与\($0.zh)的关系）" } ?? "") + "，无法确定：" + described + "；"
                + named.joined(separator: "、") + " 未读取（本表只读取了一部分；各读法一致的单元格已读取） — raw text detaches "
                + "the amounts from their labels and two or more readings satisfy the identities"
                + (relations.map { ", those with \($0.en) included" } ?? "") + "; the \(cells.count) cells they place "
                + "differently are not read, the cells every reading gives alike are",
            table: id, source: start)
        return OpenPlacementResolution.OpenItems(table: id, cells: cells, note: note)
    }

    /// The tab-separated rows as the PDF prints them: 人员经费's rows beside 公用经费's, then the two totals. A cell
    /// with money takes a printed amount of its value (each printed amount once); a zero cell takes a printed
    /// `0.00` while any is left, else stays blank.
    private static func emit(
        rows: [RawTextEconomicRows.Row], reading: RawTextEconomicPlacement.Reading, amounts: [PageTextToken],
        start: SourceLocation, location: (Int, Int) -> SourceLocation, into table: inout PageTextTables.Rewrite
    ) {
        var unused = amounts
        func cell(_ value: Int64, _ here: SourceLocation) -> (text: String, location: SourceLocation) {
            guard let index = unused.firstIndex(where: { $0.amount == value }) else { return ("", here) }
            let token = unused.remove(at: index)
            return (String(token.text), location(token.line, token.column))
        }
        typealias Field = (text: String, location: SourceLocation)
        var personnel: [[Field]] = []
        var publicCosts: [[Field]] = []
        // Money first, so that a 0.00 never takes the place of a printed amount.
        var cells = [Field?](repeating: nil, count: reading.count)
        for (index, value) in reading.enumerated() where value != 0 { cells[index] = cell(value, start) }
        for (index, value) in reading.enumerated() where value == 0 { cells[index] = cell(0, start) }
        for (index, row) in rows.enumerated() {
            let here = location(row.anchor.line, row.anchor.column)
            let fields: [Field] = [(row.code, here), (row.label, here), cells[index] ?? ("", here)]
            if RawTextEconomicRows.personnelClasses.contains(row.classCode) {
                personnel.append(fields)
            } else {
                publicCosts.append(fields)
            }
        }
        table.append(["经济分类科目编码", "", "", "经济分类科目编码", "", ""].map { ($0, start) })
        table.append(["", "科目名称", "决算数", "", "科目名称", "决算数"].map { ($0, start) })
        let blank: [Field] = [("", start), ("", start), ("", start)]
        for index in 0..<max(personnel.count, publicCosts.count) {
            table.append((index < personnel.count ? personnel[index] : blank) + (index < publicCosts.count ? publicCosts[index] : blank))
        }
        let totals = reading.count - 2
        table.append([("", start), ("人员经费合计", start), cells[totals] ?? ("", start),
            ("", start), ("公用经费合计", start), cells[totals + 1] ?? ("", start)])
    }
}
