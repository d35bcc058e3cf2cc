import Testing

@testable import BudgetLensReader

/// Two words of layout text one space apart: two cells or one (``HeaderWords/areSeparateColumns(_:_:)``). The
/// word tests run on bytes; these pin them to what the `Character` tests they replaced said.
@Suite("Layout text: words one space apart as two cells")
struct HeaderWordsTests {
    @Test("two amounts, an amount and a code or a row label, digits and an amount, a code and its label")
    func separate() {
        #expect(HeaderWords.areSeparateColumns("2.85", "0.39"))
        #expect(HeaderWords.areSeparateColumns("1,503.52", "-0.94"))
        #expect(HeaderWords.areSeparateColumns("0.00", "30239"))
        #expect(HeaderWords.areSeparateColumns("939.04", "一、一般公共服务支出"))
        #expect(HeaderWords.areSeparateColumns("939.31", "本年支出合计"))
        #expect(HeaderWords.areSeparateColumns("64", "8,431.28"))
        #expect(HeaderWords.areSeparateColumns("30311", "代缴社会保险费"))
        #expect(HeaderWords.areSeparateColumns("基本支出", "项目支出"))
    }

    @Test("one cell: a label's words, a code and a code, not amounts, marks after a digit, full-width digits")
    func joined() {
        #expect(!HeaderWords.areSeparateColumns("其他", "支出"))
        #expect(!HeaderWords.areSeparateColumns("201", "01"))
        #expect(!HeaderWords.areSeparateColumns("2.855", "0.39"))  // three decimals: no amount
        #expect(!HeaderWords.areSeparateColumns("2.", "0.39"))
        #expect(!HeaderWords.areSeparateColumns(".85", "0.39"))
        #expect(!HeaderWords.areSeparateColumns("--2.85", "0.39"))
        #expect(!HeaderWords.areSeparateColumns("2.8\u{0301}", "0.39"))  // a combining mark on the last digit
        #expect(!HeaderWords.areSeparateColumns("６４", "8,431.28"))  // full-width digits are no ASCII digits
        #expect(!HeaderWords.areSeparateColumns("2010", "一般公共服务"))  // four digits: no code
        #expect(!HeaderWords.areSeparateColumns("301", "301"))
        #expect(!HeaderWords.areSeparateColumns("", "0.39"))
    }
}
