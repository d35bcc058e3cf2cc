import BudgetLensCore

/// Builds the tables whose rows are functional classification codes under a 合计 row: 公开02, 03, 05, 07, 08.
/// The code is one field (`2101501`) or three (`类 | 款 | 项`, joined); the name follows it and the amount
/// columns follow the name. Or the code and the name share the first field (`2010601 行政运行`, ``MergedCodeCell``):
/// then the amounts follow it. Header rows repeated on continuation pages are skipped.
struct FunctionalTableBuilder: TableBuilder {
    var building: TableBuilding
    let located: LocatedTable
    /// Whether the `table.merged-codes` note was given (once a table).
    private var mergedCodesNoted = false

    init(building: TableBuilding, located: LocatedTable) {
        self.building = building
        self.located = located
    }

    private struct Layout {
        /// 3 (`类 | 款 | 项`), 1 (`2010601`), or 0: the code printed in the name's field (``MergedCodeCell``).
        let codeFieldCount: Int
        let width: Int
        /// Value field positions and their 栏次 numbers.
        let valueColumns: [(position: Int, number: Int)]
        /// Every word of the header rows: a later row made only of them is a repeated header.
        let headerVocabulary: Set<String>
    }

    mutating func build() -> (columns: [TableColumn], rows: [TableRow]) {
        let grid = located.grid
        let width = grid.commonWidth
        // `类 | 款 | 项`; layout text may print `款` and `项` so close that they share a field (`类 | 款项`).
        // Or `2010601 行政运行` in one field: no code field of its own.
        let codeFieldCount =
            grid.contains {
                $0.key(0) == "类" && (($0.key(1) == "款" && $0.key(2) == "项") || $0.key(1) == "款项")
            } ? 3 : MergedCodeCell.holdsMergedCodes(grid.lazy.map { String($0.field(0)) }) ? 0 : 1
        // The header ends at the first data row — or at a row that starts with digits and has amounts (a decimal
        // amount after the code and name fields): a row whose code is miswritten (`201 | | 999.99`) is a row with a
        // bad code, not a header line dropped without a word.
        let headerRows = Array(grid.prefix {
            !isDataRow($0, codeFieldCount: codeFieldCount) && !Self.isMiswrittenCodeRow($0, codeFieldCount: codeFieldCount)
        })
        // Amounts start after the code and name fields — or, when a 栏次 row numbers columns further right (a
        // PDF's header with 科目编码, 栏次 and 科目名称 in fields of their own), at its first number.
        var firstValue = codeFieldCount + 1
        if let numbered = headerRows.lazy.compactMap({ Self.columnNumberRow($0) }).first,
            let first = numbered.keys.min(), first > firstValue, numbered[first] == 1
        {
            firstValue = first
        }
        let valuePositions = Array(firstValue..<max(firstValue, width))
        let numbers = columnNumbers(valuePositions: valuePositions, headerRows: headerRows)
        var vocabulary: Set<String> = ["栏次", "合计", "小计", "基本支出", "项目支出", "类", "款", "项", "款项"]
        for row in headerRows { for position in 0..<row.width where !row.isBlank(position) { vocabulary.insert(row.key(position)) } }
        let layout = Layout(
            codeFieldCount: codeFieldCount, width: width,
            valueColumns: Array(zip(valuePositions, numbers)), headerVocabulary: vocabulary)
        let columns = layout.valueColumns.map { position, number in
            TableColumn(number: number, name: columnName(at: position, headerRows: headerRows))
        }
        var rows: [TableRow] = []
        if codeFieldCount == 0, let first = grid.dropFirst(headerRows.count).first(where: { !$0.isBlank }) {
            noteMergedCodes(at: first)
        }
        for line in grid.dropFirst(headerRows.count) where !line.isBlank {
            if let row = row(of: line, layout: layout) { rows.append(row) }
        }
        return (columns.sorted { $0.number < $1.number }, rows)
    }

