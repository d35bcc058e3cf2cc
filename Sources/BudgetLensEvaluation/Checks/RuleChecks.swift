import Foundation
import BudgetLensCore

/// Scores re-derived from their own rule where the report states the evidence (DOMAIN §4.3):
/// R-3 (a per-case deduction: the points lost are a multiple of the amount per case), R-BASIS (the deductions the
/// 得失分依据 lists add up to 分值 − 得分), R-1 (`得分=96.72%*3=2.9`), R-6 (预算执行进度 by 2-point steps).
enum RuleChecks {
    /// The findings, and the scores re-derived by indicator index.
    static func run(_ report: EvaluationReport) -> (findings: [Finding], recomputed: [Int: Score]) {
        let cases = CaseCountCheck.run(report)
        var findings = cases.findings
        var recomputed = cases.recomputed
        for (index, indicator) in report.indicators.enumerated() {
            if !cases.covered.contains(index) {
                findings += perCase(indicator, composite: report.compositeWeights != nil)
            }
            for (found, score) in [basis(indicator), ratio(indicator), progress(indicator)] {
                findings += found
                if let score { recomputed[index] = score }
            }
        }
        let adjustment = AdjustmentCheck.run(report)
        findings += adjustment.findings
        if let (index, score) = adjustment.recomputed { recomputed[index] = score }
        return (findings, recomputed)
    }

    /// True for the 预算执行进度 rule R-6 reads (`低于…两个百分点(含)以内的，扣0.1分…以此类推`).
    static func isProgressRule(_ rule: String) -> Bool {
        TextNormalization.key(rule).containsText("两个百分点(含)以内的,扣0.1分")
    }

    /// The amounts `x` of every `扣x分` in `text`, in hundredths.
    static func deductions(in text: String) -> [Int64] {
        let key = TextNormalization.key(text)
        var amounts: [Int64] = []
        var rest = key[...]
        while let range = rest.byteRange(of: "扣") {
            let after = rest[range.upperBound...]
            let digits = after.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            if !digits.isEmpty, after.dropFirst(digits.count).hasPrefix("分"),
                let value = ReportParsing.bounded(Score(parsing: digits))
            {
                amounts.append(value.hundredths)
            }
            rest = after
        }
        return amounts
    }

    private static func gcd(_ a: Int64, _ b: Int64) -> Int64 { b == 0 ? a : gcd(b, a % b) }

    /// R-3: a rule of per-case deductions only (`每发现一笔…扣0.5分，扣完为止`, no percentages) allows only
    /// multiples of its amounts. Checked on a single unit's score: the only score, or the 非现场 score (the 市直
    /// records) where the report combines evaluations; means over units (现场, 综合) are not checked.
    private static func perCase(_ indicator: Indicator, composite: Bool) -> [Finding] {
        let rule = TextNormalization.key(indicator.rule)
        guard let weight = indicator.weight, rule.containsText("每"), !rule.containsText("%"), !rule.containsText("百分点"),
            !rule.containsText("比例"), !rule.containsText("=")
        else { return [] }
        let amounts = deductions(in: rule)
        guard let first = amounts.first, first > 0 else { return [] }
        let step = amounts.dropFirst().reduce(first) { gcd($0, $1) }
        let column: ScoreColumn = composite ? .nonField : .score
        guard let score = indicator.scores[column], score > .zero, score <= weight else { return [] }
        let lost = (weight - score).hundredths
        guard lost % step != 0 else { return [] }
        let stepScore = Score(hundredths: step)
        let cases = Double(lost) / Double(step)
        return [
            ScoreFinding.make(
                "R-3", .error,
                zh: "\(indicator.label)：评分办法每处扣\(stepScore)分，\(column.chineseName) \(score.fixed) 扣了 \((weight - score).fixed) 分，"
                    + "不是\(stepScore)分的整数倍（相当于\(String(format: "%.1f", cases))处）",
                en: "\(indicator.label): the rule deducts \(stepScore) per case, but the \(column.rawValue) score \(score.fixed) "
                    + "loses \((weight - score).fixed), not a multiple of \(stepScore)",
                table: "得分表", item: indicator.label, source: indicator.scoreSource ?? indicator.source,
                expected: nil, actual: score)
        ]
    }

    /// R-BASIS: `扣 x 分` amounts in the 得失分依据 add up to 分值 − 得分 (floored at zero: 扣完为止).
    /// Not used where R-6 re-derives the score from the rule itself (the 得失分依据's node deductions are then
    /// checked against the rule, not summed).
    private static func basis(_ indicator: Indicator) -> ([Finding], Score?) {
        guard let weight = indicator.weight, let score = indicator.scores[.score], !indicator.basis.isEmpty,
            !isProgressRule(indicator.rule)
        else {
            return ([], nil)
        }
        let amounts = deductions(in: indicator.basis)
        guard !amounts.isEmpty else { return ([], nil) }
        let expected = Score(hundredths: max(0, weight.hundredths - amounts.reduce(0, +)))
        guard expected != score else { return ([], expected) }
        let terms = amounts.map { Score(hundredths: $0).description }.joined(separator: " − ")
        return ([
            ScoreFinding.make(
                "R-BASIS", .error,
                zh: "\(indicator.label)：得失分依据 \(weight) − \(terms) = \(expected)，得分为 \(score)",
                en: "\(indicator.label): the 得失分依据 gives \(weight) − \(terms) = \(expected), the score is \(score)",
                table: "得分表", item: indicator.label, source: indicator.scoreSource ?? indicator.source,
                expected: expected, actual: score)
        ], expected)
    }

