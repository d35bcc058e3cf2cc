import BudgetLensCore

/// Lays out a ``PublicTable`` in its official form (DOMAIN §1.2–1.12), from the model only:
///
/// - 公开01, 04 (side by side): `收入` | `支出` blocks, each `项目 | 行次 | amounts`, a `栏次` row, then the 收入 row
///   i beside the 支出 row i;
/// - 公开02, 03, 05, 07, 08 (functional): `项目` over `科目编码 | 科目名称`, the amount columns (two-level where the
///   column names say `本年支出/小计`), a `栏次` row, then `合计` and the 类/款/项 rows;
/// - 公开06 (economic): `人员经费` (编码, 名称, 金额) | `公用经费` in two blocks (the 302 rows, then 307/310/312/399),
///   and the bottom row `人员经费合计` | `公用经费合计`;
/// - 公开09 (single row): the three-level header `预算数`/`决算数` → `公务用车购置及运行维护费` → `小计`…, the 栏次 row
///   1–12 and the data row.
public enum OfficialLayout {
    /// The grid of `table` in `disclosure` (whose header gives the unit and money unit when the table lacks them).
    /// The template is the document's own (``LayoutTemplate/of(_:)``) unless `template` is given: a Shanghai
    /// document is drawn without `公开NN表` and 部门 lines (its `单位：万元` alone), its 07/08 columns and its 三公 header
    /// as that template prints them.
    public static func grid(
        for table: PublicTable, in disclosure: Disclosure, template: LayoutTemplate? = nil
    ) -> TableGrid {
        let template = template ?? LayoutTemplate.of(disclosure)
        let unitName = table.unitName ?? disclosure.header.unitName
        let unitLabel = disclosure.header.unitLabel ?? "部门"
        let moneyUnit = table.moneyUnit ?? disclosure.moneyUnit
        let shanghai = template == .shanghai
        var grid = TableGrid(
            id: table.id, title: table.title.isEmpty ? table.id.canonicalTitle : table.title,
            formLabel: shanghai ? "" : "\(table.id.formID)表",
            unitLine: shanghai ? "" : unitName.map { "\(unitLabel)：\($0)" } ?? "",
            moneyUnitLine: "\(shanghai ? "单位" : "金额单位")：\(moneyUnit.rawValue)", moneyUnit: moneyUnit, width: 0,
            header: [], body: [], notes: notes(of: table))
        var drawn = table
        if shanghai, let heads = LayoutTemplate.shanghaiColumns(table) {
            drawn.columns = heads
        } else if shanghai, [TableID.governmentFund, .stateCapital].contains(table.id) {
            drawn.columns = LayoutTemplate.printedOrder(table.columns)
        }
        switch table.id.shape {
        case .sideBySide: sideBySide(drawn, into: &grid)
        case .functional:
            if shanghai, splitsCodes(table) {
                shanghaiFunctional(drawn, columns: drawn.columns, into: &grid)
            } else {
                functional(drawn, columns: drawn.columns, into: &grid)
            }
        case .economic:
            if shanghai, splitsCodes(table) { shanghaiEconomic(table, into: &grid) } else { economic(table, into: &grid) }
        case .singleRow:
            if shanghai, let pairs = LayoutTemplate.expensePairs(table.columns) {
                singleRow(table, columns: pairs, top: "财政拨款“三公”经费", into: &grid)
            } else {
                singleRow(table, columns: table.columns, top: nil, into: &grid)
            }
        }
        // The Shanghai pages print no 栏次 row (corpus PDFs, 附件2 模板): every shape but 06 (which has none) ends
        // its header with it; the readers place the columns by their heads, as they do on the real pages.
        if shanghai, table.id.shape != .economic, !grid.header.isEmpty { grid.header.removeLast() }
        return grid
    }

    /// The 注 lines, then the no-data statement unless it is one of them (a `注：…故本表无数据` note is both).
    static func notes(of table: PublicTable) -> [String] {
        let notes = table.notes.map(\.text)
        guard let statement = table.noDataStatement?.text, !notes.contains(statement) else { return notes }
        return notes + [statement]
    }

    // MARK: - Column headers

