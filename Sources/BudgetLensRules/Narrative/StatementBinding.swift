import BudgetLensCore
import Foundation

/// The table cell a narrative amount restates (DOMAIN §2.1–2.12, "Bindings"): `本年收入合计` in 二 is 公开01
/// row 27, `人员经费` in 六 is 公开06 人员经费合计, a `…（类）…（款）…（项）` item of 五 is its 公开05 row.
struct StatementBinding {
    let disclosure: Disclosure
    /// Whether a cell printed but left without a value (read in part, or not an amount) binds too, as a reference
    /// with `isPresent` false and value 0: what a statement would have been measured against, had it been read.
    var bindsUnread = false

    /// A bound cell: where it is and its value (several cells summed for `财政拨款收入` = rows 1 + 2 + 3).
    struct Bound {
        var cells: [CellReference]
        var value: Money { cells.reduce(Money.zero) { $0 + $1.value } }
        var formula: String { cells.map(\.notation).joined(separator: " + ") }
    }

    /// What `subject` restates in a section of `topic`, for an amount (`isBudget`: the 预算 side of 公开09).
    func bind(_ subject: String, topic: NarrativeTopic, isBudget: Bool = false) -> Bound? {
        let key = TextNormalization.key(subject)
        switch topic {
        case .overall:
            if key.hasByteSuffix("总计") { return line(.incomeExpenditureSummary, 31, column: 1) }
        case .income:
            if key.hasByteSuffix("收入合计") { return line(.incomeExpenditureSummary, 27, column: 1) }
            let rows: [(String, [Int])] = [
                ("一般公共预算财政拨款收入", [1]), ("政府性基金预算财政拨款收入", [2]), ("国有资本经营预算财政拨款收入", [3]),
                ("财政拨款收入", [1, 2, 3]), ("上级补助收入", [4]), ("事业收入", [5]), ("经营收入", [6]),
                ("附属单位上缴收入", [7]), ("其他收入", [8]),
            ]
            if let (_, rowLines) = rows.first(where: { key.hasByteSuffix($0.0) }) {
                return lines(.incomeExpenditureSummary, rowLines, column: 1)
            }
        case .expenditure:
            if key.hasByteSuffix("支出合计") { return line(.incomeExpenditureSummary, 58, column: 2) }  // the 支出 block
            let columns = ["基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"]
            if let index = columns.firstIndex(where: { key.hasByteSuffix($0) }) {
                return total(.expenditure, column: index + 2)
            }
        case .appropriation:
            if key.hasByteSuffix("总计") { return line(.appropriationSummary, 32, column: 1) }
            let funds = ["一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入"]
            if let index = funds.firstIndex(where: { key.hasByteSuffix($0) }) {
                return line(.appropriationSummary, index + 1, column: 1)
            }
        case .generalBudget:
            if key.hasByteSuffix("(项)") { return item(key, in: .generalBudgetExpenditure, column: 1) }
            if key.containsText("(类)") { return classRow(key, in: .generalBudgetExpenditure, column: 1) }
            if key.hasByteSuffix("一般公共预算财政拨款支出") { return total(.generalBudgetExpenditure, column: 1) }
        case .basicExpenditure:
            if key.hasByteSuffix("人员经费") { return labelled(.generalBudgetBasicExpenditure, "人员经费合计", column: 1) }
            if key.hasByteSuffix("公用经费") { return labelled(.generalBudgetBasicExpenditure, "公用经费合计", column: 1) }
            if key.hasByteSuffix("基本支出") { return total(.generalBudgetExpenditure, column: 2) }
            return economicRow(key)
        case .governmentFund:
            if key.hasByteSuffix("(项)") { return item(key, in: .governmentFund, column: 3) }
            let columns: [(String, Int)] = [("年初结转和结余", 1), ("本年收入", 2), ("本年支出", 3), ("年末结转和结余", 6)]
            if let (_, column) = columns.first(where: { key.hasByteSuffix($0.0) }) { return total(.governmentFund, column: column) }
        case .stateCapital:
            if key.hasByteSuffix("(项)") { return item(key, in: .stateCapital, column: 1) }
            if key.hasByteSuffix("支出") { return total(.stateCapital, column: 1) }
        case .threePublic:
            return threePublic(key, isBudget: isBudget)
        case .operatingCost, .procurement, .assets, .performance, .other:
            return nil
        }
        return nil
    }

