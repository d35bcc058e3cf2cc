/// A number with its unit as printed in a performance table: `450家`, `98.56%`, `514776.52元`, `20万人`.
public struct Measure: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The value × 1,000,000, exact.
    public var millionths: Int64
    /// The unit as printed (`家`, `%`, `万元`), empty when none.
    public var unit: String

    /// Creates a measure.
    public init(millionths: Int64, unit: String) {
        self.millionths = millionths
        self.unit = unit
    }

    /// `450家`, `98.56%`.
    public var description: String { FixedDecimal(units: millionths, decimals: 6).description + unit }

    /// `7,348.5` → 7,348,500,000; `nil` when not a plain decimal with at most six decimals (see
    /// ``FixedDecimal/millionths(_:)``).
    public static func millionths(_ text: some StringProtocol) -> Int64? { FixedDecimal.millionths(text) }

    /// The base unit and factor a unit converts to: `万元` is 10,000 `元`, `小时` is 60 `分钟`.
    public static func baseUnit(of unit: String) -> (unit: String, factor: Int64) {
        switch unit {
        case "万元": ("元", 10_000)
        case "亿元": ("元", 100_000_000)
        case "万人": ("人", 10_000)
        case "万人次": ("人次", 10_000)
        case "万户": ("户", 10_000)
        case "万件": ("件", 10_000)
        case "小时": ("分钟", 60)
        case "日", "天": ("分钟", 1_440)
        case "周": ("分钟", 10_080)
        case "个工作日", "工作日": ("分钟", 1_440)
        default: (unit, 1)
        }
    }

    /// The measure in the base unit of its unit (`52万元` → `520000元`), or `nil` on overflow.
    public var inBaseUnit: Measure? {
        let (base, factor) = Measure.baseUnit(of: unit)
        let (value, overflow) = millionths.multipliedReportingOverflow(by: factor)
        return overflow ? nil : Measure(millionths: value, unit: base)
    }

    /// Whether this measure's unit converts to `other`'s (the same base unit).
    public func isComparable(with other: Measure) -> Bool {
        Measure.baseUnit(of: unit).unit == Measure.baseUnit(of: other.unit).unit
    }

    /// True for money units (元, 万元, 亿元).
    public var isMoney: Bool { Measure.baseUnit(of: unit).unit == "元" }
}