    /// The header rows of amount columns whose names are `/`-joined levels (`预算数/公务用车购置及运行维护费/小计`):
    /// adjacent columns sharing a level's prefix share one merged cell; a column's last level spans down to the
    /// bottom row. Returns `height` rows (at least the deepest name's level count).
    static func columnHeaders(_ columns: [TableColumn], height: Int) -> [[GridCell]] {
        let paths = headerPaths(columns)
        var rows = Array(repeating: [GridCell](), count: height)
        for level in 0..<height {
            var index = 0
            while index < paths.count {
                let path = paths[index]
                guard level < path.count else { index += 1; continue }  // covered by a cell spanning down
                let prefix = path.prefix(level + 1)
                var end = index + 1
                let isLeaf = level == path.count - 1
                if !isLeaf {
                    while end < paths.count, paths[end].count > level + 1, paths[end].prefix(level + 1) == prefix {
                        end += 1
                    }
                }
                let span = isLeaf ? height - level : 1
                rows[level].append(.header(path[level], rows: span, columns: end - index))
                index = end
            }
        }
        return rows
    }

    /// Like ``columnHeaders(_:height:)``, but every leaf stands in the bottom row and a column's last parent spans
    /// down to it (the Shanghai 三公 header: `合计` over rows 1–2, its `预算数 | 决算数` in row 3).
    static func leavesAtBottom(_ columns: [TableColumn], height: Int) -> [[GridCell]] {
        let paths = headerPaths(columns)
        var rows = Array(repeating: [GridCell](), count: height)
        for level in 0..<height {
            var index = 0
            while index < paths.count {
                let path = paths[index]
                if path.count == 1 {
                    if level == 0 { rows[0].append(.header(path[0], rows: height)) }
                    index += 1
                } else if level == height - 1 {
                    rows[level].append(.header(path[path.count - 1]))
                    index += 1
                } else if level < path.count - 1 {
                    let prefix = path.prefix(level + 1)
                    var end = index + 1
                    while end < paths.count, paths[end].count > level + 1, paths[end].prefix(level + 1) == prefix {
                        end += 1
                    }
                    let span = level == path.count - 2 ? height - 1 - level : 1
                    rows[level].append(.header(path[level], rows: span, columns: end - index))
                    index = end
                } else {
                    index += 1  // covered by its parent spanning down
                }
            }
        }
        return rows
    }

    /// The deepest column name's number of levels (1 for none).
    static func depth(_ columns: [TableColumn]) -> Int {
        max(1, headerPaths(columns).map(\.count).max() ?? 1)
    }

    /// The header levels of each column: its name split at `/`; `基本支出` and `项目支出` right after a
    /// `本年支出/…` column belong under `本年支出` (公开05, 07, 08: `本年支出` spans 小计, 基本支出, 项目支出).
    static func headerPaths(_ columns: [TableColumn]) -> [[String]] {
        var paths: [[String]] = []
        for column in columns {
            var path = column.name.split(separator: "/").map(String.init)
            if path.count == 1, ["基本支出", "项目支出"].contains(path[0]), let previous = paths.last,
                previous.count == 2, previous[0] == "本年支出"
            {
                path.insert("本年支出", at: 0)
            }
            paths.append(path)
        }
        return paths
    }

    /// The 栏次 numbers as header cells.
    static func columnNumbers(_ columns: [TableColumn]) -> [GridCell] {
        columns.map { .header(String($0.number)) }
    }

    /// The table's columns with the given 栏次 numbers (a column the model lacks is named `栏次N`).
    static func columns(_ numbers: [Int], of table: PublicTable) -> [TableColumn] {
        numbers.map { number in table.columns.first { $0.number == number } ?? TableColumn(number: number, name: "栏次\(number)") }
    }

    /// The 栏次 numbers the rows of `group` use, in order (the model's columns when the rows have none).
    static func columnNumbers(of rows: [TableRow], fallback: [Int]) -> [Int] {
        let used = Set(rows.flatMap { $0.cells.map(\.column) })
        return used.isEmpty ? fallback : used.sorted()
    }

    // MARK: - Shapes

