import BudgetLensCore

/// The empty tables of the data-entry workbook (`budgetlens template`, docs/render-template.md), as models the
/// ``OfficialLayout`` draws like any read table:
///
/// - 公开01, 04: every standard row (DOMAIN §1.4, §1.7) with its 行次 — 01: 收入 1–8, filler 9–26, 27–31;
///   支出 the 26 类 rows 32–57, 58–62; 04: 1–3, filler 4–26, 27–32; 支出 33–58, 59, 60, filler 61–63, 64;
/// - 公开06: the standard 经济分类 rows (DOMAIN §1.9) and the two totals;
/// - 公开02, 03, 05, 07, 08: the `合计` row and ``functionalRows`` (80, or 30 for 07/08) blank rows where the
///   preparer types 科目编码, 科目名称 and the amounts;
/// - 公开09: the twelve columns and one blank row.
///
/// Amount cells are absent (blank): the sheet writer decides which are inputs and which formulas.
enum TemplateTables {
    /// Blank rows of a functional table for the preparer.
    static func functionalRows(_ id: TableID) -> Int {
        id == .governmentFund || id == .stateCapital ? 30 : 80
    }

    static let here = SourceLocation(file: "template", line: 0)

    /// The nine tables, in `layout`'s order and form: the Shanghai template (corpus, 附件2 模板) prints no 行次 and
    /// no filler rows in 01/04 (the rows keep their standard 行次, which place them), heads its amounts `决算数`,
    /// and numbers 08's columns as its 07 (年初 4, 本年收入 5, 小计 1, 基本支出 2, 项目支出 3, 年末 6).
    static func tables(_ layout: LayoutTemplate = .shandongHubei) -> [PublicTable] {
        layout.tableOrder.map { table($0, layout) }
    }

    static func table(_ id: TableID, _ layout: LayoutTemplate = .shandongHubei) -> PublicTable {
        var table = PublicTable(
            id: id, title: id.canonicalTitle, formLabel: "\(id.formID)表", moneyUnit: .wanYuan, columns: columns(id),
            rows: rows(id), source: here)
        guard layout == .shanghai else { return table }
        table.formLabel = nil
        if id.shape == .sideBySide {
            table.rows = table.rows.filter { !$0.item.isEmpty }.map { var row = $0; row.line = nil; return row }
        }
        switch id {
        case .incomeExpenditureSummary, .appropriationSummary, .generalBudgetBasicExpenditure:
            table.columns[0].name = "决算数"
        case .stateCapital:
            let numbers = [4, 5, 1, 2, 3, 6]
            table.columns = zip(numbers, columns(.governmentFund)).map { TableColumn(number: $0, name: $1.name) }
        default:
            break
        }
        return table
    }

    static func columns(_ id: TableID) -> [TableColumn] {
        let names: [String] =
            switch id {
            case .incomeExpenditureSummary: ["金额", "金额"]
            case .income: ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"]
            case .expenditure: ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"]
            case .appropriationSummary: ["金额", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]
            case .generalBudgetExpenditure, .stateCapital: ["本年支出/小计", "基本支出", "项目支出"]
            case .generalBudgetBasicExpenditure: ["金额"]
            case .governmentFund: ["年初结转和结余", "本年收入", "本年支出/小计", "基本支出", "项目支出", "年末结转和结余"]
            case .threePublicExpenses:
                ["预算数", "决算数"].flatMap { side in
                    ["合计", "因公出国（境）费", "公务用车购置及运行维护费/小计", "公务用车购置及运行维护费/公务用车购置费",
                        "公务用车购置及运行维护费/公务用车运行维护费", "公务接待费"].map { "\(side)/\($0)" }
                }
            }
        return names.enumerated().map { TableColumn(number: $0.offset + 1, name: $0.element) }
    }

    static let ordinals = [
        "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七",
        "十八", "十九", "二十", "二十一", "二十二", "二十三", "二十四", "二十五", "二十六",
    ]

    static func line(_ line: Int, _ item: String, _ group: String) -> TableRow {
        TableRow(kind: .line, line: line, standardLine: line, item: item, group: group, cells: [], source: here)
    }

    static func rows(_ id: TableID) -> [TableRow] {
        switch id {
        case .incomeExpenditureSummary:
            let income = ["一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入", "上级补助收入", "事业收入",
                "经营收入", "附属单位上缴收入", "其他收入"]
            var rows = income.enumerated().map { line($0.offset + 1, "\(ordinals[$0.offset])、\($0.element)", "收入") }
            rows += (9...26).map { line($0, "", "收入") }
            rows += [line(27, "本年收入合计", "收入"), line(28, "使用非财政拨款结余", "收入"), line(29, "年初结转和结余", "收入"),
                line(30, "", "收入"), line(31, "总计", "收入")]
            rows += classRows(first: 32)
            rows += [line(58, "本年支出合计", "支出"), line(59, "结余分配", "支出"), line(60, "年末结转和结余", "支出"),
                line(61, "", "支出"), line(62, "总计", "支出")]
            return rows
        case .appropriationSummary:
            let funds = ["一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]
            var rows = funds.enumerated().map { line($0.offset + 1, "\(ordinals[$0.offset])、\($0.element)", "收入") }
            rows += (4...26).map { line($0, "", "收入") }
            rows += [line(27, "本年收入合计", "收入"), line(28, "年初财政拨款结转和结余", "收入")]
            rows += funds.enumerated().map { line(29 + $0.offset, $0.element, "收入") }
            rows += [line(32, "总计", "收入")]
            rows += classRows(first: 33)
            rows += [line(59, "本年支出合计", "支出"), line(60, "年末财政拨款结转和结余", "支出")]
            rows += (61...63).map { line($0, "", "支出") }
            rows += [line(64, "总计", "支出")]
            return rows
        case .generalBudgetBasicExpenditure:
            var rows: [TableRow] = []
            for (group, codes) in [("人员经费", personnel), ("公用经费", publicCosts)] {
                rows += codes.map {
                    TableRow(kind: .code, code: $0.code, item: $0.name, group: group, cells: [], source: here)
                }
                rows.append(TableRow(kind: .total, item: "\(group)合计", group: group, cells: [], source: here))
            }
            return rows
        case .threePublicExpenses:
            return [TableRow(kind: .data, item: "", cells: [], source: here)]
        default:
            return [TableRow(kind: .total, item: "合计", cells: [], source: here)]
                + (0..<functionalRows(id)).map { _ in TableRow(kind: .code, code: "", item: "", cells: [], source: here) }
        }
    }

    /// The 26 expenditure 类 rows of 公开01/04, from 行次 `first`.
    static func classRows(first: Int) -> [TableRow] {
        ClassificationCode.expenditureClasses.prefix(26).enumerated().map {
            line(first + $0.offset, "\(ordinals[$0.offset])、\($0.element.name)", "支出")
        }
    }

    /// 公开06 人员经费 rows (DOMAIN §1.9): 301 and 303 with their 款.
    static let personnel = StandardEconomicRows.personnel

    /// 公开06 公用经费 rows (DOMAIN §1.9): 302, then 307, 310, 312, 399 with their 款.
    static let publicCosts = StandardEconomicRows.publicCosts
}
