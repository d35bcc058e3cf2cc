/// A performance self-evaluation table (绩效自评表) as published in a disclosure's annex (DOMAIN §3).
public struct SelfEvaluation: Hashable, Sendable, Codable {
    /// The layout family.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// 山东 市级预算项目绩效自评表: 分值 and 得分 per indicator, execution 10 points.
        case project
        /// 湖北 项目绩效自评表: 得分 per indicator, weights from the group points, execution 20 points.
        case hubeiProject
        /// 部门（整体）绩效自评表 (湖北).
        case department
        /// 转移支付区域（项目）绩效目标自评表: funds by source, no scores.
        case transfer
    }

    /// The layout family.
    public var kind: Kind
    /// The title as printed.
    public var title: String
    /// The project (项目名称, 转移支付（项目）名称) or, for a department table, the unit (单位名称).
    public var projectName: String
    /// 主管部门 / 地方主管部门.
    public var supervisor: String?
    /// 资金使用单位 / 项目实施单位.
    public var executor: String?
    /// 基本支出总额 and 项目支出总额 of a department table.
    public var basicExpenditure: Money?
    public var projectExpenditure: Money?
    /// The budget-execution block (项目预算执行情况 / 预算执行情况 / 资金投入情况).
    public var budget: BudgetExecution
    /// 年度总体目标: the expected goal and what was achieved.
    public var goal: String?
    public var goalAchieved: String?
    /// The indicator rows, in table order.
    public var indicators: [Indicator]
    /// The points of indicator groups printed in the table (`产出指标 (40分)`, `目标 1(40分)`), by group name.
    public var groupPoints: [String: Score]
    /// The 总分 row, if printed.
    public var statedTotal: Score?
    /// The full points the header states (`总分：100`), if printed.
    public var fullPoints: Score?
    /// Explanations printed apart from the indicator rows (偏差大或目标未完成原因分析, stray 偏差原因 cells).
    public var notes: [TextLine]
    /// Where the title was read.
    public var source: SourceLocation

    /// Creates a table.
    public init(
        kind: Kind, title: String, projectName: String, supervisor: String? = nil, executor: String? = nil,
        basicExpenditure: Money? = nil, projectExpenditure: Money? = nil, budget: BudgetExecution = .init(),
        goal: String? = nil, goalAchieved: String? = nil, indicators: [Indicator] = [], groupPoints: [String: Score] = [:],
        statedTotal: Score? = nil, fullPoints: Score? = nil, notes: [TextLine] = [], source: SourceLocation
    ) {
        self.kind = kind
        self.title = title
        self.projectName = projectName
        self.supervisor = supervisor
        self.executor = executor
        self.basicExpenditure = basicExpenditure
        self.projectExpenditure = projectExpenditure
        self.budget = budget
        self.goal = goal
        self.goalAchieved = goalAchieved
        self.indicators = indicators
        self.groupPoints = groupPoints
        self.statedTotal = statedTotal
        self.fullPoints = fullPoints
        self.notes = notes
        self.source = source
    }
}

/// The budget-execution block: the total row and the rows by source.
public struct BudgetExecution: Hashable, Sendable, Codable {
    /// The rows in order: the total (年度资金总额, 年度财政资金总额, 部门整体支出总额) first, then 其中 rows.
    public var rows: [FundingRow]
    /// The block's points from its header (`预算执行情况 (万元) (20分)`), if printed.
    public var headerPoints: Score?

    /// Creates a block.
    public init(rows: [FundingRow] = [], headerPoints: Score? = nil) {
        self.rows = rows
        self.headerPoints = headerPoints
    }

    /// The total row.
    public var total: FundingRow? { rows.first { $0.isTotal } }

    /// The rows by source (其中…).
    public var sources: [FundingRow] { rows.filter { !$0.isTotal } }
}

/// A row of the budget-execution block.
public struct FundingRow: Hashable, Sendable, Codable {
    /// The label as printed, normalised: `年度资金总额`, `当年财政拨款`, `中央财政资金`.
    public var label: String
    /// Whether this is the total row.
    public var isTotal: Bool
    /// 年初预算数.
    public var initialBudget: Money?
    /// 全年预算数 (A).
    public var budget: Money?
    /// 全年执行数 (B).
    public var executed: Money?
    /// 分值.
    public var weight: Score?
    /// 执行率 as printed.
    public var statedRate: Measure?
    /// 得分 as printed.
    public var statedScore: Score?
    /// Where the row was read.
    public var source: SourceLocation

