import BudgetLensCore

/// The checks of a published evaluation report (DOMAIN §4, Appendix A: W-1..2, E-1..6, E-8, G-1, R-*, M-ADJ,
/// F-1..2). Each returns ordinary `Finding`s: scores and rates as `.text` values with the formula in the message,
/// amounts as `.amount` with `difference`.
///
/// Rounding (尾数误差): a score sum of *n* printed scores may differ by up to 0.01 × (*n* − 1), at most 0.05, and is
/// then a warning; a 得分率 is a warning when the printed rate lies between the rates of 得分 ± 0.005; a composite
/// differing by 0.01 is a warning (the rounding order). Anything larger takes the rule's severity.
public enum EvaluationChecks {
    /// Every check on `report`: the findings sorted by source line, and the scores re-derived by the rules
    /// (R-1, R-6, R-10, R-11, R-BASIS), keyed by index into ``EvaluationReport/indicators``.
    public static func evaluate(_ report: EvaluationReport) -> (findings: [Finding], recomputed: [Int: Score]) {
        var findings: [Finding] = []
        findings += WeightChecks.run(report)
        findings += SummaryChecks.run(report)
        let composite = CompositeChecks.run(report)
        findings += composite.findings
        let rules = RuleChecks.run(report)
        findings += rules.findings
        findings += GradeCheck.run(report)
        findings += FundChecks.run(report)
        findings += ProblemListCheck.run(report)
        // Stable: findings on the same line and rule keep the order the checks produced them in.
        let sorted = findings.enumerated().sorted {
            ($0.element.location.source?.line ?? 0, $0.element.rule, $0.offset)
                < ($1.element.location.source?.line ?? 0, $1.element.rule, $1.offset)
        }.map(\.element)
        var recomputed = composite.recomputed.merging(rules.recomputed) { _, rule in rule }
        // A parent's score: the sum of its leaves' scores (recomputed where a rule re-derived one).
        for index in report.indicators.indices where recomputed[index] == nil {
            let leaves = report.leaves(under: index).filter { $0 != index }
            guard !leaves.isEmpty else { continue }
            let scores = leaves.compactMap { recomputed[$0] ?? report.indicators[$0].finalScore }
            guard scores.count == leaves.count else { continue }
            recomputed[index] = Score(hundredths: scores.reduce(0) { $0 + $1.hundredths })
        }
        return (sorted, recomputed)
    }

    /// Every finding on `report`, sorted by source line.
    public static func run(_ report: EvaluationReport) -> [Finding] { evaluate(report).findings }

    /// The rule ids these checks produce, with their Chinese text.
    public static let rules: [(id: String, text: String)] = [
        ("W-1", "各级指标分值之和等于上级分值，一级指标合计100分"),
        ("W-2", "文中所述指标个数等于列出的指标个数"),
        ("E-1", "一级指标得分等于其三级指标得分之和；合计等于各一级之和"),
        ("E-2", "扣分 = 分值 − 得分"),
        ("E-3", "得分率 = 得分 / 分值"),
        ("E-4", "汇总表分值合计为100"),
        ("E-5", "同一数字各处一致"),
        ("E-6", "得分不超过分值且不为负；总分不超过指标体系满分"),
        ("R-1", "得分 = 比率 × 分值（得失分依据所列）"),
        ("R-3", "按处扣分：扣分为评分办法每处扣分的整数倍"),
        ("R-6", "预算执行进度按时间节点逐档扣分"),
        ("R-10", "年中调剂比例按评分办法扣分"),
        ("R-11", "综合得分 = 非现场 × 权重 + 现场 × 权重"),
        ("R-BASIS", "得失分依据所列扣分之和 = 分值 − 得分"),
        ("M-ADJ", "年初预算 − 调减（+ 调增）= 全年预算"),
        ("G-1", "评价等级与总分所在等级区间一致"),
        ("F-1", "资金表各行小计等于各来源之和"),
        ("F-2", "资金表合计行等于各行之和"),
        ("EV-1", "评分时每个指标都有证据（缺少证据不计零分）"),
        ("EV-2", "证据符合指标的评分办法"),
        ("P-1", "失分的一级指标在问题清单中有对应问题"),
        ("N-EVAL-1", "情况说明十三所列部门评价项目与所附评价报告一致"),
        ("N-EVAL-2", "部门评价项目个数与所附评价报告份数一致"),
        ("N-EVAL-3", "部门评价涉及预算资金与评价报告所列预算金额一致"),
        ("N-EVAL-4", "部门评价得分、等级与评价报告一致"),
    ]
}

/// Helpers for findings about scores (hundredths of a point or of a percent).
enum ScoreFinding {
    static func text(_ score: Score) -> String { score.fixed }

    static func make(
        _ rule: String, _ severity: Severity, zh: String, en: String, table: String? = nil, item: String? = nil,
        source: SourceLocation?, expected: Score?, actual: Score?, rounding: Bool = false
    ) -> Finding {
        Finding(
            rule: rule, severity: rounding ? .warning : severity, message: zh, messageEnglish: en,
            location: FindingLocation(table: table, item: item, source: source),
            expected: expected.map { .text($0.fixed) }, actual: actual.map { .text($0.fixed) }, isRounding: rounding)
    }

    /// The sum tolerance for `count` printed addends: 0.01 × (count − 1), at most 0.05 (DOMAIN §0.3).
    static func sumTolerance(_ count: Int) -> Int64 { min(5, Int64(max(count - 1, 0))) }

    /// `score / weight` as a percent rounded half up at `decimals` (0–2), in hundredths of a percent.
    static func rate(_ score: Score, of weight: Score, decimals: Int = 2) -> Score? {
        guard weight.hundredths > 0 else { return nil }
        let step = Int64([100, 10, 1][min(max(decimals, 0), 2)])
        // percent × 100 = score × 10_000 / weight, rounded to a multiple of `step`.
        let quotient = roundedDivision(score.hundredths * 10_000, weight.hundredths * step)
        return Score(hundredths: quotient * step)
    }

    /// `a / b` rounded half up (b > 0).
    static func roundedDivision(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        let r = a - q * b
        if r * 2 >= b { return q + 1 }
        if r * 2 <= -b { return q - 1 }
        return q
    }
}

extension Score {
    /// Two decimals always: `82.03`, `2.90`, `100.00`.
    var fixed: String {
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = hundredths.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
