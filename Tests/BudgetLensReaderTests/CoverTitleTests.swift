import BudgetLensCore
import BudgetLensReader
import BudgetLensTestSupport
import Foundation
import Testing

/// The cover's title (OutlineReader.cover): a page number and a year line repeating the title's year are no part
/// of it. Covers printed by `budgetlens render` read `2022年度烟台市医疗保障局部门决算` / `部门：…` / `2022年度` / `1`;
/// the title was `…部门决算2022年度` (and `…2022年度1` in page text and raw text).
@Suite("Cover title without page number or repeated year")
struct CoverTitleTests {
    static func title(_ edit: (String) -> String) throws -> String {
        let text = try String(contentsOfFile: Seed.path(Seed.yantai), encoding: .utf8)
        return try DisclosureReader.read(data: Data(edit(text).utf8), file: "000.txt").header.title
    }

    @Test("seed 000 as it is: its year line comes first and stays in the title")
    func unchanged() throws {
        #expect(try Self.title { $0 } == "2022年度烟台市医疗保障局部门决算")
    }

    @Test("planted under the title: `2022 年度` and a page number `1` are left out")
    func yearAndPageNumberLeftOut() throws {
        let title = try Self.title { $0.replacingOccurrences(of: "决算\n\n目 录", with: "决算\n2022 年度\n\n1\n目 录") }
        #expect(title == "2022年度烟台市医疗保障局部门决算")
    }

    @Test("planted: another year under the title (`2023年度`) is kept — it says something the title does not")
    func otherYearKept() throws {
        let title = try Self.title { $0.replacingOccurrences(of: "决算\n\n目 录", with: "决算\n2023年度\n\n目 录") }
        #expect(title == "2022年度烟台市医疗保障局部门决算2023年度")
    }
}
