import BudgetLensCore
@testable import BudgetLensReader
import BudgetLensTestSupport
import Testing

/// A 栏次 reading 1, 2, 3, 4, 5 … down consecutive rows is the 行次 taken for amounts: the table is refused.
@Suite("行次 read as amounts")
struct LineNumbersAsAmountsTests {
    @Test("planted: seed 000's 公开04 with 2.00 … 7.00 in 栏次 1 of six rows is removed and named; five rows are not enough")
    func planted() throws {
        var disclosure = try Seed.read(Seed.yantai)
        let index = try #require(disclosure.tables.firstIndex { $0.id == .appropriationSummary })
        func plant(rows: Int) -> Disclosure {
            var planted = disclosure
            var table = planted.tables[index]
            var written = 0
            for (row, _) in table.rows.enumerated() where written < rows {
                guard let cell = table.rows[row].cells.firstIndex(where: { $0.column == 1 }) else { continue }
                table.rows[row].cells[cell].text = "\(written + 2).00"
                written += 1
            }
            planted.tables[index] = table
            return planted
        }
        var six = plant(rows: 6)
        #expect(LineNumbersAsAmounts.lineNumberColumn(in: six.tables[index])?.run == [2, 3, 4, 5, 6, 7])
        LineNumbersAsAmounts.refuse(in: &six)
        #expect(six.table(.appropriationSummary) == nil)
        #expect(six.notUnderstoodTables == [.appropriationSummary])
        #expect(six.missingTables.isEmpty)
        let problem = try #require(six.problems.last)
        #expect(problem.severity == .error && problem.table == .appropriationSummary)
        #expect(problem.message.hasPrefix("公开04 财政拨款收入支出决算总表：栏次 1 连续 6 行读出 2、3、4、5、6 …，是行次栏被当作金额读取，本表未读取 — "))
        #expect(problem.englishDetail.hasPrefix("栏次 1 reads 2, 3, 4, 5, 6 … down 6 consecutive rows — the 行次 column taken for amounts"))

        var four = plant(rows: 4)
        LineNumbersAsAmounts.refuse(in: &four)
        #expect(four.table(.appropriationSummary) != nil, "four in a row is not enough")
        LineNumbersAsAmounts.refuse(in: &disclosure)
        #expect(disclosure.tables.count == 9)
    }

    @Test("every real document keeps all its tables")
    func realDocuments() throws {
        for seed in [Seed.yantai, Seed.weihai, Seed.zengdu] {
            var disclosure = try Seed.read(seed)
            let count = disclosure.tables.count
            LineNumbersAsAmounts.refuse(in: &disclosure)
            #expect(disclosure.tables.count == count, "\(seed)")
        }
        for text in [Seed.shanghaiFinance, Seed.shanghaiPlanning, Seed.shanghaiTestVariant] {
            var disclosure = try DisclosureReader.read(path: Seed.corpusPath(text))
            let count = disclosure.tables.count
            LineNumbersAsAmounts.refuse(in: &disclosure)
            #expect(disclosure.tables.count == count, "\(text)")
        }
    }
}
