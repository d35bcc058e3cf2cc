import BudgetLensTestSupport
import Foundation
import Testing

/// `budgetlens rules --rules F` on the rule files of issue 10 returns at once with exit 2 and the place.
@Suite("budgetlens rules on unbounded rule files")
struct RuleLimitsCommandTests {
    @Test(
        "a huge quantifier, deep nesting or a 50 000-term sum: exit 2 naming file:line:column, in under 2 s",
        arguments: [
            ("for each line l in 1...2000000000: 公开01[l, 1] = 0", ":2:28: 行次 2000000000 超出表格范围 1–64"),
            (String(repeating: "(", count: 200_000) + "公开01[27, 1]" + String(repeating: ")", count: 200_000) + " = 0",
                ":2:1: 行过长"),
            ("公开01[27, 1] = " + Array(repeating: "公开01[1, 1]", count: 50_000).joined(separator: " + "), ":2:1: 行过长"),
            ("公开01[27, 1] = 12345678901234", ":2:19: 数值 12345678901234 过大"),
        ])
    func refusedFast(statement: String, message: String) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("huge-\(UUID()).rules")
        try ("rule U-1 error \"x\"\n    " + statement + "\n").write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let start = ContinuousClock.now
        let result = try BudgetLensBinary.run(["rules", "--rules", file.path])
        #expect(ContinuousClock.now - start < .seconds(2))
        #expect(result.status == 2)
        #expect(result.stderr.contains(file.path + message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}
