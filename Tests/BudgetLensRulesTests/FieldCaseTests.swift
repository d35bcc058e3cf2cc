import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensTestSupport
import Foundation
import Testing

/// The template variants of `../shared/corpus/field/` (its README says what each must give): exact findings,
/// and the absence of the false ones the reader used to make.
@Suite("Field cases: template variants")
struct FieldCaseTests {
    static func path(_ name: String) -> String { Seed.corpusPath("field/" + name) }

    /// `severity rule table 栏 actual expected` per finding of the tables' rules, in report order (the
    /// narrative's N-* rules are NarrativeCheckTests' subject).
    static func findings(_ disclosure: Disclosure, skipping: [String] = []) throws -> [String] {
        let report = RuleEngine().evaluate(
            try BuiltInPacks.finalAccounts().skipping(skipping + ["N-*"]), on: disclosure)
        let unit = disclosure.moneyUnit
        return report.findings.map { finding in
            [
                finding.severity.rawValue, finding.rule, finding.location.table ?? "-",
                finding.location.column.map { "栏\($0)" } ?? "-", FindingValue.text(finding.actual, unit: unit),
                FindingValue.text(finding.expected, unit: unit),
            ].joined(separator: " ")
        }
    }

    /// A copy of the field file `name` with `old` replaced by `new` (exactly once), in a temporary file.
    static func planted(_ name: String, replacing old: String, with new: String) throws -> String {
        let text = try String(contentsOfFile: path(name), encoding: .utf8)
        #expect(text.components(separatedBy: old).count == 2, "'\(old)' occurs once")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("field-\(UUID().uuidString).txt")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
        return url.path
    }