    /// R-1: `得分=96.72%*3=2.9分` in the 得失分依据: the product rounded to the printed decimals.
    private static func ratio(_ indicator: Indicator) -> ([Finding], Score?) {
        let key = TextNormalization.key(indicator.basis)
        guard let range = key.byteRange(of: "得分="), let score = indicator.scores[.score] else { return ([], nil) }
        let formula = key[range.upperBound...]
        guard let percentEnd = formula.firstIndex(of: "%"),
            let rate = ReportParsing.bounded(Score(parsing: formula[..<percentEnd]))
        else {
            return ([], nil)
        }
        let afterPercent = formula[formula.index(after: percentEnd)...]
        guard afterPercent.hasPrefix("*") || afterPercent.hasPrefix("×") else { return ([], nil) }
        let weightText = afterPercent.dropFirst().prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        guard let weight = ReportParsing.bounded(Score(parsing: weightText)) else { return ([], nil) }
        // rate (hundredths of %) × weight (hundredths) / 10_000 → hundredths of a point.
        let expected = Score(hundredths: ScoreFinding.roundedDivision(rate.hundredths * weight.hundredths, 10_000))
        let capped = min(expected, weight)
        // The score may be printed with one decimal (`2.9`): compare at the printed precision.
        let printedOneDecimal = score.hundredths % 10 == 0
        let comparable = printedOneDecimal ? Score(hundredths: ScoreFinding.roundedDivision(capped.hundredths, 10) * 10) : capped
        guard comparable != score else { return ([], capped) }
        return ([
            ScoreFinding.make(
                "R-1", .error,
                zh: "\(indicator.label)：\(rate)% × \(weight) = \(capped.fixed)，得分为 \(score)",
                en: "\(indicator.label): \(rate)% × \(weight) = \(capped.fixed), the score is \(score)",
                table: "得分表", item: indicator.label, source: indicator.scoreSource ?? indicator.source,
                expected: capped, actual: score)
        ], capped)
    }

    /// R-6 (seed 003 (3) 预算执行进度): at each time node the rule deducts 0.1 per started 2 points below the
    /// target (`低于…两个百分点(含)以内的，扣0.1分；低于2—4个百分点(含)的，扣0.2分；以此类推，扣完为止`).
    /// A node whose printed deduction differs is a warning; the score an error only when it differs.
    private static func progress(_ indicator: Indicator) -> ([Finding], Score?) {
        guard isProgressRule(indicator.rule), let weight = indicator.weight, let score = indicator.scores[.score]
        else { return ([], nil) }
        var findings: [Finding] = []
        var total: Int64 = 0
        let basis = TextNormalization.key(indicator.basis)
        for clause in basis.split(separator: ";") {
            // `9月底…预算执行进度61.57%,低于75%,扣0.67分`
            guard let progressRange = clause.byteRange(of: "预算执行进度") else { continue }
            let after = clause[progressRange.upperBound...]
            let actualText = after.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard let actual = ReportParsing.bounded(Score(parsing: actualText)), let belowRange = after.byteRange(of: "低于")
            else { continue }
            let targetText = after[belowRange.upperBound...].prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard let target = ReportParsing.bounded(Score(parsing: targetText)), target > actual else { continue }
            let shortfall = (target - actual).hundredths
            let steps = (shortfall + 199) / 200
            let deduction = Score(hundredths: steps * 10)
            total += deduction.hundredths
            let printed = deductions(in: String(clause)).first.map { Score(hundredths: $0) }
            if let printed, printed != deduction {
                findings.append(
                    ScoreFinding.make(
                        "R-6", .warning,
                        zh: "\(indicator.label)：进度 \(actual)% 低于 \(target)% 共 \((target - actual).fixed) 个百分点，按评分办法每2个百分点（含）扣0.1分应扣 \(deduction)，得失分依据扣 \(printed)",
                        en: "\(indicator.label): progress \(actual)% is \((target - actual).fixed) points below \(target)%; the rule deducts 0.1 per started 2 points = \(deduction), the 得失分依据 deducts \(printed)",
                        table: "得分表", item: indicator.label, source: indicator.scoreSource ?? indicator.source,
                        expected: deduction, actual: printed))
            }
        }
        guard total > 0 else { return (findings, nil) }
        let expected = Score(hundredths: max(0, weight.hundredths - total))
        if expected != score {
            findings.append(
                ScoreFinding.make(
                    "R-6", .error,
                    zh: "\(indicator.label)：按评分办法扣 \(Score(hundredths: total)) 分，应得 \(expected)，得分为 \(score)",
                    en: "\(indicator.label): the rule deducts \(Score(hundredths: total)), giving \(expected); the score is \(score)",
                    table: "得分表", item: indicator.label, source: indicator.scoreSource ?? indicator.source,
                    expected: expected, actual: score))
        }
        return (findings, expected)
    }
}
