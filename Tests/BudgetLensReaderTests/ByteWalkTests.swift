import Foundation
import Testing

@testable import BudgetLensReader

/// The byte-level tests of the seventh speed round (docs/benchmarks.md, issue 9) give what the scalar or `Character`
/// tests they replace give: on the real corpus texts and on planted strings at the edges (combining marks, a
/// Prepend scalar, CR LF, four-byte scalars, the ideographic space's neighbours).
@Suite("Byte walks: the same answers as the scalar and Character tests")
struct ByteWalkTests {
    /// The scalar test ``SingleScalarCharacters/holds(for:)`` had before it read bytes.
    private func byScalars(_ line: Substring) -> Bool {
        line.unicodeScalars.allSatisfy { SingleScalarCharacters.isSingleScalar($0.value) }
    }

    @Test("single-scalar lines on bytes: every line of the corpus texts as by scalars, and the planted edges")
    func singleScalarBytes() throws {
        let corpus = "../shared/corpus"
        var lines = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: corpus) where name.hasSuffix(".txt") {
            let text = try String(contentsOfFile: "\(corpus)/\(name)", encoding: .utf8)
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                #expect(SingleScalarCharacters.holds(for: line) == byScalars(line), "\(name): \(line)")
                lines += 1
            }
        }
        #expect(lines == 2820)  // the lines of the corpus .txt files
        let planted: [(String, Bool)] = [
            ("", true), ("合计 1,234.56", true), ("café", true),  // U+00E9: two bytes, one scalar
            ("cafe\u{301}", false),  // combining acute: two bytes, joins the e
            ("\u{3000}表", true), ("表\u{FE0F}", false), ("x\u{1F600}", false),  // four bytes
            ("\u{F98E}", true), ("\u{FFEE}", true), ("\u{FFEF}", false), ("\u{0600}1", false), ("a\r", false),
        ]
        for (text, expected) in planted {
            #expect(SingleScalarCharacters.holds(for: text[...]) == expected, "\(text.unicodeScalars.map(\.value))")
            #expect(byScalars(text[...]) == expected)
        }
    }

    @Test("the ASCII letter-or-digit test of two joined words on bytes gives the Character test's answer")
    func asciiAlphanumericEnds() {
        func byCharacters(_ left: String, _ right: String) -> Bool {
            guard let last = left.last, let next = right.first else { return false }
            return last.isASCII && next.isASCII && (last.isLetter || last.isNumber) && (next.isLetter || next.isNumber)
        }
        let words = [
            "a", "1", "ab", "Z9", "é", "e\u{301}", "1\u{301}", "\u{0600}1", "x\r\n", "\r\n", "合1", "1合", "合", "-", "2024",
            "12.50", "A\u{20DD}", "%",
        ]
        for left in words {
            for right in words {
                #expect(
                    Fragment.areASCIIAlphanumeric(left, right) == byCharacters(left, right),
                    "\(left.unicodeScalars.map(\.value)) \(right.unicodeScalars.map(\.value))")
            }
        }
        #expect(Fragment.areASCIIAlphanumeric("2024", "ab"))
        #expect(!Fragment.areASCIIAlphanumeric("1\u{301}", "2"))  // the 1 is no ASCII character with its accent
        #expect(!Fragment.areASCIIAlphanumeric("\u{0600}1", "2"))  // a Prepend scalar joins the 1
    }

    @Test("words joined into a fragment: a space between ASCII letters or digits or across a wide gap, none else")
    func fragmentFromWords() {
        func word(_ text: String, _ x0: Double, _ x1: Double, line: Int = 3) -> PageWord {
            PageWord(text: text, x0: x0, x1: x1, baseline: Double(line), origin: .text(line: line, column: Int(x0) + 1))
        }
        let joined = Fragment(words: [word("2024", 0, 4), word("年度", 4, 8), word("ab", 8, 10), word("12", 10, 12)][...], page: 2, spaceGap: 0.5)
        #expect(joined.text == "2024年度ab 12")
        #expect((joined.x0, joined.x1, joined.baseline, joined.page) == (0, 12, 3, 2))
        let gapped = Fragment(words: [word("合", 5, 7, line: 2), word("计", 8, 10, line: 4)][...], page: 1, spaceGap: 0.5)
        #expect(gapped.text == "合 计")
        #expect((gapped.x0, gapped.x1, gapped.baseline) == (5, 10, 3))
        if case .text(let line, let column) = gapped.origin { #expect((line, column) == (2, 6)) } else { Issue.record("origin") }
        // An empty word joins without a space, whatever the gap (as before).
        #expect(Fragment(words: [word("1", 0, 1), word("", 5, 5), word("2", 9, 10)][...], page: 1, spaceGap: 0.5).text == "12")
    }

    @Test("blank lines on bytes: spaces and ideographic spaces only")
    func blankLines() {
        #expect(LiftedFigureLines.isBlank(""))
        #expect(LiftedFigureLines.isBlank("   "))
        #expect(LiftedFigureLines.isBlank(" \u{3000}\u{3000} "))
        #expect(!LiftedFigureLines.isBlank(" a"))
        #expect(!LiftedFigureLines.isBlank("\u{3001}"))  // E3 80 81: the ideographic comma
        #expect(!LiftedFigureLines.isBlank("\t"))
        #expect(!LiftedFigureLines.isBlank(" \u{0C}"))  // a form feed: another page
        #expect(!LiftedFigureLines.isBlank("\u{3000}\u{301}"))
    }

    @Test("indentation skipped on bytes: the Character walk's body, also where a mark joins the last space")
    func unindentedLines() throws {
        func byCharacters(_ line: Substring) -> Substring { line.drop { $0 == " " || $0 == "\u{3000}" } }
        let layout = try String(
            contentsOfFile: "../shared/corpus/003-shanghai-putuo-shehuigongzuobu-2024-final-layout.txt", encoding: .utf8)
        let planted = ["  12万元", "\u{3000} 合计", " \u{301}x", "   ", "", "\u{3000}\u{3000}abc", " \r\n", "\u{0C} 1", " \u{3000}\u{FE0F}表"]
        for line in layout.split(separator: "\n", omittingEmptySubsequences: false) + planted.map({ $0[...] }) {
            #expect(LiftedFigureLines.unindented(line) == byCharacters(line), "\(line.unicodeScalars.map(\.value))")
            #expect(LiftedFigureLines.unindented(line).startIndex == byCharacters(line).startIndex)
        }
        #expect(LiftedFigureLines.unindented(" \u{301}x") == " \u{301}x")  // the accent joins the space: kept
        #expect(LiftedFigureLines.unindented("\u{3000} 合计") == "合计")
    }

    @Test("printed lines group by page and exact baseline")
    func printedLines() {
        #expect(PrintedLine(page: 1, baseline: 12.5) == PrintedLine(page: 1, baseline: 12.5))
        #expect(PrintedLine(page: 1, baseline: 12.5) != PrintedLine(page: 2, baseline: 12.5))
        #expect(PrintedLine(page: 1, baseline: 12.5) != PrintedLine(page: 1, baseline: 12.500001))
        #expect(PrintedLine(page: 1, baseline: 0.0) != PrintedLine(page: 1, baseline: -0.0))  // as "0.0" ≠ "-0.0"
    }
}
