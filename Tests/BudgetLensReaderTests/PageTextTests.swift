import BudgetLensCore
import BudgetLensReader
import BudgetLensTestSupport
import Foundation
import Testing

@Suite("pdfplumber page text")
struct PageTextTests {
    /// The 财政局 2024 PDF's pdfplumber `extract_text()` text, made in the test (pdfplumber from PyPI).
    private func pageText(in folder: URL) throws -> String {
        let output = folder.appendingPathComponent("财政局-pdfplumber.txt").path
        try TestWorkbooks.python("page_text.py", [Seed.corpusPath(Seed.financePDF), output])
        return output
    }

    @Test("the 财政局 page text: all nine tables read, 公开06 as the PDF, 公开09's six uncertain cells left unread and named")
    func notUnderstood() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try pageText(in: folder)
        let disclosure = try DisclosureReader.read(path: path)
        let pdf = try DisclosureReader.read(path: Seed.corpusPath(Seed.financePDF))
        #expect(pdf.tables.count == 9, "the PDF itself reads all nine tables")
        // The ONLYOFFICE PDF's page text puts codes, labels and amounts of 公开06 on alternate lines, and prints
        // two of 公开09's twelve cells: both are read now (see ExtractionFormsTests for all cells).
        #expect(disclosure.tables.count == 9)
        #expect(!disclosure.problems.contains { $0.code == "table.not-understood" || $0.code == "page-text.row-unplaced" })
        func cells(_ disclosure: Disclosure, _ id: TableID) -> [String] {
            (disclosure.table(id)?.rows ?? []).flatMap { row in
                row.cells.map { "\(row.code ?? "")|\(row.item)|\($0.column)|\($0.value.map { "\($0)" } ?? "-")" }
            }
        }
        #expect(cells(disclosure, .generalBudgetBasicExpenditure).count == 66)
        #expect(cells(disclosure, .generalBudgetBasicExpenditure) == cells(pdf, .generalBudgetBasicExpenditure))
        // 公开09: `0.95 0.95` fits four placements (合计 with 因公出国 or 公务接待, 预算数 or 决算数); nothing but the
        // 情况说明, which is checked against the table and never places it, tells them apart: the six cells they
        // disagree on are not read and the warning names all four (ThreePublicPageTextTests). The PDF has 公务接待费 预算数.
        let note = disclosure.problems.filter { $0.table == .threePublicExpenses }
        #expect(note.map(\.code) == ["table.ambiguous"])
        #expect(note.first?.message.contains("4 种放置") == true)
        let threePublic = try #require(disclosure.table(.threePublicExpenses)?.rows.first?.cells)
        #expect(threePublic.compactMap { ($0.value?.fen ?? 0) == 0 ? nil : $0.column } == [])
        #expect(threePublic.filter { $0.value == nil }.map(\.column) == [1, 2, 6, 7, 8, 12])
    }

    @Test(
        "the page text of every corpus PDF reads its tables or says which it could not read",
        arguments: Seed.shanghaiPDFs.map(\.pdf))
    func everyCorpusPDF(pdf: String) throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("page.txt").path
        try TestWorkbooks.python("page_text.py", [Seed.corpusPath(pdf), output])
        let disclosure = try DisclosureReader.read(path: output)
        #expect(disclosure.kind == .finalAccounts)
        let read = Set(disclosure.tables.map(\.id))
        let unread = Set(disclosure.problems.filter { $0.code == "table.not-understood" }.compactMap(\.table))
        // Every table the PDF prints is read or reported (the 测试问题版本 has no 公开03, as its text).
        let printed = pdf.contains("测试问题版本") ? Set(TableID.allCases).subtracting([.expenditure]) : Set(TableID.allCases)
        #expect(read.union(unread) == printed && read.isDisjoint(with: unread))
        #expect(unread.isEmpty)
    }

    @Test("tab-separated text, layout text and the seeds, whose tables are read, have no such problem")
    func readTextsStaySilent() throws {
        for name in [Seed.shanghaiFinance, Seed.shanghaiPlanning, Seed.shanghaiSocialWorkLayout, Seed.shanghaiTestVariant] {
            #expect(try Seed.readCorpus(name).problems.allSatisfy { $0.code != "table.not-understood" }, "\(name)")
        }
        for seed in [Seed.yantai, Seed.weihai, Seed.zengdu] {
            #expect(try Seed.read(seed).problems.allSatisfy { $0.code != "table.not-understood" }, "\(seed)")
        }
    }

    @Test("a title with a header line after it but no readable rows is reported; a 目录 entry is not")
    func plantedTitle() throws {
        let text = """
            2024年度某局部门决算
            一、收入支出决算总表
            二、收入决算表
            收入决算表
            单位：万元
            项目 本年收入合计 财政拨款收入
            合计 100.00 100.00
            """
        let disclosure = try DisclosureReader.read(data: Data(text.utf8), file: "planted.txt")
        let unread = disclosure.problems.filter { $0.code == "table.not-understood" }
        #expect(unread.map(\.table) == [.income])
        #expect(unread.map(\.source.line) == [4])
    }

    /// 公开02 as page text: blank cells dropped, amounts separated by single spaces.
    private static let plantedIncome = """
        收入决算表
        单位：万元
        项目 本年收入合计 财政拨款收入 上级补助收入 事业收入 经营收入 附属单位上缴收入 其他收入
        合计 100.00 90.00 10.00
        201 一般公共服务支出 100.00 90.00 10.00
        20101 人大事务 60.00 60.00
        20102 政协事务 40.00 30.00 10.00
        注：本表反映部门本年度取得的各项收入情况。
        """

    /// `code column amount` of every non-blank cell of 公开02, the amount in hundredths of 万元 as printed.
    private func placed(_ disclosure: Disclosure) -> [String] {
        disclosure.table(.income)?.rows.flatMap { row in
            row.cells.compactMap { cell in
                guard let fen = cell.value?.fen, fen != 0 else { return nil }
                return "\(row.code ?? row.item) \(cell.column) \(fen / 10_000)"
            }
        } ?? []
    }

    @Test("page text: where several placements fit and nothing decides, none is picked: the cells in doubt are not read, a warning names the placements")
    func placementNoted() throws {
        let disclosure = try DisclosureReader.read(data: Data(Self.plantedIncome.utf8), file: "planted.txt")
        // 合计 100 = 90 + 10 fits any two of the six part columns, and the rows below follow whichever it is: only
        // 本年收入合计 (column 1) is the same in every reading; the other columns are left unread (no value).
        #expect(placed(disclosure) == ["合计 1 10000", "201 1 10000", "20101 1 6000", "20102 1 4000"])
        let total = try #require(disclosure.table(.income)?.rows.first { $0.item == "合计" })
        #expect(total.cells.filter { $0.value == nil }.map(\.column) == [2, 3, 4, 5, 6, 7])
        let notes = disclosure.problems.filter { $0.code == "table.ambiguous" }
        #expect(notes.count == 4 && notes.allSatisfy { $0.table == .income && $0.severity == .warning })
        #expect(notes.first?.source.line == 4)
        #expect(notes.first?.message.contains("金额有 15 种放置均满足勾稽关系，无法确定：100.00→本年收入合计，90.00→财政拨款收入，10.00→上级补助收入 | 100.00→本年收入合计，90.00→财政拨款收入，10.00→事业收入") == true)
        #expect(!disclosure.problems.contains { $0.code == "page-text.column-uncertain" || $0.code == "table.not-understood" })
    }

    @Test("page text: 公开01's income rows decide 公开02's columns (其他收入, not 上级补助收入), without a note")
    func placementByCrossTableIdentity() throws {
        let text = """
            收入支出决算总表
            单位：万元
            收入 支出
            项目 决算数 项目 决算数
            一、一般公共预算财政拨款收入 90.00 一、一般公共服务支出 100.00
            八、其他收入 10.00
            本年收入合计 100.00 本年支出合计 100.00
            总计 100.00 总计 100.00
            注：本表反映部门本年度的总收支和年末结转结余情况。

            """ + Self.plantedIncome
        let disclosure = try DisclosureReader.read(data: Data(text.utf8), file: "planted.txt")
        #expect(placed(disclosure) == ["合计 1 10000", "合计 2 9000", "合计 7 1000", "201 1 10000", "201 2 9000",
            "201 7 1000", "20101 1 6000", "20101 2 6000", "20102 1 4000", "20102 2 3000", "20102 7 1000"])
        #expect(!disclosure.problems.contains { $0.code == "page-text.column-uncertain" })
    }

    @Test("hostile page text (hundreds of ambiguous rows, rows with too many amounts) ends quickly, read or refused")
    func hostilePageText() throws {
        var text = "收入决算表\n单位：万元\n项目 本年收入合计 财政拨款收入 上级补助收入 事业收入 经营收入 附属单位上缴收入 其他收入\n"
        text += "合计 " + Array(repeating: "1.00", count: 4).joined(separator: " ") + "\n"
        for index in 0..<400 {
            text += "2\(String(format: "%02d", index % 100))\(String(format: "%02d", index / 100)) 事务 2.00 1.00 1.00\n"
        }
        text += "201 多 " + Array(repeating: "1.00", count: 40).joined(separator: " ") + "\n注：完\n"
        let start = Date()
        let disclosure = try DisclosureReader.read(data: Data(text.utf8), file: "hostile.txt")
        #expect(Date().timeIntervalSince(start) < 20)
        // A row with more amounts than columns cannot be placed: the table is reported, not read in part.
        #expect(disclosure.table(.income) == nil)
        #expect(disclosure.problems.contains { $0.code == "table.not-understood" && $0.table == .income })
    }
}
