/// What a printed amount cell holds once read.
public enum AmountReading: Hashable, Sendable {
    /// Nothing printed, a dash (`-`, `—`, `——`), or a mark for "none" alone (`/`, `／`, `\`, `无`): zero by the
    /// blank-means-zero convention.
    case blank
    /// A number, exact.
    case amount(Money)
    /// Text that is not a number in the given unit; the reason says why.
    case invalid(reason: String)

    /// The reason of a number above ``Money/maximumReadable`` (10^16 分, 100 万亿元) or beyond 64 bits.
    public static let outOfRangeReason = "number too large"

    /// Whether this is a number too large to be an amount (``outOfRangeReason``), not text that is no number.
    public var isOutOfRange: Bool { self == .invalid(reason: Self.outOfRangeReason) }

    /// The reason of an invalid reading in Chinese (`not a number` → 不是数字), for messages written Chinese first;
    /// `nil` for a blank or an amount.
    public var chineseReason: String? {
        guard case .invalid(let reason) = self else { return nil }
        switch reason {
        case "misplaced comma": return "逗号位置不对"
        case "two decimal points": return "有两个小数点"
        case "misplaced minus sign": return "负号位置不对"
        case "not a number": return "不是数字"
        case "misplaced thousands separator": return "千位分隔符位置不对"
        case Self.outOfRangeReason: return "数字过大"
        default:
            let decimals = "more decimals than 1 分 in "
            if reason.hasPrefix(decimals) { return "小数位超出\(reason.dropFirst(decimals.count))的 1 分" }
            return "无法读作数字"
        }
    }
}

extension Money {
    /// Reads a printed amount such as `7,297.28`, `2, 361. 57` (spaces inside a number are extraction
    /// artefacts), `939.04`, `-12.50`, `(12.50)` (negative, as accountants print it), `０.００` (full width) in `unit`.
    ///
    /// - Returns: `.blank` for an empty cell, a dash or a mark for "none" alone (`/`, `无`), `.invalid` for text
    ///   that is not a number or that has more decimals than 分 allow in `unit`.
    public static func reading(_ text: some StringProtocol, unit: MoneyUnit) -> AmountReading {
        // `(12.50)`, `（12.50）`: told by the first byte, `(` or the lead byte of `（` (EF BC 88), before any other work.
        if let first = text.utf8.first, first == 0x28 || first == 0xEF, let inner = parenthesized(text) {
            // One pair only (`((12.50))` is no amount): the recursion goes one level deep, whatever the input. And
            // an amount as accountants print one, with decimals or thousands separators: `(1)`…`(12)` number columns
            // (a 栏次 row), never amounts.
            guard inner.first != "(", inner.first != "（",
                inner.contains(where: { $0 == "." || $0 == "," || $0 == "，" || $0 == "．" }),
                case .amount(let money) = reading(inner, unit: unit), money.fen >= 0
            else {
                return .invalid(reason: "not a number")
            }
            return .amount(Money(fen: -money.fen))
        }
        var digits: [UInt8] = []
        digits.reserveCapacity(24)
        var isNegative = false
        var seenDigit = false
        var dashCount = 0
        var decimalPointIndex: Int?
        var commaPositions: [Int] = []
        var noneMarks = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x20, 0x09, 0x0A, 0x0D, 0x3000, 0xA0:  // whitespace inside a number is an artefact
                continue
            case 0x30...0x39:
                digits.append(UInt8(scalar.value - 0x30))
                seenDigit = true
            case 0xFF10...0xFF19:  // full-width digits
                digits.append(UInt8(scalar.value - 0xFF10))
                seenDigit = true
            case 0x2C, 0xFF0C:  // , ，
                guard seenDigit, decimalPointIndex == nil else { return .invalid(reason: "misplaced comma") }
                commaPositions.append(digits.count)
            case 0x2E, 0xFF0E:  // . ．
                guard decimalPointIndex == nil else { return .invalid(reason: "two decimal points") }
                decimalPointIndex = digits.count
            case 0x2D, 0x2212, 0xFF0D, 0x2014, 0x2013:  // - − － — –
                if seenDigit || decimalPointIndex != nil { return .invalid(reason: "misplaced minus sign") }
                dashCount += 1
                isNegative = true
            case 0x2F, 0xFF0F, 0x5C, 0x65E0:  // / ／ \ 无: "none", when alone
                noneMarks += 1
            case _ where TextNormalization.isSpace(scalar.value):  // other spaces and invisible format characters
                continue
            default:
                return .invalid(reason: "not a number")
            }
        }
        if noneMarks > 0 {
            let alone = noneMarks == 1 && digits.isEmpty && dashCount == 0 && decimalPointIndex == nil && commaPositions.isEmpty
            return alone ? .blank : .invalid(reason: "not a number")
        }
        if digits.isEmpty {
            if decimalPointIndex != nil || !commaPositions.isEmpty { return .invalid(reason: "not a number") }
            return .blank  // "", "-", "—", "——"
        }
        if dashCount > 1 { return .invalid(reason: "misplaced minus sign") }
        let integerDigitCount = decimalPointIndex ?? digits.count
        if !commaPositions.isEmpty {
            // Thousands separators: every group after the first has exactly three digits.
            var previous = commaPositions[0]
            if previous == 0 || previous > 3 { return .invalid(reason: "misplaced thousands separator") }
            for position in commaPositions.dropFirst() {
                if position - previous != 3 { return .invalid(reason: "misplaced thousands separator") }
                previous = position
            }
            if integerDigitCount - previous != 3 { return .invalid(reason: "misplaced thousands separator") }
        }
        let fractionDigitCount = digits.count - integerDigitCount
        if fractionDigitCount > unit.maximumFractionDigits {
            return .invalid(reason: "more decimals than 1 分 in \(unit.rawValue)")
        }
        // In 分: one 分 is the unit's last fraction digit (10^−2 元, 10^−6 万元).
        guard
            let fen = FixedDecimal.units(
                digits: digits, fractionDigits: fractionDigitCount, decimals: unit.maximumFractionDigits),
            fen <= Money.maximumReadable.fen
        else { return .invalid(reason: AmountReading.outOfRangeReason) }
        return .amount(Money(fen: isNegative ? -fen : fen))
    }

    /// What stands between `(` and `)` (or `（` and `）`) that enclose the whole text, spaces around it aside.
    private static func parenthesized(_ text: some StringProtocol) -> Substring? {
        let trimmed = Substring(text).drop { $0 == " " || $0 == "\u{3000}" }
        guard let open = trimmed.first, open == "(" || open == "（" else { return nil }
        var inner = trimmed.dropFirst()
        while let last = inner.last, last == " " || last == "\u{3000}" { inner = inner.dropLast() }
        guard let close = inner.last, close == (open == "(" ? ")" : "）") else { return nil }
        return inner.dropLast()
    }

    /// Reads a printed amount, or `nil` when `text` is not a number. A blank cell reads as zero.
    public init?(parsing text: some StringProtocol, unit: MoneyUnit) {
        switch Money.reading(text, unit: unit) {
        case .blank: self = .zero
        case .amount(let money): self = money
        case .invalid: return nil
        }
    }
}
