import BudgetLensCore

/// A number printed in the narrative with what follows it: `8,431.28万元`, `99.97%`, `2辆`, `2022年`.
struct NarrativeFigure {
    /// What the number measures.
    enum Measure: Equatable {
        /// An amount in 万元 or 元 (亿元 is read as 万元: ``printedStep``).
        case money(MoneyUnit)
        /// A percentage.
        case percent
        /// A count with its measure word (`辆`, `个`, `人次`, `批次`, `台(套)`).
        case count(String)
        /// A year (`2022年`), a date or a number without a unit: not a figure.
        case other
    }

    /// The digits as printed, without separators: value × 10^decimals.
    var scaled: Int64
    /// The decimals printed.
    var decimals: Int
    var measure: Measure
    /// Scalar offsets in the paragraph: the number, and the end of its unit.
    var start: Int
    var end: Int
    /// More digits than an `Int64` holds: the figure cannot be read.
    var isTooLong = false
    /// An amount printed in 亿元 (read as 万元: `0.294625亿元` is `2946.25万元`) with fewer than six decimals: one
    /// unit of its last printed digit, in 分 (`0.29亿元`: 100 万元). `nil` otherwise.
    var printedStep: Int64?

    /// The value as an exact amount in its unit, or `nil` when it has more decimals than 分 allow.
    var money: Money? {
        guard case .money(let unit) = measure, !isTooLong else { return nil }
        var fen = scaled
        var scale = unit.fenPerUnit
        var places = decimals
        while places > 0 {
            guard scale % 10 == 0 else { return nil }
            scale /= 10
            places -= 1
        }
        let (value, overflow) = fen.multipliedReportingOverflow(by: scale)
        // Beyond the readable range (as for table cells) it is not an amount, so sums of amounts never overflow.
        if overflow || value.magnitude > Money.maximumReadable.fen.magnitude { return nil }
        fen = value
        return Money(fen: fen)
    }

    var percentage: Percentage { Percentage(scaled: scaled, decimals: decimals) }

    /// Whether this is an amount or a percentage (what coverage counts).
    var isMoneyOrPercent: Bool {
        switch measure {
        case .money, .percent: true
        default: false
        }
    }

    static let countWords = ["台(套)", "人次", "批次", "辆", "个", "台", "家", "名", "件", "项", "次", "人", "份"]

    /// The figures of a folded paragraph, in order. A number is digits with `,` thousands separators in groups
    /// of three and an optional decimal part; bounded by the paragraph's length.
    static func scan(_ text: [Unicode.Scalar]) -> [NarrativeFigure] {
        var figures: [NarrativeFigure] = []
        var index = 0
        let count = text.count
        func isDigit(_ i: Int) -> Bool { i < count && ("0"..."9").contains(text[i]) }
        while index < count {
            guard isDigit(index), index == 0 || !(isDigit(index - 1) || text[index - 1] == ".") else {
                index += 1
                continue
            }
            let start = index
            var digits: [UInt8] = []
            while isDigit(index) {
                digits.append(UInt8(text[index].value - 48))
                index += 1
                // Thousands separator: `,` followed by exactly three digits and then no digit.
                if index < count, text[index] == ",", isDigit(index + 1), isDigit(index + 2), isDigit(index + 3),
                    !isDigit(index + 4)
                {
                    index += 1
                }
            }
            var decimals = 0
            if index + 1 < count, text[index] == ".", isDigit(index + 1) {
                index += 1
                while isDigit(index) {
                    digits.append(UInt8(text[index].value - 48))
                    decimals += 1
                    index += 1
                }
            }
            // More than 17 digits is no figure anyone prints: kept as one, too large to read (never overflows).
            let isTooLong = digits.count > 17
            var scaled: Int64 = 0
            if !isTooLong { for digit in digits { scaled = scaled * 10 + Int64(digit) } }
            var (measure, end) = unit(after: index, in: text)
            var figure = NarrativeFigure(
                scaled: scaled, decimals: decimals, measure: measure, start: start, end: end, isTooLong: isTooLong)
            if measure == .other, isHundredMillionYuan(after: index, in: text) {
                figure.readAsWanYuan()
                measure = figure.measure
                end = index + 2
                figure.end = end
            }
            figures.append(figure)
            index = max(end, index)
        }
        return figures
    }

    /// Whether `亿元` follows at `index`.
    private static func isHundredMillionYuan(after index: Int, in text: [Unicode.Scalar]) -> Bool {
        index + 1 < text.count && text[index] == "亿" && text[index + 1] == "元"
    }

    /// Makes a figure printed in 亿元 an amount in 万元 (× 10,000: four decimals fewer, or zeros appended), exactly;
    /// too large for an `Int64` it is too long to read. With fewer than six decimals it is coarser than 0.01 万元:
    /// ``printedStep`` says by how much.
    private mutating func readAsWanYuan() {
        measure = .money(.wanYuan)
        if decimals < 6 {
            var step: Int64 = 10_000_000_000  // 1 亿元 in 分
            for _ in 0..<decimals { step /= 10 }
            printedStep = step
        }
        if decimals >= 4 {
            decimals -= 4
            return
        }
        for _ in decimals..<4 {
            let (value, overflow) = scaled.multipliedReportingOverflow(by: 10)
            if overflow { isTooLong = true }
            scaled = overflow ? 0 : value
        }
        decimals = 0
    }

    private static func unit(after index: Int, in text: [Unicode.Scalar]) -> (Measure, Int) {
        func has(_ word: String) -> Bool {
            var i = index
            for scalar in word.unicodeScalars {
                guard i < text.count, text[i] == scalar else { return false }
                i += 1
            }
            return true
        }
        if has("万元(含)以上") || has("万元以上") { return (.other, index + 2) }  // 单价100万元（含）以上设备
        if has("万元") { return (.money(.wanYuan), index + 2) }
        if has("元") { return (.money(.yuan), index + 1) }
        if has("%") { return (.percent, index + 1) }
        for word in countWords where has(word) {
            return (.count(word), index + word.unicodeScalars.count)
        }
        return (.other, index)
    }
}