    /// Creates a row.
    public init(
        label: String, isTotal: Bool, initialBudget: Money? = nil, budget: Money? = nil, executed: Money? = nil,
        weight: Score? = nil, statedRate: Measure? = nil, statedScore: Score? = nil, source: SourceLocation
    ) {
        self.label = label
        self.isTotal = isTotal
        self.initialBudget = initialBudget
        self.budget = budget
        self.executed = executed
        self.weight = weight
        self.statedRate = statedRate
        self.statedScore = statedScore
        self.source = source
    }
}

/// An indicator row: 一级/二级 (inherited from the rows above when merged), 三级, target, actual, 分值, 得分.
public struct Indicator: Hashable, Sendable, Codable {
    /// 一级指标, e.g. `产出指标`.
    public var level1: String
    /// 二级指标, e.g. `数量指标`.
    public var level2: String
    /// 三级指标: the indicator's name.
    public var name: String
    /// 年度指标值 / 年初目标值 (A) / 指标值.
    public var target: IndicatorValue
    /// 实际完成值 (B); `nil` when the cell is empty.
    public var actual: IndicatorValue?
    /// 分值, where printed.
    public var weight: Score?
    /// 得分, where printed.
    public var statedScore: Score?
    /// 偏差原因分析及改进措施 / 未完成原因和改进措施.
    public var deviationReason: String?
    /// The group the indicator belongs to for weights (`产出指标`, `目标 1`), where the table prints group points.
    public var group: String?
    /// The extraction shifted the row: a 一级/二级 word sits in the 三级 column, so which cell is the actual value
    /// is uncertain.
    public var isShifted: Bool = false
    /// Where the row was read.
    public var source: SourceLocation

    /// Creates an indicator.
    public init(
        level1: String, level2: String, name: String, target: IndicatorValue, actual: IndicatorValue?,
        weight: Score? = nil, statedScore: Score? = nil, deviationReason: String? = nil, group: String? = nil,
        source: SourceLocation
    ) {
        self.level1 = level1
        self.level2 = level2
        self.name = name
        self.target = target
        self.actual = actual
        self.weight = weight
        self.statedScore = statedScore
        self.deviationReason = deviationReason
        self.group = group
        self.source = source
    }

    /// True for a 约束性指标 (no weight; caps the total).
    public var isConstraint: Bool { level1.hasPrefix("约束性") }

    /// True for a cost indicator: 成本指标 at either level, or a cost named as such (`成本管理金额`) where the
    /// extraction shifted its levels.
    public var isCost: Bool {
        level1.hasPrefix("成本") || level2.hasPrefix("成本") || level2.hasSuffix("成本指标") || name.hasPrefix("成本管理")
    }
}

/// The 项目支出绩效自评情况汇总表: project, using unit, score, grade.
public struct SelfEvaluationSummary: Hashable, Sendable, Codable {
    /// The title as printed.
    public var title: String
    /// The unit named under the title.
    public var unitName: String?
    /// The rows.
    public var rows: [SummaryRow]
    /// Where the title was read.
    public var source: SourceLocation

    /// Creates a summary.
    public init(title: String, unitName: String?, rows: [SummaryRow], source: SourceLocation) {
        self.title = title
        self.unitName = unitName
        self.rows = rows
        self.source = source
    }
}

/// A row of the 汇总表.
public struct SummaryRow: Hashable, Sendable, Codable {
    /// 序号.
    public var number: Int?
    /// 项目名称.
    public var project: String
    /// 资金使用单位, where the table has the column.
    public var fundUser: String?
    /// 自评得分.
    public var score: Score?
    /// 自评等级.
    public var grade: String?
    /// Where the row was read.
    public var source: SourceLocation

    /// Creates a row.
    public init(number: Int?, project: String, fundUser: String?, score: Score?, grade: String?, source: SourceLocation) {
        self.number = number
        self.project = project
        self.fundUser = fundUser
        self.score = score
        self.grade = grade
        self.source = source
    }
}
