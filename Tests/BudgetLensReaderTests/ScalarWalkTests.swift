import Foundation
import Testing

@testable import BudgetLensReader

/// The scalar walks of layout text and page text (docs/benchmarks.md, issue 9 third round) count the same columns
/// as the walk by `Character` they replace: taken only where every character is one scalar, the old walk otherwise.
@Suite("Scalar walks: the same words and columns as by Character")
struct ScalarWalkTests {
    @Test("every line of the corpus page and layout texts is one scalar a character; a combining mark, CR or VS is not")
    func singleScalarLines() throws {
        // The real corpus text (layout form of 003) takes the scalar walk on every line.
        let path = "../shared/corpus/003-shanghai-putuo-shehuigongzuobu-2024-final-layout.txt"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count > 700)
        #expect(lines.allSatisfy { SingleScalarCharacters.holds(for: $0) })
        #expect(SingleScalarCharacters.holds(for: "一、一般公共服务支出（201）　　1,234.56 ５％"))
        #expect(!SingleScalarCharacters.holds(for: "Cafe\u{301} 12.50"))  // combining acute accent
        #expect(!SingleScalarCharacters.holds(for: "表\u{FE0F}"))  // variation selector
        #expect(!SingleScalarCharacters.holds(for: "合计\r"))  // CR joins a following LF
    }

    @Test("page-text tokens after a combining mark keep scalar columns (the Character walk)")
    func pageTextTokensWithCombiningMark() {
        let marked = PageTextToken.tokens(of: "Cafe\u{301} 12.50 合计", index: 0)
        #expect(marked.map(\.text) == ["Cafe\u{301}", "12.50", "合计"])
        #expect(marked.map(\.column) == [1, 7, 13])
        #expect(marked[1].amount == 1250)
        let plain = PageTextToken.tokens(of: "Cafe 12.50 合计", index: 0)
        #expect(plain.map(\.column) == [1, 6, 12])
    }

    @Test("layout-text columns count characters: a combining mark adds no column")
    func layoutColumnsWithCombiningMark() {
        let text = "a\u{301}  b\nab  c"
        let words = LayoutTextPages.pages(of: text)[0].words
        #expect(words.map(\.text) == ["a\u{301}", "b", "ab", "c"])
        #expect(words.map(\.x0) == [0, 3, 0, 4])
    }

    @Test("page-text amounts read on bytes (printable ASCII) give what the Character reading gives")
    func asciiCents() {
        #expect(PageTextToken.cents("1,234.56") == 123_456)
        #expect(PageTextToken.cents("-0.5") == -50)
        #expect(PageTextToken.cents("2995.39") == 299_539)
        #expect(PageTextToken.cents("123456789012345.99") == 12_345_678_901_234_599)  // 15 digits
        #expect(PageTextToken.cents("1234567890123456.00") == nil)  // 16 digits
        #expect(PageTextToken.cents("12,34.00") == nil)
        #expect(PageTextToken.cents("1234,567.00") == nil)
        #expect(PageTextToken.cents(",123.00") == nil)
        #expect(PageTextToken.cents(".50") == nil)
        #expect(PageTextToken.cents("1.234") == nil)
        #expect(PageTextToken.cents("1.") == nil)
        #expect(PageTextToken.cents("1 .5") == nil)
        // Not ASCII: the Character reading, unchanged (a combining mark makes `5́` no digit).
        #expect(PageTextToken.cents("1.5\u{301}") == nil)
        #expect(PageTextToken.cents("１.50") == nil)  // full-width digit
    }

    @Test("what follows a detached figure: units compared by scalar, canonical equivalents by the String test")
    func unitsAfterFigure() {
        func follows(_ text: String, percentage: Bool = false) -> Bool {
            DetachedFigures.followsFigure(Array(text.unicodeScalars)[...], percentage: percentage)
        }
        #expect(follows("万元。"))
        #expect(follows("万"))  // a unit cut by the end of the line
        #expect(!follows("万人"))
        #expect(follows("年度"))
        #expect(follows("、"))
        #expect(follows("元"))
        #expect(!follows("度"))
        #expect(!follows("abc"))
        #expect(follows("；", percentage: true))
        #expect(!follows("万元", percentage: true))
        // U+F98E is canonically equivalent to 年; a combining mark makes `元́` another character.
        #expect(follows("\u{F98E}度"))
        #expect(!follows("元\u{301}"))
    }

    @Test("glued page-text words split on scalars give the pieces the Character walk gives")
    func gluedWordsByScalars() {
        let words = [
            "2.712101101", "60.99行政单位医疗", "十五、商业服务业等支出十六、金融支出", "二十六、其他支出", "公开01表",
            "截至2024年", "截至2024\u{F98E}度", "合计123.45", "收入1,234.56", "第十一、", "12.3", "-3.50合计", "款十二、",
            "支出二、", "项目201", "项目20", "30212因公出国（境）费用", "项目123月", "项目123日", "2024年",
        ]
        let line = words.joined(separator: " ")
        #expect(SingleScalarCharacters.holds(for: line[...]))
        let byScalars = PageTextToken.tokens(of: line[...], index: 0)
        // The same words after a combining mark: the line takes the Character walk.
        let marked = "e\u{301} " + line
        #expect(!SingleScalarCharacters.holds(for: marked[...]))
        let byCharacters = Array(PageTextToken.tokens(of: marked[...], index: 0).dropFirst())
        #expect(byScalars.map(\.text) == byCharacters.map(\.text))
        #expect(byScalars.map(\.kind) == byCharacters.map(\.kind))
        #expect(byScalars.map(\.column) == byCharacters.map { $0.column - 3 })
        #expect(
            byScalars.map(\.text) == [
                "2.71", "2101101", "60.99", "行政单位医疗", "十五、商业服务业等支出", "十六、金融支出", "二十六、其他支出",
                "公开01表", "截至2024年", "截至2024\u{F98E}度", "合计", "123.45", "收入", "1,234.56", "第十一、", "12.3",
                "-3.50", "合计", "款", "十二、", "支出", "二、", "项目", "201", "项目20", "30212", "因公出国（境）费用",
                "项目123月", "项目", "123", "日", "2024", "年",
            ])
    }

    @Test("layout-text words walked on bytes: ideographic spaces split, display width counts two for non-ASCII")
    func layoutWordsOnBytes() {
        let text = "合计\u{3000}12.50  中文a\n\u{0C}第二页  x"
        let pages = LayoutTextPages.pages(of: text)
        #expect(pages.count == 2)
        #expect(pages[0].words.map(\.text) == ["合计", "12.50", "中文a"])
        #expect(pages[0].words.map(\.x0) == [0, 3, 10])
        #expect(pages[0].words.map(\.x1) == [2, 8, 13])
        #expect(pages[1].words.map(\.text) == ["第二页", "x"])
        let wide = LayoutTextPages.pages(of: text, measure: .displayWidth)
        #expect(wide[0].words.map(\.x0) == [0, 6, 13])
        #expect(wide[0].words.map(\.x1) == [4, 11, 18])
    }
}
