import BudgetLensCore
import Foundation

/// A small, complete and consistent 部门决算 in the seeds' text format (tables as tab-separated rows), for
/// tests that plant one defect and expect exactly its findings.
///
/// Money (万元): general budget 600 (208 社会保障 100 basic; 210 卫生健康 300 basic + 200 project), government
/// fund 50 (229 彩票公益金, project), state capital 20 (223, project); 06 人员经费 360 + 公用经费 40 = 400;
/// 三公 budget 8, spent 7.
public struct SyntheticDisclosure {
    /// Rows per table: each row is its printed fields (label/code, name, amounts).
    public var tables: [TableID: [[String]]]
    /// Tables left out of the text (a 目录 entry still lists them).
    public var omitted: Set<TableID> = []
    /// The 情况说明 lines (headings and sentences), consistent with the tables: every share, change and
    /// completion rate recomputes exactly (DOMAIN §2). Tests replace a line to plant a narrative defect.
    public var narrative: [String] = SyntheticDisclosure.consistentNarrative

    /// The consistent 情况说明: 收支总计 670 (+70, 11.67 % on 600), 一般公共预算 600 = 89.55 % of 670, 类 shares
    /// 16.67 % / 83.33 %, completion 600 / 500 = 120 %, 人员经费 360 = 200 + 150 + 10 and 公用经费 40 = 20 + 10 + 5 + 5
    /// (the 公开06 rows), 机关运行经费 40 (−10, 20 % of 50), 政府采购 100 = 40 + 0 + 60, 车辆 2 = 1 + 1.
    public static let consistentNarrative = [
        "一、收入支出决算总体情况说明",
        "2023年度收、支总计均为670万元。与2022年度相比，收、支总计各增加70万元，增长11.67%。主要是业务增加。",
        "二、收入决算情况说明",
        "本年收入合计670万元，其中：财政拨款收入670万元，占100%。",
        "三、支出决算情况说明",
        "本年支出合计670万元，其中：基本支出400万元，占59.7%；项目支出270万元，占40.3%。",
        "四、财政拨款收入支出决算总体情况说明",
        "2023年度财政拨款收、支总计均为670万元。",
        "五、一般公共预算财政拨款支出决算情况说明",
        "（一）一般公共预算财政拨款支出决算总体情况",
        "2023年度一般公共预算财政拨款支出600万元，占本年支出合计的89.55%。",
        "（二）一般公共预算财政拨款支出决算结构情况",
        "2023年度一般公共预算财政拨款支出600万元，主要用于以下方面：社会保障和就业支出（类）支出100万元，占16.67%；卫生健康支出（类）支出500万元，占83.33%。",
        "（三）一般公共预算财政拨款支出决算具体情况",
        "2023年度一般公共预算财政拨款支出年初预算为500万元，支出决算为600万元，完成年初预算的120%。决算数大于年初预算数的主要原因是年中追加。",
        "六、一般公共预算财政拨款基本支出决算情况说明",
        "2023年度一般公共预算财政拨款基本支出400万元，其中：人员经费360万元，主要包括：基本工资200万元、津贴补贴150万元、退休费10万元；公用经费40万元，主要包括：办公费20万元、差旅费10万元、公务接待费5万元、办公设备购置5万元。",
        "七、政府性基金预算财政拨款收入支出决算情况说明",
        "2023年度政府性基金预算财政拨款年初结转和结余0万元，本年收入50万元，本年支出50万元，年末结转和结余0万元。",
        "八、国有资本经营预算财政拨款支出决算情况说明",
        "2023年度国有资本经营预算财政拨款支出20万元。",
        "九、财政拨款“三公”经费支出决算情况说明",
        "2023年度财政拨款“三公”经费支出全年预算为8万元，支出决算为7万元，完成全年预算的87.5%。决算数小于预算数的主要原因是厉行节约。",
        "十、机关运行经费支出说明",
        "2023年度机关运行经费支出40万元，比年初预算数减少10万元，下降20%，主要原因是厉行节约。",
        "十一、政府采购支出说明",
        "2023年度政府采购支出总额100万元，其中：政府采购货物支出40万元、政府采购工程支出0万元、政府采购服务支出60万元。授予中小企业合同金额100万元，占政府采购支出总额的100%，其中：授予小微企业合同金额50万元，占政府采购支出总额的50%。货物采购授予中小企业合同金额占货物支出金额的100%，服务采购授予中小企业合同金额占服务支出金额的100%。",
        "十二、国有资产占用情况说明",
        "截至2023年12月31日，本部门共有车辆2辆，其中，机要通信用车1辆、其他用车1辆；单价100万元（含）以上设备（不含车辆）0台（套）。",
    ]