    /// 公开01/04: 收入 | 支出 side by side. Rows are placed by their standard 行次 (01: 收入 1–31 beside 支出 32–62;
    /// 04: 1–32 beside 33–64), so 总计 stands beside 总计 also in templates that print fewer rows (上海); without
    /// standard 行次 the i-th 收入 row stands beside the i-th 支出 row. The 行次 column is drawn only when the table
    /// prints 行次.
    static func sideBySide(_ table: PublicTable, into grid: inout TableGrid) {
        let income = table.rows.filter { $0.group == "收入" }
        let expenditure = table.rows.filter { $0.group != "收入" }
        let all = table.columns.map(\.number)
        let left = columns(columnNumbers(of: income, fallback: Array(all.prefix(1))), of: table)
        let right = columns(
            columnNumbers(of: expenditure, fallback: Array(all.dropFirst())), of: table)
        let lines = table.rows.contains { $0.line != nil }
        let lead = lines ? 2 : 1
        let height = max(depth(left), depth(right))
        grid.width = 2 * lead + left.count + right.count
        let top: [GridCell] = [.header("收入", columns: lead + left.count), .header("支出", columns: lead + right.count)]
        let leftHeads = columnHeaders(left, height: height)
        let rightHeads = columnHeaders(right, height: height)
        // 项目 (and 行次) head each block, spanning the amount heads' levels.
        let labelHeads: [GridCell] =
            lines ? [.header("项目", rows: height), .header("行次", rows: height)] : [.header("项目", rows: height)]
        var headerRows: [[GridCell]] = [top]
        for level in 0..<height {
            let labels = level == 0 ? labelHeads : []
            headerRows.append(labels + leftHeads[level] + labels + rightHeads[level])
        }
        headerRows.append(
            [.header("栏次", columns: lead)] + columnNumbers(left) + [.header("栏次", columns: lead)] + columnNumbers(right))
        grid.header = headerRows
        let (leftSlots, rightSlots) = slots(income, expenditure)
        for index in 0..<max(leftSlots.count, rightSlots.count) {
            let leftRow = index < leftSlots.count ? leftSlots[index] : nil
            let rightRow = index < rightSlots.count ? rightSlots[index] : nil
            if leftRow == nil, rightRow == nil { continue }  // a 行次 neither side prints (上海: 01's 30 and 61)
            grid.body.append(
                block(leftRow, columns: left, lines: lines, index: leftRow.flatMap { table.rows.firstIndex(of: $0) })
                    + block(rightRow, columns: right, lines: lines, index: rightRow.flatMap { table.rows.firstIndex(of: $0) }))
        }
    }

    /// The rows of each side by grid row: by standard 行次 when every row has one (bounded: at most 200 rows a
    /// side), else in order.
    static func slots(_ income: [TableRow], _ expenditure: [TableRow]) -> ([TableRow?], [TableRow?]) {
        let leftLines = income.compactMap(\.standardLine)
        let rightLines = expenditure.compactMap(\.standardLine)
        guard leftLines.count == income.count, rightLines.count == expenditure.count,
            let firstRight = rightLines.min(), let lastRight = rightLines.max(), let lastLeft = leftLines.max(),
            leftLines.allSatisfy({ $0 >= 1 && $0 < firstRight }), lastLeft <= 200, lastRight - firstRight < 200,
            Set(leftLines).count == leftLines.count, Set(rightLines).count == rightLines.count
        else { return (income, expenditure) }
        var left = [TableRow?](repeating: nil, count: max(lastLeft, firstRight - 1))
        for row in income { if let line = row.standardLine { left[line - 1] = row } }
        var right = [TableRow?](repeating: nil, count: lastRight - firstRight + 1)
        for row in expenditure { if let line = row.standardLine { right[line - firstRight] = row } }
        return (left, right)
    }

    /// One side of a side-by-side row: 项目, 行次 (when printed), amounts (all blank for no row).
    static func block(_ row: TableRow?, columns: [TableColumn], lines: Bool, index: Int? = nil) -> [GridCell] {
        let lead: [GridCell] = lines ? [.text(nil), .text(nil)] : [.text(nil)]
        guard let row else { return lead + columns.map { _ in .amount(nil) } }
        let label: [GridCell] = lines ? [.label(row.item), .text(row.line.map(String.init))] : [.label(row.item)]
        let isFiller = row.item.isEmpty
        return label
            + columns.map {
                var cell = GridCell.amount(row.cell($0.number), row: row, index: index, column: $0.number)
                cell.isFiller = isFiller
                return cell
            }
    }

