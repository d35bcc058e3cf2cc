import BudgetLensCore
import Testing

/// Money and scores never wrap: checked operations report an overflow, reading refuses amounts beyond the
/// readable range, proportions that do not fit are `nil`.
@Suite("Overflow-checked money and scores")
struct OverflowTests {
    @Test("checked money arithmetic reports an overflow instead of wrapping")
    func checkedMoney() {
        let big = Money(fen: .max)
        #expect(big.adding(Money(fen: 1)) == nil)
        #expect(Money(fen: .min).subtracting(Money(fen: 1)) == nil)
        #expect(Money(fen: .min).negated == nil)
        #expect(Money(fen: 5).adding(Money(fen: -7)) == Money(fen: -2))
        #expect([big, Money(fen: 1)].checkedSum() == nil)
        #expect([Money(fen: 2), Money(fen: 3)].checkedSum() == Money(fen: 5))
    }

    @Test("an amount beyond 100 万亿元 is not read as a number: a hundred readable amounts always add up")
    func readableRange() {
        #expect(Money.reading("100,000,000,000,000", unit: .yuan) == .amount(Money(fen: 10_000_000_000_000_000)))
        #expect(Money.reading("100,000,000,000,000.01", unit: .yuan) == .invalid(reason: "number too large"))
        #expect(Money.reading("10,000,000,000", unit: .wanYuan) == .amount(Money.maximumReadable))
        #expect(Money.reading("10,000,000,000.01", unit: .wanYuan) == .invalid(reason: "number too large"))
        #expect(Money.reading("99999999999999999999", unit: .wanYuan) == .invalid(reason: "number too large"))
        #expect(Array(repeating: Money.maximumReadable, count: 100).checkedSum() != nil)
    }

    @Test("a narrative share near the top of Int64 rounds half up without overflowing")
    func shareNearTheTop() {
        // 92,233,720,368,547,758 分 × 100 ÷ 1,000 分 = 9,223,372,036,854,775.8 → …776 (n × 2 + d used to overflow).
        let share = Percentage.ratio(Money(fen: 92_233_720_368_547_758), of: Money(fen: 1_000), precision: 0)
        #expect(share == Percentage(scaled: 9_223_372_036_854_776, decimals: 0))
        #expect(Percentage.ratio(Money(fen: 1), of: Money(fen: 3), precision: 2) == Percentage(scaled: 3_333, decimals: 2))
        #expect(Percentage.ratio(Money(fen: 2), of: Money(fen: 3), precision: 0) == Percentage(scaled: 67, decimals: 0))
        #expect(Percentage.ratio(Money(fen: -1), of: Money(fen: 2), precision: 0) == Percentage(scaled: -50, decimals: 0))
    }

    @Test("a score beyond 100,000,000 points is not read; a proportion that does not fit is nil, not a trap")
    func scores() {
        #expect(Score(parsing: "100000000") == Score(points: 100_000_000))
        #expect(Score(parsing: "100000000.01") == nil)
        #expect(Score(parsing: "999999999999") == nil)
        #expect(Score.proportion(of: Score(hundredths: 10_000), numerator: Int64.max, denominator: 1) == nil)
        #expect(Score.proportion(of: Score(hundredths: 10_000), numerator: 95, denominator: 100) == Score(hundredths: 9_500))
        #expect(Score.proportion(of: Score(hundredths: 1_000), numerator: 1, denominator: 3) == Score(hundredths: 333))
        #expect(Score.proportion(of: Score(hundredths: 1_000), numerator: 2, denominator: 3) == Score(hundredths: 667))
        #expect(Score.proportion(of: Score(hundredths: 1_000), numerator: 1, denominator: 0) == nil)
    }
}
