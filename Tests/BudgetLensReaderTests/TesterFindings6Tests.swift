import BudgetLensCore
@testable import BudgetLensReader
import BudgetLensTestSupport
import Foundation
import Testing

/// Tester findings (round 6): page text never picks a column silently; a place without a line is never `:0:0`.
@Suite("Tester findings 6: page-text placements not picked, page-level places")
struct TesterFindings6Tests {
    /// A planted 公开03 whose rows (blank cells dropped) fit 基本支出/项目支出 or any two of the five part columns,
    /// and a 公开05 with the same codes.
    static let expenditure = """
        支出决算表
        单位：万元
        项目 本年支出合计 基本支出 项目支出 上缴上级支出 经营支出 对附属单位补助支出
        合计 100.00 60.00 40.00
        201 一般公共服务支出 100.00 60.00 40.00
        20101 人大事务 100.00 60.00 40.00
        注：本表反映部门本年度各项支出情况。

        """
    static let generalBudget = """
        一般公共预算财政拨款支出决算表
        单位：万元
        项目 合计 基本支出 项目支出
        合计 100.00 60.00 40.00
        201 一般公共服务支出 100.00 60.00 40.00
        20101 人大事务 100.00 60.00 40.00
        注：本表反映部门本年度一般公共预算财政拨款支出情况。

        """

    /// `code column 分` (100.00 万元 = 100,000,000 分) of 公开03's cells with a value, and the columns without one.
    private func cells(_ disclosure: Disclosure) -> (read: [String], unread: [String]) {
        let rows = disclosure.table(.expenditure)?.rows ?? []
        let read = rows.flatMap { row in
            row.cells.compactMap { cell in cell.value.flatMap { $0.fen == 0 ? nil : "\(row.code ?? row.item) \(cell.column) \($0.fen)" } }
        }
        let unread = rows.flatMap { row in row.cells.filter { $0.value == nil }.map { "\(row.code ?? row.item) \($0.column)" } }
        return (read, unread)
    }

    @Test("公开03 alone: 10 placements fit every row and nothing decides: 本年支出合计 read, columns 2–6 not read, a warning names the placements")
    func ambiguousNotPicked() throws {
        let disclosure = try DisclosureReader.read(data: Data(Self.expenditure.utf8), file: "planted.txt")
        let (read, unread) = cells(disclosure)
        #expect(read == ["合计 1 100000000", "201 1 100000000", "20101 1 100000000"])
        #expect(unread.count == 15 && unread.first == "合计 2" && unread.last == "20101 6")
        let warnings = disclosure.problems.filter { $0.code == "table.ambiguous" }
        #expect(warnings.count == 3 && warnings.allSatisfy { $0.table == .expenditure && $0.severity == .warning })
        let first = try #require(warnings.first)
        #expect(first.source.line == 4)
        #expect(first.message.hasPrefix("公开03 合计：空白单元格被省略，金额有 10 种放置均满足勾稽关系，无法确定：100.00→本年支出合计，60.00→基本支出，40.00→项目支出 | 100.00→本年支出合计，60.00→基本支出，40.00→上缴上级支出"))
        #expect(first.message.contains("基本支出、项目支出、上缴上级支出、经营支出、对附属单位补助支出 未读取"))
        #expect(!disclosure.problems.contains { $0.code == "page-text.column-uncertain" })
    }

