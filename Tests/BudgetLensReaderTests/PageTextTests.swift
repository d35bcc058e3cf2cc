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

    @Test("the 财政局 page text: the tables whose rows cannot be placed are not-understood errors, the others read")
    func notUnderstood() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try pageText(in: folder)
        let disclosure = try DisclosureReader.read(path: path)
        let pdf = try DisclosureReader.read(path: Seed.corpusPath(Seed.financePDF))
        #expect(pdf.tables.count == 9, "the PDF itself reads all nine tables")
        // The ONLYOFFICE PDF's page text puts labels and amounts on alternate lines: 公开04 (a label line with fewer
        // amounts below it than labels), 公开06 (codes, labels and amounts scattered) and 公开09 (fewer than twelve
        // amounts) are not read, and each says so; the others are (see ExtractionFormsTests for their cells).
        #expect(disclosure.tables.map(\.id).sorted() == [.incomeExpenditureSummary, .income, .expenditure,
            .generalBudgetExpenditure, .governmentFund, .stateCapital])
        let unread = disclosure.problems.filter { $0.code == "table.not-understood" }
        #expect(unread.map(\.table) == [.appropriationSummary, .generalBudgetBasicExpenditure, .threePublicExpenses])
        #expect(unread.map(\.source.line) == [220, 326, 429])
        #expect(unread.allSatisfy { $0.severity == .error })
        #expect(unread.first?.message.hasPrefix("公开04 财政拨款收入支出决算总表: 第220行有表题") == true)
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
        let expectedUnread: Set<TableID> =
            pdf.contains("财政局2024") ? [.appropriationSummary, .generalBudgetBasicExpenditure, .threePublicExpenses]
            : pdf.contains("规划") || pdf.contains("社会工作部") ? [] : [.generalBudgetBasicExpenditure]
        #expect(unread == expectedUnread)
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
