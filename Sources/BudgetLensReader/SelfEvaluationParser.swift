import BudgetLensCore

/// Reads a located self-evaluation table into the model. Rows are read by content, not by position: the
/// extracted cells of these tables are often shifted (an indicator's 二级 in the 一级 column, a 得分 glued to its
/// 执行率, a merged 偏差原因 cell on a row of its own), so each row is classified by its words.
struct SelfEvaluationParser {
    let text: SourceText
    private(set) var problems: [ReadProblem] = []

    init(text: SourceText) { self.text = text }

    private enum Section { case header, budget, goal, indicators, footer }

    /// The budget columns a header names, in order.
    private enum BudgetColumn { case initial, budget, executed, weight, rate, score }

    mutating func parse(_ located: LocatedSelfEvaluation) -> SelfEvaluation {
        let headerKeys = located.headerLines.map { TextNormalization.key($0) }
        let fullPoints = headerKeys.first { $0.hasBytePrefix("总分") }.flatMap { Score(parsing: $0.dropFirst(3)) }
        let titleKey = TextNormalization.key(located.title)
        var kind: SelfEvaluation.Kind =
            titleKey.contains("转移支付") ? .transfer : (titleKey.hasByteSuffix("部门绩效自评表") || titleKey.contains("部门整体") ? .department : .project)
        if kind == .project, !located.grid.contains(where: { $0.keys.contains("分值") }) { kind = .hubeiProject }
        var table = SelfEvaluation(
            kind: kind, title: located.title, projectName: "", fullPoints: fullPoints, source: text.location(located.titleIndex))

        var section = Section.header
        var budgetColumns: [BudgetColumn] = []
        var level1 = ""
        var level2 = ""
        var group: String?
        var pendingReason: TextLine?
        var nameColumn = Int.max
        var goalRows: [[String]] = []

        for line in located.grid {
            let tokens = SelfEvaluationParser.tokens(of: line)
            guard let first = tokens.first else { continue }
            let firstKey = first.key
            let source = text.location(line, position: first.position)

            if firstKey.hasBytePrefix("项目名称") || firstKey.hasBytePrefix("转移支付(项目)名") || firstKey == "单位名称" {
                table.projectName = tokens.dropFirst().first?.text ?? ""
                readParties(tokens, into: &table)
                continue
            }
            if SelfEvaluationParser.partyLabels.contains(firstKey) {
                readParties(tokens, into: &table)
                continue
            }
            if firstKey.hasBytePrefix("项目类别") || firstKey.hasBytePrefix("项目属性") || firstKey.hasBytePrefix("项目类型") { continue }
            if firstKey.hasBytePrefix("基本支出总额") {
                table.basicExpenditure = tokens.dropFirst().first.flatMap { money($0.text) }
                if let index = tokens.firstIndex(where: { $0.key.hasBytePrefix("项目支出总额") }),
                    index + 1 < tokens.count
                {
                    table.projectExpenditure = money(tokens[index + 1].text)
                }
                continue
            }
            if firstKey.contains("预算执行情况") || firstKey.contains("资金投入情况") {
                section = .budget
                table.budget.headerPoints = SelfEvaluationParser.points(in: firstKey)
                budgetColumns = tokens.dropFirst().flatMap { SelfEvaluationParser.budgetColumns(in: $0.text) }
                continue
            }
            if section == .budget || section == .header,
                let fundingIndex = tokens.prefix(2).firstIndex(where: { SelfEvaluationParser.fundingLabel($0.key) != nil })
            {
                let token = tokens[fundingIndex]
                table.budget.rows.append(
                    fundingRow(
                        label: SelfEvaluationParser.fundingLabel(token.key) ?? token.text,
                        values: Array(tokens[(fundingIndex + 1)...]), columns: budgetColumns,
                        source: text.location(line, position: token.position)))
                continue
            }
            if firstKey.hasBytePrefix("资金管理情况") || SelfEvaluationParser.managementLabels.contains(firstKey)
                || firstKey == "情况说明"
            {
                continue
            }
            if firstKey.contains("总体目标") {
                section = .goal
                let texts = tokens.dropFirst().filter { !SelfEvaluationParser.goalHeaderWords.contains($0.key) }.map(\.text)
                if !texts.isEmpty { goalRows.append(texts) }
                continue
            }
            if let nameHeader = tokens.first(where: { $0.key == "三级指标" }) {
                section = .indicators
                nameColumn = nameHeader.position
                continue
            }
            if firstKey == "总分" {
                table.statedTotal = tokens.dropFirst().lazy.compactMap { Score(parsing: $0.text) }.first
                section = .footer
                continue
            }
            if firstKey.hasBytePrefix("偏差大") || firstKey.hasBytePrefix("改进措施") || firstKey == "说明" || firstKey.hasBytePrefix("备注") {
                let rest = tokens.dropFirst().map(\.text).joined(separator: " ")
                if !rest.isEmpty, rest != "无" {
                    table.notes.append(TextLine(text: "\(first.text)：\(rest)", source: source))
                }
                section = .footer
                continue
            }
            switch section {
            case .goal:
                goalRows.append(tokens.map(\.text))
            case .indicators:
                if firstKey.hasBytePrefix("目标"), let points = SelfEvaluationParser.points(in: firstKey) {
                    let name = String(firstKey.prefix { $0 != "(" }).trimming(":：")
                    group = name
                    table.groupPoints[name] = points
                    continue
                }
                if tokens.count == 1, first.text.count > 15, Score(parsing: first.text) == nil {
                    pendingReason = TextLine(text: first.text, source: source)  // a merged 偏差原因 cell
                    continue
                }
                guard
                    var indicator = indicator(
                        tokens, kind: kind, level1: &level1, level2: &level2, group: &group, table: &table,
                        nameColumn: nameColumn, source: source)
                else {
                    problems.append(
                        ReadProblem(
                            code: "self-evaluation.row", severity: .warning,
                            message: "自评表“\(table.projectName)”：该行不是指标，未读取 — "
                                + "自评表“\(table.projectName)”: the row is not an indicator and is not read",
                            source: source))
                    continue
                }
                if let reason = pendingReason, indicator.deviationReason == nil {
                    indicator.deviationReason = reason.text
                    pendingReason = nil
                }
                table.indicators.append(indicator)
            default:
                continue
            }
        }
        if let reason = pendingReason { table.notes.append(reason) }
        (table.goal, table.goalAchieved) = SelfEvaluationParser.goal(from: goalRows)
        return table
    }

