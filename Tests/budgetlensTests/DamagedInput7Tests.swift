import BudgetLensTestSupport
import Foundation
import Testing

/// Files cut inside 公开01 or right after a table's title (issue 9, "a document read only in part says so"): the
/// tab-separated 财政局 corpus text, its `pdftotext -layout` text, its pdfplumber page text and the PDF itself, cut
/// at test time. Before, a cut inside 公开01 read as a whole table with rows missing (false 01-1 and 01-3 errors,
/// `cells` exit 0) and a cut after a title either lost the table (F-TOC: missing) or blamed its form.
@Suite("a file cut inside 公开01 or after a table's title", .enabled(if: RenderTools.onPath(["pdftotext", "pdfseparate", "pdfunite"]) || RenderTools.required))
struct DamagedInput7Tests {
    typealias Cut = TextEndsInTableCommandTests

    /// The F-READ messages, the rule ids with severities, `tables_not_read` and the `cells` exit status.
    static func outcome(_ path: String) throws -> (cells: Int32, stderr: String, rules: Set<String>, read: [String], notRead: [String]) {
        let cells = try BudgetLensBinary.run(["cells", path])
        let check = try Cut.check(path)
        return (cells.status, cells.stderr, check.rules, check.read, check.notRead)
    }

    @Test("Tab-separated text cut inside 公开01 (head -n 110): 公开01 present, not read, no false 01-1/01-3; told by the 目录")
    func tabTextCutInOne() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOfFile: Seed.corpusPath(Seed.shanghaiFinance), encoding: .utf8)
        let path = try Cut.head(text, lines: 110, to: "cut.txt", in: folder)
        // Before: 01-1 "公开01 行27 栏1 为 0.00，应为 2946.25", 01-3 "行58 栏2 为 0.00，应为 2494.36", exit 0.
        try Cut.expectReadInPart(path, form: "公开01", place: "第110行")
        let rules = try Cut.check(path).rules
        for rule in ["01-1 error", "01-2 error", "01-3 error", "01-4 error"] { #expect(!rules.contains(rule)) }
    }

    @Test("Tab-separated text cut between 公开01 and 公开02 (head -n 131): 公开01 whole (ends with its 总计), exit 0")
    func tabTextCutBetweenTables() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOfFile: Seed.corpusPath(Seed.shanghaiFinance), encoding: .utf8)
        let path = try Cut.head(text, lines: 131, to: "cut.txt", in: folder)
        let result = try Self.outcome(path)
        #expect(result.cells == 0)
        #expect(result.notRead.isEmpty)
        #expect(!result.rules.contains("F-READ error"))
        #expect(!result.rules.contains { $0.hasPrefix("01-") })
        let cells = try BudgetLensBinary.run(["cells", path]).stdout
        #expect(cells.contains("01,,,总计,2,2995.39,130"))
    }

    @Test("Tab-separated text cut after 公开02's title (head -n 133 / 134 with its unit line): 公开02 present, not read, not missing")
    func tabTextCutAfterTitle() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOfFile: Seed.corpusPath(Seed.shanghaiFinance), encoding: .utf8)
        for count in [133, 134] {
            let path = try Cut.head(text, lines: count, to: "cut\(count).txt", in: folder)
            let result = try Self.outcome(path)
            // Before: 133 lines — F-TOC "目录列出“二、收入决算表”，但文中没有公开02", exit 0; 134 lines — "第133行有表题，但其后各行不是可读的表格形式".
            #expect(result.cells == 1)
            #expect(result.stderr.contains("部分读取：公开02 有表题但未能读取"), "\(result.stderr)")
            #expect(result.notRead == ["公开02"])
            #expect(result.read.contains { $0.contains("文件在公开02的表题之后结束（表题在第133行") }, "\(result.read)")
            #expect(!result.read.contains { $0.contains("不是可读的表格形式") })
            let check = try BudgetLensBinary.run(["check", path, "--format", "json"]).stdout
            #expect(!check.contains("但文中没有公开02"))
        }
    }

    @Test("Tab-separated text cut after the 三公 table's title (head -n 320): 公开09 present, not read; 01–06 still checked")
    func tabTextCutAfterLastTitle() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOfFile: Seed.corpusPath(Seed.shanghaiFinance), encoding: .utf8)
        let path = try Cut.head(text, lines: 320, to: "cut.txt", in: folder)
        let result = try Self.outcome(path)
        #expect(result.cells == 1)
        #expect(result.notRead == ["公开09"])
        #expect(result.read.contains { $0.contains("文件在公开09的表题之后结束（表题在第320行，其后没有表格行）") }, "\(result.read)")
        // The tables before it are read and checked as in the whole text (its 尾数 warnings, e.g. 06-1).
        #expect(result.rules.contains("06-1 warning"))
        #expect(!result.rules.contains { $0.hasSuffix(" error") && !$0.hasPrefix("F-") })
    }

    @Test("Layout text (pdftotext -layout) cut inside 公开01 and after 公开02's title: line and page named")
    func layoutTextCuts() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try DamagedTextCommandTests.layoutText(in: folder)
        let inOne = try Cut.head(text, lines: 150, to: "in01.txt", in: folder)
        // Before: 01-1 and 01-3 errors, exit 0.
        try Cut.expectReadInPart(inOne, form: "公开01", place: "第150行（第6页）")
        #expect(!(try Cut.check(inOne).rules.contains("01-1 error")))
        let afterTitle = try Cut.head(text, lines: 168, to: "title02.txt", in: folder)
        let result = try Self.outcome(afterTitle)
        #expect(result.cells == 1)
        #expect(result.notRead == ["公开02"])
        #expect(result.read.contains { $0.contains("文件在公开02的表题之后结束（表题在第165行（第8页）") }, "\(result.read)")
    }

    @Test("Page text (pdfplumber) cut inside 公开01 and inside 公开02: present, not read, no false sum errors")
    func pageTextCuts() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try DamagedTextCommandTests.pageText(in: folder)
        try Cut.expectReadInPart(try Cut.head(text, lines: 100, to: "in01.txt", in: folder), form: "公开01", place: "第100行（第6页）")
        let inTwo = try Cut.head(text, lines: 140, to: "in02.txt", in: folder)
        try Cut.expectReadInPart(inTwo, form: "公开02", place: "第139行（第8页）")
        let rules = try Cut.check(inTwo).rules
        for rule in ["02-1 error", "02-2 error", "02-3 error", "X-1 error", "X-2 error"] { #expect(!rules.contains(rule)) }
        // The whole page text: no table marked cut (its cells exit status is the untouched reading's).
        let whole = try Self.outcome(folder.appendingPathComponent("page.txt").path)
        #expect(!whole.read.contains { $0.contains("中途结束") || $0.contains("表题之后结束") })
        #expect(!whole.notRead.contains("公开01") && !whole.notRead.contains("公开02"))
    }

    @Test("The 财政局 PDF cut after page 6 (inside 公开01) and after page 7 (公开01 whole): read in part / read whole")
    func pdfCutInOne() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = Seed.corpusPath(Seed.financePDF)
        let pattern = folder.appendingPathComponent("p%02d.pdf").path
        let split = try ProcessRunner.run("/usr/bin/env", ["pdfseparate", "-f", "1", "-l", "7", pdf, pattern])
        try #require(split.status == 0, "pdfseparate: \(split.stderr)")
        func first(_ count: Int) throws -> String {
            let pages = (1...count).map { folder.appendingPathComponent(String(format: "p%02d.pdf", $0)).path }
            let path = folder.appendingPathComponent("first\(count).pdf").path
            let unite = try ProcessRunner.run("/usr/bin/env", ["pdfunite"] + pages + [path])
            try #require(unite.status == 0, "pdfunite: \(unite.stderr)")
            return path
        }
        try Cut.expectReadInPart(try first(6), form: "公开01", place: "第6页")
        let whole = try Self.outcome(try first(7))
        #expect(whole.cells == 0)
        #expect(whole.notRead.isEmpty)
        #expect(!whole.rules.contains { $0.hasPrefix("01-") })
    }

    @Test("Complete documents never say 表题之后结束: seeds, corpus texts, corpus PDFs, field cases")
    func completeDocumentsSilent() throws {
        var paths: [String] = []
        for folder in ["seeds", "corpus", "corpus/pdf", "corpus/field"] {
            let url = Seed.sharedRoot.appendingPathComponent(folder)
            let names = try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
            paths += names.filter { $0.hasSuffix(".txt") || $0.hasSuffix(".pdf") }.map { url.appendingPathComponent($0).path }
        }
        #expect(paths.count >= 20)
        for path in paths {
            let result = try BudgetLensBinary.run(["check", path, "--format", "json"])
            #expect(!result.stdout.contains("表题之后结束"), "\(path)")
            #expect(!result.stdout.contains("中途结束（"), "\(path)")
        }
    }
}
