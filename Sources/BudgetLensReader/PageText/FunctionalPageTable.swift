import BudgetLensCore

/// Writes a code table (公开02, 03, 05, 07, 08) of page text as tab-separated rows: a header naming the
/// template's amount columns, then `code | label | amounts…` with each amount in the column the identities give.
enum FunctionalPageTable {
    /// The amount columns of a template, the words that show its header is the one printed, and the row's
    /// identities.
    struct Template {
        let columns: [String]
        /// Each column's mark: a piece of its heading that the header must contain.
        let marks: [String]
        let identities: [ColumnPlacement.Identity]
    }

    /// The Shanghai (and central) templates: 栏次 as DOMAIN §1.3–1.8 give them.
    static func template(for id: TableID) -> Template? {
        switch id {
        case .income:
            Template(
                columns: ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"],
                marks: ["本年", "财政", "上级", "事业", "经营", "附属", "其他"],
                identities: [.init(total: 0, parts: Array(1...6))])
        case .expenditure:
            Template(
                columns: ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"],
                marks: ["本年", "基本", "项目支", "上缴", "经营", "附属"],
                identities: [.init(total: 0, parts: Array(1...5))])
        case .generalBudgetExpenditure:
            Template(
                columns: ["合计", "基本支出", "项目支出"], marks: ["合计", "基本", "项目支"],
                identities: [.init(total: 0, parts: [1, 2])])
        case .governmentFund, .stateCapital:
            Template(
                columns: ["年初结转和结余", "本年收入", "本年支出合计", "基本支出", "项目支出", "年末结转和结余"],
                marks: ["年初", "本年收入", "本年支出", "基本", "项目支", "年末"],
                identities: [.init(total: 2, parts: [3, 4])])
        default: nil
        }
    }

    /// The template whose every column the header names: the one above, or for 公开07/08 the 本年支出 columns
    /// alone (`合计`/`小计`, `基本支出`, `项目支出`), as Shandong and Hubei print 公开08 (DOMAIN §1.8: the 支出 block of
    /// the table) — taken only when the header names no 年初/本年收入/年末 column, so that a six-column header
    /// missing a mark stays unread.
    static func template(for id: TableID, header: String) -> Template? {
        guard let template = template(for: id) else { return nil }
        let header = IdeographSearch(header)  // the words looked for are ideographs: found on the bytes
        if template.marks.allSatisfy({ header.contains($0) }) { return template }
        guard id == .governmentFund || id == .stateCapital,
            !["年初", "本年收入", "年末", "结转", "结余"].contains(where: { header.contains($0) }),
            ["本年支出", "基本", "项目支"].allSatisfy({ header.contains($0) }),
            header.contains("合计") || header.contains("小计")
        else { return nil }
        return Template(
            columns: ["合计", "基本支出", "项目支出"], marks: ["基本", "项目支"], identities: [.init(total: 0, parts: [1, 2])])
    }