    /// A non-empty cell: its cleaned text, its comparison key and its field position.
    struct Token {
        let text: String
        let key: String
        let position: Int
    }

    /// The non-empty cells of a row, HTML and LaTeX removed, whitespace normalised.
    static func tokens(of line: GridLine) -> [Token] {
        line.fields.enumerated().compactMap { position, field in
            guard !line.isBlank(position) else { return nil }
            let cleaned = IndicatorValue.withoutMarkup(String(field))
            return cleaned.isEmpty ? nil : Token(text: cleaned, key: TextNormalization.key(cleaned), position: position)
        }
    }

    private mutating func readParties(_ tokens: [Token], into table: inout SelfEvaluation) {
        for (index, token) in tokens.enumerated() where index + 1 < tokens.count {
            let key = token.key
            let next = tokens[index + 1].text
            let nextKey = tokens[index + 1].key
            guard !SelfEvaluationParser.partyLabels.contains(nextKey) else { continue }
            switch key {
            case "主管部门", "地方主管部门": table.supervisor = next
            case "项目实施单位", "资金使用单位": table.executor = next
            default: break
            }
        }
    }

    /// The funding row labels, from a key: `其中:当年财政拨款` → `当年财政拨款`, `年度资金总额:` → `年度资金总额`.
    static func fundingLabel(_ key: String) -> String? {
        guard key.containsText("资金") || key.containsText("拨款") || key.containsText("总额") else { return nil }
        var key = key
        if key.hasBytePrefix("其中") { key = String(key.dropFirst(2)).trimming(":：") }
        key = key.trimming(":：")
        let labels = ["年度资金总额", "年度财政资金总额", "部门整体支出总额", "当年财政拨款", "上年结转资金", "其他资金", "中央财政资金", "省级财政资金",
            "市级财政资金", "县级财政资金"]
        return labels.contains(key) ? key : nil
    }

    private static let partyLabels: Set<String> = ["主管部门", "地方主管部门", "中央主管部门", "项目实施单位", "资金使用单位"]

