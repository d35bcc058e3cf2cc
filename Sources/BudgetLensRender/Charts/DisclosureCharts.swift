import BudgetLensCore

/// The charts of the 情况说明 drawn from the tables (issue 14 §3):
/// 收、支决算总计 (公开01 行31, 行62; two years when last year's document is given), 收入结构 (公开01 行1–8 of
/// 行27), 支出结构 (公开03 合计 栏次2–6 of 栏次1), 财政拨款收、支总计 (公开04 行32, 行64 栏次2; two years),
/// 一般公共预算财政拨款支出结构 by 类 (公开05 类 rows of 合计).
/// A chart whose table is missing is left out.
public struct DisclosureCharts: Sendable {
    /// A chart: its caption and its SVG markup.
    public struct Chart: Hashable, Sendable {
        public var caption: String
        public var svg: String
    }

    let disclosure: Disclosure
    let previous: Disclosure?

    /// Charts of `disclosure`, compared with `previous` where a chart has two years.
    public init(disclosure: Disclosure, previous: Disclosure? = nil) {
        self.disclosure = disclosure
        self.previous = previous
    }

    /// The charts that the document's tables allow, in the order above.
    public func charts() -> [Chart] {
        [totals(), incomeStructure(), expenditureStructure(), appropriationTotals(), generalBudgetByClass()].compactMap { $0 }
    }

    var unit: MoneyUnit { disclosure.moneyUnit }

    func yearLabel(_ document: Disclosure) -> String {
        document.header.year.map { "\($0)年度" } ?? "本年度"
    }

    /// 收、支决算总计: 公开01 行31 (收入总计) and 行62 (支出总计).
    func totals() -> Chart? {
        twoTotals(caption: "收、支决算总计", table: .incomeExpenditureSummary, income: (31, 1), expenditure: (62, 2))
    }

    /// 财政拨款收、支总计: 公开04 行32 (收入总计) and 行64 栏次2 (支出总计 合计).
    func appropriationTotals() -> Chart? {
        twoTotals(caption: "财政拨款收、支总计", table: .appropriationSummary, income: (32, 1), expenditure: (64, 2))
    }

    /// Bars of a side-by-side table's 收入总计 and 支出总计 (行次, 栏次), last year's beside this year's when given.
    func twoTotals(caption: String, table: TableID, income: (Int, Int), expenditure: (Int, Int)) -> Chart? {
        guard let current = Self.cell(disclosure, table, line: income.0, column: income.1),
            let spent = Self.cell(disclosure, table, line: expenditure.0, column: expenditure.1)
        else { return nil }
        var years: [(String, Money, Money)] = []
        if let previous, let priorIncome = Self.cell(previous, table, line: income.0, column: income.1),
            let priorExpenditure = Self.cell(previous, table, line: expenditure.0, column: expenditure.1)
        {
            years.append((yearLabel(previous), priorIncome, priorExpenditure))
        }
        years.append((yearLabel(disclosure), current, spent))
        let groups = [
            SVGChart.Group(label: "收入总计", bars: years.map { SVGChart.Bar(label: $0.0, value: $0.1) }),
            SVGChart.Group(label: "支出总计", bars: years.map { SVGChart.Bar(label: $0.0, value: $0.2) }),
        ]
        let title = caption + (years.count > 1 ? "（\(years[0].0)与\(years[1].0)）" : "")
        return Chart(caption: title, svg: SVGChart.groupedBars(title: title, groups: groups, unit: unit))
    }

    /// 收入决算结构: 公开01 行1–8 as shares of 行27 本年收入合计.
    func incomeStructure() -> Chart? {
        guard let table = disclosure.table(.incomeExpenditureSummary),
            let total = Self.cell(disclosure, .incomeExpenditureSummary, line: 27, column: 1)
        else { return nil }
        let parts = table.rows.filter { $0.group == "收入" && (1...8).contains(Self.line($0) ?? 0) }.compactMap { row in
            row.cell(1)?.value.map { SVGChart.Bar(label: Self.plainLabel(row.item), value: $0) }
        }
        let caption = "收入决算结构"
        return Chart(caption: caption, svg: SVGChart.shares(title: caption, parts: parts, total: total, unit: unit))
    }

    /// 支出决算结构: 公开03 合计, 栏次2–6 (基本支出, 项目支出 …) as shares of 栏次1.
    func expenditureStructure() -> Chart? {
        guard let table = disclosure.table(.expenditure), let totalRow = table.rows.first(where: { $0.kind == .total }),
            let total = totalRow.cell(1)?.value
        else { return nil }
        let parts = table.columns.filter { $0.number > 1 }.compactMap { column in
            totalRow.cell(column.number)?.value.map { SVGChart.Bar(label: column.name, value: $0) }
        }
        let caption = "支出决算结构"
        return Chart(caption: caption, svg: SVGChart.shares(title: caption, parts: parts, total: total, unit: unit))
    }

    /// 一般公共预算财政拨款支出结构: 公开05 类 rows (3-digit codes), 栏次1, as shares of 合计.
    func generalBudgetByClass() -> Chart? {
        guard let table = disclosure.table(.generalBudgetExpenditure),
            let total = table.rows.first(where: { $0.kind == .total })?.cell(1)?.value
        else { return nil }
        let parts = table.rows.filter { $0.code?.count == 3 }.compactMap { row in
            row.cell(1)?.value.map { SVGChart.Bar(label: row.item, value: $0) }
        }
        let caption = "一般公共预算财政拨款支出结构（按功能分类类级科目）"
        return Chart(caption: caption, svg: SVGChart.shares(title: caption, parts: parts, total: total, unit: unit))
    }

    /// The 行次 of a row: the standard one, else the printed one.
    static func line(_ row: TableRow) -> Int? { row.standardLine ?? row.line }

    /// The amount at 行次 `line`, 栏次 `column` of a side-by-side table.
    static func cell(_ document: Disclosure, _ id: TableID, line: Int, column: Int) -> Money? {
        document.table(id)?.rows.first { Self.line($0) == line }?.cell(column)?.value
    }

    /// `一、一般公共预算财政拨款收入` → `一般公共预算财政拨款收入`.
    static func plainLabel(_ item: String) -> String {
        guard let mark = item.firstIndex(of: "、"), item.distance(from: item.startIndex, to: mark) <= 3 else { return item }
        return String(item[item.index(after: mark)...])
    }
}
