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

    /// The largest amount read from a document: 10^16 分 (100 万亿元), far above any budget, so that a hundred
    /// such amounts still add up without overflow. A printed amount beyond it is not read as a number.
    public static let maximumReadable = Money(fen: 10_000_000_000_000_000)

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.fen < rhs.fen }

    /// The sum; traps on overflow (never wraps). Sums an input controls use ``adding(_:)``.
    public static func + (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen + rhs.fen) }
    /// The difference; traps on overflow (never wraps). Differences an input controls use ``subtracting(_:)``.
    public static func - (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen - rhs.fen) }
    /// The negation; traps on `Int64.min` (never wraps).
    public static prefix func - (value: Money) -> Money { Money(fen: -value.fen) }
    public static func += (lhs: inout Money, rhs: Money) { lhs = lhs + rhs }
    public static func -= (lhs: inout Money, rhs: Money) { lhs = lhs - rhs }

    /// The sum, or `nil` when it does not fit in `Int64` 分.
    public func adding(_ other: Money) -> Money? {
        let (result, overflow) = fen.addingReportingOverflow(other.fen)
        return overflow ? nil : Money(fen: result)
    }

    /// The difference, or `nil` when it does not fit in `Int64` 分.
    public func subtracting(_ other: Money) -> Money? {
        let (result, overflow) = fen.subtractingReportingOverflow(other.fen)
        return overflow ? nil : Money(fen: result)
    }

    /// The negation, or `nil` for the one amount whose negation does not fit (`Int64.min` 分).
    public var negated: Money? {
        let (result, overflow) = Int64(0).subtractingReportingOverflow(fen)
        return overflow ? nil : Money(fen: result)
    }
}

extension Sequence where Element == Money {
    /// The sum of the amounts; traps on overflow. Sums an input controls use ``checkedSum()``.
    public func sum() -> Money { reduce(.zero, +) }

    /// The sum of the amounts, or `nil` when it overflows `Int64` 分.
    ///
    /// - Complexity: O(*n*).
    public func checkedSum() -> Money? {
        var total = Money.zero
        for amount in self {
            guard let next = total.adding(amount) else { return nil }
            total = next
        }
        return total
    }
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
