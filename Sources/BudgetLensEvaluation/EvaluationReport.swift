import BudgetLensCore

/// A published performance-evaluation report (绩效评价报告, DOMAIN §4) as read: its indicator system with weights,
/// rule text and scores, the summary tables by 一级 indicator, the total and grade, the grade bands and indicator
/// counts it states, its fund tables and the figures its prose restates. Every value keeps its source line.
///
/// Scores and 得分率 are fixed-point hundredths (`Score`): 82.03 分 is `Score(hundredths: 8203)`, 75.71 % is
/// `Score(hundredths: 7571)`. Amounts are exact `Money`.
public struct EvaluationReport: Sendable {
    /// The file read.
    public var file: String
    /// Which kind of report (`.departmentEvaluation`, `.projectEvaluation`, `.transferEvaluation`).
    public var kind: DocumentKind
    /// The title as printed (the line ending in 绩效评价报告, with the cover lines before it).
    public var title: String
    /// The 1-based line where the report starts (1, or the annex title inside a final-accounts disclosure).
    public var firstLine: Int
    /// Every indicator read, in document order; `parent` indexes into this array.
    public var indicators: [Indicator]
    /// Every summary table by 一级 indicator (表3-1, 总览表, 表1 综合评分表 …), in document order.
    public var summaries: [SummaryTable]
    /// The total score and grade the report states, each place it states them.
    public var totals: [StatedTotal]
    /// The grade bands the report states (`90 分（含）以上为“优”`), empty when it states none.
    public var gradeBands: [GradeBand]
    /// The indicator counts the text states (`设置一级指标4个、二级指标9个、三级指标33个`).
    public var statedCounts: [StatedCount]
    /// The composite weights stated (`非现场评价得分40%、现场评价得分60%`), when the report combines evaluations.
    public var compositeWeights: CompositeWeights?
    /// Paragraph statements `…，分值x分，得分y分，得分率z%` and `“效益”得分为93.47%`.
    public var scoreStatements: [ScoreStatement]
    /// Fund tables with 小计/合计 (表3-2 转移支付资金执行情况表).
    public var fundTables: [FundTable]
    /// A stated mid-year budget adjustment (`年初预算…12847.65万元…调减预算1268.369万元`).
    public var budgetAdjustment: BudgetAdjustment?
    /// The 年初预算数 / 全年预算数 of the report's budget table (总览表 一), when printed.
    public var budgetFigures: BudgetFigures?
    /// The evaluated project as the cover names it (`项目名称: 职工基本医疗保险基金`).
    public var projectName: String?
    /// The budget amounts the report states for the evaluated funds (附件4 `资金预算金额（万元）收…/支…`), in 万元.
    public var budgetAmounts: [Money]
    /// Tables listing cases one per row by unit (`表19 住院费用结算滞后情况表`: 序号 · 区域 · …), the evidence of
    /// per-case deductions.
    public var caseTables: [CaseTable]
    /// The units of the field evaluation (`表8 现场区市得分情况表`: 地区), in printed order.
    public var fieldUnits: [String]
    /// The 问题清单 entries (附件3: 问题分类 · 序号 · 项目责任单位 · 问题描述): the category of each, with its line.
    public var problemList: [(category: String, source: SourceLocation)]
    /// What the reader could not place.
    public var problems: [ReadProblem]

    /// Creates an empty report for `file`.
    public init(file: String, kind: DocumentKind, title: String, firstLine: Int) {
        self.file = file
        self.kind = kind
        self.title = title
        self.firstLine = firstLine
        indicators = []
        summaries = []
        totals = []
        gradeBands = []
        statedCounts = []
        compositeWeights = nil
        scoreStatements = []
        fundTables = []
        budgetAdjustment = nil
        budgetFigures = nil
        projectName = nil
        budgetAmounts = []
        caseTables = []
        fieldUnits = []
        problemList = []
        problems = []
    }

    /// The indicators of one level, in document order.
    public func indicators(level: IndicatorLevel) -> [Indicator] { indicators.filter { $0.level == level } }

    /// The indices of the direct children of the indicator at `index`.
    public func children(of index: Int) -> [Int] { indicators.indices.filter { indicators[$0].parent == index } }

    /// The indices of the scored leaves (三级, or 指标明细 where a 三级 has details) under the indicator at `index`.
    public func leaves(under index: Int) -> [Int] {
        let children = children(of: index)
        if children.isEmpty { return [index] }
        return children.flatMap { leaves(under: $0) }
    }
}