    @Test("公开03 with 公开05: X-12 (03 ≥ 05 at each code) leaves one placement: read as printed, an info note names the identity")
    func settledByCrossTableIdentity() throws {
        let text = Self.expenditure + Self.generalBudget
        let disclosure = try DisclosureReader.read(data: Data(text.utf8), file: "planted.txt")
        let (read, unread) = cells(disclosure)
        #expect(read == ["合计 1 100000000", "合计 2 60000000", "合计 3 40000000", "201 1 100000000", "201 2 60000000",
            "201 3 40000000", "20101 1 100000000", "20101 2 60000000", "20101 3 40000000"])
        #expect(unread.isEmpty)
        #expect(!disclosure.problems.contains { $0.code == "table.ambiguous" || $0.code == "page-text.column-uncertain" })
        let notes = disclosure.problems.filter { $0.code == "page-text.column-by-identity" }
        #expect(notes.count == 3)
        #expect(notes.first?.message.contains("X-12 公开03 合计 基本支出 ≥ 60.00（公开05 60.00）") == true)
    }

    @Test("a 0.00 printed in one blank column or another is one reading: no warning, no note")
    func zeroInEitherBlankColumn() throws {
        let text = Self.expenditure.replacingOccurrences(of: "100.00 60.00 40.00", with: "100.00 100.00 0.00")
        let disclosure = try DisclosureReader.read(data: Data((text + Self.generalBudget.replacingOccurrences(of: "100.00 60.00 40.00", with: "100.00 100.00 0.00")).utf8), file: "planted.txt")
        #expect(cells(disclosure).unread.isEmpty)
        #expect(cells(disclosure).read.contains("合计 2 100000000"))
        #expect(!disclosure.problems.contains { $0.code == "table.ambiguous" })
    }

    @Test("公开04 本年支出合计 2,940.05 2,940.05 open over three columns: X-8/9/10 (= 公开05/07/08's 合计) keep 一般公共预算; with 公开05 unread, the cells stay unread")
    func appropriationByCrossTableFigures() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("budgetlens-tf6-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("财政局-page.txt").path
        try TestWorkbooks.python("page_text.py", [Seed.corpusPath(Seed.financePDF), path])
        let base = try DisclosureReader.read(data: Data(contentsOf: URL(fileURLWithPath: path)), file: path)
        let here = SourceLocation(file: path, line: 269, column: 17)
        let open = OpenPlacementResolution.OpenRow(
            table: .appropriationSummary, code: nil, item: "本年支出合计",
            columns: ["合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"],
            amounts: [("2,940.05", here), ("2,940.05", here)], placements: [[0, 1], [0, 2], [0, 3]], source: here)
        var settled = base
        OpenPlacementResolution.resolve([open], in: &settled)
        let row = try #require(settled.table(.appropriationSummary)?.rows.first { $0.item == "本年支出合计" && $0.cells.count == 4 })
        #expect(row.cells.map(\.value) == [Money(fen: 2_940_050_000), Money(fen: 2_940_050_000), .zero, .zero])
        let note = try #require(settled.problems.last)
        #expect(note.code == "page-text.column-by-identity")
        #expect(note.message.contains("X-8 公开04 本年支出合计 一般公共预算财政拨款 = 2,940.05（公开05 合计 2,940.05）"))
        #expect(note.message.contains("X-9 公开04 本年支出合计 政府性基金预算财政拨款 = 0.00"))
        // Without 公开05, 07 and 08 nothing decides: 合计 read, the three fund columns unread, a warning.
        var alone = base
        alone.tables.removeAll { [.generalBudgetExpenditure, .governmentFund, .stateCapital].contains($0.id) }
        OpenPlacementResolution.resolve([open], in: &alone)
        let unread = try #require(alone.table(.appropriationSummary)?.rows.first { $0.item == "本年支出合计" && $0.cells.count == 4 })
        #expect(unread.cells.map(\.value) == [Money(fen: 2_940_050_000), nil, nil, nil])
        #expect(alone.problems.last?.code == "table.ambiguous" && alone.problems.last?.severity == .warning)
        #expect(alone.problems.last?.message.contains("一般公共预算财政拨款、政府性基金预算财政拨款、国有资本经营预算财政拨款 未读取") == true)
    }

    @Test("公开06 over alternate lines: two lone 10.00 fit 30102|30202 and 30103|30203 either way round: none picked, the four codes unread, a warning names both")
    func economicNotPicked() throws {
        let text = """
            一般公共预算财政拨款基本支出决算表
            单位：万元
            经济分类 经济分类
            科目编码 科目编码
            科目名称 决算数 科目名称 决算数
            301 302
            工资福利支出 30.00 商品和服务支出 15.00
            301 01 302
            基本工资 01 办公费
            20.00 5.00
            301 02 302
            津贴补贴 02 印刷费
            10.00
            301 03 302
            奖金 03 咨询费
            10.00
            人员经费合计 30.00 公用经费合计 15.00
            注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。
            """
        let disclosure = try DisclosureReader.read(data: Data(text.utf8), file: "planted.txt")
        let rows = try #require(disclosure.table(.generalBudgetBasicExpenditure)?.rows)
        let unread = rows.filter { $0.cells.contains { $0.value == nil } }.compactMap(\.code)
        #expect(unread.sorted() == ["30102", "30103", "30202", "30203"])
        #expect(rows.first { $0.code == "30101" }?.cells.first?.value == Money(fen: 20_000_000))
        #expect(rows.first { $0.code == "302" }?.cells.first?.value == Money(fen: 15_000_000))
        let warning = try #require(disclosure.problems.first { $0.code == "table.ambiguous" })
        #expect(warning.table == .generalBudgetBasicExpenditure && warning.severity == .warning)
        #expect(warning.message.contains("有 2 种放置均满足勾稽关系，无法确定：10.00→30202，10.00→30103 | 10.00→30102，10.00→30203"))
        #expect(warning.message.contains("30102、30202、30103、30203 未读取"))
        #expect(!disclosure.problems.contains { $0.code == "page-text.column-uncertain" })
    }

    @Test("a place with a page and no line prints as file（第14页）, never file:0:0; without a column as file:line")
    func pageLevelPlace() {
        let page = SourceLocation(file: "a.pdf", line: 0, column: 0, page: 14)
        #expect(page.description == "a.pdf（第14页）" && page.place == "第14页" && page.knownLine == nil)
        #expect(SourceLocation(file: "a.txt", line: 0, column: 0).description == "a.txt")
        #expect(SourceLocation(file: "a.txt", line: 7, column: 0).description == "a.txt:7")
        #expect(SourceLocation(file: "a.txt", line: 7, column: 3, page: 2).description == "a.txt:7:3 (第2页)")
        #expect(SourceLocation(file: "a.txt", line: 7, column: 3).knownLine == 7)
    }

    @Test("a reading problem's English detail: after ` — ` when the detail is Chinese first, else the whole message")
    func englishDetail() {
        let here = SourceLocation(file: "a.txt", line: 1)
        let bilingual = ReadProblem(code: "table.column-numbers", severity: .warning,
            message: "公开09 没有栏次行：金额按顺序编为栏次 1–12 — 公开09 prints no 栏次 row; amounts are numbered 1–12 in order", source: here)
        #expect(bilingual.englishDetail == "公开09 prints no 栏次 row; amounts are numbered 1–12 in order")
        let english = ReadProblem(code: "x", severity: .info, message: "the file ends — was it cut short?", source: here)
        #expect(english.englishDetail == "the file ends — was it cut short?")
    }
}
