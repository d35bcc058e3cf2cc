import BudgetLensCore

/// A self-evaluation table recomputed under a scheme: execution rate and score, each indicator's weight,
/// verdict and the score the scheme allows, the total and the grade.
public struct TableScore: Sendable {
    public var table: SelfEvaluation
    public var scheme: ScoringScheme
    /// B/A in hundredths of a percent (`98.56%` → 9856), rounded half up; `nil` without A and B.
    public var executionRate: Int64?
    /// The execution score the scheme gives.
    public var executionScore: Score?
    public var indicators: [IndicatorScore]
    /// Execution score plus the indicators' recomputed scores (their printed scores where none can be computed).
    public var computedTotal: Score?
    /// Execution score (printed, else recomputed) plus the indicators' printed scores: what 总分 should print.
    public var sumOfPrintedParts: Score?
    public var computedGrade: String?

    /// The table's label in findings: `项目自评表 医保支付方式改革专项经费`.
    public var label: String { TableScore.label(of: table) }

    /// The label of a table in findings.
    public static func label(of table: SelfEvaluation) -> String {
        switch table.kind {
        case .project, .hubeiProject: "项目自评表 \(table.projectName)"
        case .department: "部门自评表 \(table.projectName)"
        case .transfer: "转移支付自评表 \(table.projectName)"
        }
    }
}

/// One indicator recomputed.
public struct IndicatorScore: Sendable {
    public var indicator: Indicator
    public var judgement: IndicatorJudgement
    /// The weight: printed, or the group's share.
    public var weight: Score?
    /// The score the scheme gives (proportional) or allows (judged: the printed score when consistent).
    public var computedScore: Score?
    /// The lowest and highest score the scheme allows for the verdict.
    public var allowed: ClosedRange<Score>?
}

/// Recomputes self-evaluation tables.
public struct ScoreCalculator: Sendable {
    public let schemes: SchemeSet

    /// A calculator using `schemes`.
    public init(schemes: SchemeSet) { self.schemes = schemes }

    /// The recomputed tables of a disclosure (those with a scheme).
    public func scores(of disclosure: Disclosure) -> [TableScore] {
        disclosure.selfEvaluations.compactMap { table in schemes.scheme(for: table).map { score(table, under: $0) } }
    }

    /// Recomputes one table under `scheme`.
    public func score(_ table: SelfEvaluation, under scheme: ScoringScheme) -> TableScore {
        var result = TableScore(table: table, scheme: scheme, indicators: [])
        if let total = table.budget.total, let budget = total.budget, let executed = total.executed, budget.fen > 0 {
            result.executionRate = ScoreCalculator.percentHundredths(executed.fen, of: budget.fen)
            // weight × min(B/A, cap): cap is in hundredths (1 → 100); exact in 128 bits, never overflows.
            let capped = min(Int128(executed.fen) * 100, Int128(budget.fen) * Int128(scheme.executionCapPercent))
            result.executionScore = Score.proportion(
                of: scheme.executionWeight, numerator: capped, denominator: Int128(budget.fen) * 100)
        }
        let weights = indicatorWeights(table, scheme: scheme)
        result.indicators = zip(table.indicators, weights).map { indicator, weight in
            self.indicatorScore(indicator, weight: weight, scheme: scheme)
        }
        if scheme.total > .zero {
            let scored = result.indicators.filter { !$0.indicator.isConstraint }
            let computedParts = scored.map { $0.computedScore ?? $0.indicator.statedScore }
            let printedParts = scored.map { $0.indicator.statedScore }
            let execution = result.executionScore
            if let execution, computedParts.allSatisfy({ $0 != nil }) {
                result.computedTotal = computedParts.compactMap { $0 }.reduce(execution, +)
                result.computedGrade = result.computedTotal.map(scheme.grade)
            }
            if let execution = table.budget.total?.statedScore ?? execution, printedParts.allSatisfy({ $0 != nil }) {
                result.sumOfPrintedParts = printedParts.compactMap { $0 }.reduce(execution, +)
            }
        }
        return result
    }