    /// A 情况说明 of one sentence that restates no table cell a table test plants a defect in.
    public static let tablesOnlyNarrative = ["一、收入支出决算总体情况说明", "2023年度收、支总计均为670万元。"]

    /// Replaces the narrative line containing `old` with `new` text.
    public mutating func replaceNarrative(_ old: String, with new: String) {
        guard let index = narrative.firstIndex(where: { $0.contains(old) }) else {
            preconditionFailure("no narrative line contains \(old)")
        }
        narrative[index] = narrative[index].replacingOccurrences(of: old, with: new)
    }
    /// Replacements made in the finished text, in order: every occurrence of `old` becomes `new`.
    public var edits: [(old: String, new: String)] = []

    /// The consistent document.
    public init() {
        tables = SyntheticDisclosure.consistentTables()
    }

    /// Replaces the printed amount of the row identified by `row` (its 行次, code or label, as printed in the
    /// row's first fields) in column `column` (栏次).
    public mutating func set(_ table: TableID, row: String, column: Int, to value: String) {
        guard var rows = tables[table] else { return }
        for index in rows.indices where SyntheticDisclosure.matches(rows[index], row: row, in: table) {
            var position = SyntheticDisclosure.fieldPosition(of: column, row: rows[index], in: table)
            if table.shape == .economic, rows[index][0] != row { position = 5 }
            rows[index][position] = value
            tables[table] = rows
            return
        }
        preconditionFailure("no row \(row) in \(table.formID)")
    }

    /// Replaces a printed classification code.
    public mutating func renameCode(_ table: TableID, from old: String, to new: String) {
        guard var rows = tables[table] else { return }
        for index in rows.indices {
            for field in rows[index].indices where rows[index][field] == old { rows[index][field] = new }
        }
        tables[table] = rows
    }

    /// The document as text.
    public var text: String {
        var lines = ["", "2023年度测试局部门决算", "", "目 录", "", "第一部分 部门概况", "", "第二部分 2023年度部门决算表", ""]
        for id in TableID.allCases { lines.append("- " + SyntheticDisclosure.ordinal(id) + "、" + id.canonicalTitle) }
        lines += ["", "第三部分 2023年度部门决算情况说明", "", "第一部分", "", "部门概况", "", "测试局负责测试工作。", "", "第二部分", "",
            "2023年度部门决算表", ""]
        for id in TableID.allCases where !omitted.contains(id) {
            lines += [id.canonicalTitle, "", "公开\(id.rawValue)表", "", "部门：测试局", "", "金额单位：万元", ""]
            lines += SyntheticDisclosure.header(id)
            lines += (tables[id] ?? []).map { $0.joined(separator: "\t") }
            lines += ["", "注：本表反映部门本年度情况。", ""]
        }
        lines += ["第三部分", "", "2023年度部门决算情况说明", ""]
        lines += narrative.flatMap { [$0, ""] }
        var text = lines.joined(separator: "\n") + "\n"
        for (old, new) in edits {
            precondition(text.contains(old), "no '\(old)' in the synthetic disclosure")
            text = text.replacing(old, with: new)
        }
        return text
    }

    private static func ordinal(_ id: TableID) -> String {
        ["一", "二", "三", "四", "五", "六", "七", "八", "九"][Int(id.rawValue)! - 1]
    }

