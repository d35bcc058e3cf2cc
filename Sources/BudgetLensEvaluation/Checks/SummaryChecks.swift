import BudgetLensCore

/// The summary identities (DOMAIN §4.4): E-1 sums, E-2 扣分, E-3 得分率, E-4 分值 = 100, E-5 one figure printed
/// the same everywhere (tables, paragraph statements, stated totals).
enum SummaryChecks {
    static func run(_ report: EvaluationReport) -> [Finding] {
        var findings: [Finding] = []
        for table in report.summaries {
            findings += identities(table, report)
        }
        findings += repeated(report)
        findings += statementRates(report)
        findings += scoreTableTotals(report)
        return findings
    }

    /// E-1 on the 得分表: its 合计/总计 row = Σ of its scored rows (三级 without details, and 指标明细), per column.
    private static func scoreTableTotals(_ report: EvaluationReport) -> [Finding] {
        var findings: [Finding] = []
        let scored = report.indicators.indices.filter { report.children(of: $0).isEmpty }.map { report.indicators[$0] }
        for total in report.totals where total.isScoreTableTotal {
            let columns = total.columns.isEmpty ? [ScoreColumn.score: total.score].compactMapValues { $0 } : total.columns
            for (column, printed) in columns.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                let scores = scored.compactMap { $0.scores[column] }
                guard !scores.isEmpty, scores.count == scored.filter({ !$0.scores.isEmpty }).count else { continue }
                let sum = Score(hundredths: scores.reduce(0) { $0 + $1.hundredths })
                let difference = abs(sum.hundredths - printed.hundredths)
                guard difference != 0 else { continue }
                findings.append(
                    ScoreFinding.make(
                        "E-1", .error,
                        zh: "得分表合计\(column.chineseName) \(printed) ≠ 各指标得分之和 \(sum)（\(scores.count)项）",
                        en: "the 得分表 total \(column.rawValue) \(printed) is not the sum of its \(scores.count) scored rows, \(sum)",
                        table: "得分表", item: "合计", source: total.source, expected: sum, actual: printed,
                        rounding: difference <= ScoreFinding.sumTolerance(scores.count)))
            }
        }
        return findings
    }

    private static func identities(_ table: SummaryTable, _ report: EvaluationReport) -> [Finding] {
        var findings: [Finding] = []
        let name = table.title.isEmpty ? "汇总表" : table.title
        let groups = table.groups
        // E-4: weights to 100.
        let weights = groups.compactMap(\.weight)
        if weights.count == groups.count, !groups.isEmpty {
            let sum = Score(hundredths: weights.reduce(0) { $0 + $1.hundredths })
            if sum != Score(points: 100) {
                findings.append(
                    ScoreFinding.make(
                        "E-4", .error, zh: "\(name)：分值之和为 \(sum)，不是100", en: "\(name): the weights add up to \(sum), not 100",
                        table: name, item: "分值", source: table.source, expected: Score(points: 100), actual: sum))
            }
        }
        // E-1: total row = Σ groups, per column.
        if let total = table.total {
            for column in table.columns {
                let scores = groups.compactMap { $0.scores[column] }
                guard scores.count == groups.count, let printed = total.scores[column] else { continue }
                let sum = Score(hundredths: scores.reduce(0) { $0 + $1.hundredths })
                let difference = abs(printed.hundredths - sum.hundredths)
                guard difference != 0 else { continue }
                let terms = scores.map(\.description).joined(separator: " + ")
                findings.append(
                    ScoreFinding.make(
                        "E-1", .error,
                        zh: "\(name) 合计\(column.chineseName) \(printed) ≠ \(terms) = \(sum)",
                        en: "\(name): the total \(column.rawValue) \(printed) is not \(terms) = \(sum)",
                        table: name, item: "合计", source: total.source, expected: sum, actual: printed,
                        rounding: difference <= ScoreFinding.sumTolerance(scores.count)))
            }
        }
        // E-1 against the indicator tree: a 一级's score = Σ of its scored leaves.
        if table.columns == [.score] {
            for row in groups {
                guard let printed = row.scores[.score],
                    let root = report.indicators.firstIndex(where: { $0.level == .first && $0.name == row.name })
                else { continue }
                let leaves = report.leaves(under: root).filter { $0 != root }
                let scores = leaves.compactMap { report.indicators[$0].scores[.score] }
                guard !leaves.isEmpty, scores.count == leaves.count else { continue }
                let sum = Score(hundredths: scores.reduce(0) { $0 + $1.hundredths })
                let difference = abs(printed.hundredths - sum.hundredths)
                guard difference != 0 else { continue }
                findings.append(
                    ScoreFinding.make(
                        "E-1", .error,
                        zh: "\(name) \(row.name) 得分 \(printed) ≠ 其三级指标得分之和 \(sum)",
                        en: "\(name): \(row.name) scores \(printed), its 三级 indicators add up to \(sum)",
                        table: name, item: row.name, source: row.source, expected: sum, actual: printed,
                        rounding: difference <= ScoreFinding.sumTolerance(scores.count)))
            }
        }
        for row in table.rows {
            guard let column = table.mainColumn, let score = row.scores[column], let weight = row.weight else { continue }
            // E-2
            if let deduction = row.deduction, deduction != weight - score {
                let difference = abs((weight - score).hundredths - deduction.hundredths)
                findings.append(
                    ScoreFinding.make(
                        "E-2", .error,
                        zh: "\(name) \(row.name) 扣分 \(deduction) ≠ \(weight) − \(score) = \(weight - score)",
                        en: "\(name) \(row.name): 扣分 \(deduction) is not \(weight) − \(score) = \(weight - score)",
                        table: name, item: row.name, source: row.source, expected: weight - score, actual: deduction,
                        rounding: difference <= 1))
            }
            // E-3
            if let rate = row.rate, let finding = rateFinding(
                rate: rate, decimals: 2, score: score, weight: weight, table: name, item: row.name, source: row.source)
            {
                findings.append(finding)
            }
        }
        return findings
    }

    /// E-3: `rate` against `score / weight`; a rounding warning when `rate` lies between the rates of
    /// `score ± 0.005` (the score is itself rounded), else an error.
    static func rateFinding(
        rate: Score, decimals: Int, score: Score, weight: Score, table: String?, item: String, source: SourceLocation
    ) -> Finding? {
        guard let expected = ScoreFinding.rate(score, of: weight, decimals: decimals), expected != rate else { return nil }
        // The rates of score − 0.005 and score + 0.005, in hundredths of a percent × 2 to stay exact.
        let low = Double(score.hundredths * 2 - 1) / Double(weight.hundredths * 2) * 10_000
        let high = Double(score.hundredths * 2 + 1) / Double(weight.hundredths * 2) * 10_000
        let unit = Double([100, 10, 1][min(max(decimals, 0), 2)])
        let rounding = Double(rate.hundredths) >= (low / unit).rounded(.down) * unit
            && Double(rate.hundredths) <= (high / unit).rounded(.up) * unit
        return ScoreFinding.make(
            "E-3", .error,
            zh: "\(item) 得分率 \(rate)% ≠ \(score) / \(weight) = \(expected)%",
            en: "\(item): 得分率 \(rate)% is not \(score) / \(weight) = \(expected)%",
            table: table, item: item, source: source, expected: expected, actual: rate, rounding: rounding)
    }

    /// E-3 for paragraph statements `分值x分，得分y分，得分率z%`.
    private static func statementRates(_ report: EvaluationReport) -> [Finding] {
        report.scoreStatements.compactMap { statement in
            guard let weight = statement.weight, let score = statement.score, let rate = statement.rate else { return nil }
            return rateFinding(
                rate: rate, decimals: statement.rateDecimals, score: score, weight: weight, table: nil,
                item: statement.subject, source: statement.source)
        }
    }

    /// `项目效益指标` → `效益`; `“决策”` → `决策`; `4.效益` → `效益`.
    static func subjectName(_ subject: String) -> String {
        var key = TextNormalization.key(subject)
        while let first = key.first, first.isASCII, first.isNumber || first == "." { key.removeFirst() }
        if key.hasPrefix("项目") { key.removeFirst(2) }
        if key.hasSuffix("指标") { key.removeLast(2) }
        return key
    }

    /// E-5: the same figure printed with two values.
    private static func repeated(_ report: EvaluationReport) -> [Finding] {
        var findings: [Finding] = []
        struct Seen { var value: Score; var place: String; var source: SourceLocation }
        var seen: [String: Seen] = [:]
        func record(_ key: String, _ what: String, _ value: Score?, _ place: String, _ source: SourceLocation) {
            guard let value else { return }
            guard let first = seen[key] else {
                seen[key] = Seen(value: value, place: place, source: source)
                return
            }
            guard first.value != value else { return }
            findings.append(
                ScoreFinding.make(
                    "E-5", .error,
                    zh: "\(what)在\(first.place)（第\(first.source.line)行）为 \(first.value)，在\(place)为 \(value)",
                    en: "\(what) is printed as \(first.value) in \(first.place) (line \(first.source.line)) and as \(value) in \(place)",
                    table: place, item: what, source: source, expected: first.value, actual: value))
        }
        for table in report.summaries {
            let place = table.title.isEmpty ? "汇总表" : table.title
            for row in table.rows {
                let name = row.isTotal ? "合计" : row.name
                for (column, score) in row.scores { record("\(name)|\(column)", "\(name)\(column.chineseName)", score, place, row.source) }
                if let main = table.mainColumn {
                    record("\(name)|rate|\(main)", "\(name)得分率", row.rate, place, row.source)
                    record("\(name)|deduction|\(main)", "\(name)扣分", row.deduction, place, row.source)
                }
            }
        }
        let mainColumn = report.summaries.first?.mainColumn ?? .score
        let groups = Set(report.summaries.flatMap { $0.groups.map(\.name) })
        for statement in report.scoreStatements {
            let name = subjectName(statement.subject)
            guard groups.contains(name) else { continue }
            record("\(name)|\(mainColumn)", "\(name)\(mainColumn.chineseName)", statement.score, "正文", statement.source)
            if statement.rateDecimals == 2 {
                record("\(name)|rate|\(mainColumn)", "\(name)得分率", statement.rate, "正文", statement.source)
            }
        }
        for total in report.totals where total.columns.isEmpty {
            record("合计|\(mainColumn)", "总分", total.score, "正文", total.source)
        }
        return findings
    }
}
