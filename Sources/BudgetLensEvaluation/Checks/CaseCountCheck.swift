import BudgetLensCore

/// R-3 with its evidence (DOMAIN §4.3 R-3): where a table lists the cases of a per-case indicator by unit (seed 000
/// 表19–21, late payments), the indicator's scores are re-derived from the counts: the 非现场 score from the 市直
/// unit's cases, the 现场 score as the mean of the field units' scores (表8), each `分值 − cases × amount`, down to 0.
///
/// The table belongs to the indicator named by the paragraph above it (`(2) 生育医疗及生育津贴支出拨付及时率，分值2分…`),
/// matched to the 得分表 row by name (shared two-character runs, at least half).
enum CaseCountCheck {
    /// The findings, and the indices of the indicators re-derived (R-3's rule-only check then stays silent).
    static func run(_ report: EvaluationReport) -> (findings: [Finding], covered: Set<Int>, recomputed: [Int: Score]) {
        var findings: [Finding] = []
        var covered: Set<Int> = []
        var recomputed: [Int: Score] = [:]
        for table in report.caseTables {
            guard let statement = report.scoreStatements.last(where: { $0.source.line < table.source.line }),
                let index = match(statement.subject, in: report), let weight = report.indicators[index].weight
            else { continue }
            let indicator = report.indicators[index]
            let amounts = RuleChecks.deductions(in: indicator.rule)
            guard let per = amounts.first, amounts.allSatisfy({ $0 == per }), per > 0 else { continue }
            covered.insert(index)
            let perScore = Score(hundredths: per)
            func score(_ cases: Int) -> Int64 { max(0, weight.hundredths - Int64(cases) * per) }
            let column: ScoreColumn = report.compositeWeights == nil ? .score : .nonField
            let cityCases = table.count(of: "市直")
            let city = Score(hundredths: score(cityCases))
            var derived: [ScoreColumn: Score] = [column: city]
            if let printed = indicator.scores[column], printed != city {
                findings.append(
                    ScoreFinding.make(
                        "R-3", .error,
                        zh: "\(indicator.label)：\(table.title)列市直\(cityCases)笔，评分办法每笔扣\(perScore)分，\(column.chineseName)应为 \(weight) − \(cityCases) × \(perScore) = \(city.fixed)，报告为 \(printed.fixed)",
                        en: "\(indicator.label): \(table.title) lists \(cityCases) cases for 市直; at \(perScore) per case the \(column.rawValue) score is \(weight) − \(cityCases) × \(perScore) = \(city.fixed), the report prints \(printed.fixed)",
                        table: "得分表", item: indicator.label, source: indicator.scoreSource ?? indicator.source,
                        expected: city, actual: printed))
            }
            if column == .nonField, !report.fieldUnits.isEmpty {
                let scores = report.fieldUnits.map { score(table.count(of: $0)) }
                let mean = Score(hundredths: ScoreFinding.roundedDivision(scores.reduce(0, +), Int64(scores.count)))
                derived[.field] = mean
                if let printed = indicator.scores[.field], printed != mean {
                    let detail = report.fieldUnits.map { "\($0)\(table.count(of: $0))" }.joined(separator: "、")
                    findings.append(
                        ScoreFinding.make(
                            "R-3", .error,
                            zh: "\(indicator.label)：\(table.title)按现场单位（\(detail)笔）每笔扣\(perScore)分，现场得分应为各单位得分均值 \(mean.fixed)，报告为 \(printed.fixed)",
                            en: "\(indicator.label): by \(table.title) (\(detail) cases) at \(perScore) per case, the field score, the mean over the units, is \(mean.fixed); the report prints \(printed.fixed)",
                            table: "得分表", item: indicator.label, source: indicator.scoreSource ?? indicator.source,
                            expected: mean, actual: printed))
                }
            }
            if let weights = report.compositeWeights, let nonField = derived[.nonField], let field = derived[.field] {
                let exact = nonField.hundredths * weights.nonField + field.hundredths * weights.field
                recomputed[index] = Score(hundredths: ScoreFinding.roundedDivision(exact, 100))
            } else {
                recomputed[index] = derived[column]
            }
        }
        return (findings, covered, recomputed)
    }

    /// The scored row whose name shares the most two-character runs with `subject` (at least half of its own).
    private static func match(_ subject: String, in report: EvaluationReport) -> Int? {
        var key = TextNormalization.key(subject)
        if key.hasPrefix("("), let close = key.firstIndex(of: ")") { key = String(key[key.index(after: close)...]) }
        let wanted = bigrams(key)
        guard !wanted.isEmpty else { return nil }
        var best: (index: Int, score: Double)?
        for (index, indicator) in report.indicators.enumerated() where report.children(of: index).isEmpty {
            let own = bigrams(indicator.name)
            guard !own.isEmpty else { continue }
            let shared = Double(own.intersection(wanted).count) / Double(max(own.count, wanted.count))
            if shared >= 0.5, shared > (best?.score ?? 0) { best = (index, shared) }
        }
        return best?.index
    }

    private static func bigrams(_ text: String) -> Set<String> {
        let characters = Array(TextNormalization.key(text))
        guard characters.count >= 2 else { return [] }
        return Set((0..<(characters.count - 1)).map { String(characters[$0...($0 + 1)]) })
    }
}
