/// Shows a workbook's stored number (`<v>8431.2800000000007</v>`) as the sheet shows it, exactly, in decimal
/// digits: never through `Double`.
///
/// A number cell stores the binary double's shortest or 17-digit decimal form; Excel shows at most 15
/// significant digits, so the stored digits are first rounded half-up to 15 significant digits (that removes
/// the binary noise: `8431.2800000000007` → `8431.28`). The cell's number format then fixes the decimals
/// (`0.00` → two, half-up), the thousands separators (`#,##0.00` → `8,431.28`) and percent (`0.00%`).
/// `General` shows the digits as they are. Dates and other formats show the plain number.
enum SpreadsheetNumber {
    /// The text of a stored number under a format code, or `nil` when `stored` is not a number.
    static func display(_ stored: String, format: String) -> String? {
        guard var decimal = Decimal(stored) else { return nil }
        decimal.round(significantDigits: 15)
        let shape = Shape(format)
        if shape.percent { decimal.exponent += 2 }
        if let places = shape.decimals { decimal.round(decimalPlaces: places) }
        return decimal.text(minimumDecimals: shape.decimals ?? 0, grouped: shape.grouped) + (shape.percent ? "%" : "")
    }

    /// Whether the format shows fewer decimals than the stored number has (after Excel's 15 significant digits):
    /// `3.333` under `0.00` is shown `3.33`. `General` and text formats hide nothing.
    static func hidesDecimals(_ stored: String, format: String) -> Bool {
        guard var decimal = Decimal(stored) else { return false }
        decimal.round(significantDigits: 15)
        let shape = Shape(format)
        guard let places = shape.decimals else { return false }
        if shape.percent { decimal.exponent += 2 }
        var shown = decimal
        shown.round(decimalPlaces: places)
        return shown.trimmed != decimal.trimmed
    }

    /// Whether the format shows numbers as a percentage (`0.0%`).
    static func isPercent(_ format: String) -> Bool { Shape(format).percent }

    /// How many decimals the format shows (`nil` for General and text formats).
    static func decimals(_ format: String) -> Int? { Shape(format).decimals }

    /// The format code of a built-in number format id (ECMA-376 §18.8.30); `General` for the others.
    static func builtInFormat(_ id: Int) -> String {
        switch id {
        case 1: "0"
        case 2: "0.00"
        case 3: "#,##0"
        case 4: "#,##0.00"
        case 9: "0%"
        case 10: "0.00%"
        case 37, 38: "#,##0 ;(#,##0)"
        case 39, 40: "#,##0.00;(#,##0.00)"
        case 14: "m/d/yyyy"
        case 15: "d-mmm-yy"
        case 16: "d-mmm"
        case 17: "mmm-yy"
        case 18: "h:mm AM/PM"
        case 19: "h:mm:ss AM/PM"
        case 20: "h:mm"
        case 21: "h:mm:ss"
        case 22: "m/d/yyyy h:mm"
        case 45: "mm:ss"
        case 46: "[h]:mm:ss"
        case 47: "mm:ss.0"
        default: "General"
        }
    }

    /// Whether the format shows a date or time (`yyyy-mm-dd`, `m/d/yyyy`, `h:mm`, built-in 14–22 and 45–47):
    /// a y, m, d, h or s in the first section outside quotes, `[..]` brackets and `\`-escaped characters.
    static func isDate(_ format: String) -> Bool {
        let section = format.split(separator: ";", omittingEmptySubsequences: false).first ?? ""
        if section.lowercased() == "general" { return false }
        var inQuote = false
        var inBracket = false
        var escaped = false
        for character in section {
            if escaped {
                escaped = false
                continue
            }
            if inQuote {
                if character == "\"" { inQuote = false }
                continue
            }
            if inBracket {
                if character == "]" { inBracket = false }
                continue
            }
            switch character {
            case "\"": inQuote = true
            case "[": inBracket = true
            case "\\", "_", "*": escaped = true  // `\x` literal; `_x` a space as wide as x; `*x` fill
            case "y", "Y", "m", "M", "d", "D", "h", "H", "s", "S": return true
            default: break
            }
        }
        return false
    }

    /// The date a stored serial number stands for in Excel's 1900 date system (`45292` → `2024-01-01`; a time
    /// of day appended as `hh:mm:ss`); `nil` when it is no number or outside 1900–9999.
    static func dateText(_ stored: String) -> String? {
        // A serial as Excel stores it: digits, perhaps a fraction (`45292`, `45292.5`); anything else is no date.
        let parts = stored.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let wholePart = parts.first, (1...7).contains(wholePart.utf8.count),
            wholePart.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let serial = Int(wholePart),
            (1...2_958_465).contains(serial)
        else { return nil }
        var fractionDigits = parts.count == 2 ? String(parts[1].prefix(9)) : ""
        guard fractionDigits.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        while fractionDigits.utf8.count < 9 { fractionDigits += "0" }
        let billionths = Int(fractionDigits) ?? 0
        // Days since 1970-01-01 (serial 25569), shifted to 0000-03-01 (H. Hinnant's civil_from_days).
        let days = (serial >= 61 ? serial - 25_569 : serial - 25_568) + 719_468
        let era = days / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = era * 400 + yearOfEra + (month <= 2 ? 1 : 0)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        var text = "\(year)-\(two(month))-\(two(day))"
        if billionths > 0 {
            let seconds = min((billionths * 86_400 + 500_000_000) / 1_000_000_000, 86_399)
            text += " \(two(seconds / 3_600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
        }
        return text
    }

