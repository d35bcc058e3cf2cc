import BudgetLensCore
import BudgetLensReader
import BudgetLensTestSupport
import Foundation
import Testing

/// The cover's title (OutlineReader.cover): a page number and a year line repeating the title's year are no part
/// of it. Covers printed by `budgetlens render` read `2022年度烟台市医疗保障局部门决算` / `部门：…` / `2022年度` / `1`;
/// the title was `…部门决算2022年度` (and `…2022年度1` in page text and raw text).
@Suite("Cover title: no page number or repeated year; a year alone placed; ends before fields and headings")
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

    @Test("corpus 001: the year printed alone under `年度部门决算` goes before its 年度 (it was taken for a page number)")
    func yearAloneUnderTitle() throws {
        let disclosure = try DisclosureReader.read(path: Seed.corpusPath(Seed.shanghaiFinance))
        #expect(disclosure.header.title == "上海市普陀区财政局2024年度部门决算")
        #expect(disclosure.header.year == 2024)
        // A title that has its year keeps a number alone out (a page number).
        #expect(try Self.title { $0.replacingOccurrences(of: "决算\n\n目 录", with: "决算\n2023\n\n目 录") }
            == "2022年度烟台市医疗保障局部门决算")
    }

    @Test("evaluation reports (seeds 003, 004): the title ends before the cover's fields and the first heading")
    func endsAtFieldOrHeading() throws {
        let zaozhuang = try DisclosureReader.read(path: Seed.path("003_57b5dcd699d528dd.txt"))
        #expect(zaozhuang.header.title == "2024年度枣庄市市中区医疗保障局（本级）部门预算整体绩效评价报告")
        let shandan = try DisclosureReader.read(path: Seed.path("004_b292cd247800b1d2.txt"))
        #expect(shandan.header.title == "山丹县医疗保障局山丹县医疗保障局2023年医疗保障与服务能力提升补助资金绩效评价报告")
    }
}

