import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensTestSupport
import Foundation
import Testing

/// The 财政局 PDF's 公开09 in pdfplumber page text: `0.95 0.95`, blank cells dropped, fits four placements (合计
/// with 因公出国（境）费 or 公务接待费, 预算数 or 决算数), and its 公开06 has no 三公 amount to bound them: the six cells
/// the placements disagree on are left unread with a warning. The 情况说明 (`“三公”经费财政拨款支出年初预算为0.95万元，
/// 支出决算为0.00万元`) is never used to place them (docs/decisions/narrative-not-evidence.md): the warning only
/// says which placements it matches. A planted 情况说明 naming the wrong item reads no wrong cell.
@Suite("Page text: 公开09 placed by the tables, never by the 情况说明 it is checked against", .enabled(if: ExtractionTools.shouldRun))
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

    static let unreadSix = ["1 -", "2 -", "3 0", "4 0", "5 0", "6 -", "7 -", "8 -", "9 0", "10 0", "11 0", "12 -"]
    static let fourPlacements =
        "金额有 4 种放置均满足勾稽关系，无法确定：0.95→合计预算数，0.95→因公出国（境）费预算数 | 0.95→合计预算数，0.95→公务接待费预算数 | "
        + "0.95→合计决算数，0.95→因公出国（境）费决算数 | 0.95→合计决算数，0.95→公务接待费决算数；合计预算数、合计决算数、因公出国（境）费预算数、"
        + "因公出国（境）费决算数、公务接待费预算数、公务接待费决算数 未读取"

    @Test("the real page text: the six cells the four placements disagree on unread, a warning naming them and what the 情况说明 matches; no value differs from the PDF's")
    func realPageText() throws {
        let (pdf, text) = try Self.read()
        #expect(Self.cells(pdf) == ["1 950000", "2 0", "3 0", "4 0", "5 0", "6 950000", "7 0", "8 0", "9 0", "10 0", "11 0", "12 0"])
        #expect(Self.cells(text) == Self.unreadSix)
        let warnings = text.problems.filter { $0.table == .threePublicExpenses }
        #expect(warnings.map(\.code) == ["table.ambiguous"])
        let warning = try #require(warnings.first)
        #expect(warning.severity == .warning && warning.source.line == 439)
        #expect(warning.message.contains(Self.fourPlacements))
        #expect(warning.message.contains(
            "情况说明所述（第579行、第581行、第582行）与其中 2 种相符（0.95→合计预算数，0.95→因公出国（境）费预算数 | "
                + "0.95→合计预算数，0.95→公务接待费预算数），但情况说明的数字正是本表要核对的，不作读取依据 — "))
        // Every other table is the PDF's: 571 identical cells, and the six unread.
        let figures = ExtractionFormsTests.compare(ExtractionFormsTests.cells(text), ExtractionFormsTests.cells(pdf))
        #expect(figures.identical == 571 && figures.missing == 6 && figures.extra == 6)
        // The check says the table was read in part (F-READ, a warning).
        let findings = RuleEngine().evaluate(try BuiltInPacks.finalAccounts(), on: text).findings
        #expect(findings.contains { $0.rule == "F-READ" && $0.severity == .warning && $0.message.contains("金额放置不能确定") })
        #expect(findings.contains { $0.rule == "09-1" && $0.severity == .warning && $0.message.contains("无法审核，公开09[1] 未读取（见读取问题）") })
    }

    @Test("planted: a 情况说明 naming the wrong item (因公出国（境）费's budget 0.95; the PDF prints it under 公务接待费) places no cell: the same six unread, no value differs from the PDF's; the hint names the one placement it matches")
    func wrongNarrativeReadsNoWrongCell() throws {
        let (pdf, text) = try Self.read { text in
            text.replacingOccurrences(
                of: "（二） 三公 经费财政拨款支出决算具体情况说明。",
                with: "其中因公出国（境）费年初预算为0.95万元，支出决算为0.00万元。\n（二） 三公 经费财政拨款支出决算具体情况说明。")
        }
        #expect(Self.cells(text) == Self.unreadSix)
        let figures = ExtractionFormsTests.compare(ExtractionFormsTests.cells(text), ExtractionFormsTests.cells(pdf))
        #expect(figures.identical == 571 && figures.missing == 6 && figures.extra == 6)
        let warnings = text.problems.filter { $0.table == .threePublicExpenses }
        #expect(warnings.map(\.code) == ["table.ambiguous"])
        #expect(warnings.first?.message.contains(Self.fourPlacements) == true)
        #expect(warnings.first?.message.contains("与其中 1 种相符（0.95→合计预算数，0.95→因公出国（境）费预算数）") == true)
    }

    @Test("planted: the 情况说明's 三公 section removed — the same six cells unread, the warning without a hint")
    func withoutNarrative() throws {
        let (_, text) = try Self.read { text in
            guard let start = text.range(of: "七、财政拨款 三公 经费支出决算情况说明\n“ ”\n（一）"),
                let end = text.range(of: "八、政府性基金预算财政拨款收入支出决算情况说明", range: start.upperBound..<text.endIndex)
            else { return text }
            return String(text[..<start.lowerBound] + text[end.lowerBound...])
        }
        #expect(!text.narrative.contains { $0.heading.contains("三公") })
        #expect(Self.cells(text) == Self.unreadSix)
        let warnings = text.problems.filter { $0.table == .threePublicExpenses }
        #expect(warnings.map(\.code) == ["table.ambiguous"])
        #expect(warnings.first?.message.contains(Self.fourPlacements) == true)
        #expect(warnings.first?.message.contains("情况说明所述") == false)
    }
}
