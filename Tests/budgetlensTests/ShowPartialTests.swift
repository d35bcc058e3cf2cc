import BudgetLensCore
import BudgetLensTestSupport
import Foundation
import Testing

/// `show` says plainly when a document was read only in part: a table whose title is there but whose rows are
/// not read is "present, not read", not "missing", and the 部分读取 line names it.
@Suite("show: a document read in part")
struct ShowPartialTests {
    @Test("公开08 with rows that lost their tabs: present, not read; 部分读取 names it; check has F-READ, no F-TOC")
    func presentNotRead() throws {
        var synthetic = SyntheticDisclosure()
        synthetic.tables[.stateCapital] = synthetic.tables[.stateCapital]?.map { [$0.joined()] }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("budgetlens-partial-\(UUID().uuidString).txt")
        try Data(synthetic.text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let show = try BudgetLensBinary.run(["show", file.path])
        #expect(show.status == 1)  // read in part, as `cells`
        #expect(show.stdout.contains("表 Tables (8 of 9; 1 present but not read):"))
        #expect(show.stdout.contains("  公开08  国有资本经营预算财政拨款支出决算表  — present, not read 有表题但未能读取（\(file.path):250:1）"))
        #expect(show.stdout.contains("部分读取 Read only in part: 公开08 有表题但未能读取（未检查）present but not read (not checked) — 见读取问题 see Reading problems"))
        let check = try BudgetLensBinary.run(["check", file.path])
        #expect(check.status == 1)
        #expect(check.stdout.contains("F-READ") && !check.stdout.contains("F-TOC"))
    }

    @Test("公开01 without its header row (`项目 决算数 …`): present, not read, naming where — not missing (a fresh tester's PDF without 公开02's page gave this)")
    func noHeader() throws {
        let text = try String(contentsOfFile: Seed.corpusPath(Seed.shanghaiFinance), encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        #expect(lines[96] == "项目\t决算数\t项目\t决算数")
        lines.remove(at: 96)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("budgetlens-noheader-\(UUID().uuidString).txt")
        try Data(lines.joined(separator: "\n").utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let show = try BudgetLensBinary.run(["show", file.path])
        #expect(show.status == 1)
        #expect(show.stdout.contains("表 Tables (8 of 9; 1 present but not read):"))
        #expect(show.stdout.contains("  公开01  收入支出决算总表  — present, not read 有表题但未能读取（\(file.path):93:1）"), "\(show.stdout)")
        #expect(!show.stdout.contains("missing 缺失"))
    }

    @Test("a text of no kind without any table (the disclosure on one line; garbled text): exit 2 with cells' error, not 0")
    func noTableNoKind() throws {
        let text = try String(contentsOfFile: Seed.corpusPath(Seed.shanghaiFinance), encoding: .utf8)
        let oneLine = text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
        // Mojibake: the UTF-8 bytes taken for Latin-1 and saved as UTF-8.
        let garbled = try #require(String(data: Data(text.utf8), encoding: .isoLatin1))
        for (name, content) in [("one-line", oneLine), ("garbled", garbled)] {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("budgetlens-\(name)-\(UUID().uuidString).txt")
            try Data(content.utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let show = try BudgetLensBinary.run(["show", file.path])
            #expect(show.status == 2, "\(name): \(show.stdout)")
            #expect(show.stderr.contains("未找到部门决算公开表（公开01–09）"), "\(name): \(show.stderr)")
            #expect(try BudgetLensBinary.run(["cells", file.path]).status == 2)
        }
    }
}

