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

    @Test("page text whose tables are not read is never a clean document: each table is a not-understood error")
    func notUnderstood() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try pageText(in: folder)
        let disclosure = try DisclosureReader.read(path: path)
        let pdf = try DisclosureReader.read(path: Seed.corpusPath(Seed.financePDF))
        #expect(pdf.tables.count == 9, "the PDF itself reads all nine tables")
        // Not read (yet): the page text loses the columns. What matters is that this is said, table by table.
        #expect(disclosure.tables.isEmpty)
        let unread = disclosure.problems.filter { $0.code == "table.not-understood" }
        #expect(unread.map(\.table) == [.incomeExpenditureSummary, .income, .expenditure, .appropriationSummary,
            .generalBudgetExpenditure, .generalBudgetBasicExpenditure, .threePublicExpenses, .governmentFund,
            .stateCapital])
        #expect(unread.map(\.source.line) == [89, 128, 174, 220, 280, 326, 429, 439, 449])
        #expect(unread.allSatisfy { $0.severity == .error })
        #expect(unread.first?.message.hasPrefix("公开01 收入支出决算总表: 第89行有表题") == true)
    }

    @Test(
        "the page text of every corpus PDF says which tables it could not read (the 测试问题版本 has no 公开03, as its text)",
        arguments: Seed.shanghaiPDFs.map(\.pdf))
    func everyCorpusPDF(pdf: String) throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("page.txt").path
        try TestWorkbooks.python("page_text.py", [Seed.corpusPath(pdf), output])
        let disclosure = try DisclosureReader.read(path: output)
        #expect(disclosure.kind == .finalAccounts)
        #expect(disclosure.tables.isEmpty)
        let unread = Set(disclosure.problems.filter { $0.code == "table.not-understood" }.compactMap(\.table))
        let expected = pdf.contains("测试问题版本") ? Set(TableID.allCases).subtracting([.expenditure]) : Set(TableID.allCases)
        #expect(unread == expected)
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
}
