import BudgetLensCore
import Testing

@Suite("Money: exact amounts, read as printed")
struct MoneyTests {
    @Test("reads thousands separators and spaces that PDF extraction puts inside numbers")
    func readsPrintedAmounts() {
        #expect(Money(parsing: "7,297.28", unit: .wanYuan) == Money(fen: 7_297_280_000))
        #expect(Money(parsing: "2, 361. 57", unit: .wanYuan) == Money(fen: 2_361_570_000))
        #expect(Money(parsing: "2. 39", unit: .wanYuan) == Money(fen: 2_390_000))
        #expect(Money(parsing: "0.00", unit: .wanYuan) == .zero)
        #expect(Money(parsing: "939.04", unit: .wanYuan) == Money(fen: 939_040_000))
        #expect(Money(parsing: "514776.52", unit: .yuan) == Money(fen: 51_477_652))
        #expect(Money(parsing: "１，０００．００", unit: .wanYuan) == Money(fen: 1_000_000_000))
        #expect(Money(parsing: "-3.90", unit: .wanYuan) == Money(fen: -3_900_000))
    }

    @Test("blank cells and dashes are zero; words are not numbers")
    func blanksAndDashes() {
        #expect(Money.reading("", unit: .wanYuan) == .blank)
        #expect(Money.reading("-", unit: .wanYuan) == .blank)
        #expect(Money.reading("——", unit: .wanYuan) == .blank)
        #expect(Money(parsing: "合计", unit: .wanYuan) == nil)
        #expect(Money(parsing: "1,23.00", unit: .wanYuan) == nil)
        #expect(Money(parsing: "12.3.4", unit: .wanYuan) == nil)
        #expect(Money(parsing: "3.141", unit: .yuan) == nil, "元 has two decimals at most")
        #expect(Money(parsing: "99999999999999999999", unit: .wanYuan) == nil)
    }

    @Test("`/`, `／`, `\\` and `无` alone are blank (none); with anything else they are no number")
    func noneMarks() {
        for text in ["/", "／", "\\", "无", " / ", "\u{3000}无"] { #expect(Money.reading(text, unit: .wanYuan) == .blank, "\(text)") }
        for text in ["//", "1/2", "无数据", "-/", "12.00/", "/0"] {
            #expect(Money.reading(text, unit: .wanYuan) == .invalid(reason: "not a number"), "\(text)")
        }
    }

    @Test("invisible characters pasted into a number are no part of it: ZWSP, LRM, soft hyphen, U+202F as thousands separator")
    func invisibleCharacters() {
        for text in ["2,\u{200B}940.05", "\u{200E}2,940.05", "2,940.05\u{00AD}", "2\u{202F}940.05", "\u{2060}2940.05\u{FEFF}"] {
            #expect(Money(parsing: text, unit: .wanYuan) == Money(fen: 2_940_050_000), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(TextNormalization.key("\u{200E}201") == "201")
    }

    @Test("`(12.50)` and `（1,234.56）` are negative, as accountants print them; `(-1)`, `((1))`, `(`, `()` are no number")
    func parenthesizedNegatives() {
        #expect(Money(parsing: "(12.50)", unit: .wanYuan) == Money(fen: -12_500_000))
        #expect(Money(parsing: "（1,234.56）", unit: .yuan) == Money(fen: -123_456))
        #expect(Money(parsing: "( 3.90 )", unit: .wanYuan) == Money(fen: -3_900_000))
        #expect(Money(parsing: "(0.00)", unit: .wanYuan) == .zero)
        // `(1)`…`(12)`, `（3）`: a 栏次 row's numbers, never amounts.
        for text in ["(-1.00)", "((1.00))", "(", "()", "(1.00", "1.00)", "(1.00）", "(合计)", "(-)", "(1)", "(12)", "（3）"] {
            #expect(Money(parsing: text, unit: .wanYuan) == nil, "\(text)")
        }
        // Deep nesting is refused at the first level, without recursing through it.
        #expect(Money(parsing: String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000), unit: .wanYuan) == nil)
    }

    @Test("prints a plain decimal in the unit, exact")
    func formats() {
        #expect(Money(fen: 7_297_280_000).decimalString(in: .wanYuan) == "7297.28")
        #expect(Money.zero.decimalString(in: .wanYuan) == "0.00")
        #expect(Money(fen: 12_683_690_000).decimalString(in: .wanYuan) == "12683.69")
        #expect(Money(fen: 1_268_369_000).decimalString(in: .wanYuan) == "1268.369")
        #expect(Money(fen: 7_297_280_000).groupedString(in: .wanYuan) == "7,297.28")
        #expect(Money(fen: -3_900_000).decimalString(in: .wanYuan) == "-3.90")
    }

    @Test("rounds half up in decimal: 8.715 becomes 8.72, not binary floating point's 8.71")
    func roundsHalfUp() {
        #expect(Money(fen: 8_715_000).rounded(toMultipleOf: 10_000) == Money(fen: 8_720_000))
        #expect(Money(fen: -8_715_000).rounded(toMultipleOf: 10_000) == Money(fen: -8_720_000))
        #expect(Money(fen: 8_714_999).rounded(toMultipleOf: 10_000) == Money(fen: 8_710_000))
    }

    @Test("encodes to JSON as 元 and reads it back")
    func codableRoundTrip() throws {
        let value = Money(fen: 7_297_280_000)
        let data = try JSONEncoder().encode([value])
        #expect(String(decoding: data, as: UTF8.self) == #"["72972800.00"]"#)
        #expect(try JSONDecoder().decode([Money].self, from: data) == [value])
    }
}

import Foundation