    @Test("公开07 with its sub-header merged into the 合计 row: header words, then the real defect (blank 本年支出)")
    func mergedHeaderTotalRow() throws {
        let disclosure = try DisclosureReader.read(path: Self.path("minimal-gov-fund-table07-merged-header-total-row.txt"))
        let total = try #require(disclosure.table(.governmentFund)?.rows.first)
        #expect(total.kind == .total)
        #expect(total.cells.map { $0.value } == ["0", "2002.80", "0", "0", "0", "0"].map { Money(wan: $0) })
        let note = try #require(disclosure.problems.first { $0.code == "row.header-in-total" })
        #expect(note.severity == .info && note.message.contains("合计/基本支出/项目支出 in 栏次 3, 4, 5"))
        #expect(!disclosure.problems.contains { $0.code == "cell.not-a-number" }, "no F-READ on the header words")
        // The fragment holds 公开07 only: F-TOC reports the other eight, which is right for a fragment.
        #expect(
            try Self.findings(disclosure, skipping: ["F-TOC"]) == [
                "error 07-3 公开07 栏3 0.00 2002.80",
                "error 07-3 公开07 栏5 0.00 2002.80",
                "error 07-2 公开07 栏6 0.00 2002.80",
            ])
    }

    @Test("深圳 三公 table labelled 公开07表 with a 栏次 row: the numbering is accepted, the unit is the 部门 cell")
    func shenzhenNumbering() throws {
        let disclosure = try DisclosureReader.read(path: Self.path("shenzhen-dapeng-jianzhugongwuju-sangong-colnumbers-tsv.txt"))
        #expect(disclosure.header.unitName == "深圳市大鹏新区建筑工务局")
        #expect(disclosure.header.moneyUnit == .wanYuan)
        let table = try #require(disclosure.table(.threePublicExpenses))
        #expect(table.formLabel == "公开07表" && table.unitName == "深圳市大鹏新区建筑工务局")
        #expect(table.rows.count == 1, "the 栏次 row 1 … 12 is not money")
        #expect(table.rows[0].cells.map(\.text) == [
            "45.60", "6.00", "33.60", "20.00", "13.60", "6.00", "40.10", "5.00", "29.10", "18.00", "11.10", "6.00",
        ])
        #expect(try Self.findings(disclosure, skipping: ["F-TOC"]) == ["info F-TITLE 公开09 - \"三公\"经费支出决算表 财政拨款“三公”经费支出决算表"])
        #expect(disclosure.problems.isEmpty)
    }

    @Test("the same table with its 决算 合计 changed to 41.10 (the control): exactly that error")
    func shenzhenMutated() throws {
        let disclosure = try DisclosureReader.read(
            path: Self.path("shenzhen-dapeng-sangong-colnumbers-MUTATED-total41.10-tsv.txt"))
        // 5.00 + 29.10 + 6.00 = 40.10
        #expect(
            try Self.findings(disclosure, skipping: ["F-TOC", "F-TITLE"]) == ["error 09-2 公开09 栏7 41.10 40.10"])
    }

    @Test("a wrong label is still a mislabel: the 三公 table labelled 公开05表, or 公开07表 beside a 基金 table labelled 公开07表")
    func wrongLabel() throws {
        let path = try Self.planted(
            "shenzhen-dapeng-jianzhugongwuju-sangong-colnumbers-tsv.txt", replacing: "公开07表", with: "公开05表")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let disclosure = try DisclosureReader.read(path: path)
        #expect(try Self.findings(disclosure, skipping: ["F-TOC", "F-TITLE"]) == ["warning F-LABEL 公开09 - 公开05表 公开09表"])

        var fund = PublicTable(
            id: .governmentFund, title: TableID.governmentFund.canonicalTitle, formLabel: "公开07表",
            source: SourceLocation(file: "x", line: 20))
        fund.moneyUnit = .wanYuan
        var central = try DisclosureReader.read(
            path: Self.path("shenzhen-dapeng-jianzhugongwuju-sangong-colnumbers-tsv.txt"))
        central.tables.append(fund)
        #expect(
            try Self.findings(central, skipping: ["F-TOC", "F-TITLE"]).filter { $0.contains("F-LABEL") } == [
                "warning F-LABEL 公开09 - 公开07表 公开09表"
            ], "two tables labelled 公开07表: the 三公 one is not the central numbering")
    }

    @Test("a 三公 table printed with its four 决算 columns: placed by their headers in 栏次 7, 8, 9, 12")
    func fourActualColumns() throws {
        let disclosure = try DisclosureReader.read(path: Self.path("shenzhen-hrss-2019-sangong-RECONSTRUCTED-4col-tsv.txt"))
        let table = try #require(disclosure.table(.threePublicExpenses))
        #expect(table.columns.map(\.number) == [7, 8, 9, 12])
        #expect(table.rows.first?.cells.map(\.column) == [7, 8, 9, 12])
        #expect(table.rows.first?.cells.map(\.text) == ["262.00", "181.76", "57.06", "23.17"])
        #expect(disclosure.problems.map(\.code) == ["table.columns-by-header"])
        // 181.76 + 57.06 + 23.17 = 261.99: a rounding difference in the published figures; the columns the table
        // does not print (预算数, 购置费, 运行费) are not checked, never read as zero.
        #expect(
            try Self.findings(disclosure, skipping: ["F-TOC"]) == [
                "info F-TITLE 公开09 - \"三公\"经费支出决算表 财政拨款“三公”经费支出决算表",
                "warning 09-2 公开09 栏7 262.00 261.99",
            ])
    }

    @Test("石泉路街道 2025: all nine tables; the empty 公开07–08 with 本表无数据 raise nothing; the real 基本支出 error")
    func shiquanlu() throws {
        let disclosure = try DisclosureReader.read(path: Self.path("shanghai-putuo-shiquanlu-jiedao-2025-final-tsv.txt"))
        #expect(disclosure.missingTables.isEmpty && disclosure.tables.count == 9)
        #expect(disclosure.table(.governmentFund)?.noDataStatement != nil)
        #expect(disclosure.table(.stateCapital)?.noDataStatement != nil)
        let findings = try Self.findings(disclosure)
        #expect(!findings.contains { $0.contains("公开07") || $0.contains("公开09") || $0.contains("F-READ") })
        // 21201 城乡社区管理事务 基本支出 printed 1066.51 where its items sum to 10661.51 (a digit missing).
        #expect(
            findings == [
                "warning 02-2 公开02 栏1 3019.34 3019.33", "warning 02-2 公开02 栏2 3019.34 3019.33",
                "error 03-3 公开03 栏2 14206.00 4610.99", "warning 03-1 公开03 栏1 3019.34 3019.33",
                "warning 03-2 公开03 栏1 3019.34 3019.33", "error 03-1 公开03 栏1 13583.48 3988.48",
                "error 03-1 公开03 栏1 12029.15 2434.15", "error 03-2 公开03 栏2 1066.51 10661.51",
                "warning 05-1 公开05 栏1 3019.34 3019.33", "warning 05-2 公开05 栏1 3019.34 3019.33",
                "error 05-1 公开05 栏1 13583.48 3988.48", "error 05-1 公开05 栏1 12029.15 2434.15",
                "error 05-2 公开05 栏2 1066.51 10661.51", "error 05-3 公开05 栏2 14206.00 4610.99",
                "info F-TITLE 公开06 - 一般公共预算财政拨款基本支出决算表 一般公共预算财政拨款基本支出决算明细表",
                "warning 06-1 公开06 栏1 2195.60 2195.59",
                "info F-TITLE 公开08 - 国有资本经营预算财政拨款收入支出决算表 国有资本经营预算财政拨款支出决算表",
            ])
    }

    @Test("a 目录 entry with the year written 202 年度 is an F-YEAR error, like a heading")
    func contentsYear() throws {
        let path = try Self.planted(
            "shanghai-putuo-shiquanlu-jiedao-2025-final-tsv.txt",
            replacing: "\n第二部分 上海市普陀区人民政府石泉路街道办事处 2025 年度\n部门决算表\n一、",
            with: "\n第二部分 上海市普陀区人民政府石泉路街道办事处 202 年度\n部门决算表\n一、")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let planted = try DisclosureReader.read(path: path)
        let years = try Self.findings(planted).filter { $0.contains("F-YEAR") }
        #expect(years == ["error F-YEAR - - 202 2025"])
        let original = try DisclosureReader.read(path: Self.path("shanghai-putuo-shiquanlu-jiedao-2025-final-tsv.txt"))
        #expect(try Self.findings(original).filter { $0.contains("F-YEAR") }.isEmpty)
    }

    @Test("a 目录 entry with another year (2024 for 2025) is an F-YEAR error")
    func contentsOtherYear() throws {
        let path = try Self.planted(
            "shanghai-putuo-shiquanlu-jiedao-2025-final-tsv.txt",
            replacing: "九、国有资本经营预算财政拨款收入支出决算表\n第三部分 上海市普陀区人民政府石泉路街道办事处 2025 年度",
            with: "九、国有资本经营预算财政拨款收入支出决算表\n第三部分 上海市普陀区人民政府石泉路街道办事处 2024 年度")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let years = try Self.findings(try DisclosureReader.read(path: path)).filter { $0.contains("F-YEAR") }
        #expect(years == ["error F-YEAR - - 2024 2025"])
    }

    @Test("the 江苏 budget PDF: recognised as a budget; its unit is the 部门 cell, not a table title")
    func budgetUnit() throws {
        let disclosure = try DisclosureReader.read(path: Self.path("jiangsu-cppcc-office-2019-BUDGET-tables.pdf"))
        #expect(disclosure.kind == .budget)
        #expect(disclosure.header.unitName == "江苏省政协办公厅")
    }
}
