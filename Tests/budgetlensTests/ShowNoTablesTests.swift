import BudgetLensTestSupport
import Foundation
import Testing

/// `show` on final accounts of which no table is there (the first 30 lines of seed 002: cover and 目录; a fresh
/// tester's cut at byte 5001): it printed the summary and exited 0 where `cells` and `check` exit 2 — its help
/// says "the same rule as `cells`". Now the summary, then `cells`'s error on stderr, and exit 2.
@Suite("show follows cells when no table is there")
struct ShowNoTablesTests {
    @Test("cover and 目录 only: show prints the summary, names the failure, exits 2 as cells does")
    func coverOnly() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOfFile: Seed.path(Seed.zengdu), encoding: .utf8)
        let head = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(30).joined(separator: "\n") + "\n"
        let path = folder.appendingPathComponent("head.txt").path
        try head.write(toFile: path, atomically: true, encoding: .utf8)
        let show = try BudgetLensBinary.run(["show", path])
        let cells = try BudgetLensBinary.run(["cells", path])
        #expect(cells.status == 2 && show.status == 2)
        #expect(show.stdout.contains("表 Tables (0 of 9):"))
        #expect(show.stderr.contains("未找到部门决算公开表（公开01–09）") && cells.stderr.contains("未找到部门决算公开表（公开01–09）"))
        // A whole document still exits 0.
        #expect(try BudgetLensBinary.run(["show", Seed.path(Seed.zengdu)]).status == 0)
    }
}
