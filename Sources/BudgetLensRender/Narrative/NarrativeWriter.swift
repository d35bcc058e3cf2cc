import BudgetLensCore

/// Writes the 情况说明 from the data, in the sentence shapes of DOMAIN §2, so the prose cannot disagree with the
/// tables: every amount is a cell, every share, change and completion rate is computed (ROUND_HALF_UP, 2 decimals,
/// trailing zeros stripped as the seeds print them).
///
/// Inputs beyond the nine tables: last year's document (for 与上年相比), the 年初预算 of each 项 and of the totals
/// (from the budget, not in the tables), and the preparer's reasons (主要原因) by key. Without last year's figures a
/// sentence leaves out the comparison rather than inventing one.
public struct NarrativeWriter: Sendable {
    /// The reasons (主要原因) a preparer supplies, by key: `一`, `二.财政拨款收入`, `五.2101501` (a 项 code).
    public typealias Reasons = [String: String]

    let disclosure: Disclosure
    let previous: Disclosure?
    let budgets: [String: Money]
    let reasons: Reasons

    /// A writer for `disclosure`.
    ///
    /// - Parameters:
    ///   - previous: Last year's disclosure of the same unit, for the year-on-year sentences.
    ///   - budgets: 年初预算 by key: `05` (一般公共预算 total), a 项 code of 公开05/07/08 (`2101501`), `07`, `08`.
    ///   - reasons: 主要原因 by key (see ``Reasons``).
    public init(disclosure: Disclosure, previous: Disclosure? = nil, budgets: [String: Money] = [:], reasons: Reasons = [:]) {
        self.disclosure = disclosure
        self.previous = previous
        self.budgets = budgets
        self.reasons = reasons
    }

    /// The year of the document (the current year when unknown).
    var year: Int { disclosure.header.year ?? 0 }

    /// The sections 一…九 that the tables determine and 十–十二 where the model holds their figures, numbered in
    /// order as the Shandong/Hubei template numbers them.
    public func sections() -> [NarrativeSection] {
        var sections: [NarrativeSection] = []
        func add(_ heading: String, _ paragraphs: [String]) {
            let number = sections.count + 1
            let lines = paragraphs.enumerated().map { offset, text in
                TextLine(text: text, source: SourceLocation(file: "generated", line: number * 100 + offset + 1))
            }
            sections.append(
                NarrativeSection(
                    number: number, heading: "\(TextNormalization.chineseNumeralString(number))、\(heading)",
                    body: TextBlock(lines: lines), source: SourceLocation(file: "generated", line: number * 100)))
        }
        add("收入支出决算总体情况说明", overall())
        add("收入决算情况说明", income())
        add("支出决算情况说明", expenditure())
        add("财政拨款收入支出决算总体情况说明", appropriation())
        add("一般公共预算财政拨款支出决算情况说明", generalBudget())
        add("一般公共预算财政拨款基本支出决算情况说明", basicExpenditure())
        add("政府性基金预算财政拨款收入支出决算情况说明", governmentFund())
        add("国有资本经营预算财政拨款支出决算情况说明", stateCapital())
        add("财政拨款“三公”经费支出决算情况说明", threePublic())
        // 十–十二 from the figures the document's own 情况说明 states (no table holds them); left out without.
        if let paragraphs = operatingCost() { add("机关运行经费支出说明", paragraphs) }
        if let paragraphs = procurement() { add("政府采购支出说明", paragraphs) }
        if let paragraphs = assets() { add("国有资产占用情况说明", paragraphs) }
        // 十三 from the annexed 汇总表 and 自评表 (NarrativeWriter+Performance); left out without them.
        if let paragraphs = performance() { add("预算绩效情况说明", paragraphs) }
        return sections
    }

    // MARK: - Sections

    /// 一: `2022年度收、支总计均为8,431.28万元。与2021年度相比，收、支总计各增加5,413.46万元，增长179.38%。`
    func overall() -> [String] {
        guard let total = cell(.incomeExpenditureSummary, line: 31, column: 1) else { return [] }
        var text = "\(year)年度收、支总计均为\(Wording.amount(total))万元。"
        if let prior = cell(.incomeExpenditureSummary, line: 31, column: 1, in: previous) {
            text += Wording.change(subject: "收、支总计各", current: total, prior: prior, year: year - 1)
        }
        text += reason("一")
        return [text]
    }

