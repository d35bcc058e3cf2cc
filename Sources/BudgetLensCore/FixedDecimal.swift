/// An exact decimal number: an integer count of 10^−`decimals` (`FixedDecimal(units: 9986, decimals: 2)` is
/// 99.86). The one home of decimal reading and writing for scores (hundredths), rates, measures and rule literals
/// (millionths) and PDF coordinates (hundredths); money's unit-aware reading (`Money.reading`: separators,
/// full-width digits, dashes) checks the printed form and takes the value from ``units(digits:fractionDigits:decimals:)``.
public struct FixedDecimal: Hashable, Sendable, CustomStringConvertible {
    /// The value × 10^`decimals`.
    public var units: Int64
    /// How many decimals `units` holds: 0 … 18.
    public var decimals: Int

    /// The number `units` × 10^−`decimals`.
    public init(units: Int64, decimals: Int) {
        precondition((0...18).contains(decimals), "a FixedDecimal holds 0 to 18 decimals")
        self.units = units
        self.decimals = decimals
    }

    /// The most digits before the point ``millionths(_:)`` reads: 12, so that the result fits `Int64`.
    public static let maximumWholeDigits = 12

    /// Reads a plain decimal, `7,348.5`, `-0.005`, `100`, in millionths (7,348,500,000).
    ///
    /// - Returns: `nil` when `text` is not a decimal (an optional leading `-`, digits with optional thousands
    ///   commas before the point, at most 6 decimals) or has more than 12 significant digits before the point.
    public static func millionths(_ text: some StringProtocol) -> Int64? {
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var wholeDigits = 0
        var significantWholeDigits = 0
        var negative = false
        var seenPoint = false
        for (offset, byte) in text.utf8.enumerated() {
            switch byte {
            case 0x2D where offset == 0:
                negative = true
            case 0x2C where !seenPoint && wholeDigits > 0:
                continue  // thousands separator
            case 0x2E where !seenPoint:
                seenPoint = true
            case 0x30...0x39:
                let digit = Int64(byte - 0x30)
                if seenPoint {
                    guard fractionDigits < 6 else { return nil }
                    fraction = fraction * 10 + digit
                    fractionDigits += 1
                } else {
                    wholeDigits += 1
                    if whole > 0 || digit > 0 { significantWholeDigits += 1 }
                    guard significantWholeDigits <= maximumWholeDigits else { return nil }
                    whole = whole * 10 + digit
                }
            default:
                return nil
            }
        }
        guard wholeDigits > 0, !seenPoint || fractionDigits > 0 else { return nil }
        for _ in fractionDigits..<6 { fraction *= 10 }
        let value = whole * 1_000_000 + fraction
        return negative ? -value : value
    }

    /// The value of decimal `digits` (each 0–9, most significant first), the last `fractionDigits` of them after
    /// the point, counted in 10^−`decimals`: `[7, 2, 9, 7, 2, 8]` with 2 fraction digits in hundredths is 729,728
    /// (7,297.28). ``Money/reading(_:unit:)`` reads amounts through it, after checking their printed form.
    ///
    /// - Returns: `nil` when there are more fraction digits than `decimals`, or the value does not fit `Int64`
    ///   (overflow-checked, never a trap).
    public static func units(digits: some Sequence<UInt8>, fractionDigits: Int, decimals: Int) -> Int64? {
        guard (0...decimals).contains(fractionDigits) else { return nil }
        var value: Int64 = 0
        for digit in digits {
            let (multiplied, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (added, overflow2) = multiplied.addingReportingOverflow(Int64(digit))
            if overflow1 || overflow2 { return nil }
            value = added
        }
        for _ in fractionDigits..<decimals {
            let (multiplied, overflow) = value.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            value = multiplied
        }
        return value
    }

    /// `99.86`, `100`, `8.5`, `-0.005`: as few decimals as needed, the sign kept.
    public var description: String {
        var scale: UInt64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let magnitude = units.magnitude
        let whole = magnitude / scale
        var fraction = magnitude % scale
        var digits = decimals
        while digits > 0, fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let sign = units < 0 ? "-" : ""
        guard digits > 0 else { return "\(sign)\(whole)" }
        let fractionText = String(fraction)
        return "\(sign)\(whole).\(String(repeating: "0", count: digits - fractionText.count))\(fractionText)"
    }
}
