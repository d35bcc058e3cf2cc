import BudgetLensCore

/// The official template a disclosure was printed in, seen in the document itself (never a flag): the
/// Shandong/Hubei template numbers the rows of 公开01 and 04 (行次) and labels every table `公开NN表`; the Shanghai
/// template, which the central one shares (DOMAIN §1.3–1.12, corpus README), prints neither: its 公开01/04 have no
/// 行次 column, the lines above a table are its title and `单位：万元`, its 公开08 runs `年初结转和结余 | 本年收入 |
/// 本年支出 (小计 基本支出 项目支出) | 年末结转和结余` and its 三公 table puts each expense over its `预算数 | 决算数` pair.
public enum LayoutTemplate: Hashable, Sendable {
    /// 山东/湖北: 行次 in 01/04, `公开NN表`, `部门：…` and `金额单位：…` lines.
    case shandongHubei
    /// 上海 (and the central template): no 行次, no `公开NN表`, one `单位：万元` line.
    case shanghai

    /// The template of `disclosure`: Shanghai when its 公开01 (else 公开04) has rows and none of them was read with a
    /// printed 行次; Shandong/Hubei otherwise (also when both tables are missing, the seeds' and the data-entry
    /// workbook's form).
    public static func of(_ disclosure: Disclosure) -> LayoutTemplate {
        let summary = [TableID.incomeExpenditureSummary, .appropriationSummary].lazy
            .compactMap { disclosure.table($0) }.first { !$0.rows.isEmpty }
        guard let summary else { return .shandongHubei }
        return summary.rows.contains { $0.line != nil } ? .shandongHubei : .shanghai
    }

    /// The order the nine tables are printed in: 公开01 … 09; the Shanghai template prints the 三公 table seventh,
    /// then 政府性基金 and 国有资本经营 as 八, 九 (corpus 001–004 and the 附件2 模板, their 目录 and pages).
    public var tableOrder: [TableID] {
        guard self == .shanghai else { return TableID.allCases }
        return [
            .incomeExpenditureSummary, .income, .expenditure, .appropriationSummary, .generalBudgetExpenditure,
            .generalBudgetBasicExpenditure, .threePublicExpenses, .governmentFund, .stateCapital,
        ]
    }

    /// The heading of the tables' part: `第二部分　2022年度部门决算表`; the Shanghai template names the unit,
    /// `第二部分　上海市普陀区财政局2024年度部门决算表` (corpus 001–004), when the unit is known.
    public func tablesHeading(unit: String?, year: Int?) -> String {
        let year = year.map(String.init) ?? ""
        guard self == .shanghai, let unit, !unit.isEmpty else { return "第二部分　\(year)年度部门决算表" }
        return "第二部分　\(unit)\(year)年度部门决算表"
    }

    /// The amount columns the Shanghai template prints (the 附件2 模板 and corpus 001–004; DOMAIN §1.4–1.11), by
    /// 栏次 in print order. 公开08's model keeps 栏次 1–3 for 小计/基本支出/项目支出 and numbers the others 4–6.
    static let shanghaiHeads: [TableID: [(number: Int, name: String)]] = [
        .incomeExpenditureSummary: [(1, "决算数"), (2, "决算数")],
        .income: [
            (1, "本年收入合计"), (2, "财政拨款收入"), (3, "上级补助收入"), (4, "事业收入"), (5, "经营收入"),
            (6, "附属单位上缴收入"), (7, "其他收入"),
        ],
        .expenditure: [
            (1, "本年支出合计"), (2, "基本支出"), (3, "项目支出"), (4, "上缴上级支出"), (5, "经营支出"),
            (6, "对附属单位补助支出"),
        ],
        .appropriationSummary: [
            (1, "决算数"), (2, "合计"), (3, "一般公共预算财政拨款"), (4, "政府性基金预算财政拨款"),
            (5, "国有资本经营预算财政拨款"),
        ],
        .generalBudgetExpenditure: [(1, "合计"), (2, "基本支出"), (3, "项目支出")],
        .governmentFund: [
            (1, "年初结转和结余"), (2, "本年收入"), (3, "本年支出/小计"), (4, "基本支出"), (5, "项目支出"), (6, "年末结转和结余"),
        ],
        .stateCapital: [
            (4, "年初结转和结余"), (5, "本年收入"), (1, "本年支出/小计"), (2, "基本支出"), (3, "项目支出"), (6, "年末结转和结余"),
        ],
    ]

