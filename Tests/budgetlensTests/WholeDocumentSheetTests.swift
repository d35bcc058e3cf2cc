import BudgetLensTestSupport
import Foundation
import Testing

/// A workbook holding the whole document on one sheet (`make_workbook.py document TEXT OUT 全文:1`, found by a
/// fresh tester on the field 石泉路街道 text): each 注 note right under a table's last row was taken for a row of
/// that table, and so was every line after 公开08's note — the 情况说明 and 名词解释, each line right under the one
/// before — 333 rows of 公开08, no 情况说明, 1028 findings against the text's 25 (`SheetText`).
@Suite("A workbook with the whole document on one sheet reads as its text", .enabled(if: ProcessInfo.processInfo.environment["BUDGETLENS_TEST_TOOLS"] == "1"))
struct WholeDocumentSheetTests {
    static let field = "field/shanghai-putuo-shiquanlu-jiedao-2025-final-tsv.txt"

    /// Rule, severity, table, code, 栏次 and message of each finding.
    static func findings(_ file: String) throws -> [String] {
        let result = try BudgetLensBinary.run(["check", file, "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return (object?["findings"] as? [[String: Any]] ?? []).map { finding in
            ["rule", "severity", "table", "code", "column", "message"].map { "\(finding[$0] ?? "")" }.joined(separator: "|")
        }.sorted()
    }

    @Test("石泉路街道 on one sheet: 公开08 its one 合计 row, 11 narrative sections, the text's 25 findings")
    func oneSheet() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workbook = folder.appendingPathComponent("whole.xlsx").path
        let made = try TestWorkbooks.python("make_workbook.py", ["document", Seed.corpusPath(Self.field), workbook, "全文:1"])
        try #require(made.status == 0, "\(made.stderr)")
        let show = try BudgetLensBinary.run(["show", workbook])
        #expect(show.stdout.contains("公开08  国有资本经营预算财政拨款支出决算表  1 rows, 6 cells"), "\(show.stdout)")
        #expect(show.stdout.contains("情况说明 Narrative sections: 11"))
        let fromText = try Self.findings(Seed.corpusPath(Self.field))
        #expect(fromText.count == 25)
        #expect(try Self.findings(workbook) == fromText)
    }
}