    /// 公开02/03/05/07/08: 科目编码 | 科目名称 | amounts, in the order of `columns` (the table's, or its template's).
    static func functional(_ table: PublicTable, columns: [TableColumn], into grid: inout TableGrid) {
        let height = max(2, depth(columns))
        grid.width = 2 + columns.count
        grid.codeColumns = [0]
        let heads = columnHeaders(columns, height: height)
        var headerRows: [[GridCell]] = []
        for level in 0..<height {
            var row: [GridCell] = []
            if level == 0 { row.append(.header("项目", rows: height - 1, columns: 2)) }
            if level == height - 1 { row += [.header("科目编码"), .header("科目名称")] }
            headerRows.append(row + heads[level])
        }
        headerRows.append([.header("栏次", columns: 2)] + columnNumbers(columns))
        grid.header = headerRows
        for (index, row) in table.rows.enumerated() {
            let amounts = columns.map { GridCell.amount(row.cell($0.number), row: row, index: index, column: $0.number) }
            if let code = row.code {
                grid.body.append([.text(code), .label(row.item)] + amounts)
            } else {
                grid.body.append([.label(row.item, columns: 2)] + amounts)
            }
        }
    }

    /// 公开02/03/05/07/08 as the Shanghai template prints them (corpus PDFs, 附件2 模板): `项目` over
    /// `支出功能分类科目编码` (over `类 | 款 | 项`) and `科目名称`, the amount heads spanning down; the code split into
    /// its 类 (3 digits), 款 (2) and 项 (the rest) columns; a row without a code (`合计`) labelled across all four.
    static func shanghaiFunctional(_ table: PublicTable, columns: [TableColumn], into grid: inout TableGrid) {
        let height = max(3, depth(columns))
        grid.width = 4 + columns.count
        grid.codeColumns = [0, 1, 2]
        let heads = columnHeaders(columns, height: height)
        var headerRows: [[GridCell]] = []
        for level in 0..<height {
            var row: [GridCell] = []
            if level == 0 { row.append(.header("项目", rows: height - 2, columns: 4)) }
            if level == height - 2 { row += [.header("支出功能分类科目编码", columns: 3), .header("科目名称", rows: 2)] }
            if level == height - 1 { row += [.header("类"), .header("款"), .header("项")] }
            headerRows.append(row + heads[level])
        }
        headerRows.append([.header("栏次", columns: 4)] + columnNumbers(columns))
        grid.header = headerRows
        for (index, row) in table.rows.enumerated() {
            let amounts = columns.map { GridCell.amount(row.cell($0.number), row: row, index: index, column: $0.number) }
            if let code = row.code {
                grid.body.append(codeParts(code, sizes: [3, 2]).map { .text($0) } + [.label(row.item)] + amounts)
            } else {
                grid.body.append([.label(row.item, columns: 4)] + amounts)
            }
        }
    }

    /// Whether the codes of `table` can be printed in the Shanghai 类 | 款 | 项 (06: 类 | 款) columns: every code is a
    /// classification code, digits of a 类, 款 or 项 length (functional 3, 5, 7; economic 3, 5). The 附件2 模板 prints
    /// placeholders (`…`) in its code column, one whole-code column: such a table keeps the one `科目编码` column.
    static func splitsCodes(_ table: PublicTable) -> Bool {
        let lengths: Set<Int> = table.id.shape == .economic ? [3, 5] : [3, 5, 7]
        return table.rows.allSatisfy { row in
            guard let code = row.code else { return true }
            return lengths.contains(code.count) && code.allSatisfy { $0.isASCII && $0.isNumber }
        }
    }

    /// `code` cut into the Shanghai template's code columns: a part per size in `sizes`, then the rest
    /// (`2010601`, [3, 2] → `201`, `06`, `01`; `201` → `201`, ``, ``; `30201`, [3] → `302`, `01`).
    static func codeParts(_ code: String, sizes: [Int]) -> [String] {
        var rest = Substring(code)
        var parts: [String] = []
        for size in sizes {
            parts.append(String(rest.prefix(size)))
            rest = rest.dropFirst(size)
        }
        return parts + [String(rest)]
    }

