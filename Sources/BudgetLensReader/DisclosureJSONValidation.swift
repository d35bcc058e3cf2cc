import BudgetLensCore

/// The structural checks on a re-imported JSON export that decoding alone does not make: what the reader never
/// produces and the rules must not meet. Each refusal names the JSON path (`$.disclosure.tables[2].rows[5].cells[1]`),
/// in Chinese and English.
enum DisclosureJSONValidation {
    /// The largest 栏次 number accepted (the widest public table has 12 columns).
    static let maximumColumn = 100

    /// The fiscal years a header may give: from the People's Republic's first budget to 2100 (the reader reads
    /// 1990–2100).
    static let years = 1949...2100

    /// The longest unit name or title accepted, in characters (real ones have a few dozen).
    static let maximumNameLength = 500

    /// A refusal: the JSON path and what is wrong there, in Chinese and English.
    struct Refusal: Equatable {
        var chinese: String
        var english: String
    }

    /// The first structural error of `disclosure`, each message starting with its JSON path; `nil` when there is
    /// none.
    ///
    /// Refused: a header year outside ``years``; a header or table unit name or a header title that is
    /// longer than ``maximumNameLength`` or holds a line break or control character; a 部门/单位 label other than
    /// those two; a table id that appears twice; a 栏次 (`columns[].number`, `cells[].column`) below 1 or above
    /// ``maximumColumn``; a cell in a 栏次 its table's `columns` do not list, or in one that another cell of its row
    /// has; a 行次 below 1; a cell whose `value` is not what its printed `text` reads as in the
    /// table's money unit (blank or a dash → 0; a number → that amount; anything else → no value). A money unit,
    /// document kind or scope that is not one of its values is refused by decoding (with its path).
    static func firstError(in disclosure: Disclosure) -> Refusal? {
        if let refusal = headerError(disclosure.header) { return refusal }
        var seen: [TableID: Int] = [:]
        for (tableIndex, table) in disclosure.tables.enumerated() {
            let tablePath = "$.disclosure.tables[\(tableIndex)]"
            if let first = seen[table.id] {
                return Refusal(
                    chinese: "\(tablePath).id：\(table.id.formID) 重复出现（首次在 $.disclosure.tables[\(first)]）",
                    english: "\(tablePath).id: \(table.id.formID) appears twice (first at $.disclosure.tables[\(first)]) / 表重复")
            }
            seen[table.id] = tableIndex
            if let refusal = nameError(table.unitName, path: "\(tablePath).unitName", what: ("单位名称", "unit name")) {
                return refusal
            }
            for (columnIndex, column) in table.columns.enumerated() where !(1...maximumColumn).contains(column.number) {
                return columnRefusal("\(tablePath).columns[\(columnIndex)].number", column.number)
            }
            let unit = table.moneyUnit ?? .wanYuan
            let declared = Set(table.columns.map(\.number))
            for (rowIndex, row) in table.rows.enumerated() {
                let rowPath = "\(tablePath).rows[\(rowIndex)]"
                for (name, line) in [("line", row.line), ("standardLine", row.standardLine)] {
                    if let line, line < 1 {
                        return Refusal(
                            chinese: "\(rowPath).\(name)：行次 \(line) 不是正数",
                            english: "\(rowPath).\(name): 行次 \(line) is not positive")
                    }
                }
                var columnsSeen: [Int: Int] = [:]
                for (cellIndex, cell) in row.cells.enumerated() {
                    let cellPath = "\(rowPath).cells[\(cellIndex)]"
                    guard (1...maximumColumn).contains(cell.column) else {
                        return columnRefusal("\(cellPath).column", cell.column)
                    }
                    // A 栏次 the table does not print: its cells would count nowhere, and the sums would miss them.
                    if !declared.isEmpty, !declared.contains(cell.column) {
                        let printed = declared.sorted().map(String.init).joined(separator: "、")
                        return Refusal(
                            chinese: "\(cellPath).column：栏次 \(cell.column) 不是本表的栏次（\(printed)，见 \(tablePath).columns）",
                            english: "\(cellPath).column: 栏次 \(cell.column) is not one of the table's columns (\(printed), "
                                + "see \(tablePath).columns)")
                    }
                    // Two cells of one row in one 栏次: which is meant cannot be told.
                    if let first = columnsSeen[cell.column] {
                        return Refusal(
                            chinese: "\(cellPath).column：栏次 \(cell.column) 在本行重复（首次在 \(rowPath).cells[\(first)]）",
                            english: "\(cellPath).column: 栏次 \(cell.column) appears twice in the row (first at "
                                + "\(rowPath).cells[\(first)])")
                    }
                    columnsSeen[cell.column] = cellIndex
                    if let disagreement = disagreement(cell, unit: unit, path: cellPath) { return disagreement }
                }
            }
        }
        return nil
    }

