import BudgetLensCore
import Testing

/// The one decimal reader and writer of Core: scores, rates, measures, rule literals and coordinates.
@Suite("FixedDecimal: exact decimals read and written once")
struct FixedDecimalTests {
    @Test("reads plain decimals in millionths; refuses what is not one, or too long")
    func reads() {
        #expect(FixedDecimal.millionths("7,348.5") == 7_348_500_000)
        #expect(FixedDecimal.millionths("-0.005") == -5_000)
        #expect(FixedDecimal.millionths("100") == 100_000_000)
        #expect(FixedDecimal.millionths("999999999999.999999") == 999_999_999_999_999_999)
        #expect(FixedDecimal.millionths("0000000000000001") == 1_000_000, "leading zeros are not significant")
        #expect(FixedDecimal.millionths("1000000000000") == nil, "13 digits")
        #expect(FixedDecimal.millionths("0.0000001") == nil, "7 decimals")
        #expect(FixedDecimal.millionths("5.") == nil && FixedDecimal.millionths("") == nil)
        #expect(FixedDecimal.millionths("1-2") == nil && FixedDecimal.millionths("12a") == nil)
    }

    @Test("writes as few decimals as needed, the sign kept")
    func writes() {
        #expect(FixedDecimal(units: 9_986, decimals: 2).description == "99.86")
        #expect(FixedDecimal(units: 10_000, decimals: 2).description == "100")
        #expect(FixedDecimal(units: 850, decimals: 2).description == "8.5")
        #expect(FixedDecimal(units: 5, decimals: 2).description == "0.05")
        #expect(FixedDecimal(units: -50, decimals: 2).description == "-0.5")
        #expect(FixedDecimal(units: 5_000, decimals: 6).description == "0.005")
        #expect(FixedDecimal(units: .min, decimals: 6).description == "-9223372036854.775808")
        #expect(FixedDecimal(units: 42, decimals: 0).description == "42")
    }

    @Test("scores, measures and rule tolerances print through it")
    func users() {
        #expect(Score(hundredths: 9_986).description == "99.86" && Score(hundredths: -50).description == "-0.5")
        #expect(Measure(millionths: 98_560_000, unit: "%").description == "98.56%")
        #expect(Measure(millionths: -1_500_000, unit: "").description == "-1.5")
    }
}
