/// The defects the self-evaluation review looks for; each is a named check (`check execution-score`) the
/// performance rule pack gives an id, a severity and a text.
public enum ReviewAspect: String, CaseIterable, Sendable {
    /// 年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金 (年初, A and B).
    case fundingSum = "funding-sum"
    /// Transfer tables: 年度资金总额 = 中央 + 省级 + 市级 + 县级 (A and B).
    case transferFundingSum = "transfer-funding-sum"
    /// The printed 执行率 is B/A at its printed precision.
    case executionRate = "execution-rate"
    /// The printed execution 得分 is weight × min(B/A, 1), rounded half up to 0.01.
    case executionScore = "execution-score"
    /// The execution 分值 and the indicator weights add up to the scheme's points.
    case weightsSum = "weights-sum"
    /// 0 ≤ 得分 ≤ 分值 for each indicator.
    case scoreRange = "score-range"
    /// An unmet target does not keep full marks (未完成指标未扣分).
    case unmetFullMarks = "unmet-full-marks"
    /// Under a proportional or banded scheme, the printed 得分 is the one the scheme gives.
    case indicatorScore = "indicator-score"
    /// 总分 = execution 得分 + Σ indicator 得分, as printed.
    case totalSum = "total-sum"
    /// 总分 = the recomputed total.
    case totalRecomputed = "total-recomputed"
    /// The table prints its 总分.
    case totalPresent = "total-present"
    /// A score below the weight is explained (偏差原因分析及改进措施).
    case deviationExplained = "deviation-explained"
    /// The actual value is a value, not an expression (`≥18200人`).
    case actualComparator = "actual-comparator"
    /// The actual value carries the unit of its target.
    case actualUnit = "actual-unit"
    /// The actual value is filled in.
    case actualEmpty = "actual-empty"
    /// A row whose cells the extraction shifted and whose actual value cannot be told: to check against the PDF.
    case actualUncertain = "actual-uncertain"
    /// The actual value can be compared with the target (not a sentence, compatible units).
    case actualJudgeable = "actual-judgeable"
    /// A comparison needed a unit conversion (`≤52万元` against `514776.52元`): says so and how it came out.
    case unitConversion = "unit-conversion"
    /// A target number carries a unit.
    case targetUnit = "target-unit"
    /// A 成本指标's target is an amount of money.
    case costIsMoney = "cost-is-money"
    /// A 成本指标 that is the total spending equals 全年执行数 (B).
    case costEqualsSpending = "cost-equals-spending"
    /// No 三级指标 appears twice in a table.
    case duplicateIndicator = "duplicate-indicator"
    /// Every project table appears in the 汇总表 with the same score.
    case summaryAgrees = "summary-agrees"
    /// Each 汇总表 grade matches its score.
    case summaryGrades = "summary-grades"
    /// The 情况说明 counts (n 个项目中，m 个项目自评等级为优) match the 汇总表.
    case summaryCounts = "summary-counts"
    /// Each 综述 in the 情况说明 repeats its table's score, A, B and B/A.
    case narrativeSummaries = "narrative-summaries"
    /// A department table: 基本支出总额 + 项目支出总额 = 部门整体支出总额, which is 公开03's 合计.
    case departmentTotals = "department-totals"
}
