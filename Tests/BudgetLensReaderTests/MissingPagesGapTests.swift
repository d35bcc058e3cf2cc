@testable import BudgetLensReader
import Testing

/// ``MissingPages/gaps(_:)``: a jump in the printed page numbers is a gap only when the numbers around it run with
/// the PDF's pages.
@Suite("Missing pages: gaps in the printed page numbers")
struct MissingPagesGapTests {
    @Test("4 → 6 and 11 → 13 between pages that run with them are gaps (the tester's PDF without pages 5 and 12)")
    func gaps() {
        var printed: [Int: Int] = [:]
        for page in 1...30 { printed[page] = page <= 4 ? page : page <= 10 ? page + 1 : page + 2 }
        #expect(MissingPages.gaps(printed) == [
            MissingPages.Gap(page: 4, printedBefore: 4, printedAfter: 6),
            MissingPages.Gap(page: 10, printedBefore: 11, printedAfter: 13),
        ])
    }

    @Test("numbers running with the pages, a restart, one misread number, a lone pair: no gap")
    func noGaps() {
        #expect(MissingPages.gaps(Dictionary(uniqueKeysWithValues: (1...20).map { ($0, $0 + 2) })).isEmpty)
        #expect(MissingPages.gaps([1: 1, 2: 2, 3: 1, 4: 2]).isEmpty)
        // Page 5 prints 50 (a figure at the foot read as its number): the numbers after it do not run with it.
        #expect(MissingPages.gaps([3: 3, 4: 4, 5: 50, 6: 6, 7: 7]).isEmpty)
        #expect(MissingPages.gaps([1: 1, 2: 5]).isEmpty)
    }
}
