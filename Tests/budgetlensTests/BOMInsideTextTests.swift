import BudgetLensTestSupport
import Foundation
import Testing

/// Byte-order marks inside a text (files joined, each saved with its BOM; a fresh tester put U+FEFF before every
/// fifth line of seed 002): a line holding only a BOM was no blank line and a BOM before a label stayed in it, so
/// 公开02 and 公开04 were present but not read, and a `\u{FEFF}` row appeared in 公开01. U+FEFF is now whitespace
/// (`TextNormalization.isSpace`, `SourceText.isBlank`).
@Suite("Byte-order marks inside a text read as whitespace")
struct BOMInsideTextTests {
    @Test("seed 002 with a BOM before every fifth line: the seed's cells, exit 0")
    func everyFifthLine() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = try String(contentsOfFile: Seed.path(Seed.zengdu), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let marked = lines.enumerated().map { $0.offset % 5 == 0 ? "\u{FEFF}" + $0.element : String($0.element) }.joined(separator: "\n")
        let path = folder.appendingPathComponent("bom.txt").path
        try marked.write(toFile: path, atomically: true, encoding: .utf8)
        let key = { (output: String) in
            output.split(separator: "\n").map { String($0[..<($0.lastIndex(of: ",") ?? $0.endIndex)]) }
        }
        let marks = try BudgetLensBinary.run(["cells", path])
        let plain = try BudgetLensBinary.run(["cells", Seed.path(Seed.zengdu)])
        #expect(marks.status == 0, "\(marks.stderr)")
        #expect(key(marks.stdout) == key(plain.stdout))
    }
}
