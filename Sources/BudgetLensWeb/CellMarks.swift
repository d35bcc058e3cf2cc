import BudgetLensCore
import BudgetLensRender
import BudgetLensStore

/// Where the findings point in the nine tables: each amount cell's stable id, and the findings that name it.
///
/// Cell id: `cell-{NN}-{row}-{栏次}` with NN the table number (`05`) and row the row's standard 行次 (or printed
/// 行次) where it has one (`cell-01-27-1`), else its classification code (`cell-05-2080505-1`), else `total`
/// for the table's first 合计 row (`cell-05-total-2`) and `total2`… for further ones (公开06's 公用经费合计), else
/// `r{n}` (n the row's 1-based position in the table).
struct CellMarks {
    /// Finding ids by cell id (a cell named by several findings lists them all).
    private(set) var findingsByCell: [String: [Int64]] = [:]
    /// The cell id each finding points at, by finding id (findings on no table cell are absent).
    private(set) var cellByFinding: [Int64: String] = [:]
    /// Finding ids by cell id for the cells a finding's expected value was computed from (its operands).
    private(set) var operandOf: [String: [Int64]] = [:]
    private var severityByFinding: [Int64: String] = [:]

    /// Matches `findings` against the cells of `disclosure`'s tables.
    init(disclosure: Disclosure, findings: [StoredFinding]) {
        let drawn = Self.drawnCells(disclosure)
        for stored in findings {
            severityByFinding[stored.id] = WebFormat.severityClass(stored.finding)
        }
        for table in disclosure.tables {
            let keys = Self.rowKeys(table)
            for (index, row) in table.rows.enumerated() {
                let columns = Set(row.cells.map(\.column)).union(table.columns.map(\.number)).sorted()
                for column in columns {
                    let id = Self.cellID(table.id, rowKey: keys[index], column: column)
                    guard drawn.contains(id) else { continue }
                    for stored in findings where Self.names(stored.finding.location, table: table, row: row, column: column) {
                        if cellByFinding[stored.id] == nil { cellByFinding[stored.id] = id }
                        if findingsByCell[id]?.contains(stored.id) != true { findingsByCell[id, default: []].append(stored.id) }
                    }
                    for stored in findings {
                        let operands = stored.finding.operands.filter { $0.isPresent }
                        guard operands.contains(where: { operand in
                            Self.names(
                                FindingLocation(
                                    table: operand.table, line: operand.line, code: operand.code, item: operand.item,
                                    column: operand.column),
                                table: table, row: row, column: column)
                        }), operandOf[id]?.contains(stored.id) != true
                        else { continue }
                        operandOf[id, default: []].append(stored.id)
                    }
                }
            }
        }
    }

    /// The ids of the cells the official layouts draw (a finding links only to a drawn cell).
    static func drawnCells(_ disclosure: Disclosure) -> Set<String> {
        var ids: Set<String> = []
        for table in disclosure.tables {
            let keys = rowKeys(table)
            let grid = OfficialLayout.grid(for: table, in: disclosure)
            for row in grid.body {
                for cell in row {
                    guard let origin = cell.origin, origin.rowIndex < keys.count else { continue }
                    ids.insert(cellID(table.id, rowKey: keys[origin.rowIndex], column: origin.column))
                }
            }
        }
        return ids
    }

    /// The id of a cell.
    static func cellID(_ table: TableID, rowKey: String, column: Int) -> String {
        "cell-\(table.rawValue)-\(rowKey)-\(column)"
    }

    /// The row part of the cell ids of each row of `table`, by row index.
    /// A key that would repeat an earlier row's gets `-r{n}` appended, so ids are unique.
    static func rowKeys(_ table: PublicTable) -> [String] {
        var totals = 0
        var used: Set<String> = []
        return table.rows.enumerated().map { index, row in
            var key: String
            if let line = row.standardLine ?? row.line {
                key = String(line)
            } else if let code = row.code, !code.isEmpty {
                key = code.filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
            } else if row.kind == .total {
                totals += 1
                key = totals == 1 ? "total" : "total\(totals)"
            } else {
                key = "r\(index + 1)"
            }
            if key.isEmpty || used.contains(key) { key += "-r\(index + 1)" }
            used.insert(key)
            return key
        }
    }

    /// True when `location` names the cell of `row` at 栏次 `column` in `table`: same table and 栏次, and the row
    /// by 行次 (printed or standard) where the finding gives one, else by code, else by label.
    static func names(_ location: FindingLocation, table: PublicTable, row: TableRow, column: Int) -> Bool {
        guard location.table == table.id.formID, location.column == column else { return false }
        if let line = location.line { return row.standardLine == line || row.line == line }
        if let code = location.code, !code.isEmpty { return row.code == code }
        if let item = location.item, !item.isEmpty {
            return TextNormalization.key(item) == TextNormalization.key(row.item)
        }
        if let source = location.source { return source == row.source }
        return false
    }

    /// The attributes of a body cell of the grid of `table`: its id; for a named cell `class="num flagged
    /// {severity}"` and `data-findings="{ids}"`; for an operand of findings `data-operand-of="{ids}"` (and
    /// `class="num operand"` when not flagged).
    func attributes(for cell: GridCell, table: PublicTable, rowKeys: [String]) -> String {
        guard let origin = cell.origin, origin.rowIndex < rowKeys.count else { return "" }
        let id = Self.cellID(table.id, rowKey: rowKeys[origin.rowIndex], column: origin.column)
        var html = " id=\"\(MarkupText.escape(id))\""
        if let findings = findingsByCell[id], !findings.isEmpty {
            let severity = Self.worst(findings.compactMap { severityByFinding[$0] })
            let isAmount = if case .amount = cell.content { true } else { false }
            html += " class=\"\(isAmount ? "num " : "")flagged \(severity)\""
            html += " data-findings=\"\(findings.map(String.init).joined(separator: " "))\""
            html += " title=\"检查结果 #\(findings.map(String.init).joined(separator: ", #"))\""
        } else if let findings = operandOf[id], !findings.isEmpty {
            let isAmount = if case .amount = cell.content { true } else { false }
            html += " class=\"\(isAmount ? "num " : "")operand\""
            html += " title=\"检查结果 #\(findings.map(String.init).joined(separator: ", #")) 的运算项\""
        }
        if let findings = operandOf[id], !findings.isEmpty {
            html += " data-operand-of=\"\(findings.map(String.init).joined(separator: " "))\""
        }
        return html
    }

    /// The most serious of the severity classes: error, warning, rounding, info.
    static func worst(_ classes: [String]) -> String {
        for candidate in ["error", "warning", "rounding", "info"] where classes.contains(candidate) { return candidate }
        return "info"
    }
}
