import BudgetLensTestSupport
import Foundation
import Testing

/// Texts a fresh tester damaged the way files get damaged (issue 9): one stray tab in a `pdftotext -layout` or
/// page text, a layout or page text cut in the middle of a table row, a text cut inside a UTF-8 character. Made at
/// test time from the 财政局 2024 corpus PDF with poppler and pdfplumber; read by the built binary.
@Suite("damaged texts: a stray tab, a file cut mid-row or mid-character", .enabled(if: RenderTools.onPath(["pdftotext"]) || RenderTools.required))
struct DamagedTextCommandTests {
    static let pdf = Seed.corpusPath(Seed.financePDF)

    /// The `pdftotext -layout` text of the 财政局 PDF.
    static func layoutText(in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("layout.txt").path
        let result = try ProcessRunner.run("/usr/bin/env", ["pdftotext", "-q", "-layout", pdf, path])
        try #require(result.status == 0, "pdftotext -layout: \(result.stderr)")
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    /// The pdfplumber page text of the 财政局 PDF (scripts/page_text.py).
    static func pageText(in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("page.txt").path
        _ = try TestWorkbooks.python("page_text.py", [pdf, path])
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    /// `text` with a tab put after the first `部门` of its first prose line (30+ characters, no digit, no column gap).
    static func withStrayTab(_ text: String) throws -> (text: String, line: Int) {
        var lines = text.components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed.count >= 20 && trimmed.contains("部门") && !trimmed.contains("   ")
                && !trimmed.contains(where: \.isNumber)
        })
        let range = try #require(lines[index].range(of: "部门"))
        lines[index].replaceSubrange(range, with: "部门\t")
        return (lines.joined(separator: "\n"), index + 1)
    }

    /// `budgetlens cells FILE`: status and stdout.
    static func cells(_ path: String) throws -> (status: Int32, stdout: String) {
        let result = try BudgetLensBinary.run(["cells", path])
        return (result.status, result.stdout)
    }

