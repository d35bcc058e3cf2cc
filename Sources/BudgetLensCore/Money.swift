/// An exact amount of money in 分 (0.01 元); 1 万元 = 1,000,000 分. Never a `Double`.
///
/// Amounts printed in a document keep their unit separately (``MoneyUnit``); `Money` itself is absolute,
/// so a value read from a 万元 table and one read from a 元 table compare correctly.
public struct Money: Hashable, Comparable, Sendable {
    /// The amount in 分.
    public var fen: Int64

    /// Creates an amount of `fen` 分.
    public init(fen: Int64) { self.fen = fen }

    /// Zero.
    public static let zero = Money(fen: 0)

    /// True when the amount is zero.
    public var isZero: Bool { fen == 0 }

    /// The absolute value.
    public var magnitude: Money { Money(fen: fen == .min ? .max : abs(fen)) }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.fen < rhs.fen }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen &+ rhs.fen) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen &- rhs.fen) }
    public static prefix func - (value: Money) -> Money { Money(fen: 0 &- value.fen) }
    public static func += (lhs: inout Money, rhs: Money) { lhs = lhs + rhs }
    public static func -= (lhs: inout Money, rhs: Money) { lhs = lhs - rhs }
}

extension Sequence where Element == Money {
    /// The sum of the amounts.
    public func sum() -> Money { reduce(.zero, +) }
}

/// The money unit a table or document declares, e.g. `金额单位：万元`.
public enum MoneyUnit: String, Hashable, Sendable, Codable, CaseIterable {
    /// 元 (yuan).
    case yuan = "元"
    /// 万元 (10,000 yuan), the unit of the published final-account tables.
    case wanYuan = "万元"

    /// How many 分 one unit holds.
    public var fenPerUnit: Int64 {
        switch self {
        case .yuan: 100
        case .wanYuan: 1_000_000
        }
    }

    /// The number of decimal places that one 分 takes in this unit.
    public var maximumFractionDigits: Int {
        switch self {
        case .yuan: 2
        case .wanYuan: 6
        }
    }
}