    private static func header(_ id: TableID) -> [String] {
        switch id {
        case .incomeExpenditureSummary:
            ["收入\t\t\t支出\t\t", "项目\t行次\t金额\t项目\t行次\t金额", "栏次\t\t1\t栏次\t\t2"]
        case .appropriationSummary:
            [
                "收入\t\t\t支出\t\t\t\t\t",
                "项目\t行次\t金额\t项目\t行次\t合计\t一般公共预算财政拨款\t政府性基金预算财政拨款\t国有资本经营预算财政拨款",
                "栏次\t\t1\t栏次\t\t2\t3\t4\t5",
            ]
        case .income:
            ["项目\t\t本年收入合计\t财政拨款收入\t上级补助收入\t事业收入\t经营收入\t附属单位上缴收入\t其他收入", "科目编码\t科目名称\t\t\t\t\t\t\t",
                "栏次\t\t1\t2\t3\t4\t5\t6\t7"]
        case .expenditure:
            ["项目\t\t本年支出合计\t基本支出\t项目支出\t上缴上级支出\t经营支出\t对附属单位补助支出", "科目编码\t科目名称\t\t\t\t\t\t", "栏次\t\t1\t2\t3\t4\t5\t6"]
        case .generalBudgetExpenditure, .stateCapital:
            ["项目\t\t本年支出\t\t", "科目编码\t科目名称\t小计\t基本支出\t项目支出", "栏次\t\t1\t2\t3"]
        case .governmentFund:
            ["项目\t\t年初结转和结余\t本年收入\t本年支出\t\t\t年末结转和结余", "科目编码\t科目名称\t\t\t小计\t基本支出\t项目支出\t", "栏次\t\t1\t2\t3\t4\t5\t6"]
        case .generalBudgetBasicExpenditure:
            ["人员经费\t\t\t公用经费\t\t", "科目编码\t科目名称\t金额\t科目编码\t科目名称\t金额"]
        case .threePublicExpenses:
            [
                "预算数\t\t\t\t\t\t决算数\t\t\t\t\t",
                "合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费\t合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费",
                "\t\t小计\t公务用车购置费\t公务用车运行维护费\t\t\t\t小计\t公务用车购置费\t公务用车运行维护费\t", "1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12",
            ]
        }
    }