/// A level of the indicator hierarchy.
public enum IndicatorLevel: Int, Hashable, Sendable, Codable, Comparable {
    /// 一级指标.
    case first = 1
    /// 二级指标.
    case second = 2
    /// 三级指标.
    case third = 3
    /// 指标明细 (a scored detail below a 三级, seed 000).
    case detail = 4

    /// `一级`, `二级`, `三级`, `明细`.
    public var chineseName: String {
        switch self {
        case .first: "一级"
        case .second: "二级"
        case .third: "三级"
        case .detail: "明细"
        }
    }

    public static func < (lhs: IndicatorLevel, rhs: IndicatorLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Which evaluation a score column belongs to, where a report combines several (DOMAIN §4.3 R-11).
public enum ScoreColumn: String, Hashable, Sendable, Codable, CaseIterable {
    /// The report's only score (得分).
    case score
    /// 非现场评价得分.
    case nonField
    /// 现场评价得分.
    case field
    /// 综合得分: the composite of the others.
    case composite

    /// `得分`, `非现场得分`, `现场得分`, `综合得分`.
    public var chineseName: String {
        switch self {
        case .score: "得分"
        case .nonField: "非现场得分"
        case .field: "现场得分"
        case .composite: "综合得分"
        }
    }
}

/// One indicator: 一级, 二级, 三级 or 指标明细, with what the report prints for it.
public struct Indicator: Hashable, Sendable {
    /// The level.
    public var level: IndicatorLevel
    /// The printed code: `A1`, `B4`, `C7`, `(3)`; empty when none.
    public var code: String
    /// The name without code and weight: `预算执行进度`.
    public var name: String
    /// The weight (分值) in hundredths of a point, when printed.
    public var weight: Score?
    /// The printed scores by column (得分, or 非现场/现场/综合).
    public var scores: [ScoreColumn: Score]
    /// 指标解释.
    public var explanation: String
    /// The scoring rule (评分办法 / 评价标准).
    public var rule: String
    /// 指标/数据来源.
    public var dataSource: String
    /// 得失分依据.
    public var basis: String
    /// The index of the parent indicator in ``EvaluationReport/indicators``.
    public var parent: Int?
    /// Where the indicator's row (or its score row) was read.
    public var source: SourceLocation
    /// Where its score was read, when that is another table than the system.
    public var scoreSource: SourceLocation?

    /// Creates an indicator.
    public init(level: IndicatorLevel, code: String, name: String, weight: Score?, source: SourceLocation) {
        self.level = level
        self.code = code
        self.name = name
        self.weight = weight
        scores = [:]
        explanation = ""
        rule = ""
        dataSource = ""
        basis = ""
        parent = nil
        self.source = source
        scoreSource = nil
    }

    /// `(3) 预算执行进度`, `C7 资金到位率`, `预算管理`.
    public var label: String { code.isEmpty ? name : "\(code) \(name)" }

    /// The score that counts: the composite where there is one, else the only score.
    public var finalScore: Score? { scores[.composite] ?? scores[.score] }
}

/// A summary table by 一级 indicator: 一级指标 · 分值 · 得分 (per column) · 扣分 · 得分率 (DOMAIN §4.4).
public struct SummaryTable: Hashable, Sendable {
    /// The title printed above it (`表 3-1 2024 年度部门预算整体绩效评价得分情况表`), or `总览表 五`.
    public var title: String
    /// The score columns in printed order.
    public var columns: [ScoreColumn]
    /// Whether the table prints 扣分 and 得分率.
    public var hasDeduction: Bool, hasRate: Bool
    /// The rows, the 合计 row last when printed.
    public var rows: [SummaryRow]
    /// Where the header was read.
    public var source: SourceLocation

    /// Creates a table.
    public init(title: String, columns: [ScoreColumn], hasDeduction: Bool, hasRate: Bool, source: SourceLocation) {
        self.title = title
        self.columns = columns
        self.hasDeduction = hasDeduction
        self.hasRate = hasRate
        rows = []
        self.source = source
    }

    /// The rows without the 合计 row.
    public var groups: [SummaryRow] { rows.filter { !$0.isTotal } }
    /// The 合计 row, when printed.
    public var total: SummaryRow? { rows.first { $0.isTotal } }
    /// The column a 扣分/得分率 refers to: 综合 where printed, else the only score.
    public var mainColumn: ScoreColumn? { columns.contains(.composite) ? .composite : columns.first }
}

/// One row of a summary table.
public struct SummaryRow: Hashable, Sendable {
    /// The 一级 name (`决策`, `预算管理`) or `合计`.
    public var name: String
    /// True for the 合计 row.
    public var isTotal: Bool
    /// 分值 / 标准分值.
    public var weight: Score?
    /// The scores by column.
    public var scores: [ScoreColumn: Score]
    /// 扣分 / 指标扣分.
    public var deduction: Score?
    /// 得分率 in hundredths of a percent.
    public var rate: Score?
    /// Where the row was read.
    public var source: SourceLocation

    /// Creates a row.
    public init(name: String, isTotal: Bool, source: SourceLocation) {
        self.name = name
        self.isTotal = isTotal
        weight = nil
        scores = [:]
        deduction = nil
        rate = nil
        self.source = source
    }
}

/// The total score and grade as stated in one place (`评价得分：82.03 评价等级结果：良`).
public struct StatedTotal: Hashable, Sendable {
    /// The score.
    public var score: Score?
    /// The grade word as printed (`良`, `优秀`).
    public var grade: String?
    /// The total row's scores by column, for a 合计/总计 row of a score table (`总计 … 90.67 94.91 93.22`).
    public var columns: [ScoreColumn: Score]
    /// True for the 合计/总计 row of a 得分表 (the sum of its scored rows).
    public var isScoreTableTotal: Bool
    /// Where.
    public var source: SourceLocation

    /// Creates a statement.
    public init(
        score: Score?, grade: String?, columns: [ScoreColumn: Score] = [:], isScoreTableTotal: Bool = false,
        source: SourceLocation
    ) {
        self.score = score
        self.grade = grade
        self.columns = columns
        self.isScoreTableTotal = isScoreTableTotal
        self.source = source
    }
}

/// One grade band: `grade` for scores from `minimum` (inclusive) up to the next band.
public struct GradeBand: Hashable, Sendable {
    /// `优`, `良`, `中`, `差`.
    public var grade: String
    /// The inclusive lower bound; 0 for the lowest band.
    public var minimum: Score
    /// Where it was stated.
    public var source: SourceLocation

    /// Creates a band.
    public init(grade: String, minimum: Score, source: SourceLocation) {
        self.grade = grade
        self.minimum = minimum
        self.source = source
    }
}

/// A count of indicators the text states: `三级指标 27 个` (for the whole system or under one 一级).
public struct StatedCount: Hashable, Sendable {
    /// The level counted.
    public var level: IndicatorLevel
    /// The number stated.
    public var count: Int
    /// The 一级 indicator the count is for; `nil` for the whole system.
    public var scope: String?
    /// Where.
    public var source: SourceLocation

    /// Creates a count.
    public init(level: IndicatorLevel, count: Int, scope: String?, source: SourceLocation) {
        self.level = level
        self.count = count
        self.scope = scope
        self.source = source
    }
}

/// The stated weights of a composite score (`非现场评价得分40%、现场评价得分60%`), in percent.
public struct CompositeWeights: Hashable, Sendable {
    /// The non-field share, percent (40).
    public var nonField: Int64
    /// The field share, percent (60).
    public var field: Int64
    /// Where stated.
    public var source: SourceLocation

    /// Creates weights.
    public init(nonField: Int64, field: Int64, source: SourceLocation) {
        self.nonField = nonField
        self.field = field
        self.source = source
    }
}

/// A paragraph's restatement of an indicator's figures: `2.组织实施，分值13分，得分11.40分，得分率87.69%`.
public struct ScoreStatement: Hashable, Sendable {
    /// The subject as printed (`组织实施`, `效益`, `C7.资金到位率`).
    public var subject: String
    /// 分值, when stated.
    public var weight: Score?
    /// 得分, when stated.
    public var score: Score?
    /// 得分率, when stated (hundredths of a percent).
    public var rate: Score?
    /// The decimals the rate is printed with (`100%` → 0, `87.69%` → 2).
    public var rateDecimals: Int
    /// Where.
    public var source: SourceLocation

    /// Creates a statement.
    public init(subject: String, weight: Score?, score: Score?, rate: Score?, rateDecimals: Int, source: SourceLocation) {
        self.subject = subject
        self.weight = weight
        self.score = score
        self.rate = rate
        self.rateDecimals = rateDecimals
        self.source = source
    }
}

/// A fund table whose columns fall in groups closed by a 小计 column, with a 合计 row (表3-2).
public struct FundTable: Hashable, Sendable {
    /// The printed title.
    public var title: String
    /// The money unit (万元 unless the header says 元).
    public var unit: MoneyUnit
    /// Column names, `预算到位资金·中央资金`.
    public var columns: [String]
    /// The column groups: each a range of part columns followed by the index of its 小计 column.
    public var groups: [(parts: Range<Int>, subtotal: Int)] {
        var result: [(Range<Int>, Int)] = []
        var start = 0
        for (index, name) in columns.enumerated() where name.hasSuffix("小计") {
            result.append((start..<index, index))
            start = index + 1
        }
        return result
    }
    /// The data rows (not 合计).
    public var rows: [FundRow]
    /// The 合计 row, when printed.
    public var total: FundRow?
    /// Where the title was read.
    public var source: SourceLocation

    /// Creates a table.
    public init(title: String, unit: MoneyUnit, columns: [String], source: SourceLocation) {
        self.title = title
        self.unit = unit
        self.columns = columns
        rows = []
        total = nil
        self.source = source
    }

}

/// One row of a fund table: amounts by column (`——`, `-` and blank read as zero, DOMAIN §0.2).
public struct FundRow: Hashable, Sendable {
    /// The row label (`离休伤残医疗补助`, `合计`).
    public var label: String
    /// The amounts by column; `nil` where a cell is not a number.
    public var amounts: [Money?]
    /// Where the row was read.
    public var source: SourceLocation

    /// Creates a row.
    public init(label: String, amounts: [Money?], source: SourceLocation) {
        self.label = label
        self.amounts = amounts
        self.source = source
    }
}

/// A stated mid-year budget adjustment: `年初预算安排资金 12847.65 万元，…调减预算 1268.369 万元，调整比例未超过年初预算总额 10%`.
public struct BudgetAdjustment: Hashable, Sendable {
    /// 年初预算 as stated in the sentence.
    public var initialBudget: Money
    /// The adjustment as stated (positive for 调减 and 调增 alike).
    public var adjustment: Money
    /// True for 调减 (a cut), false for 调增.
    public var isCut: Bool
    /// The share the sentence claims the adjustment stays under (10 for `未超过…10%`), percent.
    public var claimedBelowPercent: Int?
    /// Where.
    public var source: SourceLocation

    /// Creates a statement.
    public init(
        initialBudget: Money, adjustment: Money, isCut: Bool, claimedBelowPercent: Int?, source: SourceLocation
    ) {
        self.initialBudget = initialBudget
        self.adjustment = adjustment
        self.isCut = isCut
        self.claimedBelowPercent = claimedBelowPercent
        self.source = source
    }
}

/// The report's budget table figures: 年初预算数 and 全年预算数 (总览表 一, in 万元).
public struct BudgetFigures: Hashable, Sendable {
    /// 年初预算数.
    public var initial: Money
    /// 全年预算数 (after adjustments).
    public var annual: Money
    /// Where.
    public var source: SourceLocation

    /// Creates figures.
    public init(initial: Money, annual: Money, source: SourceLocation) {
        self.initial = initial
        self.annual = annual
        self.source = source
    }
}

/// A table of cases, one per row, grouped by unit (区域): the number of late payments per unit.
public struct CaseTable: Hashable, Sendable {
    /// The printed title.
    public var title: String
    /// The number of cases (rows) per unit, units in first-seen order.
    public var counts: [(unit: String, count: Int)]
    /// Where the title was read.
    public var source: SourceLocation

    /// Creates a table.
    public init(title: String, counts: [(unit: String, count: Int)], source: SourceLocation) {
        self.title = title
        self.counts = counts
        self.source = source
    }

    /// The cases of `unit` (0 when it has none).
    public func count(of unit: String) -> Int { counts.first { $0.unit == unit }?.count ?? 0 }

    public static func == (lhs: CaseTable, rhs: CaseTable) -> Bool {
        lhs.title == rhs.title && lhs.source == rhs.source && lhs.counts.map(\.unit) == rhs.counts.map(\.unit)
            && lhs.counts.map(\.count) == rhs.counts.map(\.count)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(title)
        hasher.combine(source)
    }
}