    /// 三: `本年支出合计958.64万元，其中：基本支出453.01万元，占47.26%；项目支出505.63万元，占52.74%。`
    func expenditure() -> [String] {
        guard let total = cell(.incomeExpenditureSummary, line: 58, column: 2) else { return [] }
        let kinds = ["基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"]
        var parts: [String] = []
        var items: [String] = []
        for (index, name) in kinds.enumerated() {
            let value = totalCell(.expenditure, column: index + 2) ?? .zero
            if !value.isZero { parts.append("\(name)\(Wording.amount(value))万元，占\(Wording.share(value, of: total))") }
            var item = "\(index + 1)、\(name)\(Wording.amount(value))万元。"
            if let prior = totalCell(.expenditure, column: index + 2, in: previous) {
                item += Wording.change(subject: "", current: value, prior: prior, year: year - 1)
            }
            items.append(item + reason("三.\(name)"))
        }
        let structure = "本年支出合计\(Wording.amount(total))万元" + (parts.isEmpty ? "。" : "，其中：" + parts.joined(separator: "；") + "。")
        return ["（一）支出决算结构情况", structure, "（二）支出决算具体情况"] + items
    }

    /// 四: `2023年度财政拨款收、支总计均为958.64万元。` with the change from last year.
    func appropriation() -> [String] {
        guard let total = cell(.appropriationSummary, line: 32, column: 1) else { return [] }
        var text = "\(year)年度财政拨款收、支总计均为\(Wording.amount(total))万元。"
        if let prior = cell(.appropriationSummary, line: 32, column: 1, in: previous) {
            text += Wording.change(subject: "财政拨款收、支总计各", current: total, prior: prior, year: year - 1)
        }
        return [text + reason("四")]
    }

    /// 五: (一) the total and its share of 本年支出合计, (二) one clause per 类, (三) the completion of 年初预算 per 项.
    func generalBudget() -> [String] {
        guard let table = disclosure.table(.generalBudgetExpenditure), let total = totalCell(.generalBudgetExpenditure, column: 1)
        else { return [] }
        var paragraphs = ["（一）一般公共预算财政拨款支出决算总体情况"]
        var overall = "\(year)年度一般公共预算财政拨款支出\(Wording.amount(total))万元"
        if let expenditure = cell(.incomeExpenditureSummary, line: 58, column: 2), !expenditure.isZero {
            overall += "，占本年支出合计的\(Wording.share(total, of: expenditure))"
        }
        overall += "。"
        if let prior = totalCell(.generalBudgetExpenditure, column: 1, in: previous) {
            overall += Wording.change(subject: "一般公共预算财政拨款支出", current: total, prior: prior, year: year - 1)
        }
        paragraphs.append(overall + reason("五.总体"))
        paragraphs.append("（二）一般公共预算财政拨款支出决算结构情况")
        let classes = table.rows.filter { $0.code?.count == 3 && !($0.cell(1)?.value?.isZero ?? true) }
        let clauses = classes.map { row in
            "\(row.item)（类）支出\(Wording.amount(row.cell(1)?.value ?? .zero))万元，占\(Wording.share(row.cell(1)?.value ?? .zero, of: total))"
        }
        paragraphs.append(
            "\(year)年度一般公共预算财政拨款支出\(Wording.amount(total))万元" + (clauses.isEmpty ? "。" : "，主要用于以下方面：" + clauses.joined(separator: "；") + "。"))
        paragraphs.append("（三）一般公共预算财政拨款支出决算具体情况")
        var detail = "\(year)年度一般公共预算财政拨款支出"
        if let budget = budgets["05"] {
            detail += completion(budget: budget, actual: total, key: "五.具体")
        } else {
            detail += "决算为\(Wording.amount(total))万元。"
        }
        paragraphs.append(detail + "其中：")
        paragraphs += items(of: table, column: 1, section: "五")
        return paragraphs
    }

    /// 六: `基本支出X万元，其中：人员经费A万元，主要包括：基本工资a万元、…；公用经费B万元，主要包括：…。`
    func basicExpenditure() -> [String] {
        guard let basic = totalCell(.generalBudgetExpenditure, column: 2) else { return [] }
        guard let table = disclosure.table(.generalBudgetBasicExpenditure) else {
            return ["\(year)年度一般公共预算财政拨款基本支出\(Wording.amount(basic))万元。"]
        }
        func group(_ name: String) -> String? {
            guard let total = table.rows.first(where: { TextNormalization.key($0.item) == name + "合计" })?.cell(1)?.value
            else { return nil }
            let items = table.rows.filter { row in
                guard let code = row.code, code.count == 5, let value = row.cell(1)?.value, !value.isZero else { return false }
                return ClassificationCode.economicGroup(of: code) == name
            }
            let list = items.map { "\(TextNormalization.label($0.item))\(Wording.amount($0.cell(1)?.value ?? .zero))万元" }
            return "\(name)\(Wording.amount(total))万元" + (list.isEmpty ? "" : "，主要包括：" + list.joined(separator: "、"))
        }
        let parts = ["人员经费", "公用经费"].compactMap(group)
        return ["\(year)年度一般公共预算财政拨款基本支出\(Wording.amount(basic))万元" + (parts.isEmpty ? "。" : "，其中：" + parts.joined(separator: "；") + "。")]
    }

