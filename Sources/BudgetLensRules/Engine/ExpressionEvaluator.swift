import BudgetLensCore

/// The value of a bound variable.
enum BoundValue: Hashable {
    /// A classification code.
    case code(String)
    /// A 行次 or a 栏次.
    case number(Int)
    /// A row of a table, by index.
    case row(TableID, Int)
}

/// Why a statement could not be evaluated.
enum EvaluationFailure: Error {
    /// The table is not in the document: the statement does not apply.
    case tableMissing(TableID)
    /// A cell's printed text is not a number.
    case unreadableCell(CellReference, text: String)
    /// The table does not print this 栏次 at all (e.g. a 三公 table with only its 决算 columns).
    case columnNotPrinted(TableID, Int)
    /// The table holds the 款/项 rows of this 类 without their codes (a workbook's merged code cell,
    /// ``Disclosure/codesNotKnown``): a statement over them is not checked.
    case codesNotKnown(TableID, category: String)
    /// A sum or difference does not fit in `Int64` 分 (about ±9.2 × 10^16 元): the statement cannot be checked.
    case overflow
}

/// Overflow-checked money arithmetic for expressions: an overflow throws ``EvaluationFailure/overflow``, it
/// never traps or wraps.
extension Money {
    func plus(_ other: Money) throws -> Money {
        guard let result = adding(other) else { throw EvaluationFailure.overflow }
        return result
    }

    func minus(_ other: Money) throws -> Money {
        guard let result = subtracting(other) else { throw EvaluationFailure.overflow }
        return result
    }

    func negative() throws -> Money {
        guard let result = negated else { throw EvaluationFailure.overflow }
        return result
    }

    /// A literal of `millionths` of `unit` in 分 (truncated to whole 分); exact in 128 bits.
    static func literal(millionths: Int64, unit: MoneyUnit) throws -> Money {
        let fen = Int128(millionths) * Int128(unit.fenPerUnit) / 1_000_000
        guard let value = Int64(exactly: fen) else { throw EvaluationFailure.overflow }
        return Money(fen: value)
    }
}

/// An evaluated expression: its value, the cells it used and how it was computed.
struct Evaluated {
    var value: Money
    var operands: [CellReference]
    var formula: String
}

/// Resolves cell selections against a disclosure and evaluates expressions.
struct ExpressionEvaluator {
    let disclosure: Disclosure
    let indexes: [TableID: TableIndex]
    let unit: MoneyUnit
    /// Sums of selections that name no variable (`公开03[类, 1]`), computed once per document: a statement bound
    /// to every row that sums a whole level stays linear in the table.
    private let fixedSums = FixedSums()

    /// Per table, the 类 whose 款/项 rows it holds without codes (``Disclosure/codesNotKnown``).
    let categoriesNotKnown: [TableID: [String]]

    init(disclosure: Disclosure) {
        self.disclosure = disclosure
        var indexes: [TableID: TableIndex] = [:]
        for table in disclosure.tables where indexes[table.id] == nil { indexes[table.id] = TableIndex(table) }
        self.indexes = indexes
        unit = disclosure.moneyUnit
        var notKnown: [TableID: [String]] = [:]
        for entry in disclosure.codesNotKnown { notKnown[entry.table, default: []].append(entry.category) }
        categoriesNotKnown = notKnown
    }

    /// Throws ``EvaluationFailure/codesNotKnown(_:category:)`` when `code` (with `orSelf`, or a row below it) lies
    /// under a 类 whose rows `table` holds without codes.
    private func requireKnown(_ code: String, in table: TableID, orSelf: Bool) throws {
        guard let categories = categoriesNotKnown[table] else { return }
        for category in categories where code.hasPrefix(category) && (orSelf || code.count > category.count) {
            throw EvaluationFailure.codesNotKnown(table, category: category)
        }
    }

    func index(_ table: TableID) throws -> TableIndex {
        guard let index = indexes[table] else { throw EvaluationFailure.tableMissing(table) }
        return index
    }

    /// The value of an expression, without recording operands: the fast path for assertions that hold.
    func value(_ expression: Expression, _ environment: [String: BoundValue]) throws -> Money {
        switch expression {
        case .number(let millionths):
            return try Money.literal(millionths: millionths, unit: unit)
        case .cells(let selection):
            return try sum(selection, environment)
        case .sum(let selections):
            return try selections.reduce(Money.zero) { try $0.plus(try sum($1, environment)) }
        case .add(let left, let right):
            return try value(left, environment).plus(value(right, environment))
        case .subtract(let left, let right):
            return try value(left, environment).minus(value(right, environment))
        case .negate(let inner):
            return try value(inner, environment).negative()
        }
    }

