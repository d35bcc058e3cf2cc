import BudgetLensCore
import BudgetLensReader
import BudgetLensTestSupport
import Foundation
import Testing

/// 公开06 of the blank template (附件2：部门决算模板.pdf) in `pdftotext -layout` text: its left block's 决算数
/// column is blank in every row and its heading stands just left of the right block's codes, so the heading
/// was attached to the code column and the right block's codes (`30201`) were read as the left block's amounts.
/// Now an amount heading is never attached to a code column by proximity (``BandFinder``), and a header that
/// lost a column is read with the codes as codes (``EconomicTableBuilder``, a planted tab text).
@Suite("Layout text: a code column is never read as an amount (公开06)", .enabled(if: ExtractionTools.shouldRun))
struct TemplateLayoutTextTests {
    static let template = "pdf/附件2：部门决算模板.pdf"

    /// `code|item|value in 分` of a table's cells (`-` for a cell without a value).
    static func cells(_ disclosure: Disclosure, _ id: TableID) -> [String] {
        disclosure.table(id)?.rows.flatMap { row in
            row.cells.map { "\(row.code ?? "")|\(row.item)|\($0.value.map { String($0.fen) } ?? "-")" }
        } ?? []
    }

    @Test("the blank template's layout text: 公开06 is the PDF's 67 cells, every one blank, no amount equal to a code")
    func templateEconomicTable() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try ExtractionTools.extract(.layout, from: Seed.corpusPath(Self.template), into: folder)
        let layout = try DisclosureReader.read(path: path)
        let pdf = try DisclosureReader.read(path: Seed.corpusPath(Self.template))
        let cells = Self.cells(layout, .generalBudgetBasicExpenditure)
        #expect(cells == Self.cells(pdf, .generalBudgetBasicExpenditure))
        #expect(cells.count == 67)
        #expect(cells.prefix(3) == ["301|工资福利支出|0", "30101|基本工资|0", "30102|津贴补贴|0"])
        #expect(cells.contains("30201|办公费|0") && cells.contains("31099|其他资本性支出|0")
            && cells.contains("|人员经费合计|0") && cells.contains("|公用经费合计|0"))
        let table = try #require(layout.table(.generalBudgetBasicExpenditure))
        let codes = Set(table.rows.compactMap(\.code))
        #expect(codes.count == 65)  // and the two totals
        for row in table.rows {
            for cell in row.cells {
                #expect(cell.value == .zero, "\(row.code ?? row.item): \(cell.text)")
                #expect(!codes.contains(cell.text), "\(row.code ?? row.item) reads the code \(cell.text) as an amount")
            }
        }
        #expect(!layout.problems.contains { $0.code == "table.code-in-amount-column" })
    }

    /// The tab text the layout reader made of that table before: the header `| 科目名称 | 决算数 | 科目名称 | 决算数`
    /// lost the left block's 决算数 column, so the right block's codes stand in it.
    static func economicTable(header: String, rows: [String]) -> String {
        (["2024年度某局部门决算", "一般公共预算财政拨款基本支出决算表", "单位：万元", header] + rows
            + ["注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。"]).joined(separator: "\n")
    }

    @Test("planted: a 公开06 header that lost a column — the codes are the right block's, the left amounts unread, a warning")
    func headerLostAColumn() throws {
        let text = Self.economicTable(
            header: "\t科目名称\t决算数\t科目名称\t决算数",
            rows: ["301\t工资福利支出\t302\t商品和服务支出\t5.00", "30101\t基本工资\t30201\t办公费\t5.00",
                "\t人员经费合计\t\t公用经费合计\t5.00"])
        let disclosure = try DisclosureReader.read(data: Data(text.utf8), file: "planted.txt")
        #expect(Self.cells(disclosure, .generalBudgetBasicExpenditure) == [
            "301|工资福利支出|-", "30101|基本工资|-", "|人员经费合计|0",
            "302|商品和服务支出|5000000", "30201|办公费|5000000", "|公用经费合计|5000000",
        ])
        let warnings = disclosure.problems.filter { $0.code == "table.code-in-amount-column" }
        #expect(warnings.count == 1)
        #expect(warnings.first?.severity == .warning && warnings.first?.source.line == 5)
        #expect(warnings.first?.message.contains("少一栏") == true)
    }

    @Test("the same table with its four columns: amounts read, no warning")
    func headerComplete() throws {
        let text = Self.economicTable(
            header: "\t科目名称\t决算数\t\t科目名称\t决算数",
            rows: ["301\t工资福利支出\t30.00\t302\t商品和服务支出\t5.00", "30101\t基本工资\t30.00\t30201\t办公费\t5.00",
                "\t人员经费合计\t30.00\t\t公用经费合计\t5.00"])
        let disclosure = try DisclosureReader.read(data: Data(text.utf8), file: "planted.txt")
        #expect(Self.cells(disclosure, .generalBudgetBasicExpenditure) == [
            "301|工资福利支出|30000000", "30101|基本工资|30000000", "|人员经费合计|30000000",
            "302|商品和服务支出|5000000", "30201|办公费|5000000", "|公用经费合计|5000000",
        ])
        #expect(!disclosure.problems.contains { $0.code == "table.code-in-amount-column" })
    }
}
