import BudgetLensTestSupport
import Foundation
import Testing

@Suite("budgetlens score")
struct ScoreCommandTests {
    @Test("text: stated and recomputed totals per project, findings, exit 1 on errors")
    func text() throws {
        let result = try BudgetLensBinary.run(["score", Seed.path(Seed.weihai)])
        #expect(result.status == 1)
        #expect(result.stdout.contains("项目自评表 医疗保障监督执法业务费"))
        #expect(result.stdout.contains("预算执行 A 58.00 B 27.76 执行率 47.86% → 4.79 (printed 4.79)"))
        #expect(result.stdout.contains("总分 printed 91.79 · recomputed 91.79 · 等级 优 · 汇总表等级 优"))
        #expect(result.stdout.contains("H-4") && result.stdout.contains("N-COUNT"))
    }

    @Test("--format json: projects with name, stated/computed total and grade, indicators, findings")
    func json() throws {
        let result = try BudgetLensBinary.run(["score", Seed.path(Seed.yantai), "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let projects = try #require(object["projects"] as? [[String: Any]])
        #expect(projects.count == 8)
        let first = try #require(projects.first { $0["name"] as? String == "医保专线及网络租赁费" })
        #expect(first["stated_total"] as? String == "98.72")
        #expect(first["computed_total"] as? String == "98.72")
        #expect(first["stated_grade"] as? String == "优" && first["computed_grade"] as? String == "优")
        let execution = try #require(first["execution"] as? [String: Any])
        #expect(execution["computed_score"] as? String == "8.72" && execution["stated_score"] is NSNull)
        let indicators = try #require(first["indicators"] as? [[String: Any]])
        #expect(indicators.count == 11 && indicators.allSatisfy { $0["status"] as? String == "met" })
        #expect((first["findings"] as? [[String: Any]])?.isEmpty == true)
    }

    @Test("--scheme scores every table by the given scheme file; a broken scheme names its line")
    func scheme() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("scheme-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let hubei = try String(contentsOf: Seed.repositoryRoot.appendingPathComponent("Sources/BudgetLensScoring/Schemes/hubei.scheme"), encoding: .utf8)
        let strict = directory.appendingPathComponent("strict.scheme")
        try hubei.replacing("applies-to: hubeiProject, department", with: "applies-to: project").write(to: strict, atomically: true, encoding: .utf8)
        let result = try BudgetLensBinary.run(["score", Seed.path(Seed.weihai), "--scheme", strict.path, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let projects = try #require(object["projects"] as? [[String: Any]])
        let supervision = try #require(projects.first { $0["name"] as? String == "医疗保障监督执法业务费" })
        // Execution 20 × 47.86 % = 9.57 under the 湖北 weights.
        #expect((supervision["execution"] as? [String: Any])?["computed_score"] as? String == "9.57")
        let broken = directory.appendingPathComponent("broken.scheme")
        try hubei.replacing("weights: group-equal", with: "weights: sometimes").write(to: broken, atomically: true, encoding: .utf8)
        let failed = try BudgetLensBinary.run(["score", Seed.path(Seed.weihai), "--scheme", broken.path])
        #expect(failed.status == 2)
        #expect(failed.stderr.contains("\(broken.path):") && failed.stderr.contains("weights are 'printed' or 'group-equal'"))
    }

    @Test("a document without self-evaluation tables: exit 2, saying so")
    func noTables() throws {
        let result = try BudgetLensBinary.run(["score", Seed.corpusPath(Seed.shanghaiFinance)])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no performance self-evaluation table"))
    }
}