    /// Whether the row starts with digits and a field after the code and name fields holds a decimal amount
    /// (`2,106.66`): a row whose code is miswritten — header lines hold words and 栏次 numbers (`1`, `2`), never one.
    private static func isMiswrittenCodeRow(_ line: GridLine, codeFieldCount: Int) -> Bool {
        guard line.width > codeFieldCount + 1, let first = line.key(0).utf8.first, (0x30...0x39).contains(first) else {
            return false
        }
        for position in (codeFieldCount + 1)..<line.width where line.fields[position].utf8.contains(UInt8(ascii: ".")) {
            if case .amount = Money.reading(line.fields[position], unit: .yuan) { return true }
        }
        return false
    }

    private func codeText(of line: GridLine, codeFieldCount: Int) -> String {
        if codeFieldCount == 0 { return MergedCodeCell.split(line.field(0))?.code ?? "" }
        if let merged = Self.mergedInCodeFields(line, codeFieldCount: codeFieldCount) { return merged.code }
        if codeFieldCount == 3 { return Self.joinedCode(line.key(0), line.key(1), line.key(2)) }
        return (0..<codeFieldCount).map { line.key($0) }.joined()
    }

    /// `201 | 06 | 01` joined: `2010601`. A 款 or 项 typed as a number into a workbook loses its leading zero
    /// (`201 | 6 | 1`, Excel shows `06` only under the format `00`): a one-digit 款 or 项 after a 3-digit 类 is
    /// the two digits it stands for.
    static func joinedCode(_ classCode: String, _ section: String, _ item: String) -> String {
        func isDigits(_ key: String) -> Bool { !key.isEmpty && key.utf8.allSatisfy { (0x30...0x39).contains($0) } }
        guard classCode.utf8.count == 3, isDigits(classCode), isDigits(section) else { return classCode + section + item }
        let paddedSection = section.utf8.count == 1 ? "0" + section : section
        let paddedItem = item.utf8.count == 1 && isDigits(item) ? "0" + item : item
        return classCode + paddedSection + paddedItem
    }

    private mutating func noteMergedCodes(at line: GridLine) {
        guard !mergedCodesNoted else { return }
        mergedCodesNoted = true
        building.record(
            "table.merged-codes", .info,
            "科目编码与科目名称印在同一单元格（如“2010601 行政运行”）：按编码、名称分开读取 — "
                + "codes and names share one cell (`2010601 行政运行`): each is read apart",
            at: building.text.location(line, position: 0))
    }

    /// A code and its name in the first field of a row whose other code fields and name field are blank: a cell
    /// merged across 类 | 款 | 项 | 科目名称 (or 科目编码 | 科目名称) in the workbook the text came from.
    /// Or in the name's field, the code fields blank (`| | | 2010601 行政运行 | …`).
    private static func mergedInCodeFields(_ line: GridLine, codeFieldCount: Int) -> (code: String, name: String)? {
        guard codeFieldCount > 0, line.width > codeFieldCount else { return nil }
        if (1...codeFieldCount).allSatisfy({ line.isBlank($0) }), let merged = MergedCodeCell.split(line.field(0)) {
            return merged
        }
        guard (0..<codeFieldCount).allSatisfy({ line.isBlank($0) }) else { return nil }
        return MergedCodeCell.split(line.field(codeFieldCount))
    }

    /// The row's name: the field after the code fields, or what follows the code in a merged cell.
    private func nameText(of line: GridLine, codeFieldCount: Int) -> String {
        if codeFieldCount == 0, let merged = MergedCodeCell.split(line.field(0)) { return merged.name }
        if let merged = Self.mergedInCodeFields(line, codeFieldCount: codeFieldCount) { return merged.name }
        return line.label(codeFieldCount)
    }