    /// 七: `年初结转和结余a万元，本年收入b万元，本年支出c万元，年末结转和结余d万元。` and the 项 of 公开07.
    func governmentFund() -> [String] {
        guard let table = disclosure.table(.governmentFund) else { return [] }
        let values = [1, 2, 3, 6].map { totalCell(.governmentFund, column: $0) ?? .zero }
        guard values.contains(where: { !$0.isZero }) else { return ["本单位没有政府性基金预算财政拨款收支。"] }
        let text = "\(year)年度政府性基金预算财政拨款年初结转和结余\(Wording.amount(values[0]))万元，本年收入\(Wording.amount(values[1]))万元，本年支出\(Wording.amount(values[2]))万元，年末结转和结余\(Wording.amount(values[3]))万元。"
        return [text + "支出具体情况如下："] + items(of: table, column: 3, section: "七")
    }

    /// 八: `国有资本经营预算财政拨款支出X万元。` and the 项 of 公开08.
    func stateCapital() -> [String] {
        guard let table = disclosure.table(.stateCapital) else { return [] }
        let total = totalCell(.stateCapital, column: 1) ?? .zero
        guard !total.isZero else { return ["本单位没有国有资本经营预算财政拨款支出。"] }
        var text = "\(year)年度国有资本经营预算财政拨款支出"
        if let budget = budgets["08"] {
            text += completion(budget: budget, actual: total, key: "八")
        } else {
            text += "\(Wording.amount(total))万元。"
        }
        return [text + "其中："] + items(of: table, column: 1, section: "八")
    }

    /// 九: the 三公 total and its three items, 预算 against 决算 (公开09 栏1–6 / 7–12).
    func threePublic() -> [String] {
        guard disclosure.table(.threePublicExpenses) != nil else { return [] }
        func value(_ column: Int) -> Money { threePublicCell(column) ?? .zero }
        func sentence(_ subject: String, budget: Money, actual: Money, key: String) -> String {
            var text = "\(subject)全年预算为\(Wording.amount(budget))万元，支出决算为\(Wording.amount(actual))万元，"
            if budget.isZero {
                text += "全年无预算。"
            } else {
                text += "完成全年预算的\(Wording.share(actual, of: budget))。"
                if actual != budget { text += "决算数\(actual > budget ? "大于" : "小于")预算数" + (reasons[key].map { "的主要原因是" + $0 } ?? "") + "。" }
            }
            return text
        }
        var paragraphs = ["（一）“三公”经费支出决算总体情况说明"]
        paragraphs.append(sentence("\(year)年度财政拨款“三公”经费支出", budget: value(1), actual: value(7), key: "九"))
        paragraphs.append("（二）“三公”经费支出决算具体情况")
        paragraphs.append(sentence("1、因公出国（境）费", budget: value(2), actual: value(8), key: "九.因公出国（境）费"))
        paragraphs.append(
            sentence("2、公务用车购置及运行维护费", budget: value(3), actual: value(9), key: "九.公务用车购置及运行维护费")
                + "其中：公务用车购置费支出\(Wording.amount(value(10)))万元；公务用车运行维护费\(Wording.amount(value(11)))万元。")
        paragraphs.append(sentence("3、公务接待费", budget: value(6), actual: value(12), key: "九.公务接待费"))
        return paragraphs
    }

    /// `年初预算为B万元，支出决算为A万元，完成年初预算的r%。决算数大于年初预算数…` (DOMAIN §2.0).
    func completion(budget: Money, actual: Money, key: String) -> String {
        var text = "年初预算为\(Wording.amount(budget))万元，支出决算为\(Wording.amount(actual))万元，"
        if budget.isZero {
            text += "年初无预算。"
            if !actual.isZero { text += "决算数大于年初预算数" + (reasons[key].map { "的主要原因是" + $0 } ?? "") + "。" }
            return text
        }
        text += "完成年初预算的\(Wording.share(actual, of: budget))。"
        if actual == budget { return text + "与年初预算持平。" }
        return text + "决算数\(actual > budget ? "大于" : "小于")年初预算数" + (reasons[key].map { "的主要原因是" + $0 } ?? "") + "。"
    }

