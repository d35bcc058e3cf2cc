import BudgetLensTestSupport
import Foundation
import Testing

/// `check` of a whole document saved from one sheet (every line padded with tabs): the findings of its text,
/// the annexed evaluation report's N-EVAL errors included (read from the same text as the reader reads it).
@Suite("check of a document saved from one sheet")
struct PaddedSheetCommandTests {
    /// Rule, severity, table, line and message of each finding.
    static func findings(_ file: String) throws -> (findings: [String], status: Int32) {
        let result = try BudgetLensBinary.run(["check", file, "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let findings = (object?["findings"] as? [[String: Any]] ?? []).map { finding in
            ["rule", "severity", "table", "line", "message"].map { "\(finding[$0] ?? "")" }.joined(separator: "|")
        }.sorted()
        return (findings, result.status)
    }

    @Test("seed 000 (烟台) padded: its 6 findings, the three N-EVAL errors against the annexed report among them, exit 1")
    func yantai() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("padded-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let padded = SheetPadding.padded(try String(contentsOfFile: Seed.path(Seed.yantai), encoding: .utf8))
        let path = folder.appendingPathComponent("yantai.txt").path
        try padded.write(toFile: path, atomically: true, encoding: .utf8)
        let original = try Self.findings(Seed.path(Seed.yantai))
        #expect(original.findings.count == 6 && original.findings.filter { $0.hasPrefix("N-EVAL") }.count == 3)
        let read = try Self.findings(path)
        #expect(read.findings == original.findings)
        #expect(read.status == 1 && original.status == 1)
    }
}