    /// 公开09: 预算 栏 1–6, 决算 栏 7–12 (合计, 因公出国（境）费, 公务用车购置及运行维护费 小计/购置费/运行维护费, 公务接待费).
    private func threePublic(_ key: String, isBudget: Bool) -> Bound? {
        let items: [(String, Int)] = [
            ("公务用车购置及运行维护费", 2), ("公务用车购置及运行费", 2), ("公务用车购置费", 3), ("公务用车运行维护费", 4),
            ("公务用车运行费", 4), ("因公出国(境)费", 1), ("公务接待费", 5), ("三公经费", 0), ("三公经费支出", 0),
            ("三公经费财政拨款支出", 0), ("财政拨款三公经费支出", 0),
        ]
        let plain = key.replacingOccurrences(of: "支出", with: "")
        for (word, offset) in items {
            let plainWord = word.replacingOccurrences(of: "支出", with: "")
            guard plain.hasByteSuffix(plainWord) else { continue }
            return single(.threePublicExpenses, column: (isBudget ? 1 : 7) + offset)
        }
        return nil
    }

    /// Whether the tables a section of `topic` restates are present in the document but not read (a form not
    /// understood, a cut file, a scanned page): a statement there has no table figure to be measured against, so
    /// a rule must not take the text's own figure for the table's (the text may misstate it, as N-BIND would say).
    func restatesUnreadTable(topic: NarrativeTopic) -> Bool {
        let tables: [TableID]
        switch topic {
        case .overall, .income: tables = [.incomeExpenditureSummary]
        case .expenditure: tables = [.incomeExpenditureSummary, .expenditure]
        case .appropriation: tables = [.appropriationSummary]
        case .generalBudget: tables = [.generalBudgetExpenditure]
        case .basicExpenditure: tables = [.generalBudgetBasicExpenditure, .generalBudgetExpenditure]
        case .governmentFund: tables = [.governmentFund]
        case .stateCapital: tables = [.stateCapital]
        case .threePublic: tables = [.threePublicExpenses]
        case .operatingCost, .procurement, .assets, .performance, .other: return false
        }
        let unread = Set(disclosure.notUnderstoodTables).union(disclosure.unreadableTables)
        return tables.contains { unread.contains($0) }
    }

    // MARK: - Cells

    private func table(_ id: TableID) -> PublicTable? { disclosure.table(id) }

    private func reference(_ table: PublicTable, _ row: TableRow, column: Int) -> CellReference? {
        guard table.columns.isEmpty || table.columns.contains(where: { $0.number == column }) || row.cell(column) != nil
        else { return nil }
        let cell = row.cell(column)
        // A cell printed but not readable as an amount binds nothing: never compared as 0 (F-READ reports it).
        if let cell, cell.value == nil {
            guard bindsUnread else { return nil }
            return CellReference(
                table: table.id.formID, line: row.standardLine ?? row.line, code: row.code, item: row.item, column: column,
                value: .zero, isPresent: false, source: cell.source)
        }
        return CellReference(
            table: table.id.formID, line: row.standardLine ?? row.line, code: row.code, item: row.item, column: column,
            value: cell?.value ?? .zero, isPresent: true, source: cell?.source ?? row.source)
    }

    private func line(_ id: TableID, _ line: Int, column: Int) -> Bound? { lines(id, [line], column: column) }

    private func lines(_ id: TableID, _ lines: [Int], column: Int) -> Bound? {
        guard let table = table(id) else { return nil }
        var cells: [CellReference] = []
        for line in lines {
            guard let row = table.rows.first(where: { ($0.standardLine ?? $0.line) == line && $0.cell(column) != nil }),
                let cell = reference(table, row, column: column)
            else { return nil }
            cells.append(cell)
        }
        return Bound(cells: cells)
    }

    private func total(_ id: TableID, column: Int) -> Bound? {
        guard let table = table(id), let row = table.rows.first(where: { $0.kind == .total }),
            let cell = reference(table, row, column: column)
        else { return nil }
        return Bound(cells: [cell])
    }

