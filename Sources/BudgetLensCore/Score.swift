/// A score in hundredths of a point: 99.86 分 is `Score(hundredths: 9986)`. Fixed-point, never a `Double`.
public struct Score: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Hundredths of a point.
    public var hundredths: Int64

    /// Creates a score of `hundredths` / 100 points.
    public init(hundredths: Int64) { self.hundredths = hundredths }

    /// Whole points.
    public init(points: Int64) { hundredths = points * 100 }

    /// Reads `99.86`, `8.5`, `100`, `9.7分`; `nil` when not a number or more than two decimals.
    public init?(parsing text: some StringProtocol) {
        let direct = Measure.millionths(text)
        var millionths = direct
        if millionths == nil {
            var key = TextNormalization.key(text)
            if key.hasByteSuffix("分") { key.removeLast() }
            millionths = Measure.millionths(key)
        }
        guard let millionths, millionths % 10_000 == 0 else { return nil }
        hundredths = millionths / 10_000
    }

    public static let zero = Score(hundredths: 0)

    public static func < (lhs: Score, rhs: Score) -> Bool { lhs.hundredths < rhs.hundredths }
    public static func + (lhs: Score, rhs: Score) -> Score { Score(hundredths: lhs.hundredths + rhs.hundredths) }
    public static func - (lhs: Score, rhs: Score) -> Score { Score(hundredths: lhs.hundredths - rhs.hundredths) }

    /// `99.86`, `100`, `8.5`: as few decimals as needed.
    public var description: String {
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = hundredths.magnitude
        let whole = magnitude / 100
        let fraction = magnitude % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)" }
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// The score `weight × numerator / denominator`, rounded half up to 0.01 (ROUND_HALF_UP, exact).
    public static func proportion(of weight: Score, numerator: Int64, denominator: Int64) -> Score {
        precondition(denominator > 0, "a proportion needs a positive denominator")
        let product = weight.hundredths.multipliedFullWidth(by: numerator)
        let (quotient, remainder) = denominator.dividingFullWidth(product)
        let roundUp = remainder.magnitude * 2 >= denominator.magnitude
        return Score(hundredths: quotient + (roundUp ? (quotient >= 0 ? 1 : -1) : 0))
    }

    /// The 自评等级 of a total: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below (DOMAIN §3.3), with the given bounds.
    public func grade(bounds: [(grade: String, minimum: Score)]) -> String {
        bounds.sorted { $0.minimum > $1.minimum }.first { self >= $0.minimum }?.grade ?? bounds.last?.grade ?? ""
    }
}