    private static let totalLabels: Set<String> = ["年度资金总额", "年度财政资金总额", "部门整体支出总额"]

    private static let managementLabels: Set<String> = [
        "分配科学性", "下达及时性", "拨付合规性", "使用规范性", "执行准确性", "预算绩效管理情况", "支出责任履行情况",
    ]

    private static let goalHeaderWords: Set<String> = ["年初预期目标", "目标实际完成情况", "总体目标", "全年实际完成情况"]

    /// The columns a budget-header cell names; `执行率 (B/A) 得分 (20 分*执行率)` names two.
    private static func budgetColumns(in text: String) -> [BudgetColumn] {
        let key = TextNormalization.key(text)
        var columns: [BudgetColumn] = []
        if key.contains("年初预算") {
            columns.append(.initial)
        } else if key.contains("预算数") {
            columns.append(.budget)
        }
        if key.contains("执行数") { columns.append(.executed) }
        if key.contains("分值") { columns.append(.weight) }
        if key.contains("执行率") { columns.append(.rate) }
        if key.contains("得分") { columns.append(.score) }
        return columns
    }

    /// The numbers of a funding row in column order: percentages are the 执行率, `-` is not applicable.
    private func fundingRow(label: String, values: [Token], columns: [BudgetColumn], source: SourceLocation) -> FundingRow {
        var row = FundingRow(label: label, isTotal: SelfEvaluationParser.totalLabels.contains(label), source: source)
        let numericColumns = columns.isEmpty ? [.initial, .budget, .executed, .weight, .score] : columns.filter { $0 != .rate }
        var next = 0
        for part in values.flatMap({ $0.text.split(separator: " ").map(String.init) }) {
            let key = TextNormalization.key(part)
            if key.hasByteSuffix("%") {
                row.statedRate = IndicatorValue(parsing: key).measure
                continue
            }
            if key == "-" || key == "—" || key == "——" {
                next += 1
                continue
            }
            guard next < numericColumns.count else { break }
            let column = numericColumns[next]
            next += 1
            switch column {
            case .initial: row.initialBudget = money(key)
            case .budget: row.budget = money(key)
            case .executed: row.executed = money(key)
            case .weight: row.weight = Score(parsing: key)
            case .score: row.statedScore = Score(parsing: key)
            case .rate: break
            }
        }
        return row
    }

    private func money(_ text: String) -> Money? {
        guard case .amount(let value) = Money.reading(text, unit: .wanYuan) else { return nil }
        return value
    }

    /// The points in `产出指标 (40 分)`, `目标 1(40分)：`, `预算执行情况 (万元) (20分)`.
    static func points(in key: String) -> Score? {
        var search = Substring(key)
        while let open = search.firstIndex(of: "(") {
            let inside = search[search.index(after: open)...].prefix { $0 != ")" }
            if inside.hasByteSuffix("分"), let points = Score(parsing: inside.dropLast()) { return points }
            search = search[search.index(after: open)...]
        }
        return nil
    }

    private static let level1Words = ["产出指标", "效益指标", "满意度指标", "成本指标", "约束性指标"]
    private static let level2Prefixes = [
        "数量指标", "质量指标", "时效指标", "时效性指标", "成本指标", "经济成本指标", "社会成本指标", "生态环境成本指标", "经济效益指标", "社会效益指标",
        "生态效益指标", "可持续影响指标", "服务对象满意度指标", "社会公众或服务对象满意度指标", "资金管理",
    ]
    private static let level2Words: Set<String> = ["社会效益", "经济效益", "生态效益", "可持续影响"]

    /// The 一级 a 二级 belongs to in the national template; `nil` for 成本指标, which is both.
    static func impliedLevel1(of level2: String) -> String? {
        if ["数量指标", "质量指标", "时效指标", "时效性指标"].contains(where: level2.hasPrefix) { return "产出指标" }
        if ["经济效益", "社会效益", "生态效益", "可持续影响"].contains(where: level2.hasPrefix) { return "效益指标" }
        if level2.hasByteSuffix("满意度指标") { return "满意度指标" }
        return nil
    }

    private static func level1(_ key: String) -> String? {
        let base = String(key.prefix { $0 != "(" })
        return level1Words.contains(base) ? base : nil
    }