    /// The sum of the selected cells; a row the table does not list counts as zero.
    private func sum(_ selection: CellSelection, _ environment: [String: BoundValue]) throws -> Money {
        guard selection.isFixed else { return try computeSum(selection, environment) }
        if let known = fixedSums.values[selection.text] { return known }
        let value = try computeSum(selection, environment)
        fixedSums.values[selection.text] = value
        return value
    }

    private func computeSum(_ selection: CellSelection, _ environment: [String: BoundValue]) throws -> Money {
        let index = try index(selection.table)
        var total = Money.zero
        let columns = try self.columns(selection.columns, environment)
        for row in try rows(selection.rows, in: index, environment) {
            guard let rowIndex = row.index else { continue }
            let tableRow = index.table.rows[rowIndex]
            for column in columns {
                guard let cell = tableRow.cell(column) else {
                    try requirePrinted(column, in: index)
                    continue
                }
                guard let value = cell.value else {
                    throw EvaluationFailure.unreadableCell(try self.cell(row, column: column, in: index), text: cell.text)
                }
                total = try total.plus(value)
            }
        }
        return total
    }

    /// The value of an expression with the cells it used and its formula: for findings.
    func evaluate(_ expression: Expression, _ environment: [String: BoundValue]) throws -> Evaluated {
        switch expression {
        case .number(let millionths):
            let value = try Money.literal(millionths: millionths, unit: unit)
            return Evaluated(value: value, operands: [], formula: RuleNumber.format(millionths: millionths))
        case .cells(let selection):
            return try cells(selection, environment)
        case .sum(let selections):
            let parts = try selections.map { try cells($0, environment) }
            guard let total = parts.map(\.value).checkedSum() else { throw EvaluationFailure.overflow }
            return Evaluated(
                value: total, operands: parts.flatMap(\.operands),
                formula: "sum(" + parts.map(\.formula).joined(separator: ", ") + ")")
        case .add(let left, let right):
            let (a, b) = (try evaluate(left, environment), try evaluate(right, environment))
            return Evaluated(
                value: try a.value.plus(b.value), operands: a.operands + b.operands, formula: "\(a.formula) + \(b.formula)")
        case .subtract(let left, let right):
            let (a, b) = (try evaluate(left, environment), try evaluate(right, environment))
            return Evaluated(
                value: try a.value.minus(b.value), operands: a.operands + b.operands, formula: "\(a.formula) − \(b.formula)")
        case .negate(let inner):
            let a = try evaluate(inner, environment)
            return Evaluated(value: try a.value.negative(), operands: a.operands, formula: "−\(a.formula)")
        }
    }

    /// The selected cells, summed; a row the table does not list counts as zero.
    func cells(_ selection: CellSelection, _ environment: [String: BoundValue]) throws -> Evaluated {
        let index = try index(selection.table)
        let rows = try self.rows(selection.rows, in: index, environment)
        let columns = try self.columns(selection.columns, environment)
        var operands: [CellReference] = []
        var total = Money.zero
        for row in rows {
            for column in columns {
                let reference = try cell(row, column: column, in: index)
                operands.append(reference)
                total = try total.plus(reference.value)
            }
        }
        let formula = describe(selection, rows: rows, columns: columns)
        return Evaluated(value: total, operands: operands, formula: formula)
    }

    /// A row as selected: the row index when the table lists it, else what it was selected by.
    struct SelectedRow {
        var index: Int?
        var line: Int?
        var code: String?
        var label: String?
    }

    func rows(_ selector: RowSelector, in index: TableIndex, _ environment: [String: BoundValue]) throws -> [SelectedRow] {
        let isSideBySide = index.table.id.shape == .sideBySide
        switch selector {
        case .only:
            return [SelectedRow(index: index.table.rows.isEmpty ? nil : 0)]
        case .number(let text):
            if isSideBySide, let line = Int(text) { return [SelectedRow(index: index.row(line: line), line: line)] }
            return [try byCode(text, in: index)]
        case .lineRange(let range):
            return range.map { SelectedRow(index: index.row(line: $0), line: $0) }
        case .label(let label):
            return [SelectedRow(index: index.row(label: label), label: label)]
        case .variable(let name):
            switch environment[name] {
            case .code(let code): return [try byCode(code, in: index)]
            case .number(let line): return [SelectedRow(index: index.row(line: line), line: line)]
            case .row(let table, let rowIndex):
                if table == index.table.id {
                    let row = index.table.rows[rowIndex]
                    return [SelectedRow(index: rowIndex, line: row.line, code: index.codes[rowIndex], label: row.item)]
                }
                guard let other = indexes[table] else { throw EvaluationFailure.tableMissing(table) }
                let row = other.table.rows[rowIndex]
                if let code = other.codes[rowIndex] { return [try byCode(code, in: index)] }
                if let line = row.standardLine, isSideBySide { return [SelectedRow(index: index.row(line: line), line: line)] }
                return [SelectedRow(index: index.row(label: row.item), label: row.item)]
            case nil:
                preconditionFailure("unbound variable \(name): the parser checks bindings")
            }
        case .children(let name):
            guard case .code(let code) = environment[name] else { return [] }
            try requireKnown(code, in: index.table.id, orSelf: true)
            return index.children(of: code).map { SelectedRow(index: $0, code: index.codes[$0]) }
        case .level(let level):
            if level > .category, let category = categoriesNotKnown[index.table.id]?.first {
                throw EvaluationFailure.codesNotKnown(index.table.id, category: category)
            }
            return index.rows(at: level).map { SelectedRow(index: $0, code: index.codes[$0]) }
        case .list(let items):
            return try items.flatMap { try rows($0, in: index, environment) }
        }
    }