    private func isDataRow(_ line: GridLine, codeFieldCount: Int) -> Bool {
        ClassificationCode.level(of: codeText(of: line, codeFieldCount: codeFieldCount)) != nil
            || isTotal(line, codeFieldCount: codeFieldCount)
    }

    /// `合计 | | …`, `| 合计 | …`, `合 计 | …` and Shanghai's merged `类 | 款 | 项 | 合计 | …`.
    private func isTotal(_ line: GridLine, codeFieldCount: Int) -> Bool {
        let code = codeText(of: line, codeFieldCount: codeFieldCount)
        let name = line.key(codeFieldCount)
        return ["合计", "总计"].contains(code) || ["合计", "总计"].contains(name) || line.key(0) == "合计"
    }

    /// 栏次 numbers by value position: printed ones when a 栏次 row numbers every value column, else 1, 2, 3 …
    /// Shanghai's 公开08 (six columns like 公开07) keeps the canonical 1 小计, 2 基本支出, 3 项目支出 and numbers
    /// its extra columns 4 年初结转和结余, 5 本年收入, 6 年末结转和结余.
    private mutating func columnNumbers(valuePositions: [Int], headerRows: [GridLine]) -> [Int] {
        if building.table == .stateCapital, valuePositions.count == 6 { return [4, 5, 1, 2, 3, 6] }
        for row in headerRows {
            guard var numbers = Self.columnNumberRow(row) else { continue }
            // A number printed against its heading (`基本支出4`: a PDF's 栏次 cell too narrow for both) fills its gap.
            for position in valuePositions where numbers[position] == nil {
                if let glued = TableBuilding.gluedColumnNumber(at: position, headerRows: headerRows), !numbers.values.contains(glued) {
                    numbers[position] = glued
                }
            }
            let printed = valuePositions.compactMap { numbers[$0] }
            if printed.count == valuePositions.count { return printed }
            building.record(
                "table.column-numbers", .warning,
                "栏次行没有为每个金额栏编号：栏次按 1–\(valuePositions.count) 编号 — "
                    + "the 栏次 row does not number every amount column; columns are numbered 1–\(valuePositions.count)",
                at: building.text.location(row.index))
            break
        }
        return valuePositions.indices.map { $0 + 1 }
    }

    /// A header row's 栏次 numbers: two or more, or one in a row that says `栏次` (a total-only table whose other
    /// numbers were printed against their headings).
    private static func columnNumberRow(_ row: GridLine) -> [Int: Int]? {
        guard let numbers = TableBuilding.columnNumbers(in: row) else { return nil }
        let labelled = (0..<row.width).contains { row.key($0) == "栏次" }
        return numbers.count >= 2 || (labelled && !numbers.isEmpty) ? numbers : nil
    }

    /// The header texts above a column, top to bottom, joined with `/`.
    private func columnName(at position: Int, headerRows: [GridLine]) -> String {
        var parts: [String] = []
        for row in headerRows where TableBuilding.columnNumbers(in: row) == nil && !row.isColumnNumberRow {
            let label = row.label(position)
            if !label.isEmpty, parts.last != label { parts.append(label) }
        }
        return parts.joined(separator: "/")
    }

