import BudgetLensStore
import BudgetLensTestSupport
import Foundation
import Testing

/// Tester finding 5 (round 6): `report --format json` wrote the model's camelCase keys while `/api/report` and
/// `report --failing` write snake_case. Now all three are snake_case.
@Suite("Tester findings 6: report --format json keys")
struct TesterFindings6ReportTests {
    @Test("report --format json writes snake_case keys, the same values read back")
    func snakeCaseKeys() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let db = folder.path("lens.sqlite")
        #expect(try BudgetLensBinary.run(["import", StoreDocuments.seeds[0], "--db", db]).status == 0)
        let result = try BudgetLensBinary.run(["report", "--db", db, "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["carry_overs", "consolidations", "ranking", "unit_years", "unranked", "year_over_year"])
        let rows = try #require(object["unit_years"] as? [[String: Any]])
        let row = try #require(rows.first)
        #expect(Set(row.keys).isSuperset(of: ["income_total_fen", "expenditure_total_fen", "totals_agree", "totals_read"]))
        #expect(!result.stdout.contains("unitYears") && !result.stdout.contains("incomeTotalFen"))
        // Seed 000 (烟台市医疗保障局 2022): 本年收入合计 8,431.28 万元 = 8,431,280,000 分.
        #expect((row["income_total_fen"] as? NSNumber)?.int64Value == 8_431_280_000)
        let report = try decodeStoreReport(Data(result.stdout.utf8))
        #expect(report.unitYears.first?.incomeTotalFen == 8_431_280_000)
    }
}
