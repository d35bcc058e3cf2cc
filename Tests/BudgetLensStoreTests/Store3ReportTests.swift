import BudgetLensCore
import BudgetLensRules
import BudgetLensStore
import BudgetLensStorePostgres
import BudgetLensTestSupport
import Foundation
import Testing

/// `report`'s filters and output formats through the built binary (issue 12, third round): `--skip`, a unit name
/// with HTML special characters, money in `--format json`.
@Suite("store3: report --skip, HTML escaping, JSON money")
struct Store3ReportTests {
    /// Writes the synthetic disclosure for `unit` and `year` (2022 or 2023) into `folder`; `closing` replaces
    /// 公开01 行60 栏2 (年末结转和结余) when given.
    private func write(_ folder: TemporaryFolder, unit: String, year: Int, closing: String? = nil) throws -> String {
        var synthetic = SyntheticDisclosure()
        if let closing { synthetic.set(.incomeExpenditureSummary, row: "60", column: 2, to: closing) }
        var text = synthetic.text.replacingOccurrences(of: "测试局", with: unit)
        if year == 2022 { text = text.replacingOccurrences(of: "2023", with: "2022") }
        let path = folder.path("\(year).txt")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("report --skip leaves exactly the named Y-* rules out; without it they are reported")
    func skip() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let db = folder.path("lens.sqlite")
        // 2022 closes with 5.00 万元, 2023 opens with 0.00: Y-CARRY-01; the 2023 情况说明's 比上年 claims are wrong
        // against 2022's 670.00 (Y-NARR).
        let files = [try write(folder, unit: "测试甲局", year: 2022, closing: "5.00"), try write(folder, unit: "测试甲局", year: 2023)]
        let imported = try BudgetLensBinary.run(["import"] + files + ["--db", db])
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")

        func rules(_ extra: [String]) throws -> [String] {
            let result = try BudgetLensBinary.run(["report", "--db", db, "--format", "json"] + extra)
            #expect(result.status == 0, "\(result.stderr)")
            let report = try decodeStoreReport(Data(result.stdout.utf8))
            #expect(report.yearOverYear.count == 1)
            return report.yearOverYear.flatMap { $0.findings.map(\.rule) }
        }
        let all = try rules([])
        #expect(Set(all) == ["Y-CARRY-01", "Y-NARR"])
        let withoutCarry = try rules(["--skip", "Y-CARRY-01"])
        #expect(withoutCarry == all.filter { $0 != "Y-CARRY-01" })
        #expect(withoutCarry.contains("Y-NARR"))
        #expect(try rules(["--skip", "Y-*"]) == [])
        #expect(try rules(["--skip", "Y-NARR", "--skip", "Y-CARRY-01"]) == [])

        let text = try BudgetLensBinary.run(["report", "--db", db, "--skip", "Y-*"])
        #expect(text.stdout.contains("上下年核对 year-on-year (Y-YEAR, Y-UNIT, Y-CARRY-01/04, Y-NARR): 1 pairs, 0 with findings"))
        #expect(!text.stdout.contains("Y-CARRY-01 测试甲局"))
        // The first round's carry-over list is not a rule and stays.
        #expect(text.stdout.contains("1 pairs of consecutive years, 1 broken"))
    }

    @Test("a unit named with HTML special characters (<script>&\"') is stored as printed and escaped in report --format html")
    func htmlEscaping() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let db = folder.path("lens.sqlite")
        let unit = "测试<script>&\"'局"
        let file = try write(folder, unit: unit, year: 2023)
        let imported = try BudgetLensBinary.run(["import", file, "--db", db])
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        let json = try BudgetLensBinary.run(["report", "--db", db, "--format", "json"])
        let report = try decodeStoreReport(Data(json.stdout.utf8))
        #expect(report.unitYears.map(\.unit) == [unit])

