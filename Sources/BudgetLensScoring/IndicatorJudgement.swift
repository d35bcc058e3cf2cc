import BudgetLensCore

/// Whether an indicator's target was met, judged from the printed target and actual value.
public struct IndicatorJudgement: Hashable, Sendable {
    /// The verdict.
    public enum Status: String, Hashable, Sendable, Codable {
        case met, unmet
        /// The actual value cannot be compared with the target (a sentence, incompatible units, empty).
        case undetermined
    }

    public var status: Status
    /// For quantitative targets: the actual and the target in one unit, for proportional scoring.
    public var actualValue: Int64?
    public var targetValue: Int64?
    /// The direction: true when more is better (≥, >, =, plain counts), false for ≤ and < targets.
    public var moreIsBetter: Bool
    /// The unit conversion the comparison needed (`52万元 = 520000元`), if any.
    public var conversion: String?
    /// The actual number had no unit and was read in the target's unit.
    public var assumedUnit: Bool

    /// Judges an indicator.
    public init(_ indicator: Indicator) {
        moreIsBetter = true
        conversion = nil
        assumedUnit = false
        actualValue = nil
        targetValue = nil
        guard let actual = indicator.actual else {
            status = .undetermined
            return
        }
        guard let target = indicator.target.measure else {
            status = IndicatorJudgement.qualitative(target: indicator.target.text, actual: actual.text)
            return
        }
        guard var value = actual.measure else {
            status = .undetermined
            return
        }
        if value.unit.isEmpty, !target.unit.isEmpty {
            value.unit = target.unit
            assumedUnit = true
        }
        guard value.isComparable(with: target), let actualBase = value.inBaseUnit, let targetBase = target.inBaseUnit else {
            status = .undetermined
            return
        }
        if value.unit != target.unit {
            conversion = "\(target) = \(targetBase)，\(value) = \(actualBase)"
        }
        actualValue = actualBase.millionths
        targetValue = targetBase.millionths
        let comparator =
            indicator.target.comparator
            ?? (indicator.isCost || indicator.level2.hasPrefix("时效") && target.unit != "%" ? .atMost : .atLeast)
        moreIsBetter = comparator != .atMost && comparator != .less
        let (a, t) = (actualBase.millionths, targetBase.millionths)
        let met: Bool =
            switch comparator {
            case .atLeast: a >= t
            case .atMost: a <= t
            case .equal: a == t
            case .greater: a > t
            case .less: a < t
            }
        status = met ? .met : .unmet
    }

    /// Words that say a qualitative target was reached, and words that say it was not.
    private static let positive = [
        "提升", "提高", "明显", "显著", "有效", "稳步", "持续", "成效", "完成", "达到", "达成", "实现", "全覆盖", "及时", "规范", "健全",
        "推开", "开展", "拓展", "缓解", "稳定", "落实", "是",
    ]
    private static let negative = ["未", "没有", "下降", "降低", "否", "不足", "滞后", "较差", "不到位", "差距"]

    /// A qualitative target is met when the actual repeats its wording (or one holds the other), or when both
    /// are words of achievement; unmet when the actual says it was not reached.
    static func qualitative(target: String, actual: String) -> Status {
        let t = TextNormalization.key(target)
        let a = TextNormalization.key(actual)
        guard !a.isEmpty else { return .undetermined }
        if negative.contains(where: { a.contains($0) && !t.contains($0) }) { return .unmet }
        if a == t || a.contains(t) || t.contains(a) { return .met }
        if a.hasPrefix("已"), t.contains(a.dropFirst()) { return .met }
        if positive.contains(where: a.contains), positive.contains(where: t.contains) { return .met }
        return .undetermined
    }
}
