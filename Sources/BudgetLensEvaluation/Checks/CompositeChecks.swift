import BudgetLensCore

/// R-11: 综合得分 = 非现场 × w₁ + 现场 × w₂ with the weights the report states (`非现场评价得分40%、现场评价得分60%`),
/// rounded half up to 0.01, on every row that prints all three: summary rows, scored rows, the 总计 row.
/// A difference of 0.01 is a rounding warning (the report rounds per row and sums; it does not state the order).
enum CompositeChecks {
    static func run(_ report: EvaluationReport) -> (findings: [Finding], recomputed: [Int: Score]) {
        guard let weights = report.compositeWeights else { return ([], [:]) }
        var findings: [Finding] = []
        var recomputed: [Int: Score] = [:]
        @discardableResult
        func check(_ scores: [ScoreColumn: Score], item: String, table: String?, source: SourceLocation) -> Score? {
            guard let nonField = scores[.nonField], let field = scores[.field], let printed = scores[.composite] else {
                return nil
            }
            // In ten-thousandths of a point: hundredths × percent.
            let exact = nonField.hundredths * weights.nonField + field.hundredths * weights.field
            let expected = Score(hundredths: ScoreFinding.roundedDivision(exact, 100))
            guard expected != printed else { return expected }
            let difference = abs(expected.hundredths - printed.hundredths)
            let w1 = Score(hundredths: weights.nonField), w2 = Score(hundredths: weights.field)
            let formula = "\(w1.description) × \(nonField.fixed) + \(w2.description) × \(field.fixed) = \(Score(hundredths: exact / 100).fixed)\(exact % 100 == 0 ? "" : "…") → \(expected.fixed)"
            findings.append(
                ScoreFinding.make(
                    "R-11", .error,
                    zh: "\(item) 综合得分：\(formula)，报告为 \(printed.fixed)" + (difference <= 1 ? "（相差0.01，舍入次序所致，报告未说明舍入次序）" : ""),
                    en: "\(item) composite: \(formula), the report prints \(printed.fixed)"
                        + (difference <= 1 ? " (0.01 apart: the rounding order, which the report does not state)" : ""),
                    table: table, item: item, source: source, expected: expected, actual: printed,
                    rounding: difference <= 1))
            return expected
        }
        for table in report.summaries where table.columns.contains(.composite) {
            for row in table.rows {
                check(row.scores, item: row.name, table: table.title, source: row.source)
            }
        }
        for (index, indicator) in report.indicators.enumerated() {
            recomputed[index] = check(
                indicator.scores, item: indicator.label, table: "得分表", source: indicator.scoreSource ?? indicator.source)
        }
        for total in report.totals where !total.columns.isEmpty {
            check(total.columns, item: "总计", table: "得分表", source: total.source)
        }
        // Where the 得分表's rows are composites, say whether the printed totals are their sum (the rounding order).
        let rows = report.indicators.compactMap { $0.scores[.composite] }
        if !rows.isEmpty {
            let sum = Score(hundredths: rows.reduce(0) { $0 + $1.hundredths })
            for index in findings.indices where findings[index].rule == "R-11" && findings[index].isRounding {
                guard case .text(let printed) = findings[index].actual, printed == sum.fixed else { continue }
                findings[index].message += "；得分表\(rows.count)行综合得分之和为 \(sum.fixed)，即报告先逐行舍入再求和"
                findings[index].messageEnglish += "; the \(rows.count) rows' composites of the 得分表 add up to \(sum.fixed): the report rounds per row, then sums"
            }
        }
        return (findings, recomputed)
    }
}
