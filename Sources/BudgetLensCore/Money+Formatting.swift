extension Money {
    /// The amount as a plain decimal in `unit`, with at least `minimumFractionDigits` decimals and as many
    /// more as needed to be exact: `7297.28`, `0.00`, `1268.369`, `-3.90`.
    public func decimalString(in unit: MoneyUnit, minimumFractionDigits: Int = 2) -> String {
        let perUnit = unit.fenPerUnit
        let negative = fen < 0
        let magnitude = fen.magnitude
        let whole = magnitude / UInt64(perUnit)
        var fraction = magnitude % UInt64(perUnit)
        var fractionDigits = unit.maximumFractionDigits
        while fractionDigits > minimumFractionDigits, fraction % 10 == 0 {
            fraction /= 10
            fractionDigits -= 1
        }
        var text = negative ? "-" : ""
        text += String(whole)
        if fractionDigits > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: max(0, fractionDigits - digits.count)) + digits
        }
        return text
    }

    /// The amount as printed in Chinese tables: thousands separators and two decimals, e.g. `7,297.28`.
    public func groupedString(in unit: MoneyUnit) -> String {
        let plain = decimalString(in: unit)
        let negative = plain.hasPrefix("-")
        let body = negative ? String(plain.dropFirst()) : plain
        let parts = body.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        var grouped = ""
        while integer.count > 3 {
            grouped = "," + integer.suffix(3) + grouped
            integer = String(integer.dropLast(3))
        }
        grouped = integer + grouped
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        return (negative ? "-" : "") + grouped + fraction
    }

    /// Rounds to a whole multiple of `step` 分, halves away from zero (ROUND_HALF_UP on magnitudes), e.g.
    /// `Money(fen: 8_715_000).rounded(toMultipleOf: 10_000)` is 8.72 万元.
    public func rounded(toMultipleOf step: Int64) -> Money {
        precondition(step > 0, "rounding step must be positive")
        let magnitude = fen.magnitude
        let remainder = magnitude % UInt64(step)
        var rounded = magnitude - remainder
        if remainder * 2 >= UInt64(step) { rounded += UInt64(step) }
        let value = Int64(clamping: rounded)
        return Money(fen: fen < 0 ? -value : value)
    }
}

extension Money: CustomStringConvertible {
    /// The amount in 元 with two decimals, e.g. `72972800.00元`.
    public var description: String { decimalString(in: .yuan) + "元" }
}

extension Money: Codable {
    /// Encodes as a JSON string of 元 with two decimals (`"72972800.00"`): exact, and unit-explicit.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(decimalString(in: .yuan))
    }

    /// Decodes a JSON string of 元 such as `"72972800.00"`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard case .amount(let money) = Money.reading(text, unit: .yuan) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not an amount in 元 with at most two decimals")
        }
        self = money
    }
}