        let html = try BudgetLensBinary.run(["report", "--db", db, "--format", "html"])
        #expect(html.status == 0)
        let escaped = "测试&lt;script&gt;&amp;&quot;&#39;局"
        #expect(
            html.stdout.contains(
                "<tr><td>\(escaped)</td><td class=\"n\">2023</td><td class=\"n\">1</td><td class=\"n\">670.00</td>"
                    + "<td class=\"n\">670.00</td><td class=\"n\">0</td><td class=\"n\">0</td><td class=\"n\">0</td><td>是</td></tr>"),
            "\(html.stdout)")
        #expect(html.stdout.contains("<tr><td class=\"n\">1</td><td>\(escaped)</td>"))
        #expect(!html.stdout.contains("<script"))
        #expect(!html.stdout.contains("&\""))
    }

    @Test("one district's ranking (units named with a prefix) summed in the database is the report's ranking of those units",
        arguments: StoreEngine.available)
    func districtRanking(engine: StoreEngine) async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let fresh = try await FreshStore(engine, in: folder)
        defer { Task { await fresh.drop() } }
        // 36 documents of 12 units 测试0局…测试11局, three each; every fifth (index 4, 9, …) with 01-1 planted.
        let input = TemporaryFolder(url: folder.url.appendingPathComponent("in"))
        try FileManager.default.createDirectory(at: input.url, withIntermediateDirectories: true)
        let files = try SyntheticBatch.write(36, to: input.url, units: 12)
        let imported = try BudgetLensBinary.run(["import"] + files + ["--db", fresh.spec])
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        let store = try await fresh.open()
        let district = try await store.ranking(unitPrefix: "测试1", year: nil)
        // 测试1局 (documents 1, 13, 25), 测试10局 (10, 22, 34: 34 planted), 测试11局 (11, 23, 35: none planted).
        #expect(district.map(\.unit) == ["测试11局", "测试1局", "测试10局"])
        #expect(district.map(\.documents) == [3, 3, 3])
        #expect(district.map(\.rank) == [1, 2, 3])
        let all = try await store.summaries(unit: nil, year: nil)
        let expected = StoreReport(summaries: all.filter { $0.unit?.hasPrefix("测试1") == true }).ranking
        #expect(district == expected)
        #expect(try await store.ranking(unitPrefix: "测试1", year: 2023) == expected)
        #expect(try await store.ranking(unitPrefix: "测试1", year: 2022).isEmpty)
        #expect(try await store.ranking(unitPrefix: "测试%", year: nil).isEmpty, "% is a character, not a wildcard")
    }

    @Test("the synthetic batch's fast text is the text of two replacements, document by document")
    func syntheticText() {
        for index in 0..<60 {
            #expect(SyntheticBatch.text(index) == SyntheticBatch.referenceText(index), "\(index)")
            #expect(SyntheticBatch.text(index, units: 12) == SyntheticBatch.referenceText(index, units: 12), "\(index)")
        }
        #expect(SyntheticBatch.text(34, units: 12).contains("测试10局负责测试工作，编号34。"))
        #expect(SyntheticBatch.text(34, units: 12).contains("671.00"))
    }

    @Test("import: a failed file's line is Chinese then English; --lang zh the Chinese only, --lang en the English only")
    func chineseFailures() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let db = folder.path("lens.sqlite")
        let budget = Seed.sharedRoot.appendingPathComponent("corpus/008-shanghai-putuo-shangwuwei-2025-BUDGET-not-final.txt").path
        let binary = folder.path("binary.txt")
        try Data([0x00, 0x01, 0x02, 0x00, 0xFF, 0x00, 0x03] + Array(repeating: 0, count: 64)).write(to: URL(fileURLWithPath: binary))
        let both = try BudgetLensBinary.run(["import", budget, binary, "--db", db])
        #expect(both.status == 2)
        let lines = both.stdout.split(separator: "\n").map(String.init)
        let budgetLine = try #require(lines.first { $0.hasPrefix("  \(budget): ") })
        #expect(budgetLine.hasPrefix("  \(budget): 错误：\(budget)：这是部门预算，不是部门决算（“"))
        #expect(budgetLine.contains("；只入库部门决算 / error: \(budget): this is a 部门预算 (budget), not a 部门决算 (final accounts)"))
        let binaryLine = try #require(lines.first { $0.hasPrefix("  \(binary): ") })
        #expect(binaryLine.hasPrefix("  \(binary): 错误：\(binary)"))
        #expect(binaryLine.contains(" / error: \(binary)"))
        let zh = try BudgetLensBinary.run(["import", budget, "--db", db, "--lang", "zh"])
        #expect(zh.stdout.contains("  \(budget): 错误：\(budget)：这是部门预算，不是部门决算（“"))
        #expect(!zh.stdout.contains("error: \(budget)"))
        let english = try BudgetLensBinary.run(["import", budget, "--db", db, "--lang", "en"])
        #expect(english.stdout.contains("  \(budget): error: \(budget): this is a 部门预算 (budget)"))
        #expect(!english.stdout.contains("错误："))
    }
}
