import BudgetLensTestSupport
import Foundation
import Testing

/// `render --to xlsx` writes the 情况说明 as a sheet (one line a row), which the workbook reader reads back as the
/// narrative: `check` on the rendered workbook gives the source's narrative findings (before: none — N-BIND's
/// "文中为0.30万元，表中为2961.68万元" and N-SHARE's 71.73% were lost in the round trip).
@Suite("DamagedInput7: render --to xlsx carries the 情况说明")
struct RenderNarrative7Tests {
    /// The N-* findings of `check --format json`, as `rule severity message`, sorted.
    static func narrativeFindings(_ path: String) throws -> [String] {
        let result = try BudgetLensBinary.run(["check", path, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        return findings.compactMap { finding -> String? in
            guard let rule = finding["rule"] as? String, rule.hasPrefix("N-") else { return nil }
            return "\(rule) \(finding["severity"] as? String ?? "") \(finding["message"] as? String ?? "")"
        }.sorted()
    }

    @Test("Shanghai 财政局 and 规划资源局 corpus texts: the rendered workbook's narrative findings are the source's", arguments: [
        (Seed.shanghaiFinance, 4), ("002-shanghai-putuo-guihuaziyuanju-2024-final.txt", 13),  // 001: N-BIND, N-SHARE, N-LIST (尾数误差), N-GP
    ])
    func narrativeRoundTrip(name: String, count: Int) throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = Seed.corpusPath(name)
        let output = folder.appendingPathComponent("rendered.xlsx").path
        let render = try BudgetLensBinary.run(["render", source, "--to", "xlsx", "-o", output])
        try #require(render.status == 0, "\(render.stderr)")
        let expected = try Self.narrativeFindings(source)
        #expect(expected.count == count)
        #expect(try Self.narrativeFindings(output) == expected)
        if name == Seed.shanghaiFinance {
            #expect(expected.contains("N-BIND error 情况说明所述金额与表内数一致：“财政拨款收入支出总计”文中为0.30万元，表中为2961.68万元"))
        }
        let shown = try BudgetLensBinary.run(["show", output]).stdout
        let sections = try BudgetLensBinary.run(["show", source]).stdout.split(separator: "\n").first { $0.hasPrefix("情况说明 Narrative sections:") }
        #expect(sections != nil && shown.contains(String(sections ?? "")))
    }
}
