import BudgetLensTestSupport
import Foundation
import Testing

/// A tester's hang: one long prose line full of repeated words made `check` quadratic (each N-DUP-WORD finding
/// walked its line from the start to find its column: 300 KB took 44 s, 1.2 MB did not finish in 200 s). A
/// finding's column is now looked up (`DocumentProse.Paragraph.columns`).
@Suite("budgetlens check on a long prose line")
struct LongProseLineTests {
    @Test("a 1.2 MB line of repeated words after the 财政局 text: checked within 10 s of CPU, each doubled word at its exact column")
    func longLineOfRepeatedWords() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = try Data(contentsOf: URL(fileURLWithPath: Seed.corpusPath(Seed.shanghaiFinance)))
        // Spaces inside the words (PDF extraction puts them there) are not characters of the prose but count in
        // the printed column: 支出 is printed at column 19, 部门部门 after 400,024 printed characters.
        let line = String(repeating: "资金 使用 ", count: 3) + "支出 支出 " + String(repeating: "资金使用", count: 100_000) + "部门部门"
        let path = folder.appendingPathComponent("long-line.txt").path
        try (document + Data("\n\(line)\n".utf8)).write(to: URL(fileURLWithPath: path))
        let lineNumber = String(decoding: document, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).count + 1

        let (result, values) = try TestWorkbooks.measured(["check", path])
        #expect(values["status"] == 1, "the 财政局 text has errors of its own")
        #expect((values["cpu_seconds"] ?? 99) < 10, "CPU time: wall time depends on the machine's load")
        let doubled = result.stdout.split(separator: "\n").filter { $0.contains("N-DUP-WORD \(lineNumber):") }
        #expect(doubled.contains { $0.contains("N-DUP-WORD \(lineNumber):19 ") && $0.contains("中词语重复“支出支出”") }, "\(doubled)")
        #expect(doubled.contains { $0.contains("N-DUP-WORD \(lineNumber):400025 ") && $0.contains("中词语重复“部门部门”") }, "\(doubled)")
    }
}