    /// One numbered item per 项 row (7-digit code) with an amount: `1、类名（类）款名（款）项名（项）。年初预算为…`.
    func items(of table: PublicTable, column: Int, section: String) -> [String] {
        let names = Dictionary(table.rows.compactMap { row in row.code.map { ($0, TextNormalization.label(row.item)) } }) { first, _ in first }
        var paragraphs: [String] = []
        for row in table.rows {
            guard let code = row.code, code.count == 7, let actual = row.cell(column)?.value, !actual.isZero else { continue }
            let name = "\(names[String(code.prefix(3))] ?? "")（类）\(names[String(code.prefix(5))] ?? "")（款）\(TextNormalization.label(row.item))（项）"
            var text = "\(paragraphs.count + 1)、\(name)。"
            if let budget = budgets[code] {
                text += completion(budget: budget, actual: actual, key: "\(section).\(code)")
            } else {
                text += "支出决算为\(Wording.amount(actual))万元。"
            }
            paragraphs.append(text)
        }
        return paragraphs
    }

    /// 二: `本年收入合计939.31万元，其中：财政拨款收入939.04万元，占99.97%；其他收入0.27万元，占0.03%。`
    func income() -> [String] {
        guard let total = cell(.incomeExpenditureSummary, line: 27, column: 1) else { return [] }
        let kinds: [(String, [Int])] = [
            ("财政拨款收入", [1, 2, 3]), ("上级补助收入", [4]), ("事业收入", [5]), ("经营收入", [6]),
            ("附属单位上缴收入", [7]), ("其他收入", [8]),
        ]
        var parts: [String] = []
        var items: [String] = []
        for (index, (name, lines)) in kinds.enumerated() {
            let value = lines.compactMap { cell(.incomeExpenditureSummary, line: $0, column: 1) }.checkedSum() ?? Money(fen: .max)
            if !value.isZero { parts.append("\(name)\(Wording.amount(value))万元，占\(Wording.share(value, of: total))") }
            var item = "\(index + 1)、\(name)\(Wording.amount(value))万元。"
            let prior = lines.compactMap { cell(.incomeExpenditureSummary, line: $0, column: 1, in: previous) }
            if previous != nil, prior.count == lines.count {
                let priorValue = prior.checkedSum() ?? Money(fen: .max)
                item += priorValue == value ? "与上年决算数一致。" : Wording.change(subject: "", current: value, prior: priorValue, year: year - 1)
            }
            items.append(item + reason("二.\(name)"))
        }
        let structure = "本年收入合计\(Wording.amount(total))万元" + (parts.isEmpty ? "。" : "，其中：" + parts.joined(separator: "；") + "。")
        return ["（一）收入决算结构情况", structure, "（二）收入决算具体情况"] + items
    }

    // MARK: - Cells

    /// The value of 行次 `line`, 栏次 `column` of `table` in this year's document.
    func cell(_ table: TableID, line: Int, column: Int) -> Money? {
        NarrativeWriter.cell(table, line: line, column: column, in: disclosure)
    }

    /// The same cell in `document` (last year's), `nil` without one.
    func cell(_ table: TableID, line: Int, column: Int, in document: Disclosure?) -> Money? {
        document.flatMap { NarrativeWriter.cell(table, line: line, column: column, in: $0) }
    }

    /// The 合计 row's value of `column` in `table`, this year's.
    func totalCell(_ table: TableID, column: Int) -> Money? {
        NarrativeWriter.totalCell(table, column: column, in: disclosure)
    }

    /// The same in `document` (last year's), `nil` without one.
    func totalCell(_ table: TableID, column: Int, in document: Disclosure?) -> Money? {
        document.flatMap { NarrativeWriter.totalCell(table, column: column, in: $0) }
    }

    static func totalCell(_ table: TableID, column: Int, in document: Disclosure) -> Money? {
        document.table(table)?.rows.first { $0.kind == .total }?.cell(column)?.value
    }

    /// 公开09's one data row, 栏 `column`.
    func threePublicCell(_ column: Int) -> Money? {
        let table = disclosure.table(.threePublicExpenses)
        return (table?.rows.first { $0.kind == .data } ?? table?.rows.first)?.cell(column)?.value
    }

    static func cell(_ table: TableID, line: Int, column: Int, in document: Disclosure) -> Money? {
        let row = document.table(table)?.rows.first { ($0.standardLine ?? $0.line) == line && $0.cell(column) != nil }
        return row?.cell(column)?.value
    }

    func reason(_ key: String) -> String {
        guard let text = reasons[key], !text.isEmpty else { return "" }
        return text.hasSuffix("。") ? text : text + "。"
    }
}