    private static func consistentTables() -> [TableID: [[String]]] {
        var summary: [[String]] = []
        let income = ["一、一般公共预算财政拨款收入", "二、政府性基金预算财政拨款收入", "三、国有资本经营预算财政拨款收入", "四、上级补助收入", "五、事业收入", "六、经营收入",
            "七、附属单位上缴收入", "八、其他收入"]
        let incomeValues = ["600.00", "50.00", "20.00", "0.00", "0.00", "0.00", "0.00", "0.00"]
        let classes = ClassificationCode.expenditureClasses
        let classValues: [String: String] = ["208": "100.00", "210": "500.00", "223": "20.00", "229": "50.00"]
        let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九",
            "二十", "二十一", "二十二", "二十三", "二十四", "二十五", "二十六"]
        for line in 1...26 {
            let left = line <= 8 ? [income[line - 1], "\(line)", incomeValues[line - 1]] : ["", "\(line)", ""]
            let (code, name) = classes[line - 1]
            summary.append(left + ["\(numerals[line - 1])、\(name)", "\(line + 31)", classValues[code] ?? "0.00"])
        }
        summary += [
            ["本年收入合计", "27", "670.00", "本年支出合计", "58", "670.00"],
            ["使用非财政拨款结余", "28", "0.00", "结余分配", "59", "0.00"],
            ["年初结转和结余", "29", "0.00", "年末结转和结余", "60", "0.00"],
            ["", "30", "", "", "61", ""],
            ["总计", "31", "670.00", "总计", "62", "670.00"],
        ]
        var appropriation: [[String]] = []
        let fundLabels = ["一、一般公共预算财政拨款", "二、政府性基金预算财政拨款", "三、国有资本经营预算财政拨款"]
        let fundColumns: [String: [String]] = [
            "208": ["100.00", "100.00", "0.00", "0.00"], "210": ["500.00", "500.00", "0.00", "0.00"],
            "223": ["20.00", "0.00", "0.00", "20.00"], "229": ["50.00", "0.00", "50.00", "0.00"],
        ]
        for line in 1...26 {
            let left = line <= 3 ? [fundLabels[line - 1], "\(line)", incomeValues[line - 1]] : ["", "\(line)", ""]
            let (code, name) = classes[line - 1]
            appropriation.append(
                left + ["\(numerals[line - 1])、\(name)", "\(line + 32)"] + (fundColumns[code] ?? ["0.00", "0.00", "0.00", "0.00"]))
        }
        appropriation += [
            ["本年收入合计", "27", "670.00", "本年支出合计", "59", "670.00", "600.00", "50.00", "20.00"],
            ["年初财政拨款结转和结余", "28", "0.00", "年末财政拨款结转和结余", "60", "0.00", "0.00", "0.00", "0.00"],
            ["一般公共预算财政拨款", "29", "0.00", "", "61", "", "", "", ""],
            ["政府性基金预算财政拨款", "30", "0.00", "", "62", "", "", "", ""],
            ["国有资本经营预算财政拨款", "31", "0.00", "", "63", "", "", "", ""],
            ["总计", "32", "670.00", "总计", "64", "670.00", "600.00", "50.00", "20.00"],
        ]
        func zeros(_ count: Int) -> [String] { Array(repeating: "0.00", count: count) }
        let incomeRows: [[String]] = [
            ["合计", "", "670.00", "670.00"] + zeros(5),
            ["208", "社会保障和就业支出", "100.00", "100.00"] + zeros(5),
            ["20805", "行政事业单位养老支出", "100.00", "100.00"] + zeros(5),
            ["2080505", "机关事业单位基本养老保险缴费支出", "100.00", "100.00"] + zeros(5),
            ["210", "卫生健康支出", "500.00", "500.00"] + zeros(5),
            ["21015", "医疗保障管理事务", "500.00", "500.00"] + zeros(5),
            ["2101501", "行政运行", "300.00", "300.00"] + zeros(5),
            ["2101504", "信息化建设", "200.00", "200.00"] + zeros(5),
            ["223", "国有资本经营预算支出", "20.00", "20.00"] + zeros(5),
            ["22301", "解决历史遗留问题及改革成本支出", "20.00", "20.00"] + zeros(5),
            ["2230108", "离休干部医药费补助支出", "20.00", "20.00"] + zeros(5),
            ["229", "其他支出", "50.00", "50.00"] + zeros(5),
            ["22960", "彩票公益金安排的支出", "50.00", "50.00"] + zeros(5),
            ["2296013", "用于城乡医疗救助的彩票公益金支出", "50.00", "50.00"] + zeros(5),
        ]
        let expenditureRows: [[String]] = [
            ["合计", "", "670.00", "400.00", "270.00"] + zeros(3),
            ["208", "社会保障和就业支出", "100.00", "100.00", "0.00"] + zeros(3),
            ["20805", "行政事业单位养老支出", "100.00", "100.00", "0.00"] + zeros(3),
            ["2080505", "机关事业单位基本养老保险缴费支出", "100.00", "100.00", "0.00"] + zeros(3),
            ["210", "卫生健康支出", "500.00", "300.00", "200.00"] + zeros(3),
            ["21015", "医疗保障管理事务", "500.00", "300.00", "200.00"] + zeros(3),
            ["2101501", "行政运行", "300.00", "300.00", "0.00"] + zeros(3),
            ["2101504", "信息化建设", "200.00", "0.00", "200.00"] + zeros(3),
            ["223", "国有资本经营预算支出", "20.00", "0.00", "20.00"] + zeros(3),
            ["22301", "解决历史遗留问题及改革成本支出", "20.00", "0.00", "20.00"] + zeros(3),
            ["2230108", "离休干部医药费补助支出", "20.00", "0.00", "20.00"] + zeros(3),
            ["229", "其他支出", "50.00", "0.00", "50.00"] + zeros(3),
            ["22960", "彩票公益金安排的支出", "50.00", "0.00", "50.00"] + zeros(3),
            ["2296013", "用于城乡医疗救助的彩票公益金支出", "50.00", "0.00", "50.00"] + zeros(3),
        ]
        let generalRows: [[String]] = [
            ["", "合计", "600.00", "400.00", "200.00"],
            ["208", "社会保障和就业支出", "100.00", "100.00", "0.00"],
            ["20805", "行政事业单位养老支出", "100.00", "100.00", "0.00"],
            ["2080505", "机关事业单位基本养老保险缴费支出", "100.00", "100.00", "0.00"],
            ["210", "卫生健康支出", "500.00", "300.00", "200.00"],
            ["21015", "医疗保障管理事务", "500.00", "300.00", "200.00"],
            ["2101501", "行政运行", "300.00", "300.00", "0.00"],
            ["2101504", "信息化建设", "200.00", "0.00", "200.00"],
        ]
        let basicRows: [[String]] = [
            ["301", "工资福利支出", "350.00", "302", "商品和服务支出", "35.00"],
            ["30101", "基本工资", "200.00", "30201", "办公费", "20.00"],
            ["30102", "津贴补贴", "150.00", "30211", "差旅费", "10.00"],
            ["303", "对个人和家庭的补助", "10.00", "30217", "公务接待费", "5.00"],
            ["30302", "退休费", "10.00", "310", "资本性支出", "5.00"],
            ["", "", "", "31002", "办公设备购置", "5.00"],
            ["人员经费合计", "", "360.00", "公用经费合计", "", "40.00"],
        ]
        let fundRows: [[String]] = [
            ["合计", "", "0.00", "50.00", "50.00", "0.00", "50.00", "0.00"],
            ["229", "其他支出", "0.00", "50.00", "50.00", "0.00", "50.00", "0.00"],
            ["22960", "彩票公益金安排的支出", "0.00", "50.00", "50.00", "0.00", "50.00", "0.00"],
            ["2296013", "用于城乡医疗救助的彩票公益金支出", "0.00", "50.00", "50.00", "0.00", "50.00", "0.00"],
        ]
        let capitalRows: [[String]] = [
            ["合计", "", "20.00", "0.00", "20.00"],
            ["223", "国有资本经营预算支出", "20.00", "0.00", "20.00"],
            ["22301", "解决历史遗留问题及改革成本支出", "20.00", "0.00", "20.00"],
            ["2230108", "离休干部医药费补助支出", "20.00", "0.00", "20.00"],
        ]
        let threePublic: [[String]] = [
            ["8.00", "0.00", "3.00", "0.00", "3.00", "5.00", "7.00", "0.00", "2.00", "0.00", "2.00", "5.00"]
        ]
        return [
            .incomeExpenditureSummary: summary, .income: incomeRows, .expenditure: expenditureRows,
            .appropriationSummary: appropriation, .generalBudgetExpenditure: generalRows,
            .generalBudgetBasicExpenditure: basicRows, .governmentFund: fundRows, .stateCapital: capitalRows,
            .threePublicExpenses: threePublic,
        ]
    }

    /// Whether a printed row is the one named `row`: its 行次 (either block of 公开01/04), code or label.
    private static func matches(_ fields: [String], row: String, in table: TableID) -> Bool {
        switch table.shape {
        case .sideBySide: fields[1] == row || fields[4] == row
        case .economic: fields[0] == row || fields[3] == row
        case .singleRow: true
        case .functional: fields[0] == row || fields[1] == row
        }
    }

    /// The field that holds 栏次 `column` of a printed row.
    private static func fieldPosition(of column: Int, row: [String], in table: TableID) -> Int {
        switch table.shape {
        case .sideBySide: column == 1 ? 2 : 3 + column
        case .economic: 2
        case .singleRow: column - 1
        case .functional: 1 + column
        }
    }
}
