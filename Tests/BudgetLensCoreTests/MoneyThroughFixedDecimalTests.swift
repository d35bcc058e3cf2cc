import BudgetLensCore
import Testing

/// Money's reading takes its value from the one decimal type (FixedDecimal) once the printed form is checked,
/// and an amount too large is `isOutOfRange`, not "not a number" (issue 10, items 2 and 9).
@Suite("Money read through FixedDecimal")
struct MoneyThroughFixedDecimalTests {
    @Test("FixedDecimal.units: digits with fraction digits in 10^-decimals, nil on overflow or too many decimals")
    func units() {
        #expect(FixedDecimal.units(digits: [7, 2, 9, 7, 2, 8], fractionDigits: 2, decimals: 2) == 729_728)
        #expect(FixedDecimal.units(digits: [9, 3, 9, 0, 4], fractionDigits: 2, decimals: 6) == 939_040_000)
        #expect(FixedDecimal.units(digits: [1, 2], fractionDigits: 0, decimals: 6) == 12_000_000)
        #expect(FixedDecimal.units(digits: [1, 2, 3], fractionDigits: 3, decimals: 2) == nil)
        #expect(FixedDecimal.units(digits: Array(repeating: 9, count: 19), fractionDigits: 0, decimals: 0) == nil)
        #expect(FixedDecimal.units(digits: Array(repeating: 9, count: 18), fractionDigits: 0, decimals: 2) == nil)
        #expect(FixedDecimal.units(digits: [UInt8](), fractionDigits: 0, decimals: 2) == 0)
    }

    @Test("amounts read as before: separators, full width, dashes, units")
    func asBefore() {
        #expect(Money.reading("7,297.28", unit: .wanYuan) == .amount(Money(fen: 7_297_280_000)))
        #expect(Money.reading("2, 361. 57", unit: .wanYuan) == .amount(Money(fen: 2_361_570_000)))
        #expect(Money.reading("-12.50", unit: .yuan) == .amount(Money(fen: -1_250)))
        #expect(Money.reading("０.０１", unit: .yuan) == .amount(Money(fen: 1)))
        #expect(Money.reading("0.000001", unit: .wanYuan) == .amount(Money(fen: 1)))
        #expect(Money.reading("0.001", unit: .yuan) == .invalid(reason: "more decimals than 1 分 in 元"))
        #expect(Money.reading("——", unit: .wanYuan) == .blank)
        #expect(Money.reading("1O.00", unit: .wanYuan) == .invalid(reason: "not a number"))
        #expect(!Money.reading("1O.00", unit: .wanYuan).isOutOfRange)
    }

    @Test("17 digits, or above 10^16 分, is out of range (its own reason), at the exact boundary")
    func outOfRange() {
        #expect(Money.reading("100,000,000,000,000.00", unit: .yuan) == .amount(Money(fen: 10_000_000_000_000_000)))
        #expect(Money.reading("100,000,000,000,000.01", unit: .yuan).isOutOfRange)
        #expect(Money.reading("10000000000", unit: .wanYuan) == .amount(Money(fen: 10_000_000_000_000_000)))
        #expect(Money.reading("10000000000.000001", unit: .wanYuan).isOutOfRange)
        #expect(Money.reading("99999999999999999", unit: .wanYuan).isOutOfRange)
        #expect(Money.reading("99999999999999999999999", unit: .yuan).isOutOfRange)
        #expect(Money.reading("-99999999999999999", unit: .yuan).isOutOfRange)
    }
}
