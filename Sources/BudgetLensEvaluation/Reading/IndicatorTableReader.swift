import BudgetLensCore

/// Reads the indicator tables of a report: the 指标体系 (一级 · 二级 · 三级 · 指标解释 · 评分办法 · 数据来源) and the
/// 得分表 (… · 得分 · 得失分依据, or 非现场得分 · 现场得分 · 综合得分), tab-separated, header repeated after page breaks.
///
/// A table with one score column is read as a tree: an empty cell or `续上页` continues the indicator above, and the
/// 三级 rows of the system and of the 得分表 are merged by code (`(3)`) or name. A table with several score columns
/// (seed 000's 附件2, whose labels sit in the middle of their merged cells) is read row by row as flat scored rows:
/// a 三级 row when its 指标解释 is an explanation, an 指标明细 row when that cell holds a short name. Tables that
/// restate one 一级 with a 分值 column (seed 000 表9/11/14/22) are skipped.
struct IndicatorTableReader {
    let text: ReportText

    private struct Roles {
        var hierarchy: [Int] = []
        var explanation: Int?
        var rule: Int?
        var dataSource: Int?
        var basis: Int?
        var weight: Int?
        var detail: Int?
        var scores: [(Int, ScoreColumn)] = []
        var signature = ""
    }

    /// Reads every indicator table in `range` into `report`.
    func read(into report: inout EvaluationReport, range: Range<Int>) {
        var currents: [String: [Int?]] = [:]
        var index = range.lowerBound
        while index < range.upperBound {
            guard text.isTableRow(index), let roles = roles(index) else {
                index += 1
                continue
            }
            // A table with neither rules nor scores (a 绩效目标表 with the same first columns) is no indicator system.
            if roles.rule == nil, roles.basis == nil, roles.scores.isEmpty {
                index += 1
                continue
            }
            // Per-一级 restatements with a 分值 column (seed 000 表9/11/14/22) are not read: 附件2 has the scores.
            if roles.weight != nil, roles.scores.count < 2 {
                index += 1
                continue
            }
            var current = currents[roles.signature] ?? [nil, nil, nil]
            var row = index + 1
            while row < range.upperBound, text.isTableRow(row) || text.isBlank(row) {
                if text.isTableRow(row), self.roles(row) == nil {
                    if roles.scores.count >= 2 {
                        readFlatRow(row, roles: roles, into: &report)
                    } else {
                        readTreeRow(row, roles: roles, current: &current, into: &report)
                    }
                } else if text.isTableRow(row) {
                    break
                }
                row += 1
            }
            currents[roles.signature] = current
            index = row
        }
    }

    private func roles(_ index: Int) -> Roles? {
        let keys = text.fieldKeys(index)
        guard keys.count >= 4, keys[0].hasPrefix("一级"), keys[1].hasPrefix("二级"), keys[2].hasPrefix("三级") else {
            return nil
        }
        var roles = Roles(hierarchy: [0, 1, 2], signature: keys.joined(separator: "|"))
        for (column, key) in keys.enumerated().dropFirst(3) {
            switch key {
            case _ where key.containsText("得分率"): break
            case _ where key.containsText("非现场"): roles.scores.append((column, .nonField))
            case _ where key.containsText("现场"): roles.scores.append((column, .field))
            case _ where key.containsText("综合得分"): roles.scores.append((column, .composite))
            case _ where key.containsText("得失分"): roles.basis = column
            case _ where key.containsText("指标明细"): roles.detail = column
            case _ where key.containsText("解释"): roles.explanation = column
            case _ where key.containsText("评分") || key.containsText("评价标准"): roles.rule = column
            case _ where key.containsText("来源"): roles.dataSource = column
            case _ where key.containsText("分值"): roles.weight = column
            case _ where key.containsText("得分"): roles.scores.append((column, .score))
            default: break
            }
        }
        return roles
    }

    private func cell(_ fields: [String], _ column: Int?) -> String {
        guard let column, column < fields.count else { return "" }
        return fields[column]
    }

    // MARK: Tree tables (one score column)