    /// The columns of `table` as the Shanghai template heads and orders them, when the table has exactly that
    /// template's 栏次 (the names read from a PDF or a layout text can be fragments of wrapped heads, such as
    /// `上级补助/收入` or an empty name, while the page prints the whole head); `nil` for other tables or 栏次 sets.
    static func shanghaiColumns(_ table: PublicTable) -> [TableColumn]? {
        guard let heads = shanghaiHeads[table.id],
            Set(table.columns.map(\.number)) == Set(heads.map(\.number)), table.columns.count == heads.count
        else { return nil }
        return heads.map { TableColumn(number: $0.number, name: $0.name) }
    }

    /// The printed order of the Shanghai 公开07/08 amount columns (by name; DOMAIN §1.10–1.11): 08's model keeps
    /// 栏次 1–3 for 小计/基本支出/项目支出 and numbers 年初结转和结余, 本年收入, 年末结转和结余 4–6, printed around them.
    static let carryOverOrder = ["年初结转和结余", "本年收入", "本年支出/小计", "基本支出", "项目支出", "年末结转和结余"]

    /// `columns` in the Shanghai print order of 公开07/08 when every name is one of ``carryOverOrder``; else as given.
    /// A lone `本年支出` and the two nameless columns after it (corpus 002 prints `合计 | 基本支出 | 项目支出` in its
    /// 合计 row, where the reader keeps no column name) are named as the template's header names them:
    /// `本年支出/小计`, `基本支出`, `项目支出`.
    static func printedOrder(_ columns: [TableColumn]) -> [TableColumn] {
        var named: [TableColumn] = []
        for column in columns {
            var column = column
            let previous = named.last?.name
            if column.name == "本年支出" {
                column.name = "本年支出/小计"
            } else if column.name.isEmpty, previous == "本年支出/小计" {
                column.name = "基本支出"
            } else if column.name.isEmpty, previous == "基本支出" {
                column.name = "项目支出"
            }
            named.append(column)
        }
        let ranks = named.map { carryOverOrder.firstIndex(of: $0.name) }
        guard !named.isEmpty, ranks.allSatisfy({ $0 != nil }) else { return columns }
        return zip(named, ranks).sorted { ($0.1 ?? 0) < ($1.1 ?? 0) }.map(\.0)
    }

    /// The Shanghai 三公 columns: each `预算数/X…` column followed by its `决算数/X…` twin, renamed `X…/预算数` and
    /// `X…/决算数` so the expense heads stand over their pairs. `nil` when the columns are not such pairs.
    static func expensePairs(_ columns: [TableColumn]) -> [TableColumn]? {
        let budget = columns.filter { $0.name.hasPrefix("预算数/") }
        let actual = columns.filter { $0.name.hasPrefix("决算数/") }
        guard !budget.isEmpty, budget.count == actual.count, budget.count + actual.count == columns.count else {
            return nil
        }
        var paired: [TableColumn] = []
        for column in budget {
            let rest = column.name.dropFirst("预算数/".count)
            guard let twin = actual.first(where: { $0.name.dropFirst("决算数/".count) == rest }) else { return nil }
            paired.append(TableColumn(number: column.number, name: "\(rest)/预算数"))
            paired.append(TableColumn(number: twin.number, name: "\(rest)/决算数"))
        }
        return paired
    }
}
