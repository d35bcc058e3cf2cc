import BudgetLensCore

/// A defect the review found, before the rule pack gives it an id, a severity and its rule text.
public struct ReviewItem: Sendable {
    public var aspect: ReviewAspect
    public var message: String
    public var english: String
    public var location: FindingLocation
    public var expected: FindingValue?
    public var actual: FindingValue?
}

/// Reviews the self-evaluations of a disclosure: the recomputed tables, the 汇总表 and the 情况说明 claims.
public struct SelfEvaluationReview: Sendable {
    public let disclosure: Disclosure
    public let scores: [TableScore]

    /// Reviews `disclosure` under `schemes`.
    public init(disclosure: Disclosure, schemes: SchemeSet) {
        self.disclosure = disclosure
        scores = ScoreCalculator(schemes: schemes).scores(of: disclosure)
    }

    /// Reviews `disclosure` whose tables are already recomputed (`scores`, from ``ScoreCalculator``).
    public init(disclosure: Disclosure, scores: [TableScore]) {
        self.disclosure = disclosure
        self.scores = scores
    }

    /// The defects of one aspect.
    public func items(_ aspect: ReviewAspect) -> [ReviewItem] {
        switch aspect {
        case .summaryAgrees, .summaryGrades, .summaryCounts, .narrativeSummaries:
            return SummaryReview(disclosure: disclosure, scores: scores).items(aspect)
        default:
            return scores.flatMap { TableReview(score: $0, disclosure: disclosure).items(aspect) }
        }
    }
}

/// Formats amounts (万元), scores and rates for messages.
enum Render {
    static func money(_ value: Money?) -> String { value?.decimalString(in: .wanYuan) ?? "—" }
    static func score(_ value: Score?) -> String { value?.description ?? "—" }
    /// A rate in hundredths of a percent at `decimals` decimals: 9856 → `98.56%`.
    static func rate(_ hundredths: Int64, decimals: Int) -> String {
        let scaled = decimals >= 2 ? hundredths : rounded(hundredths, toDecimals: decimals)
        let text = Score(hundredths: scaled).description
        guard decimals > 0 else { return text + "%" }
        let parts = text.split(separator: ".")
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        return "\(parts[0]).\(fraction.padding(toLength: decimals, withPad: "0", startingAt: 0))%"
    }

    /// Hundredths rounded half up to `decimals` decimals (0, 1 or 2), still in hundredths.
    static func rounded(_ hundredths: Int64, toDecimals decimals: Int) -> Int64 {
        guard decimals < 2 else { return hundredths }
        let step: Int64 = decimals <= 0 ? 100 : 10
        let remainder = hundredths % step
        return hundredths - remainder + (remainder * 2 >= step ? step : 0)
    }
}

extension String {
    func padding(toLength length: Int, withPad pad: String, startingAt _: Int) -> String {
        count >= length ? self : self + String(repeating: pad, count: length - count)
    }
}