    private func readTreeRow(_ row: Int, roles: Roles, current: inout [Int?], into report: inout EvaluationReport) {
        let fields = text.fields(row)
        if roles.hierarchy.contains(where: { ReportParsing.isTotal(cell(fields, $0)) }) {
            let score = roles.scores.first.flatMap { ReportParsing.score(cell(fields, $0.0)) }
            report.totals.append(
                StatedTotal(score: score, grade: nil, isScoreTableTotal: true, source: text.location(row)))
            return
        }
        let detailLabel = roles.detail.flatMap { IndicatorLabel(cell(fields, $0)) }
        for (depth, column) in roles.hierarchy.enumerated() {
            guard let label = IndicatorLabel(cell(fields, column)) else { continue }
            let parent = depth == 0 ? nil : current[depth - 1]
            let level = IndicatorLevel(rawValue: depth + 1) ?? .third
            current[depth] = indicator(level: level, label: label, parent: parent, row: row, in: &report)
            for deeper in (depth + 1)..<current.count { current[deeper] = nil }
        }
        var target = current[2]
        if let detailLabel {
            target = indicator(level: .detail, label: detailLabel, parent: current[2], row: row, in: &report)
        }
        guard let target else { return }
        apply(fields, roles: roles, row: row, to: target, in: &report)
    }

    /// The index of the indicator `label` names under `parent`, created when new.
    private func indicator(
        level: IndicatorLevel, label: IndicatorLabel, parent: Int?, row: Int, in report: inout EvaluationReport
    ) -> Int {
        if let found = report.indicators.firstIndex(where: {
            $0.level == level
                && (!label.code.isEmpty && $0.code == label.code && level >= .third
                    || $0.name == label.name && (level == .first || $0.parent == parent))
        }) {
            if report.indicators[found].weight == nil { report.indicators[found].weight = label.weight }
            return found
        }
        var indicator = Indicator(
            level: level, code: label.code, name: label.name, weight: label.weight, source: text.location(row))
        indicator.parent = parent
        report.indicators.append(indicator)
        return report.indicators.count - 1
    }

    private func apply(_ fields: [String], roles: Roles, row: Int, to target: Int, in report: inout EvaluationReport) {
        func keep(_ column: Int?, _ path: WritableKeyPath<Indicator, String>) {
            let value = cell(fields, column)
            if !value.isEmpty { report.indicators[target][keyPath: path] = value }
        }
        keep(roles.explanation, \.explanation)
        keep(roles.rule, \.rule)
        keep(roles.dataSource, \.dataSource)
        keep(roles.basis, \.basis)
        if let weightColumn = roles.weight, let weight = ReportParsing.score(cell(fields, weightColumn)),
            report.indicators[target].weight == nil
        {
            report.indicators[target].weight = weight
        }
        for (column, kind) in roles.scores {
            guard let score = ReportParsing.score(cell(fields, column)) else { continue }
            report.indicators[target].scores[kind] = score
            report.indicators[target].scoreSource = text.location(row)
        }
    }

    // MARK: Flat tables (several score columns)

    private static let explanationWords = ["用以", "是否", "考核", "反映"]

    private func readFlatRow(_ row: Int, roles: Roles, into report: inout EvaluationReport) {
        let fields = text.fields(row)
        let labels = roles.hierarchy.compactMap { IndicatorLabel(cell(fields, $0)) }
        var scores: [ScoreColumn: Score] = [:]
        for (column, kind) in roles.scores {
            if let score = ReportParsing.score(cell(fields, column)) { scores[kind] = score }
        }
        guard !scores.isEmpty else { return }
        if labels.contains(where: { ReportParsing.isTotal($0.name) }) {
            report.totals.append(
                StatedTotal(
                    score: scores[.composite] ?? scores[.score], grade: nil, columns: scores, isScoreTableTotal: true,
                    source: text.location(row)))
            return
        }
        let explanation = cell(fields, roles.explanation)
        let explanationKey = TextNormalization.key(explanation)
        let isDetail = explanationKey.count <= 60 && !Self.explanationWords.contains { explanationKey.contains($0) }
        let rule = cell(fields, roles.rule)
        var indicator: Indicator
        if isDetail {
            let name = explanationKey.isEmpty ? (labels.last { $0.code.isEmpty }?.name ?? "") : explanationKey
            if name.isEmpty {
                report.problems.append(
                    ReadProblem(
                        code: "indicator.unnamed", severity: .warning,
                        message: "a scored 指标明细 row prints no name; it is kept without one",
                        source: text.location(row)))
            }
            indicator = Indicator(
                level: .detail, code: "", name: name, weight: IndicatorLabel.pointsListed(in: rule),
                source: text.location(row))
        } else {
            let label = labels.last { $0.code.hasPrefix("C") } ?? labels.last
            indicator = Indicator(
                level: .third, code: label?.code ?? "", name: label?.name ?? "", weight: label?.weight,
                source: text.location(row))
            indicator.explanation = explanation
        }
        indicator.rule = rule
        indicator.scores = scores
        indicator.scoreSource = text.location(row)
        report.indicators.append(indicator)
    }
}
