import Foundation
import BudgetLensCore

/// M-ADJ and R-10 (DOMAIN §4.3 R-10, §4.5): a stated mid-year adjustment (`年初预算…12847.65万元…调减预算
/// 1268.369万元，调整比例未超过…10%`) against the report's own 年初预算数 → 全年预算数 (总览表), and the score of
/// the indicator whose 得失分依据 states it, under its own rule (`年中调剂比例超过年初预算总额10%及以上的，扣0.1分，
/// 在此基础上每增加1个百分点，扣0.1分，2分扣完为止`).
enum AdjustmentCheck {
    static func run(_ report: EvaluationReport) -> (findings: [Finding], recomputed: (Int, Score)?) {
        guard let adjustment = report.budgetAdjustment, let figures = report.budgetFigures,
            adjustment.initialBudget == figures.initial
        else { return ([], nil) }
        let change = figures.initial - figures.annual  // a cut when positive
        let stated = adjustment.isCut ? adjustment.adjustment : Money(fen: -adjustment.adjustment.fen)
        guard stated != change, figures.initial.fen > 0,
            !abs(change.fen).multipliedReportingOverflow(by: 10_000).overflow,
            !abs(stated.fen).multipliedReportingOverflow(by: 10_000).overflow
        else { return ([], nil) }
        let unit = MoneyUnit.wanYuan
        // Percent of the initial budget, in hundredths of a percent (ROUND_HALF_UP).
        let percent = Score(hundredths: ScoreFinding.roundedDivision(abs(change.fen) * 10_000, figures.initial.fen))
        let statedPercent = Score(
            hundredths: ScoreFinding.roundedDivision(abs(stated.fen) * 10_000, figures.initial.fen))
        let expectedAnnual = figures.initial - stated
        var findings = [
            Finding(
                rule: "M-ADJ", severity: .error,
                message: "文中称调\(adjustment.isCut ? "减" : "增")预算 \(adjustment.adjustment.decimalString(in: unit, minimumFractionDigits: 2))万元（\(statedPercent)%）"
                    + "\(adjustment.claimedBelowPercent.map { "、未超过\($0)%" } ?? "")，但年初预算 \(figures.initial.decimalString(in: unit))"
                    + " → 全年预算 \(figures.annual.decimalString(in: unit)) 相差 \(change.decimalString(in: unit))万元（\(percent)%）",
                messageEnglish: "the text states a \(adjustment.isCut ? "cut" : "rise") of \(adjustment.adjustment.decimalString(in: unit)) 万元 (\(statedPercent)%)"
                    + "\(adjustment.claimedBelowPercent.map { ", under \($0)%" } ?? ""), but 年初预算 \(figures.initial.decimalString(in: unit))"
                    + " → 全年预算 \(figures.annual.decimalString(in: unit)) is a change of \(change.decimalString(in: unit)) 万元 (\(percent)%)",
                location: FindingLocation(item: "年中预算调整", source: adjustment.source),
                expected: .amount(expectedAnnual, formula: "\(figures.initial.decimalString(in: unit)) − \(stated.decimalString(in: unit))"),
                actual: .amount(figures.annual, formula: ""), difference: figures.annual - expectedAnnual)
        ]
        let rescored = rescored(report, percent: percent, adjustment: adjustment)
        if let rescored { findings.append(rescored.finding) }
        return (findings, rescored.map { ($0.index, $0.score) })
    }

    /// The indicator whose 得失分依据 states the adjustment, re-scored under its 年中调剂比例 rule.
    private static func rescored(
        _ report: EvaluationReport, percent: Score, adjustment: BudgetAdjustment
    ) -> (finding: Finding, index: Int, score: Score)? {
        guard let index = report.indicators.firstIndex(where: {
                TextNormalization.key($0.basis).containsText("调\(adjustment.isCut ? "减" : "增")预算")
            }), let score = report.indicators[index].scores[.score]
        else { return nil }
        let indicator = report.indicators[index]
        let rule = TextNormalization.key(indicator.rule)
        guard let range = rule.byteRange(of: "调剂比例超过年初预算总额") else { return nil }
        let rest = rule[range.upperBound...]
        let numbers = rest.prefix(80).split(whereSeparator: { !($0.isASCII && ($0.isNumber || $0 == ".")) })
            .compactMap { ReportParsing.bounded(Score(parsing: $0)) }
        // threshold %, first deduction, step (1 point), per-step deduction, cap.
        guard numbers.count >= 5 else { return nil }
        let threshold = numbers[0], first = numbers[1], perPoint = numbers[3], cap = numbers[4]
        guard percent >= threshold else { return nil }
        let extraPoints = (percent - threshold).hundredths / 100
        let deduction = min(cap, Score(hundredths: first.hundredths + extraPoints * perPoint.hundredths))
        let expected = Score(hundredths: max(0, score.hundredths - deduction.hundredths))
        let finding = ScoreFinding.make(
            "R-10", .error,
            zh: "\(indicator.label)：按实际调整比例 \(percent)%，评分办法应扣 \(threshold)% 起扣\(first) + 每增加1个百分点\(perPoint)（最多\(cap)）= \(deduction) 分；"
                + "报告未扣分，得分 \(score)，按其评分办法应为 \(expected)",
            en: "\(indicator.label): at the actual adjustment of \(percent)%, its rule deducts \(first) from \(threshold)% plus \(perPoint) per further point (at most \(cap)) = \(deduction); "
                + "the report deducts nothing and scores \(score); under its own rule the score is \(expected)",
            table: "得分表", item: indicator.label, source: indicator.scoreSource ?? indicator.source, expected: expected,
            actual: score)
        return (finding, index, expected)
    }
}
