import BudgetLensTestSupport
import Foundation
import Testing

/// Documents cut at a line or page boundary inside a table (issue 9, "a document read only in part says so"):
/// a `pdftotext -layout` text and the tab-separated corpus text cut between two rows of 公开06, and the 财政局 PDF
/// without its back pages (cut inside 公开03). Made at test time from the real files; read by the built binary.
/// Before, each read as complete (`cells` exit 0) and the rows left gave false 06-1/06-3/03-2/03-3 errors.
@Suite("a file cut between rows inside its last table", .enabled(if: RenderTools.onPath(["pdftotext", "pdfseparate", "pdfunite"]) || RenderTools.required))
struct TextEndsInTableCommandTests {
    /// `check --format json`: the rule ids with their severities, the F-READ messages and `tables_not_read`.
    static func check(_ path: String) throws -> (rules: Set<String>, read: [String], notRead: [String]) {
        let result = try BudgetLensBinary.run(["check", path, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        let document = try #require(object["document"] as? [String: Any])
        let rules = Set(findings.compactMap { finding in
            (finding["rule"] as? String).map { "\($0) \(finding["severity"] as? String ?? "")" }
        })
        let read = findings.filter { $0["rule"] as? String == "F-READ" }.compactMap { $0["message"] as? String }
        return (rules, read, document["tables_not_read"] as? [String] ?? [])
    }

    /// Writes the first `count` lines of `text` to `name` in `folder`.
    static func head(_ text: String, lines count: Int, to name: String, in folder: URL) throws -> String {
        let path = folder.appendingPathComponent(name).path
        let lines = text.components(separatedBy: "\n").prefix(count)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Asserts the cut file is read in part: 公开`form` present but not read, `cells` exit 1, `show` 部分读取.
    static func expectReadInPart(_ path: String, form: String, place: String) throws {
        let cells = try BudgetLensBinary.run(["cells", path])
        #expect(cells.status == 1)
        #expect(cells.stderr.contains("部分读取：\(form) 有表题但未能读取"), "\(cells.stderr)")
        #expect(!cells.stdout.contains("\n\(form.dropFirst(2)),"))
        let show = try BudgetLensBinary.run(["show", path])
        #expect(show.status == 1)
        #expect(show.stdout.contains("部分读取 Read only in part: \(form) 有表题但未能读取（未检查）present but not read"), "\(show.stdout)")
        let check = try check(path)
        #expect(check.notRead == [form])
        #expect(check.rules.contains("F-READ error"))
        #expect(check.read.contains { $0.contains("文件在\(form)中途结束（\(place)之后无内容") }, "\(check.read)")
    }

    @Test("Layout text cut between two rows of 公开06 (head -n 354): 公开06 not read, no false 06-1/06-3/F-CODE")
    func layoutTextCutInSix() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try DamagedTextCommandTests.layoutText(in: folder)
        let path = try Self.head(text, lines: 354, to: "cut.txt", in: folder)
        // Before: "人员经费合计 栏1 为 0.00，应为 2082.85" (06-1), 06-3, X-11 and F-CODE ('301工资福利支出').
        try Self.expectReadInPart(path, form: "公开06", place: "第353行（第16页）")
        let rules = try Self.check(path).rules
        for rule in ["06-1 error", "06-2 error", "06-3 error", "X-11 error", "F-CODE error"] { #expect(!rules.contains(rule)) }
        // The untouched text: every table read, no such problem.
        let whole = folder.appendingPathComponent("layout.txt").path
        #expect(try BudgetLensBinary.run(["cells", whole]).status == 0)
        #expect(try Self.check(whole).notRead.isEmpty)
    }

    @Test("Tab-separated corpus text cut 8 lines after the first 基本工资 row: 公开06 not read, no false 06-1/06-2/06-3")
    func tabTextCutInSix() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOfFile: Seed.corpusPath(Seed.shanghaiFinance), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let first = try #require(lines.firstIndex { $0.contains("基本工资") })
        #expect(first + 1 == 277)
        let path = try Self.head(text, lines: first + 9, to: "cut.txt", in: folder)
        try Self.expectReadInPart(path, form: "公开06", place: "第285行")
        let rules = try Self.check(path).rules
        for rule in ["06-1 error", "06-2 error", "06-3 error", "X-11 error"] { #expect(!rules.contains(rule)) }
    }

    @Test("The 财政局 PDF without its back pages (pages 1–10): 公开03 not read, no false 03-2/03-3/X-5 errors")
    func pdfFirstTenPages() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = Seed.corpusPath(Seed.financePDF)
        let pattern = folder.appendingPathComponent("p%02d.pdf").path
        let split = try ProcessRunner.run("/usr/bin/env", ["pdfseparate", "-f", "1", "-l", "10", pdf, pattern])
        try #require(split.status == 0, "pdfseparate: \(split.stderr)")
        let pages = (1...10).map { folder.appendingPathComponent(String(format: "p%02d.pdf", $0)).path }
        let path = folder.appendingPathComponent("first10.pdf").path
        let unite = try ProcessRunner.run("/usr/bin/env", ["pdfunite"] + pages + [path])
        try #require(unite.status == 0, "pdfunite: \(unite.stderr)")
        // Before: 公开03 "12 rows, 72 cells, 第10页" with 03-2, 03-3 and X-5 errors.
        try Self.expectReadInPart(path, form: "公开03", place: "第10页")
        let rules = try Self.check(path).rules
        for rule in ["03-2 error", "03-3 error", "X-5 error"] { #expect(!rules.contains(rule)) }
    }

    @Test("Complete documents are never marked: seeds, corpus texts, corpus PDFs, field cases")
    func completeDocumentsSilent() throws {
        let shared = Seed.sharedRoot
        var paths: [String] = []
        for folder in ["seeds", "corpus", "corpus/pdf", "corpus/field"] {
            let url = shared.appendingPathComponent(folder)
            let names = try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
            paths += names.filter { $0.hasSuffix(".txt") || $0.hasSuffix(".pdf") }.filter { $0 != "README.md" }
                .map { url.appendingPathComponent($0).path }
        }
        #expect(paths.count >= 20)
        for path in paths {
            let result = try BudgetLensBinary.run(["check", path, "--format", "json"])
            #expect(!result.stdout.contains("中途结束（"), "\(path)")
        }
    }

    @Test("N-YOY takes no base from a table not read: raw pdftotext of the 测试问题版本 (公开01 read in part, its 总计 read) is silent and fires on a planted 2.87%, as its layout text")
    func changeWithUnreadTable() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = Seed.corpusPath("pdf/24年普陀区财政局（测试问题版本）.pdf")
        func text(_ options: [String], planted: Bool, name: String) throws -> String {
            let path = folder.appendingPathComponent(name).path
            let result = try ProcessRunner.run("/usr/bin/env", ["pdftotext", "-q"] + options + [pdf, path])
            try #require(result.status == 0, "pdftotext: \(result.stderr)")
            var content = try String(contentsOfFile: path, encoding: .utf8)
            #expect(content.contains("下降 1.87%"))
            if planted { content = content.replacingOccurrences(of: "下降 1.87%", with: "下降 2.87%") }
            try Data(content.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
        func yoy(_ path: String) throws -> [String] {
            let result = try BudgetLensBinary.run(["check", path, "--format", "json"])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let findings = try #require(object["findings"] as? [[String: Any]])
            return findings.filter { $0["rule"] as? String == "N-YOY" }.compactMap { $0["message"] as? String }
        }
        // Raw text: 公开01 is read in part (its 6.20 among 收入 rows 4–8 unread, docs/page-text.md), its 总计 2995.39
        // read; when it was not read at all, the text's 收入支出总计 0 万元 (a planted misstatement N-BIND reports on the
        // PDF) gave "所列1.87%，按56.95 ÷ 56.95（推算上年数）计算应为100%". Silent as the PDF; a planted 2.87% fires.
        let raw = try text([], planted: false, name: "raw.txt")
        #expect(try !Self.check(raw).notRead.contains("公开01"))
        #expect(try yoy(raw).isEmpty)
        #expect(try yoy(try text([], planted: true, name: "rawplanted.txt"))
            == ["增减比例 = 增减额 ÷ 上年数，增减用词一致：所列2.87%，按56.95 ÷ 3052.34（推算上年数）计算应为1.87%"])
        // The layout text reads 公开01: the untouched text is silent, a planted 2.87% fires against the table's
        // 2995.39 + 56.95 = 3052.34 (56.95 ÷ 3052.34 = 1.87%).
        #expect(try yoy(try text(["-layout"], planted: false, name: "layout.txt")).isEmpty)
        let planted = try yoy(try text(["-layout"], planted: true, name: "planted.txt"))
        #expect(planted == ["增减比例 = 增减额 ÷ 上年数，增减用词一致：所列2.87%，按56.95 ÷ 3052.34（推算上年数）计算应为1.87%"])
    }
}
