import BudgetLensCore

/// An indicator system kept as data (a YAML file, see docs/frameworks.md): weights, explanations, data sources and
/// one scoring rule per scored indicator, from the rule kinds of DOMAIN §4.3.
public struct Framework: Sendable {
    /// The framework's name.
    public var name: String
    /// Full marks (100).
    public var total: Score
    /// Grade bands, highest first (default 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差).
    public var grades: [(grade: String, minimum: Score)]
    /// Every indicator, parents before children; `parent` indexes into this array.
    public var indicators: [FrameworkIndicator]
    /// The file the framework was read from.
    public var file: String

    /// The largest number a framework or evidence file may hold, in hundredths (10,000): products of three such
    /// numbers stay within `Int64`.
    public static let maximumHundredths: Int64 = 1_000_000

    /// The most items an evidence list may hold.
    public static let maximumListCount = 10_000

    /// The indices of the direct children of `index` (`nil`: the 一级 indicators).
    public func children(of index: Int?) -> [Int] { indicators.indices.filter { indicators[$0].parent == index } }
}

/// One indicator of a framework.
public struct FrameworkIndicator: Sendable {
    /// 一级, 二级, 三级.
    public var level: IndicatorLevel
    /// `(3)`, `C7`, or empty.
    public var code: String
    /// The name.
    public var name: String
    /// 分值.
    public var weight: Score
    /// 指标解释.
    public var explanation: String
    /// 指标/数据来源.
    public var dataSource: String
    /// The scoring rule; only leaves have one.
    public var rule: ScoringRule?
    /// The parent indicator's index.
    public var parent: Int?
    /// The YAML line where the indicator starts.
    public var line: Int

    /// `(3) 预算执行进度`.
    public var label: String { code.isEmpty ? name : "\(code) \(name)" }
}

/// A band of a tiered rule: values in [`minimum`, `maximum`) (bounds inclusive or not as stated) give `share`
/// percent of the points.
public struct ScoreBand: Sendable, Hashable {
    /// The lower bound, `nil` for none.
    public var minimum: Score?
    /// Whether the lower bound is included (default true).
    public var includesMinimum: Bool
    /// The upper bound, `nil` for none.
    public var maximum: Score?
    /// Whether the upper bound is included (default false).
    public var includesMaximum: Bool
    /// The share of the points, percent (hundredths).
    public var share: Score

    func contains(_ value: Score) -> Bool {
        if let minimum, includesMinimum ? value < minimum : value <= minimum { return false }
        if let maximum, includesMaximum ? value > maximum : value >= maximum { return false }
        return true
    }
}

/// The rule kinds of DOMAIN §4.3. Values (percentages, points) are hundredths.
public indirect enum ScoringRule: Sendable {
    /// 分值 × value %, capped at 分值. Evidence: `value` (%) or `numerator` and `denominator`.
    case ratio
    /// full points if met, else 0. Evidence: `met: true|false`.
    case allOrNothing
    /// items each worth part of the points. Evidence: `failed: [item ids]`.
    case checklist(items: [(id: String, text: String, points: Score)])
    /// a deduction per finding, down to zero; `voidable`: the whole indicator is 0 on a `void` finding
    /// (截留、挤占、挪用、虚列). Evidence: `findings: [text or {text, deduction}]`, `void: true`.
    case deduction(per: Score, voidable: Bool)
    /// tiered bands over the value, or over |value − target| (deviation bands). Evidence: `value` or
    /// `values` (averaged, R-14).
    case bands([ScoreBand], deviationFrom: Score?)
    /// time nodes with targets; below a target, `deduction` per started `step` points. Evidence:
    /// `values: [progress % at each node]`.
    case progress(targets: [Score], step: Score, deduction: Score)
    /// full points up to `limit`; above it `first` then `deduction` per `step` points (started steps, or
    /// completed ones when `completedSteps`); 0 when more than `zeroAbove` over. Evidence: `value`.
    case changeRate(limit: Score, step: Score, deduction: Score, first: Score, completedSteps: Bool, zeroAbove: Score?)
    /// full points at or above `threshold`; below it, per `unit` of shortfall, `share` percent of the points
    /// (`每下降1%扣相应分值2%`) or `deduction` points (`每下降一个月扣2分`), proportionally, down to zero.
    /// Evidence: `value`, optionally `threshold` (a rate known only with the evidence).
    case perPoint(threshold: Score?, unit: Score, share: Score?, deduction: Score?)
    /// the points shared equally among sampled projects, each scoring its grade's share. Evidence:
    /// `grades: [优, 良, …]`.
    case gradeShare(shares: [String: Score], otherwise: Score)
    /// `perStep` deducted per grade step between 自评 and 复评. Evidence: `pairs: [[优, 良], …]`.
    case gradeDifference(perStep: Score)
    /// 非现场 × w₁ + 现场 × w₂ (percent). Evidence: `non_field`, `field` scores.
    case composite(nonField: Score, field: Score)
    /// Parts each scored by its own rule on its own evidence (`parts: {id: evidence}`), points adding up to the
    /// indicator's weight.
    case parts([(id: String, name: String, points: Score, rule: ScoringRule)])

    /// The kind's name in framework files.
    public var kind: String {
        switch self {
        case .ratio: "ratio"
        case .allOrNothing: "all-or-nothing"
        case .checklist: "checklist"
        case .deduction: "deduction"
        case .bands(_, let target): target == nil ? "bands" : "deviation-bands"
        case .progress: "progress"
        case .changeRate: "change-rate"
        case .perPoint: "per-point"
        case .gradeShare: "grade-share"
        case .gradeDifference: "grade-difference"
        case .composite: "composite"
        case .parts: "parts"
        }
    }

    /// Every kind a framework may name.
    public static let kinds = [
        "ratio", "all-or-nothing", "checklist", "deduction", "bands", "deviation-bands", "progress", "change-rate",
        "per-point", "grade-share", "grade-difference", "composite", "parts",
    ]
}

/// A framework or evidence file that cannot be used: the message names the file, line and indicator, in Chinese
/// and English.
public struct FrameworkError: Error, Sendable, CustomStringConvertible {
    /// `file:line`.
    public var place: String
    /// What is wrong, in Chinese, with the indicator and the offending value.
    public var chineseMessage: String
    /// What is wrong, in English.
    public var message: String

    init(_ file: String, _ line: Int?, _ chinese: String, _ english: String) {
        place = "\(file):\(line ?? 0)"
        chineseMessage = chinese
        message = english
    }

    /// `file:line: 中文`.
    public var chineseDescription: String { "\(place): \(chineseMessage)" }

    /// `file:line: English`.
    public var description: String { "\(place): \(message)" }
}