    private func labelled(_ id: TableID, _ label: String, column: Int) -> Bound? {
        guard let table = table(id),
            let row = table.rows.first(where: { TextNormalization.key($0.item) == label }),
            let cell = reference(table, row, column: column)
        else { return nil }
        return Bound(cells: [cell])
    }

    private func single(_ id: TableID, column: Int) -> Bound? {
        guard let table = table(id), let row = table.rows.first(where: { $0.kind == .data }) ?? table.rows.first,
            let cell = reference(table, row, column: column)
        else { return nil }
        return Bound(cells: [cell])
    }

    /// The 公开06 款 row (5-digit code) labelled `key`: `基本工资` → 30101, `办公设备购置` → 31002.
    private func economicRow(_ key: String) -> Bound? {
        guard let table = table(.generalBudgetBasicExpenditure) else { return nil }
        let rows = table.rows.filter { $0.code?.count == 5 && TextNormalization.key($0.item) == key }
        guard rows.count == 1, let cell = reference(table, rows[0], column: 1) else { return nil }
        return Bound(cells: [cell])
    }

    /// The 类 row named in `社会保障和就业(类)支出` / `卫生健康支出(类)`.
    private func classRow(_ key: String, in id: TableID, column: Int) -> Bound? {
        guard let name = key.components(separatedBy: "(类)").first, let table = table(id) else { return nil }
        let rows = table.rows.filter { ($0.code?.count ?? 0) == 3 }
        guard let row = rows.first(where: { StatementBinding.sameName(TextNormalization.key($0.item), name) }),
            let cell = reference(table, row, column: column)
        else { return nil }
        return Bound(cells: [cell])
    }

    /// The 项 row named `类名(类)款名(款)项名(项)`, matched on all three names.
    func itemRow(_ subject: String, in id: TableID) -> TableRow? {
        guard let table = table(id) else { return nil }
        let names = StatementBinding.itemNames(TextNormalization.key(subject))
        guard let itemName = names.item else { return nil }
        let byCode = Dictionary(
            table.rows.compactMap { row in row.code.map { ($0, TextNormalization.key(row.item)) } },
            uniquingKeysWith: { first, _ in first })
        return table.rows.first { row in
            guard let code = row.code, code.count == 7, StatementBinding.sameName(TextNormalization.key(row.item), itemName)
            else { return false }
            if let section = names.section, let label = byCode[String(code.prefix(5))],
                !StatementBinding.sameName(label, section)
            {
                return false
            }
            if let group = names.group, let label = byCode[String(code.prefix(3))], !StatementBinding.sameName(label, group) {
                return false
            }
            return true
        }
    }

    private func item(_ key: String, in id: TableID, column: Int) -> Bound? {
        guard let table = table(id), let row = itemRow(key, in: id), let cell = reference(table, row, column: column)
        else { return nil }
        return Bound(cells: [cell])
    }

    /// `卫生健康支出(类)医疗保障管理事务(款)行政运行(项)` → (卫生健康支出, 医疗保障管理事务, 行政运行).
    static func itemNames(_ key: String) -> (group: String?, section: String?, item: String?) {
        var rest = Substring(key)
        func take(_ marker: String) -> String? {
            guard let range = rest.range(of: marker) else { return nil }
            let name = String(rest[..<range.lowerBound])
            rest = rest[range.upperBound...]
            return name
        }
        let group = take("(类)"), section = take("(款)"), item = take("(项)")
        return (group, section, item)
    }

    /// Names agree when equal, or when one is the other with characters lost at the start (DOMAIN §0.4), or
    /// when they differ only in a trailing `支出` (`社会保障和就业` for `社会保障和就业支出`).
    static func sameName(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let trimmedA = a.hasByteSuffix("支出") ? String(a.dropLast(2)) : a
        let trimmedB = b.hasByteSuffix("支出") ? String(b.dropLast(2)) : b
        if trimmedA == trimmedB { return true }
        guard min(a.count, b.count) >= 4 else { return false }
        return a.hasByteSuffix(b) || b.hasByteSuffix(a)
    }
}