    /// 公开06 as the Shanghai template prints it (corpus PDFs, 附件2 模板): two blocks, `人员经费` rows (301, 303)
    /// on the left and `公用经费` rows (302, 310, …) on the right, each `经济分类科目编码` (over `类 | 款`) | `科目名称`
    /// | the amount head; the bottom row `人员经费合计` | `公用经费合计`.
    static func shanghaiEconomic(_ table: PublicTable, into grid: inout TableGrid) {
        let amountName = table.columns.first?.name ?? "决算数"
        let column = table.columns.first?.number ?? 1
        let personnel = table.rows.filter { $0.group == "人员经费" && $0.kind != .total }
        let publicRows = table.rows.filter { $0.group != "人员经费" && $0.kind != .total }
        grid.width = 8
        grid.codeColumns = [0, 1, 4, 5]
        let block: [GridCell] = [.header("经济分类科目编码", columns: 2), .header("科目名称", rows: 2), .header(amountName, rows: 2)]
        grid.header = [block + block, [.header("类"), .header("款"), .header("类"), .header("款")]]
        func cells(_ rows: [TableRow], _ index: Int) -> [GridCell] {
            guard index < rows.count else { return [.text(nil), .text(nil), .text(nil), .amount(nil)] }
            let row = rows[index]
            let code = row.code.map { codeParts($0, sizes: [3]) } ?? ["", ""]
            return code.map { .text($0) } + [
                .label(row.item),
                .amount(row.cell(column), row: row, index: table.rows.firstIndex(of: row), column: column),
            ]
        }
        for index in 0..<max(personnel.count, publicRows.count) {
            grid.body.append(cells(personnel, index) + cells(publicRows, index))
        }
        if let totals = economicTotals(table, column: column, spans: (3, 3)) { grid.body.append(totals) }
    }

    /// 公开06's bottom row: 人员经费合计 and 公用经费合计, their labels spanning `spans` columns; `nil` when the
    /// table has neither total.
    static func economicTotals(_ table: PublicTable, column: Int, spans: (Int, Int)) -> [GridCell]? {
        let totals = table.rows.filter { $0.kind == .total }
        let personnelTotal = totals.first { $0.group == "人员经费" }
        let publicTotal = totals.first { $0.group != "人员经费" }
        guard personnelTotal != nil || publicTotal != nil else { return nil }
        return [
            .label(personnelTotal?.item ?? "人员经费合计", columns: spans.0),
            .amount(
                personnelTotal?.cell(column), row: personnelTotal,
                index: personnelTotal.flatMap { table.rows.firstIndex(of: $0) }, column: column),
            .label(publicTotal?.item ?? "公用经费合计", columns: spans.1),
            .amount(
                publicTotal?.cell(column), row: publicTotal,
                index: publicTotal.flatMap { table.rows.firstIndex(of: $0) }, column: column),
        ]
    }

    /// 公开06: 人员经费 | 公用经费 (302 block, other classes block), totals in the bottom row.
    static func economic(_ table: PublicTable, into grid: inout TableGrid) {
        let amountName = table.columns.first?.name ?? "金额"
        let column = table.columns.first?.number ?? 1
        let personnel = table.rows.filter { $0.group == "人员经费" && $0.kind != .total }
        let publicRows = table.rows.filter { $0.group != "人员经费" && $0.kind != .total }
        let goods = publicRows.filter { $0.code?.hasPrefix("302") ?? false }
        let others = publicRows.filter { !($0.code?.hasPrefix("302") ?? false) }
        grid.width = 9
        grid.codeColumns = [0, 3, 6]
        let triple: [GridCell] = [.header("科目编码"), .header("科目名称"), .header(amountName)]
        grid.header = [[.header("人员经费", columns: 3), .header("公用经费", columns: 6)], triple + triple + triple]
        func cells(_ rows: [TableRow], _ index: Int) -> [GridCell] {
            guard index < rows.count else { return [.text(nil), .text(nil), .amount(nil)] }
            let row = rows[index]
            return [
                .text(row.code), .label(row.item),
                .amount(row.cell(column), row: row, index: table.rows.firstIndex(of: row), column: column),
            ]
        }
        for index in 0..<max(personnel.count, goods.count, others.count) {
            grid.body.append(cells(personnel, index) + cells(goods, index) + cells(others, index))
        }
        if let totals = economicTotals(table, column: column, spans: (2, 5)) { grid.body.append(totals) }
    }

    /// 公开09: the multi-level header (under `top` spanning every column, when given), the 栏次 row, the data row;
    /// the columns in the order of `columns`.
    static func singleRow(_ table: PublicTable, columns: [TableColumn], top: String?, into grid: inout TableGrid) {
        grid.width = columns.count
        if let top {
            grid.header = [[.header(top, columns: columns.count)]]
                + leavesAtBottom(columns, height: depth(columns)) + [columnNumbers(columns)]
        } else {
            grid.header = columnHeaders(columns, height: depth(columns)) + [columnNumbers(columns)]
        }
        for (index, row) in table.rows.enumerated() {
            grid.body.append(columns.map { .amount(row.cell($0.number), row: row, index: index, column: $0.number) })
        }
    }
}