    private mutating func row(of line: GridLine, layout: Layout) -> TableRow? {
        if TableBuilding.columnNumbers(in: line) != nil || line.isColumnNumberRow { return nil }
        let code = codeText(of: line, codeFieldCount: layout.codeFieldCount)
        let name = nameText(of: line, codeFieldCount: layout.codeFieldCount)
        if Self.mergedInCodeFields(line, codeFieldCount: layout.codeFieldCount) != nil { noteMergedCodes(at: line) }
        let source = building.text.location(line, position: 0)
        let valuesAreWords = layout.valueColumns.allSatisfy { position, _ in
            line.isBlank(position) || layout.headerVocabulary.contains(line.key(position))
        }
        let hasWords = layout.valueColumns.contains { position, _ in !line.isBlank(position) }
        if isTotal(line, codeFieldCount: layout.codeFieldCount) {
            if hasWords, valuesAreWords {
                // Shanghai's empty 公开07/08 print their sub-header in the 合计 row.
                building.record(
                    "row.header-in-total", .info,
                    "合计行的金额栏印有表头文字（表头行与合计行合并），按空白读取 — "
                        + "the 合计 row carries header words in its amount cells (a merged header row); they read as blank",
                    at: source)
                let cells = layout.valueColumns.map { position, number in
                    TableCell(
                        column: number, value: .zero, text: "",
                        source: building.text.location(line, position: position))
                }
                return TableRow(kind: .total, item: "合计", cells: cells.sorted { $0.column < $1.column }, source: source)
            }
            guard building.checkWidth(of: line, expected: layout.width) else {
                let recorded = building.problems.count
                defer { building.dropProblems(after: recorded) }
                return TableRow(kind: .total, item: "合计", cells: cells(of: line, layout: layout), source: source).unread
            }
            let merged = layout.valueColumns.filter { position, _ in isHeaderWord(line, position, layout) }
            if !merged.isEmpty {
                // A sub-header (合计 | 基本支出 | 项目支出) merged into the 合计 row beside its amounts.
                building.record(
                    "row.header-in-total", .info,
                    "合计行的栏次 " + merged.map { String($0.number) }.joined(separator: "、") + " 印有表头文字 "
                        + merged.map { line.label($0.position) }.joined(separator: "/") + "（表头行与合计行合并），这些单元格按空白读取 — "
                        + "the 合计 row carries the header words " + merged.map { line.label($0.position) }.joined(separator: "/")
                        + " in 栏次 " + merged.map { String($0.number) }.joined(separator: ", ")
                        + " (a merged header row); those cells read as blank", at: source)
            }
            let cells = layout.valueColumns.map { position, number in
                isHeaderWord(line, position, layout)
                    ? TableCell(
                        column: number, value: .zero, text: "",
                        source: building.text.location(line, position: position))
                    : building.cell(column: number, position: position, of: line)
            }
            return TableRow(kind: .total, item: "合计", cells: cells.sorted { $0.column < $1.column }, source: source)
        }
        if ClassificationCode.level(of: code) == nil {
            let words = (0..<line.width).filter { !line.isBlank($0) }.map { line.key($0) }
            if words.allSatisfy(layout.headerVocabulary.contains) { return nil }  // a repeated header row
            let message =
                code.isEmpty
                ? "行“\(name)”没有科目编码 — the row '\(name)' has no classification code"
                : "“\(code)”不是 3、5 或 7 位的科目编码 — '\(code)' is not a classification code of 3, 5 or 7 digits"
            building.record("row.bad-code", .warning, message, at: source)
        }
        // A row too wide to place is kept unread (``TableRow/unread``): its sums are not checked, not taken as 0.00.
        let readable = building.checkWidth(of: line, expected: layout.width)
        let recorded = building.problems.count
        defer { if !readable { building.dropProblems(after: recorded) } }
        let row = TableRow(
            kind: .code, code: code.isEmpty ? nil : code, item: name, cells: cells(of: line, layout: layout),
            source: source)
        return readable ? row : row.unread
    }

    /// True when the field is a word of the table's header (`合计`, `基本支出`), not an amount.
    private func isHeaderWord(_ line: GridLine, _ position: Int, _ layout: Layout) -> Bool {
        guard !line.isBlank(position), layout.headerVocabulary.contains(line.key(position)) else { return false }
        if case .amount = Money.reading(line.field(position).trimmedSpaces(), unit: building.unit) { return false }
        return true
    }

    private mutating func cells(of line: GridLine, layout: Layout) -> [TableCell] {
        layout.valueColumns.map { position, number in building.cell(column: number, position: position, of: line) }
            .sorted { $0.column < $1.column }
    }
}
