import BudgetLensCore

/// Reads 公开06 of raw `pdftotext` text (no `-layout`: one cell a line, in poppler's reading order), where codes,
/// labels and amounts come in runs that cross both blocks (人员经费 | 公用经费): the labels and codes say which
/// rows the table has (``RawTextEconomicRows``), the identities alone place the amounts
/// (``RawTextEconomicPlacement``), never the line an amount stands on.
///
/// - No amount (a blank template): every row blank — read.
/// - One reading: read, each amount traced to where it stands.
/// - Two or more: not read, and a `page-text.placement-ambiguous` warning names two of them; none, or a search cut
///   short: not read, `page-text.row-unplaced`.
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
    ///   - basicTotal: 公开05's 合计 基本支出 (hundredths of the printed unit) when 公开05 was read, else `nil`.
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
            case .open(let readings):
                table.notes.append(RawTextPlacementNotes.ambiguous(id, relations: relations, readings: readings, at: start))
                return false
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
