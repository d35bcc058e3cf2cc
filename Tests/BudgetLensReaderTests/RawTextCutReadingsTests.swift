import BudgetLensCore
@testable import BudgetLensReader
import Foundation
import Testing

/// The readings of one cut of a raw-text code table (``RawTextCutReadings``): each row's placement such that every
/// parent is the sum of its children in every column (1 分 a child), every cell at least its floor. Columns here are
/// 公开05's: 0 合计, 1 基本支出, 2 项目支出 (合计 = 基本 + 项目).
@Suite("raw pdftotext: the readings of a row cut")
struct RawTextCutReadingsTests {
    /// The placements of a row of `amounts` (分) under 合计 = 基本 + 项目, printed order kept.
    private func placements(_ amounts: [Int64]) -> [[Int]] {
        ColumnPlacement.candidates(amounts, columnCount: 3, ordered: true, identities: FunctionalPageTable.template(for: .generalBudgetExpenditure)!.identities) ?? []
    }

    private func readings(_ groups: [[Int64]], parents: [Int?], floors: [Int: [Int64]] = [:], limit: Int = 64) -> [[[Int]]]? {
        RawTextCutReadings.all(groups: groups, candidates: groups.map(placements), parents: parents, columnCount: 3,
            floors: floors, limit: limit)
    }

    @Test("a chain of rows each 合计 = one part: 基本支出 all the way down or 项目支出 all the way down — two readings")
    func chainOpen() throws {
        // 合计 60.00, 201 60.00, 20101 60.00, each printed `60.00 60.00`.
        let found = try #require(readings([[6_000, 6_000], [6_000, 6_000], [6_000, 6_000]], parents: [nil, 0, 1]))
        #expect(found == [[[0, 1], [0, 1], [0, 1]], [[0, 2], [0, 2], [0, 2]]])
    }

    @Test("the 合计 row printing both parts settles its children: one reading")
    func settledBySums() throws {
        // 合计 60 = 50 + 10; 201 `50.00 50.00` and 208 `10.00 10.00`: 50.00 fits only 基本 (项目's 10.00 is less), and
        // 208 then only 项目 (基本 is full).
        let found = try #require(readings([[6_000, 5_000, 1_000], [5_000, 5_000], [1_000, 1_000]], parents: [nil, 0, 0]))
        #expect(found == [[[0, 1, 2], [0, 1], [0, 2]]])
    }

    @Test("a planted mis-sum (201 + 208 = 70.00 under a 合计 of 60.00): no reading")
    func misSum() throws {
        let found = try #require(readings([[6_000, 6_000], [5_000, 5_000], [2_000, 2_000]], parents: [nil, 0, 0]))
        #expect(found.isEmpty)
    }

    @Test("within 1 分 a child: 30.01 + 30.00 under 60.00 holds; 30.02 + 30.00 (2 分 over, two children's 尾数误差 is 2) holds, 30.03 does not")
    func tolerance() throws {
        func count(_ first: Int64) -> Int? {
            readings([[6_000, 6_000, 0], [first, first], [3_000, 3_000]], parents: [nil, 0, 0])?.count
        }
        // The 合计 row's `0.00` places 项目支出 0: one reading (基本) each time a sum holds.
        #expect(count(3_001) == 1)
        #expect(count(3_002) == 1)
        #expect(count(3_003) == 0)
    }

    @Test("a floor (公开04's total, X-2) decides between the readings; more readings than the limit: nil")
    func floorsAndLimit() throws {
        let chain: [[Int64]] = [[6_000, 6_000], [6_000, 6_000], [6_000, 6_000]]
        // 项目支出 of the 合计 row at least 60.00: only the second reading.
        #expect(readings(chain, parents: [nil, 0, 1], floors: [0: [0, 0, 6_000]]) == [[[0, 2], [0, 2], [0, 2]]])
        #expect(readings(chain, parents: [nil, 0, 1], limit: 1) == nil)
        // A parent that is not in the rows (an orphan cycle) is no hierarchy.
        #expect(readings(chain, parents: [1, 0, 1]) == nil)
    }
}
