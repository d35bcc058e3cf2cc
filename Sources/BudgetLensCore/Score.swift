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
        guard let millionths, millionths % 10_000 == 0,
            (millionths / 10_000).magnitude <= Score.maximumReadable.hundredths
        else { return nil }
        hundredths = millionths / 10_000
    }

    /// The largest score read from a document: 100,000,000 points (10^10 hundredths). No scheme comes near it,
    /// and all the scores the largest input (4 GiB, at least 10 bytes for such a score) can hold add up to at most
    /// 4.3 × 10^18 hundredths: no sum of read scores overflows.
    public static let maximumReadable = Score(hundredths: 10_000_000_000)

    public static let zero = Score(hundredths: 0)

    public static func < (lhs: Score, rhs: Score) -> Bool { lhs.hundredths < rhs.hundredths }
    public static func + (lhs: Score, rhs: Score) -> Score { Score(hundredths: lhs.hundredths + rhs.hundredths) }
    public static func - (lhs: Score, rhs: Score) -> Score { Score(hundredths: lhs.hundredths - rhs.hundredths) }

    /// `99.86`, `100`, `8.5`: as few decimals as needed.
    public var description: String { FixedDecimal(units: hundredths, decimals: 2).description }

    /// The score `weight × numerator / denominator`, rounded half up to 0.01 (ROUND_HALF_UP, exact).
    ///
    /// - Returns: `nil` when `denominator` is not positive or the result does not fit in `Int64` hundredths
    ///   (a huge numerator over a tiny denominator); never traps, never wraps.
    public static func proportion(
        of weight: Score, numerator: some BinaryInteger, denominator: some BinaryInteger
    ) -> Score? {
        guard denominator > 0, let numerator = Int128(exactly: numerator),
            let denominator = Int128(exactly: denominator)
        else { return nil }
        let (product, overflow) = Int128(weight.hundredths).multipliedReportingOverflow(by: numerator)
        guard !overflow else { return nil }
        let (quotient, remainder) = product.quotientAndRemainder(dividingBy: denominator)
        let roundUp = remainder.magnitude >= denominator.magnitude - remainder.magnitude
        let rounded = quotient + (roundUp ? (quotient >= 0 ? 1 : -1) : 0)
        return Int64(exactly: rounded).map { Score(hundredths: $0) }
    }

    /// The 自评等级 of a total: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below (DOMAIN §3.3), with the given bounds.
    public func grade(bounds: [(grade: String, minimum: Score)]) -> String {
        bounds.sorted { $0.minimum > $1.minimum }.first { self >= $0.minimum }?.grade ?? bounds.last?.grade ?? ""
    }
}
