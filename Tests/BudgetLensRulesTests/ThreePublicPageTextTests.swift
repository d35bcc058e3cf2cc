import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensTestSupport
import Foundation
import Testing

/// The 财政局 PDF's 公开09 in pdfplumber page text: `0.95 0.95`, blank cells dropped, fits four placements (合计
/// with 因公出国（境）费 or 公务接待费, 预算数 or 决算数). Its 情况说明 states the 三公 budget 0.95 and 决算 0.00
/// (`“三公”经费财政拨款支出年初预算为0.95万元，支出决算为0.00万元`), which leaves two: 合计 预算数 is 0.95 in both,
/// but whether the other 0.95 is 因公出国（境）费's or 公务接待费's 预算数 the document does not say — those two cells
/// are left unread with a warning (the PDF has 公务接待费). A planted statement of 公务接待费's budget decides it;
/// without the 情况说明's 三公 section all four remain.
@Suite("Page text: 公开09 placed by the document's own statements, never guessed", .enabled(if: ExtractionTools.shouldRun))
struct ThreePublicPageTextTests {
    /// 栏次 → 分 of 公开09's cells (`-`: no value).
    static func cells(_ disclosure: Disclosure) -> [String] {
        disclosure.table(.threePublicExpenses)?.rows.first?.cells.map { "\($0.column) \($0.value.map { String($0.fen) } ?? "-")" } ?? []
    }

    /// The PDF, and the page text as `scripts/page_text.py` makes it, changed by `edit`.
    static func read(_ edit: (String) -> String = { $0 }) throws -> (pdf: Disclosure, text: Disclosure) {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try ExtractionTools.extract(.pageText, from: Seed.corpusPath(Seed.financePDF), into: folder)
        let text = edit(try String(contentsOfFile: path, encoding: .utf8))
        return (
            try DisclosureReader.read(path: Seed.corpusPath(Seed.financePDF)),
            try DisclosureReader.read(data: Data(text.utf8), file: "page-text.txt")
        )
    }

    @Test("the real page text: 合计 预算数 0.95 read, 因公出国（境）费 and 公务接待费 预算数 unread, a warning naming both placements; no value differs from the PDF's")
    func realPageText() throws {
        let (pdf, text) = try Self.read()
        #expect(Self.cells(pdf) == ["1 950000", "2 0", "3 0", "4 0", "5 0", "6 950000", "7 0", "8 0", "9 0", "10 0", "11 0", "12 0"])
        #expect(Self.cells(text) == ["1 950000", "2 -", "3 0", "4 0", "5 0", "6 -", "7 0", "8 0", "9 0", "10 0", "11 0", "12 0"])
        let warnings = text.problems.filter { $0.table == .threePublicExpenses }
        #expect(warnings.map(\.code) == ["table.ambiguous"])
        let warning = try #require(warnings.first)
        #expect(warning.severity == .warning && warning.source.line == 439)
        #expect(warning.message.contains(
            "金额有 2 种放置均满足勾稽关系，情况说明排除了其余 2 种（「“三公”经费财政拨款支出年初预算为0.95万元，支出决算为0.00万元"))
        #expect(warning.message.contains(
            "无法确定：0.95→合计预算数，0.95→因公出国（境）费预算数 | 0.95→合计预算数，0.95→公务接待费预算数；因公出国（境）费预算数、公务接待费预算数 未读取"))
        // Every other table is the PDF's: 575 identical cells, and the two unread.
        let figures = ExtractionFormsTests.compare(ExtractionFormsTests.cells(text), ExtractionFormsTests.cells(pdf))
        #expect(figures.identical == 575 && figures.missing == 2 && figures.extra == 2)
        // The check says the table was read in part (F-READ, a warning).
        let findings = RuleEngine().evaluate(try BuiltInPacks.finalAccounts(), on: text).findings
        #expect(findings.contains { $0.rule == "F-READ" && $0.severity == .warning && $0.message.contains("金额放置不能确定") })
        #expect(findings.contains { $0.rule == "09-1" && $0.severity == .warning && $0.message.contains("无法审核") })
    }

    @Test("planted: the 情况说明 also states 公务接待费's budget — the PDF's placement is read (577 / 0 / 0), the note quotes it")
    func statedBudgetDecides() throws {
        let (pdf, text) = try Self.read { text in
            text.replacingOccurrences(
                of: "（二） 三公 经费财政拨款支出决算具体情况说明。",
                with: "其中公务接待费年初预算为0.95万元，支出决算为0.00万元。\n（二） 三公 经费财政拨款支出决算具体情况说明。")
        }
        #expect(Self.cells(text) == Self.cells(pdf))
        let figures = ExtractionFormsTests.compare(ExtractionFormsTests.cells(text), ExtractionFormsTests.cells(pdf))
        #expect(figures.identical == 577 && figures.missing == 0 && figures.extra == 0)
        let notes = text.problems.filter { $0.table == .threePublicExpenses }
        #expect(notes.map(\.code) == ["page-text.column-placed"])
        #expect(notes.first?.severity == .info)
        #expect(notes.first?.message.contains("4 种放置均满足勾稽关系，按情况说明所述取：0.95→合计预算数，0.95→公务接待费预算数（依据：") == true)
        #expect(notes.first?.message.contains("「其中公务接待费年初预算为0.95万元，支出决算为0.00万元」（第592行）") == true)
    }

    @Test("planted: the 情况说明's 三公 section removed — all four placements named, the six cells they disagree on unread")
    func withoutNarrative() throws {
        let (_, text) = try Self.read { text in
            guard let start = text.range(of: "七、财政拨款 三公 经费支出决算情况说明\n“ ”\n（一）"),
                let end = text.range(of: "八、政府性基金预算财政拨款收入支出决算情况说明", range: start.upperBound..<text.endIndex)
            else { return text }
            return String(text[..<start.lowerBound] + text[end.lowerBound...])
        }
        #expect(!text.narrative.contains { $0.heading.contains("三公") })
        #expect(Self.cells(text) == ["1 -", "2 -", "3 0", "4 0", "5 0", "6 -", "7 -", "8 -", "9 0", "10 0", "11 0", "12 -"])
        let warnings = text.problems.filter { $0.table == .threePublicExpenses }
        #expect(warnings.map(\.code) == ["table.ambiguous"])
        #expect(warnings.first?.message.contains(
            "金额有 4 种放置均满足勾稽关系，无法确定：0.95→合计预算数，0.95→因公出国（境）费预算数 | 0.95→合计预算数，0.95→公务接待费预算数 | "
                + "0.95→合计决算数，0.95→因公出国（境）费决算数 | 0.95→合计决算数，0.95→公务接待费决算数") == true)
    }
}
