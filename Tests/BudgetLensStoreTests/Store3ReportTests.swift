import BudgetLensCore
import BudgetLensRules
import BudgetLensStore
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
            let report = try JSONDecoder().decode(StoreReport.self, from: Data(result.stdout.utf8))
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
        let report = try JSONDecoder().decode(StoreReport.self, from: Data(json.stdout.utf8))
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
}