    /// B/A × 100 in hundredths of a percent, rounded half up.
    ///
    /// - Returns: `nil` when the rate does not fit (a huge B over a tiny A).
    static func percentHundredths(_ numerator: Int64, of denominator: Int64) -> Int64? {
        Score.proportion(of: Score(hundredths: 10_000), numerator: numerator, denominator: denominator)?.hundredths
    }

    /// The weights of the indicators: printed, or each group's points shared equally by its rows.
    private func indicatorWeights(_ table: SelfEvaluation, scheme: ScoringScheme) -> [Score?] {
        switch scheme.weights {
        case .printed:
            return table.indicators.map { $0.isConstraint ? nil : $0.weight }
        case .groupEqual:
            var counts: [String: Int64] = [:]
            for indicator in table.indicators where !indicator.isConstraint {
                if let group = indicator.group { counts[group, default: 0] += 1 }
            }
            return table.indicators.map { indicator in
                guard !indicator.isConstraint, let group = indicator.group, let points = table.groupPoints[group],
                    let count = counts[group], count > 0
                else { return indicator.isConstraint ? nil : indicator.weight }
                return Score.proportion(of: points, numerator: 1, denominator: count)
            }
        }
    }

    private func indicatorScore(_ indicator: Indicator, weight: Score?, scheme: ScoringScheme) -> IndicatorScore {
        let judgement = IndicatorJudgement(indicator)
        var result = IndicatorScore(indicator: indicator, judgement: judgement, weight: weight)
        // A negative weight has no range of scores to recompute (and `0...weight` would not be a range).
        guard let weight, weight >= .zero, !indicator.isConstraint else { return result }
        if indicator.target.isQuantitative, scheme.quantitative == .proportional,
            let actual = judgement.actualValue, let target = judgement.targetValue
        {
            // weight × B/A for more-is-better targets, weight × A/B for less-is-better ones; never above the weight.
            let (numerator, denominator) = judgement.moreIsBetter ? (actual, target) : (target, actual)
            if denominator <= 0 || numerator >= denominator {
                result.computedScore = weight
            } else {
                result.computedScore = Score.proportion(of: weight, numerator: max(0, numerator), denominator: denominator)
            }
            result.allowed = result.computedScore.map { $0...$0 }
            return result
        }
        if !indicator.target.isQuantitative, case .bands(let metPercent, _) = scheme.qualitative {
            guard let metFloor = Score.proportion(of: weight, numerator: max(0, metPercent), denominator: 100),
                metFloor <= weight
            else { return result }
            // 达成: met % to 100 %; 部分达成 and 未达成 (which the table does not tell apart): below met %.
            switch judgement.status {
            case .met: result.allowed = metFloor...weight
            case .unmet: result.allowed = Score.zero...metFloor
            case .undetermined: result.allowed = Score.zero...weight
            }
            if let stated = indicator.statedScore, let allowed = result.allowed {
                result.computedScore = min(max(stated, allowed.lowerBound), allowed.upperBound)
            } else {
                result.computedScore = result.allowed?.upperBound
            }
            return result
        }
        // Judged: a met target may keep up to its weight; an unmet one must lose points, by how much the scheme
        // does not say, so a score outside the allowed range has no recomputed value.
        switch judgement.status {
        case .met, .undetermined: result.allowed = Score.zero...weight
        case .unmet: result.allowed = Score.zero...max(.zero, weight - Score(hundredths: 1))
        }
        if let stated = indicator.statedScore, let allowed = result.allowed {
            if allowed.contains(stated) {
                result.computedScore = stated
            } else if stated > weight {
                result.computedScore = judgement.status == .unmet ? nil : weight  // never above the weight
            } else if stated < .zero {
                result.computedScore = .zero
            }
        }
        return result
    }
}