    private static func isLevel2(_ key: String) -> Bool {
        level2Words.contains(key) || level2Prefixes.contains(where: key.hasPrefix)
    }

    /// An indicator row: leading 一级/二级 words (else inherited), then 三级, target, actual and the scores.
    private func indicator(
        _ tokens: [Token], kind: SelfEvaluation.Kind, level1: inout String, level2: inout String, group: inout String?,
        table: inout SelfEvaluation, nameColumn: Int, source: SourceLocation
    ) -> Indicator? {
        // A level word in the 三级 column or right of it: the row is shifted.
        let isShifted = tokens.contains { token in
            token.position >= nameColumn
                && (SelfEvaluationParser.level1(token.key) != nil || SelfEvaluationParser.isLevel2(token.key))
        }
        var keyed = tokens
        if let first = keyed.first, ["年度绩效指标", "绩效指标"].contains(first.key) { keyed.removeFirst() }
        if let first = keyed.first, let word = SelfEvaluationParser.level1(first.key) {
            let followedByLevel2 = keyed.count > 1 && SelfEvaluationParser.isLevel2(keyed[1].key)
            if !SelfEvaluationParser.isLevel2(word) || followedByLevel2 {
                level1 = word
                level2 = ""
                if let points = SelfEvaluationParser.points(in: first.key) {
                    table.groupPoints[word] = points
                    group = word
                } else if kind != .department {
                    group = table.groupPoints[word] != nil ? word : group
                }
                keyed.removeFirst()
            }
        }
        if let first = keyed.first, SelfEvaluationParser.isLevel2(first.key) {
            level2 = first.key
            keyed.removeFirst()
            // A 二级 under the wrong 一级 (the table left its 一级 cell out): the 一级 it belongs to.
            if let implied = SelfEvaluationParser.impliedLevel1(of: level2), implied != level1, !level1.hasBytePrefix("约束性"),
                kind != .department
            {
                level1 = implied
            }
        }
        var rest = keyed.map(\.text)
        guard rest.count >= 2 else { return nil }
        let name = rest.removeFirst()
        var weight: Score?
        var score: Score?
        var reason: String?
        switch kind {
        case .project:
            // …, 分值, 得分[, 偏差原因]: the last two numbers in a row.
            if let end = rest.indices.reversed().first(where: { $0 > 0 && Score(parsing: rest[$0]) != nil && Score(parsing: rest[$0 - 1]) != nil }),
                end >= 2
            {
                weight = Score(parsing: rest[end - 1])
                score = Score(parsing: rest[end])
                let tail = rest[(end + 1)...].joined(separator: " ")
                reason = tail.isEmpty ? nil : tail
                rest = Array(rest[..<(end - 1)])
            }
        case .hubeiProject, .department:
            if rest.count >= 3, let last = rest.last, let value = Score(parsing: last) {
                score = value
                rest.removeLast()
            }
        case .transfer:
            if rest.count >= 3 {
                reason = rest[2...].joined(separator: " ")
                rest = Array(rest[..<2])
            }
        }
        guard let target = rest.first else { return nil }
        let actualText = rest.dropFirst().joined(separator: " ")
        var indicator = Indicator(
            level1: level1, level2: level2, name: name, target: IndicatorValue(parsing: target),
            actual: actualText.isEmpty ? nil : IndicatorValue(parsing: actualText), weight: weight, statedScore: score,
            deviationReason: reason, group: group, source: source)
        indicator.isShifted = isShifted
        return indicator
    }

    /// The goal rows: the first holds the expected goal and what was achieved; later rows continue the goal.
    private static func goal(from rows: [[String]]) -> (String?, String?) {
        guard let first = rows.first, let goal = first.first else { return (nil, nil) }
        let achieved = first.count > 1 ? first.last : nil
        let continued = rows.dropFirst().flatMap { $0 }.joined()
        return (goal + continued, achieved)
    }
}

extension String {
    /// The string without the given characters (and whitespace) at either end.
    func trimming(_ characters: String) -> String {
        var result = Substring(self)
        while let first = result.first, characters.contains(first) || first.isWhitespace { result.removeFirst() }
        while let last = result.last, characters.contains(last) || last.isWhitespace { result.removeLast() }
        return String(result)
    }
}