    @Test("One tab in a prose line of layout text: the same cells as the untouched text, and a note names the line")
    func strayTabInLayoutText() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try Self.layoutText(in: folder)
        let (tabbed, line) = try Self.withStrayTab(text)
        let path = folder.appendingPathComponent("layout-tab.txt").path
        try Data(tabbed.utf8).write(to: URL(fileURLWithPath: path))
        let untouched = try Self.cells(folder.appendingPathComponent("layout.txt").path)
        #expect(untouched.status == 0 && untouched.stdout.split(separator: "\n").count == 578)
        // Before: the tab made the whole file tab text; 公开03, 04 and 06 were not read (267 lines, exit 1).
        let read = try Self.cells(path)
        #expect(read.status == untouched.status)
        #expect(read.stdout == untouched.stdout)
        let show = try BudgetLensBinary.run(["show", path])
        #expect(show.stdout.contains("pdftotext -layout text"))
        #expect(show.stdout.contains("layout-tab.txt:\(line): 提示 info: 个别行含制表符，但表格行以空格分隔：制表符按空格读取：1 行含制表符（第\(line)行），而表格行以空格分隔：制表符按空格读取，全文按pdftotext -layout 版面文本读取 — 1 line(s) hold a tab (line \(line))"), "\(show.stdout)")
        // The tab-separated seeds keep their tabs: no such note.
        let seed = try BudgetLensBinary.run(["show", Seed.path(Seed.yantai)])
        #expect(!seed.stdout.contains("制表符按空格读取"))
    }

    @Test("One tab in a prose line of pdfplumber page text: the same cells as the untouched text")
    func strayTabInPageText() throws {
        try #require(PageTextTools.available || !RenderTools.required, "BUDGETLENS_TEST_TOOLS=1 but pdfplumber is missing")
        guard PageTextTools.available else { return }
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try Self.pageText(in: folder)
        let (tabbed, _) = try Self.withStrayTab(text)
        let path = folder.appendingPathComponent("page-tab.txt").path
        try Data(tabbed.utf8).write(to: URL(fileURLWithPath: path))
        let untouched = try Self.cells(folder.appendingPathComponent("page.txt").path)
        #expect(untouched.stdout.split(separator: "\n").count == 578)
        let read = try Self.cells(path)
        #expect(read.status == untouched.status)
        #expect(read.stdout == untouched.stdout)
    }

    @Test("Layout text and page text cut inside a row of 公开02: the table not read, text.ends-mid-row; whole texts not")
    func cutMidRow() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var texts = [("layout", try Self.layoutText(in: folder))]
        if PageTextTools.available { texts.append(("page", try Self.pageText(in: folder))) }
        for (name, text) in texts {
            // 公开02's row 2210201 住房公积金 prints 187.19 twice; cut after “187.1” of the second.
            let row = try #require(text.range(of: "住房公积金"), "\(name)")
            let second = try #require(text.range(of: "187.19", range: row.upperBound..<text.endIndex))
            let secondAgain = try #require(text.range(of: "187.19", range: second.upperBound..<text.endIndex))
            let cut = String(text[..<text.index(secondAgain.lowerBound, offsetBy: 5)])
            #expect(cut.hasSuffix("187.19 187.1") || cut.hasSuffix("187.19   187.1"), "\(name): \(cut.suffix(40))")
            let path = folder.appendingPathComponent("\(name)-cut.txt").path
            try Data(cut.utf8).write(to: URL(fileURLWithPath: path))
            let lastLine = cut.split(separator: "\n", omittingEmptySubsequences: false).count

            let show = try BudgetLensBinary.run(["show", path])
            #expect(show.stdout.contains("公开02  收入决算表  — present, cut 文件在表中途截断，未读取"), "\(name): \(show.stdout)")
            #expect(show.stdout.contains(
                "[公开02] 文件在表格行中途结束（被截断？），该表未读取：文件在公开02的一行中途结束（第\(lastLine)行没有换行符，以金额“187.1”结尾，该金额本身也可能不完整）：本表未读取——文件是否被截断？ — the file ends inside a row of 公开02 (line \(lastLine) has no line ending and ends with the amount “187.1”"),
                "\(name): \(show.stdout)")
            // No cell and no finding of 公开02 from the half row (before: the row read 187.19 | 187.1).
            let cells = try Self.cells(path)
            #expect(cells.status == 1 && !cells.stdout.contains("\n02,"), "\(name)")
            let check = try BudgetLensBinary.run(["check", path, "--format", "json"])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
            let findings = try #require(object["findings"] as? [[String: Any]])
            #expect(!findings.contains { ($0["rule"] as? String)?.hasPrefix("02-") == true }, "\(name)")
            #expect(findings.contains { $0["rule"] as? String == "F-READ" && $0["table"] as? String == "公开02" }, "\(name)")
        }
        // The whole layout text ends with a form feed: nothing cut.
        let whole = try BudgetLensBinary.run(["show", folder.appendingPathComponent("layout.txt").path])
        #expect(!whole.stdout.contains("文件在表格行中途结束") && !whole.stdout.contains("present, cut"))
    }

    @Test("A text cut inside a UTF-8 character: read with the character dropped and a warning naming the offset, not called GBK")
    func cutInsideCharacter() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Seed.path(Seed.yantai))))
        // The last three-byte character that starts 200 bytes or more before the end; keep its first two bytes.
        var start = bytes.count - 200
        while bytes[start] < 0xE0 { start += 1 }
        let path = folder.appendingPathComponent("cut.txt").path
        try Data(bytes[..<(start + 2)]).write(to: URL(fileURLWithPath: path))

        let show = try BudgetLensBinary.run(["show", path])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("编码 Encoding:    UTF-8"))
        #expect(show.stdout.contains(
            "警告 warning: 文件在一个字符中途结束（被截断？）：不完整的末字符已舍去：文件在一个 UTF-8 字符中途结束（自字节偏移 \(start) 起 2 个字节）：不完整的字符已舍去，其余照常读取——文件是否被截断？ — the file ends inside a UTF-8 character (2 byte(s) from byte offset \(start))"),
            "\(show.stdout)")
        #expect(!show.stdout.contains("GB18030") && !show.stderr.contains("GB18030"))
        // The whole seed has no such warning.
        #expect(!(try BudgetLensBinary.run(["show", Seed.path(Seed.yantai)])).stdout.contains("字符中途结束"))

        // A rule file cut so is refused, naming the offset (never read with a character missing).
        let rules = folder.appendingPathComponent("cut.rules").path
        try Data("# 规则\nrule X-1 error \"说明\"\n# 中".utf8.dropLast(1)).write(to: URL(fileURLWithPath: rules))
        let check = try BudgetLensBinary.run(["check", Seed.path(Seed.weihai), "--rules", rules])
        #expect(check.status == 2)
        #expect(check.stderr.contains("文件在一个 UTF-8 字符中途结束（字节偏移 35 起的 2 个字节是不完整的字符）"), "\(check.stderr)")
    }
}