    /// The header's year, unit name, 部门/单位 label and title.
    private static func headerError(_ header: DocumentHeader) -> Refusal? {
        if let year = header.year, !years.contains(year) {
            return Refusal(
                chinese: "$.disclosure.header.year：年度 \(year) 不在 \(years.lowerBound)–\(years.upperBound) 之间",
                english: "$.disclosure.header.year: the year \(year) is not between \(years.lowerBound) and "
                    + "\(years.upperBound)")
        }
        if let label = header.unitLabel, label != "部门", label != "单位" {
            return Refusal(
                chinese: "$.disclosure.header.unitLabel：“\(label)”应为“部门”或“单位”",
                english: "$.disclosure.header.unitLabel: '\(label)' is neither 部门 nor 单位")
        }
        if let refusal = nameError(header.unitName, path: "$.disclosure.header.unitName", what: ("单位名称", "unit name")) {
            return refusal
        }
        return nameError(header.title, path: "$.disclosure.header.title", what: ("标题", "title"))
    }

    /// A name that is too long or holds a line break or control character.
    private static func nameError(_ name: String?, path: String, what: (chinese: String, english: String)) -> Refusal? {
        guard let name else { return nil }
        let count = name.unicodeScalars.count
        if count > maximumNameLength {
            return Refusal(
                chinese: "\(path)：\(what.chinese)有 \(count) 个字符，超过 \(maximumNameLength) 个",
                english: "\(path): the \(what.english) has \(count) characters, more than \(maximumNameLength)")
        }
        if let control = name.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) {
            let code = "U+" + String(control.value, radix: 16, uppercase: true).leftPadded(to: 4)
            return Refusal(
                chinese: "\(path)：\(what.chinese)含控制字符或换行（\(code)）",
                english: "\(path): the \(what.english) holds a control character or line break (\(code))")
        }
        return nil
    }

    private static func columnRefusal(_ path: String, _ number: Int) -> Refusal {
        Refusal(
            chinese: "\(path)：栏次 \(number) 不在 1–\(maximumColumn) 之间",
            english: "\(path): 栏次 \(number) is not between 1 and \(maximumColumn)")
    }

    /// Why a cell's value is not what its text reads as, or `nil` when they agree. A blank cell without a value is
    /// a cell read in part (an amount the reader could not place: page and raw text, `table.ambiguous`): it agrees,
    /// and reads back as unread, never as 0.
    private static func disagreement(_ cell: TableCell, unit: MoneyUnit, path: String) -> Refusal? {
        let expected: Money?
        switch Money.reading(cell.text, unit: unit) {
        case .blank:
            guard cell.value != nil else { return nil }
            expected = .zero
        case .amount(let money): expected = money
        case .invalid: expected = nil
        }
        guard expected != cell.value else { return nil }
        let value = cell.value.map { "\($0.decimalString(in: .yuan)) 元" }
        let reading = expected.map { "\($0.decimalString(in: .yuan)) 元" }
        return Refusal(
            chinese: "\(path)：数值 \(value ?? "（无）") 与文本“\(cell.text)”不符，该文本按\(unit.rawValue)读作 "
                + "\(reading ?? "非金额")",
            english: "\(path): value \(value ?? "none") disagrees with text '\(cell.text)', which reads as "
                + "\(reading ?? "no amount") in \(unit.rawValue) / 数值与文本不符")
    }
}

extension String {
    /// The string with zeros in front up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