    static func write(
        _ id: TableID, tokenLines: [[PageTextToken]], lines: [Substring], region: Range<Int>,
        location: (Int, Int) -> SourceLocation, into table: inout PageTextTables.Rewrite
    ) -> Bool {
        // The header must name every column of the template (wrapped headings are joined first).
        let header = tokenLines.flatMap { $0 }.filter { $0.kind == .text }.map { String($0.text) }.joined()
        guard let template = template(for: id, header: header) else { return false }
        guard let rows = FunctionalPageRows.rows(tokenLines) else { return false }
        let count = template.columns.count
        guard rows.allSatisfy({ $0.values.count <= count }) else { return false }
        // Raw `pdftotext` prints one cell a line, in reading order: a row's amounts keep their columns' order.
        let nonEmpty = tokenLines.filter { !$0.isEmpty }
        let cellPerLine = nonEmpty.filter { $0.count == 1 }.count * 5 >= nonEmpty.count * 4
        var candidates: [[[Int]]] = []
        for row in rows {
            guard let found = ColumnPlacement.candidates(
                row.values, columnCount: count, ordered: cellPerLine || row.isOrdered, identities: template.identities)
            else { return false }
            candidates.append(found)
        }
        // 公开02's 合计 row has money only in the columns 公开01's income rows have money in.
        if id == .income, let funded = table.incomeColumnsWithMoney, let total = rows.firstIndex(where: \.isTotal) {
            let kept = candidates[total].filter { placement in
                zip(rows[total].values, placement).allSatisfy { $0 == 0 || funded.contains($1) }
            }
            if !kept.isEmpty { candidates[total] = kept }
        }
        // A `0.00` in one blank column or another gives the same cells: one reading.
        for index in candidates.indices {
            candidates[index] = PlacementReadings.distinct(candidates[index], amounts: rows[index].values, columnCount: count)
        }
        // Narrow by the 合计 row and the hierarchy; where several placements remain, every full reading the hierarchy
        // holds is found (PlacementReadings) and a row keeps the placements some reading gives it. Nothing is picked:
        // a row left with several is written with the first and recorded as open (OpenPlacementResolution leaves the
        // cells the placements disagree on unread, after the cross-table identities had their say).
        let parents = parents(of: rows)
        var order = Array(rows.indices)
        order.sort { level(rows[$0]) < level(rows[$1]) }
        var budget = 2_000_000  // search steps for the whole table
        let amounts = rows.map(\.values)
        let totalRow = rows.firstIndex(where: \.isTotal)
        // Worked out once: the search settles many times, each time with a row or two changed.
        let families = HierarchyPlacement.families(parents: parents)
        var memo = HierarchyPlacement.Memo()
        var before: [Int] = []  // each row's count of placements before a pass: one buffer for every pass
        func settle(_ placements: inout [[[Int]]], _ budget: inout Int) {
            for _ in 0...rows.count {
                before.removeAll(keepingCapacity: true)
                for placement in placements { before.append(placement.count) }
                restrictToTotalColumns(&placements, amounts: amounts, total: totalRow, columnCount: count)
                HierarchyPlacement.narrow(
                    &placements, amounts: amounts, families: families, columnCount: count, budget: &budget, memo: &memo)
                if placements.indices.allSatisfy({ placements[$0].count == before[$0] }) { break }
            }
        }
        settle(&candidates, &budget)
        var found: [[[Int]]] = []
        if candidates.contains(where: { $0.count > 1 }),
            let readings = PlacementReadings.readings(
                candidates: candidates, amounts: amounts, parents: parents, order: order, columnCount: count,
                budget: &budget, narrow: settle),
            !readings.isEmpty
        {
            found = readings
            for index in rows.indices {
                let kept = PlacementReadings.distinct(readings.map { $0[index] }, amounts: amounts[index], columnCount: count)
                candidates[index] = candidates[index].filter { kept.contains($0) }
                if candidates[index].isEmpty { candidates[index] = kept }
            }
        }
        for index in order where candidates[index].count > 1 {
            let row = rows[index]
            table.openRows.append(OpenPlacementResolution.OpenRow(
                table: id, code: row.isTotal ? nil : row.code, columns: template.columns,
                amounts: row.amounts.map { (String($0.text), location($0.line, $0.column)) }, placements: candidates[index],
                source: row.anchor.map { location($0.line, $0.column) } ?? location(region.lowerBound, 1),
                readingPlacements: found.map { $0[index] }))
        }

        let start = tokenLines.first?.first.map { location($0.line, $0.column) } ?? location(region.lowerBound, 1)
        var unplaced = false
        table.append([("科目编码", start), ("科目名称", start)] + template.columns.map { ($0, start) })
        for (index, row) in rows.enumerated() {
            guard let anchor = row.anchor else { continue }
            let here = location(anchor.line, anchor.column)
            var fields: [(text: String, location: SourceLocation)] = [
                (row.isTotal ? "" : row.code ?? "", here), (row.isTotal ? "合计" : row.label, here),
            ]
            var cells = [(text: String, location: SourceLocation)](repeating: ("", here), count: count)
            if let placement = candidates[index].first {
                for (token, column) in zip(row.amounts, placement) {
                    cells[column] = (String(token.text), location(token.line, token.column))
                }
            } else if !row.amounts.isEmpty {
                // A row whose amounts fit no column cannot be written without inventing or dropping cells: the
                // table is left unread (reported as not understood), and this note says which row.
                unplaced = true
                table.notes.append(
                    ReadProblem(
                        code: "page-text.row-unplaced", severity: .warning,
                        message: "\(id.formID) \(row.isTotal ? "合计" : row.code ?? row.label)：\(row.amounts.map(\.text).joined(separator: " ")) "
                            + "在任何栏次放置下都不满足本行的勾稽关系，未读取 — no placement of the row's amounts in the "
                            + "columns satisfies the row's identity; they are not read",
                        table: id, source: here))
            }
            table.append(fields + cells)
            fields = []
        }
        if unplaced { return false }
        if rows.isEmpty {
            // An empty table (本表无数据): its 合计 row, blank.
            table.append([("", start), ("合计", start)] + template.columns.map { _ in ("", start) })
        }
        return true
    }

    /// A column blank in the 合计 row is blank in every row (when the 合计 row is placed).
    private static func restrictToTotalColumns(
        _ candidates: inout [[[Int]]], amounts: [[Int64]], total: Int?, columnCount: Int
    ) {
        guard let total, candidates[total].count == 1 else { return }
        let totals = ColumnPlacement.values(amounts[total], at: candidates[total][0], columnCount: columnCount)
        let allowed = totals.map { $0 != 0 }  // by column
        for (index, values) in amounts.enumerated() where index != total && candidates[index].count > 1 {
            func fits(_ placement: [Int]) -> Bool { zip(values, placement).allSatisfy { $0 == 0 || allowed[$1] } }
            if candidates[index].allSatisfy(fits) { continue }  // nothing to drop (the usual case)
            let kept = candidates[index].filter(fits)
            if !kept.isEmpty { candidates[index] = kept }
        }
    }

    /// 0 for the 合计 row, then 类, 款, 项.
    private static func level(_ row: PageTextRow) -> Int {
        row.isTotal ? 0 : row.code?.count ?? 9
    }

    /// The parent row of each row: the longest code that is a prefix of its code, else the 合计 row for a 类.
    private static func parents(of rows: [PageTextRow]) -> [Int?] {
        var byCode: [String: Int] = [:]
        for (index, row) in rows.enumerated() { if let code = row.code, byCode[code] == nil { byCode[code] = index } }
        let total = rows.firstIndex(where: \.isTotal)
        return rows.map { row in
            guard let code = row.code else { return nil }
            switch code.count {
            case 7: return byCode[String(code.prefix(5))]
            case 5: return byCode[String(code.prefix(3))]
            case 3: return total
            default: return nil
            }
        }
    }
}