    /// What a format code asks for: decimals (`nil` for General), grouping, percent. Only the first section
    /// (positive numbers) is looked at; quoted text and `[..]` brackets are skipped.
    private struct Shape {
        var decimals: Int?
        var grouped = false
        var percent = false

        init(_ format: String) {
            let section = format.split(separator: ";", omittingEmptySubsequences: false).first ?? ""
            if section.isEmpty || section.lowercased() == "general" || section == "@" { return }
            var inQuote = false
            var inBracket = false
            var afterPoint = false
            var places = 0
            var sawDigit = false
            for character in section {
                if inQuote {
                    if character == "\"" { inQuote = false }
                    continue
                }
                if inBracket {
                    if character == "]" { inBracket = false }
                    continue
                }
                switch character {
                case "\"": inQuote = true
                case "[": inBracket = true
                case ".": afterPoint = true
                case "0", "#", "?":
                    sawDigit = true
                    if afterPoint { places += 1 }
                case ",": grouped = sawDigit || grouped
                case "%": percent = true
                default: break
                }
            }
            decimals = sawDigit ? places : nil
        }
    }

    /// A decimal number as digits and a power of ten: value = ±digits × 10^exponent.
    struct Decimal {
        var negative: Bool
        var digits: [UInt8]  // most significant first, no leading zeros (empty for zero)
        var exponent: Int

        /// Parses `-12.5`, `1E-3`, `8431.2800000000007`.
        init?(_ text: String) {
            var bytes = Substring(text).utf8[...]
            while bytes.first == 0x20 { bytes = bytes.dropFirst() }
            while bytes.last == 0x20 { bytes = bytes.dropLast() }
            negative = bytes.first == UInt8(ascii: "-")
            if negative || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            digits = []
            exponent = 0
            var afterPoint = false
            var sawDigit = false
            while let byte = bytes.first, byte != UInt8(ascii: "E"), byte != UInt8(ascii: "e") {
                bytes = bytes.dropFirst()
                if byte == UInt8(ascii: ".") {
                    guard !afterPoint else { return nil }
                    afterPoint = true
                    continue
                }
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte), digits.count < 400 else { return nil }
                sawDigit = true
                if !(digits.isEmpty && byte == UInt8(ascii: "0")) { digits.append(byte - UInt8(ascii: "0")) }
                if afterPoint { exponent -= 1 }
            }
            guard sawDigit else { return nil }
            if !bytes.isEmpty {
                guard let power = Int(String(Substring(bytes.dropFirst()))), abs(power) <= 400 else { return nil }
                exponent += power
            }
        }

        /// The value without trailing zeros, for comparing two numbers: (sign, digits, power of ten).
        var trimmed: [Int] {
            var digits = digits
            var exponent = exponent
            while digits.last == 0 {
                digits.removeLast()
                exponent += 1
            }
            return digits.isEmpty ? [0] : [negative ? -1 : 1, exponent] + digits.map(Int.init)
        }

        /// Rounds half-up (away from zero) to `count` significant digits.
        mutating func round(significantDigits count: Int) {
            guard digits.count > count else { return }
            round(keeping: count)
        }

        /// Rounds half-up (away from zero) to `places` digits after the decimal point.
        mutating func round(decimalPlaces places: Int) {
            let drop = -exponent - places
            guard drop > 0 else { return }
            round(keeping: digits.count - drop)
        }

        private mutating func round(keeping count: Int) {
            let dropped = digits.count - count
            guard dropped > 0 else { return }
            exponent += dropped
            if count < 0 {
                digits = []
                return
            }
            let roundUp = count < digits.count && digits[count] >= 5
            digits = Array(digits.prefix(count))
            if roundUp {
                var index = digits.count - 1
                while index >= 0 {
                    if digits[index] == 9 {
                        digits[index] = 0
                        index -= 1
                    } else {
                        digits[index] += 1
                        break
                    }
                }
                if index < 0 { digits.insert(1, at: 0) }
            }
            while let last = digits.last, last == 0 {
                digits.removeLast()
                exponent += 1
            }
            if digits.isEmpty { exponent = 0 }
        }

        /// Plain decimal text with at least `minimumDecimals` decimals, thousands separated when `grouped`.
        func text(minimumDecimals: Int, grouped: Bool) -> String {
            var integer: [UInt8]
            var fraction: [UInt8]
            if exponent >= 0 {
                integer = digits + [UInt8](repeating: 0, count: exponent)
                fraction = []
            } else {
                let split = digits.count + exponent
                if split > 0 {
                    integer = Array(digits.prefix(split))
                    fraction = Array(digits.dropFirst(split))
                } else {
                    integer = []
                    fraction = [UInt8](repeating: 0, count: -split) + digits
                }
            }
            if integer.isEmpty { integer = [0] }
            while fraction.count < minimumDecimals { fraction.append(0) }
            var text = negative && !digits.isEmpty ? "-" : ""
            for (index, digit) in integer.enumerated() {
                if grouped, index > 0, (integer.count - index) % 3 == 0 { text += "," }
                text += String(digit)
            }
            if !fraction.isEmpty { text += "." + fraction.map(String.init).joined() }
            return text
        }
    }
}