    private func byCode(_ code: String, in index: TableIndex) throws -> SelectedRow {
        try requireKnown(code, in: index.table.id, orSelf: false)
        return SelectedRow(index: index.row(code: code), code: code)
    }

    func columns(_ selector: ColumnSelector, _ environment: [String: BoundValue]) throws -> [Int] {
        switch selector {
        case .number(let number): return [number]
        case .range(let range): return Array(range)
        case .variable(let name):
            guard case .number(let number) = environment[name] else { return [] }
            return [number]
        }
    }

    /// Throws ``EvaluationFailure/columnNotPrinted(_:_:)`` when the table lists its columns and `column` is not
    /// among them: a statement over a column the document does not print is not checked (never read as zero).
    private func requirePrinted(_ column: Int, in index: TableIndex) throws {
        let columns = index.table.columns
        if !columns.isEmpty, !columns.contains(where: { $0.number == column }) {
            throw EvaluationFailure.columnNotPrinted(index.table.id, column)
        }
    }

    private func cell(_ selected: SelectedRow, column: Int, in index: TableIndex) throws -> CellReference {
        let tableName = index.table.id.formID
        guard let rowIndex = selected.index else {
            return CellReference(
                table: tableName, line: selected.line, code: selected.code, item: selected.label, column: column,
                value: .zero, isPresent: false, source: nil)
        }
        let row = index.table.rows[rowIndex]
        let code = index.codes[rowIndex]
        let cell = row.cell(column)
        if cell == nil { try requirePrinted(column, in: index) }
        let reference = CellReference(
            table: tableName, line: row.line ?? row.standardLine, code: code, item: row.item, column: column,
            value: cell?.value ?? .zero, isPresent: cell != nil, source: cell?.source ?? row.source)
        if let cell, cell.value == nil {
            throw EvaluationFailure.unreadableCell(reference, text: cell.text)
        }
        return reference
    }

    /// `公开03[2101501, 1]`, `公开01[1...8, 1]`, `公开02[{201, 208}, 3]`.
    private func describe(_ selection: CellSelection, rows: [SelectedRow], columns: [Int]) -> String {
        let rowText: String
        if selection.table.shape == .singleRow {
            rowText = ""
        } else if case .lineRange(let range) = selection.rows {
            rowText = "\(range.lowerBound)...\(range.upperBound), "
        } else if rows.count == 1 {
            let row = rows[0]
            rowText = (row.line.map(String.init) ?? row.code ?? row.label ?? "?") + ", "
        } else {
            let names = rows.map { $0.line.map(String.init) ?? $0.code ?? $0.label ?? "?" }
            rowText = "{" + names.joined(separator: ", ") + "}, "
        }
        let columnText =
            columns.count == 1
            ? String(columns[0]) : (columns.isEmpty ? "" : "\(columns.first ?? 0)...\(columns.last ?? 0)")
        return "\(selection.table.formID)[\(rowText)\(columnText)]"
    }
}

/// The memo of ``ExpressionEvaluator``: one evaluation of one document, on one thread.
private final class FixedSums {
    var values: [String: Money] = [:]
}

extension CellSelection {
    /// True when the selection names no variable, so its cells are the same in every environment.
    var isFixed: Bool {
        if case .variable = columns { return false }
        return rows.isFixed
    }
}

extension RowSelector {
    /// True when the rows name no variable.
    var isFixed: Bool {
        switch self {
        case .variable, .children: false
        case .list(let items): items.allSatisfy(\.isFixed)
        case .number, .lineRange, .label, .level, .only: true
        }
    }
}
