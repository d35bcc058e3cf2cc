import BudgetLensStore
import BudgetLensTestSupport
import Foundation
import Testing

/// `report` oddities a fresh tester found: documents naming no unit merged into one row, 合计一致 “是” where
/// 公开01 was not read, and the blank 部门决算模板 ranked like a real document.
@Suite("report: unnamed units apart, totals not read, the blank template not ranked")
struct ReportOdditiesTests {
    @Test("corpus template + two field fragments without a unit + seed 001: rows, 未读取, the template listed apart")
    func oddities() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let db = folder.path("lens.sqlite")
        let minimal = Seed.corpusPath("field/minimal-gov-fund-table07-merged-header-total-row.txt")
        let hrss = Seed.corpusPath("field/shenzhen-hrss-2019-sangong-RECONSTRUCTED-4col-tsv.txt")
        let files = [Seed.corpusPath(Seed.templatePDF), minimal, hrss, Seed.path(Seed.weihai)]
        let imported = try BudgetLensBinary.run(["import"] + files + ["--db", db])
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")

        let result = try BudgetLensBinary.run(["report", "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        // Each document without a unit is its own row, named by its file; neither has 公开01: 未读取, not 是.
        let minimalRow = try #require(lines.first { $0.hasPrefix("（未识别单位：minimal-gov-fund-table07-merged-header-total-row.txt）\t") })
        #expect(minimalRow.hasPrefix("（未识别单位：minimal-gov-fund-table07-merged-header-total-row.txt）\t-\t1\t-\t-\t"))
        #expect(minimalRow.hasSuffix("\t未读取 not read"))
        let hrssRow = try #require(lines.first { $0.hasPrefix("（未识别单位：shenzhen-hrss-2019-sangong-RECONSTRUCTED-4col-tsv.txt）\t") })
        #expect(hrssRow.hasPrefix("（未识别单位：shenzhen-hrss-2019-sangong-RECONSTRUCTED-4col-tsv.txt）\t2019\t1\t-\t-\t"))
        #expect(hrssRow.hasSuffix("\t未读取 not read"))
        #expect(!lines.contains { $0.hasPrefix("（未识别单位）\t") })
        // A document with 公开01 read keeps 是 (威海: 939.31 / 958.64 printed in its 公开01).
        #expect(lines.contains { $0.hasPrefix("威海市医疗保障局（本级）\t2023\t1\t939.31\t958.64\t") && $0.hasSuffix("\t是 yes") })
        // The template (上海市XX局, 公开01 totals 0.00) is listed apart, not ranked; the others are ranked 1–3.
        let ranking = try #require(lines.firstIndex { $0.hasPrefix("数据质量排名") })
        let ranks = Array(lines[(ranking + 1)...])
        #expect(ranks.count == 4, "\(ranks)")
        #expect(ranks.prefix(3).map { $0.prefix(3) } == ["1. ", "2. ", "3. "])
        #expect(!ranks.prefix(3).contains { $0.contains("上海市XX局") })
        #expect(ranks.last?.hasPrefix("—. 上海市XX局: 空白模板，不参与排名 blank template, not ranked (1 docs, ") == true, "\(ranks)")

        let json = try BudgetLensBinary.run(["report", "--db", db, "--format", "json"])
        let report = try decodeStoreReport(Data(json.stdout.utf8))
        #expect(report.unranked.map(\.unit) == ["上海市XX局"] && report.unranked.first?.rank == 0)
        #expect(report.ranking.count == 3)
        #expect(report.unitYears.first { $0.unit == "上海市XX局" }?.totalsRead == true)
        #expect(report.unitYears.filter { !$0.totalsRead }.count == 2)
    }
}
