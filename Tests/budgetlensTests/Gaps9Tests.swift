import BudgetLensCore
import BudgetLensTestSupport
import Foundation
import Testing

/// The reader gaps issue 9 still had (docs/gaps9.md), each planted at test time in a copy of a real document of
/// ../shared (never edited): layout text cut after a table's title and header lines, a non-number's reason in
/// Chinese, `show --lang`, a table copy pasted right under the first, Big5 text, a text named `.pdf`.
@Suite("gaps9: reader gaps of issue 9", .enabled(if: RenderTools.onPath(["pdftotext", "iconv"]) || RenderTools.required))
struct Gaps9Tests {
    /// The `pdftotext -layout` text of a corpus PDF, written into `folder`.
    static func layoutText(_ pdf: String, in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("layout.txt").path
        let result = try ProcessRunner.run("/usr/bin/env", ["pdftotext", "-q", "-layout", Seed.corpusPath(pdf), path])
        try #require(result.status == 0, "pdftotext -layout: \(result.stderr)")
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    /// `text`'s first `count` lines (as `head -n`), written to `name` in `folder`.
    static func head(_ text: String, lines count: Int, to name: String, in folder: URL) throws -> String {
        try TextEndsInTableCommandTests.head(text, lines: count, to: name, in: folder)
    }

    // MARK: 1. Layout text cut after a table's title

    /// Cuts of the 财政局 layout text just after a table's title, with none or some of its header lines: the line
    /// count of `head -n`, the table, and where its title is.
    static let financeCuts: [(lines: Int, form: String, title: String)] = [
        (165, "公开02", "第165行"),  // 收入决算表 alone on page 8 (the text reads as page text: prose dominates)
        (208, "公开03", "第204行（第10页）"),  // title, unit and two heading lines
        (309, "公开05", "第304行（第15页）"),  // title, unit, headings and `合计 基本支出 项目支出`
        (337, "公开06", "第332行（第16页）"),  // title, unit and the 经济分类 headings
        (484, "公开09", "第479行（第18页）"),  // the 三公 table, printed seventh: 07 and 08 absent
        (512, "公开08", "第508行（第20页）"),  // the last table printed: the 目录 lists 情况说明 after it
    ]

    @Test("layout text cut after a table's title and header lines: present, not read, the title named; cells exit 1")
    func layoutTextCutAfterTitle() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try Self.layoutText(Seed.financePDF, in: folder)
        for cut in Self.financeCuts {
            let path = try Self.head(text, lines: cut.lines, to: "cut\(cut.lines).txt", in: folder)
            let cells = try BudgetLensBinary.run(["cells", path])
            // Before: exit 0 and no word of the cut (165: 公开02 "missing"; 208–512: the header lines read as a
            // table of 0 rows, or 公开09's "no row of amounts" warning, or "ends inside 公开05").
            #expect(cells.status == 1, "head -n \(cut.lines): \(cells.stderr)")
            #expect(
                cells.stderr.contains("文件在\(cut.form)的表题之后结束（表题在\(cut.title)，其后没有表格行"),
                "head -n \(cut.lines): \(cells.stderr)")
            #expect(cells.stderr.contains("部分读取：\(cut.form) 有表题但未能读取"), "head -n \(cut.lines)")
            #expect(!cells.stdout.contains("\n\(cut.form.dropFirst(2)),"))
        }
        // The whole text: nothing cut.
        let whole = try BudgetLensBinary.run(["cells", folder.appendingPathComponent("layout.txt").path])
        #expect(whole.status == 0)
        #expect(!whole.stderr.contains("表题之后结束"))
    }

    @Test("the 社会工作部 layout text cut after its 三公 and 国有资本 titles (Shanghai order): present, not read")
    func layoutTextCutAfterLastTitles() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try Self.layoutText("pdf/中共上海市普陀区委社会工作部 2024 年度部门决算.pdf", in: folder)
        for (lines, form, title) in [(391, "公开09", "第386行（第14页）"), (422, "公开08", "第417行（第16页）")] {
            let path = try Self.head(text, lines: lines, to: "cut\(lines).txt", in: folder)
            let cells = try BudgetLensBinary.run(["cells", path])
            #expect(cells.status == 1, "head -n \(lines): \(cells.stderr)")
            #expect(cells.stderr.contains("文件在\(form)的表题之后结束（表题在\(title)"), "head -n \(lines): \(cells.stderr)")
        }
    }

    // MARK: 2. cell.not-a-number in Chinese

    @Test("cell.not-a-number: the reason inside the Chinese part is Chinese (有两个小数点, 不是数字 …), the English kept")
    func notANumberReasonInChinese() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let seed = try String(contentsOfFile: Seed.path(Seed.weihai), encoding: .utf8)
        let line = "210\t卫生健康支出\t864.56\t864.30\t"
        try #require(seed.components(separatedBy: line).count == 2)
        let path = folder.appendingPathComponent("planted.txt").path
        try seed.replacingOccurrences(of: line, with: "210\t卫生健康支出\t864.5.6\t864.30\t")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let cells = try BudgetLensBinary.run(["cells", path])
        // Before: "栏次 1：“864.5.6”不是金额（two decimal points），该单元格没有值 — …".
        #expect(
            cells.stderr.contains(
                "栏次 1：“864.5.6”不是金额（有两个小数点），该单元格没有值 — 栏次 1: '864.5.6' is not an amount (two decimal points)"),
            "\(cells.stderr)")
        // Every reason the amount reader gives has its Chinese, with no Latin letter in it.
        let invalid = ["1O.00", "1.2.3", "1-2", "12,34.00", ",12", "0.0000001", "99999999999999999999"]
        for text in invalid {
            let reading = Money.reading(text, unit: .wanYuan)
            let chinese = try #require(reading.chineseReason, "\(text): \(reading)")
            #expect(!chinese.contains { $0.isASCII && $0.isLetter }, "\(text): \(chinese)")
        }
        #expect(Money.reading("12.50", unit: .wanYuan).chineseReason == nil)
    }

    // MARK: 3. show --lang

    @Test("show --lang zh: Chinese headings only; --lang en: English only; default both, as before")
    func showHeadingsInOneLanguage() throws {
        let path = Seed.path(Seed.weihai)
        let zh = try BudgetLensBinary.run(["show", "--lang", "zh", path]).stdout
        for heading in ["文件：", "读取：", "编码：", "标题：", "类型：", "年度：", "金额单位：", "表（9 张中 8 张）：", "合计（万元）：", "情况说明：", "读取问题："] {
            #expect(zh.contains("\n\(heading)") || zh.hasPrefix(heading), "\(heading) in \(zh)")
        }
        for english in ["File:", "Read as:", "Encoding:", "Tables", "Totals", "Narrative", "Reading problems", "rows", "missing", "line endings"] {
            #expect(!zh.contains(english), "\(english) in \(zh)")
        }
        #expect(zh.contains("  公开06  一般公共预算财政拨款基本支出决算明细表  — 缺失\n"))
        #expect(zh.contains("  公开02  收入决算表  17 行，119 个单元格，第148行\n"))
        let en = try BudgetLensBinary.run(["show", path, "--lang", "en"]).stdout
        for heading in ["File:", "Read as:", "Encoding:", "Title:", "Kind:", "Year:", "Money:", "Tables (8 of 9):", "Totals (万元):", "Narrative sections:", "Reading problems:"] {
            #expect(en.contains("\n\(heading)") || en.hasPrefix(heading), "\(heading) in \(en)")
        }
        for chinese in ["文件", "读取", "编码", "标题", "类型", "年度", "金额单位", "表", "合计", "情况说明", "名词解释", "部分"] {
            #expect(!en.split(separator: "\n").contains { $0.hasPrefix(chinese) }, "\(chinese) in \(en)")
        }
        #expect(!en.contains("缺失") && !en.contains("个单元格"))
        #expect(en.contains("  公开06  一般公共预算财政拨款基本支出决算明细表  — missing\n"))
        // Before: both printed `文件 File:        …` whatever --lang said; the default keeps that.
        let both = try BudgetLensBinary.run(["show", path]).stdout
        #expect(both.hasPrefix("文件 File:        \(path) (607 lines)\n读取 Read as:     text (tables as tab-separated rows)\n"))
        #expect(both.contains("\n表 Tables (8 of 9):\n") && both.contains("— missing 缺失\n") && both.contains("\n合计 Totals (万元):\n"))
    }

    // MARK: 4. A copy pasted right under the first

    @Test("a 公开02 copy pasted right under its last row (tab text, with or without blank lines): only the first read")
    func tabCopyPastedUnderLastRow() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = try String(contentsOfFile: Seed.path(Seed.weihai), encoding: .utf8).components(separatedBy: "\n")
        // Lines 148–174: 收入决算表 … the last row 2210201 住房公积金.
        try #require(lines[147] == "收入决算表" && lines[173].hasPrefix("2210201\t"))
        let copy = Array(lines[147...173])
        let original = try BudgetLensBinary.run(["cells", Seed.path(Seed.weihai)]).stdout
        let firstRows = original.split(separator: "\n").filter { $0.hasPrefix("02,") }
        #expect(firstRows.count == 119)
        for (name, pasted) in [("dup.txt", copy), ("dup-no-blank.txt", copy.filter { !$0.isEmpty })] {
            let path = folder.appendingPathComponent(name).path
            try (Array(lines[..<174]) + pasted + Array(lines[174...])).joined(separator: "\n")
                .write(toFile: path, atomically: true, encoding: .utf8)
            let cells = try BudgetLensBinary.run(["cells", path])
            // Before: exit 0, 238 cells of 公开02 (the copy's rows read as more rows of the first).
            #expect(cells.status == 1, "\(name)")
            #expect(cells.stderr.contains("公开02 又见于 175:1，只读取第一份（148:1），第二份未读取"), "\(name): \(cells.stderr)")
            #expect(cells.stdout.split(separator: "\n").filter { $0.hasPrefix("02,") } == firstRows, "\(name)")
        }
    }

    @Test("a 公开05 copy pasted right under its 合计 row in layout text (no form feed): only the first read")
    func layoutCopyPastedUnderLastRow() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = try Self.layoutText(Seed.financePDF, in: folder).components(separatedBy: "\n")
        // Lines 304–331: the title 一般公共预算财政拨款支出决算表 … the 合计 row.
        try #require(lines[303].hasSuffix("一般公共预算财政拨款支出决算表") && lines[330].contains("合计"))
        let path = folder.appendingPathComponent("dup.txt").path
        try (Array(lines[..<331]) + Array(lines[303...330]) + Array(lines[331...])).joined(separator: "\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let cells = try BudgetLensBinary.run(["cells", path])
        // Before: exit 0, 120 cells of 公开05 (40 rows).
        #expect(cells.status == 1)
        #expect(cells.stderr.contains("公开05 又见于 332:19，只读取第一份（304:19），第二份未读取"), "\(cells.stderr)")
        #expect(cells.stdout.split(separator: "\n").filter { $0.hasPrefix("05,") }.count == 60)
    }

    // MARK: 5. Big5

    /// The corpus 财政局 text in Big5 with traditional characters (glibc's GB2312 → BIG5 converter maps them).
    static func big5Copy(in folder: URL) throws -> String {
        let gb2312 = folder.appendingPathComponent("gb2312.txt").path
        let big5 = folder.appendingPathComponent("big5.txt").path
        let first = try ProcessRunner.run(
            "/bin/sh", ["-c", "iconv -f UTF-8 -t GB2312 \"$0\" > \"$1\"", Seed.corpusPath(Seed.shanghaiFinance), gb2312])
        try #require(first.status == 0, "\(first.stderr)")
        let second = try ProcessRunner.run("/bin/sh", ["-c", "iconv -f GB2312 -t BIG5 \"$0\" > \"$1\"", gb2312, big5])
        try #require(second.status == 0, "\(second.stderr)")
        return big5
    }

    @Test("Big5 text (traditional characters) reads to the UTF-8 text's cells; show and the JSON say Big5")
    func big5ReadsAsTheOriginal() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let big5 = try Self.big5Copy(in: folder)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: big5))
        // The copy is Big5 and traditional: 決算 (A8 4D BA E2) where the original has 决算.
        #expect(bytes.range(of: Data([0xA8, 0x4D, 0xBA, 0xE2])) != nil)
        let expected = try BudgetLensBinary.run(["cells", Seed.corpusPath(Seed.shanghaiFinance)])
        let cells = try BudgetLensBinary.run(["cells", big5])
        // Before: decoded as GB18030 into nonsense ("no 部门决算 table", exit 2).
        #expect(cells.status == expected.status)
        #expect(cells.stdout == expected.stdout)
        #expect(cells.stdout.split(separator: "\n").count > 400)
        let show = try BudgetLensBinary.run(["show", big5]).stdout
        #expect(show.contains("编码 Encoding:    Big5, LF line endings\n"), "\(show)")
        #expect(show.contains("标题 Title:       上海市普陀区财政局"))
        let export = try BudgetLensBinary.run(["export", big5, "--format", "json"]).stdout
        #expect(export.contains("\"encoding\" : \"Big5\""))
        // A GB18030 copy is still GB18030 (not taken for Big5).
        let gb = folder.appendingPathComponent("gb.txt").path
        _ = try ProcessRunner.run("/bin/sh", ["-c", "iconv -f UTF-8 -t GB18030 \"$0\" > \"$1\"", Seed.corpusPath(Seed.shanghaiFinance), gb])
        #expect(try BudgetLensBinary.run(["show", gb]).stdout.contains("编码 Encoding:    GB18030, LF line endings\n"))
        // So is GB18030 prose that is no disclosure (the domain notes: few of the disclosure's words).
        let notes = folder.appendingPathComponent("notes.txt").path
        let domain = Seed.sharedRoot.appendingPathComponent("DOMAIN.md").path
        _ = try ProcessRunner.run("/bin/sh", ["-c", "iconv -f UTF-8 -t GB18030 \"$0\" > \"$1\"", domain, notes])
        #expect(try BudgetLensBinary.run(["export", notes, "--format", "json"]).stdout.contains("\"encoding\" : \"GB18030\""))
    }

    @Test("Big5 text with a damaged byte pair: refused naming Big5 and the byte's place, exit 2")
    func damagedBig5() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let big5 = try Data(contentsOf: URL(fileURLWithPath: try Self.big5Copy(in: folder)))
        let path = folder.appendingPathComponent("damaged.txt").path
        try (big5 + Data([0xA4, 0xA4, 0xFF, 0xFF])).write(to: URL(fileURLWithPath: path))  // 中, then FF FF
        let lines = big5.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let show = try BudgetLensBinary.run(["show", path])
        // Before: "invalid GB18030/GBK byte(s) 0xFF" (the file taken for GBK).
        #expect(show.status == 2)
        #expect(
            show.stderr.contains(
                "\(path):\(lines):3: 不是可读的文本（UTF-8、UTF-16、GB18030 或 Big5），或是其他格式的文件：Big5 文本在字节偏移 \(big5.count + 2)"),
            "\(show.stderr)")
        #expect(show.stderr.contains("invalid Big5 byte(s) 0xFF 0xFF at byte offset \(big5.count + 2) (line \(lines), column 3)"))
    }

    // MARK: 6. A text named .pdf

    @Test("a corpus text named x.pdf reads as the text it is (a note says so); a PNG named .pdf is named a PNG image")
    func textNamedPDF() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdfName = folder.appendingPathComponent("x.pdf").path
        try FileManager.default.copyItem(atPath: Seed.corpusPath(Seed.shanghaiFinance), toPath: pdfName)
        let cells = try BudgetLensBinary.run(["cells", pdfName])
        // Before: exit 2, "the file is named as a PDF but is not one: it starts with '................', not '%PDF-'".
        #expect(cells.status == 0, "\(cells.stderr)")
        #expect(cells.stdout == (try BudgetLensBinary.run(["cells", Seed.corpusPath(Seed.shanghaiFinance)])).stdout)
        let show = try BudgetLensBinary.run(["show", pdfName]).stdout
        #expect(show.contains("文件名为 .pdf，但内容是 UTF-8 文本，不是 PDF：按文本读取 — the file is named .pdf but holds UTF-8 text"))
        // An image named .pdf: what it is.
        let png = folder.appendingPathComponent("scan.pdf").path
        try FileManager.default.copyItem(atPath: Seed.repositoryRoot.appendingPathComponent("docs/images/web-document.png").path, toPath: png)
        let image = try BudgetLensBinary.run(["show", png])
        #expect(image.status == 2)
        #expect(image.stderr.contains("文件名是 PDF，但内容不是 PDF，而是另一种文件"))
        #expect(image.stderr.contains("the file is named as a PDF but is a PNG image, not a PDF"), "\(image.stderr)")
        // A page of HTML saved as the PDF (text, but no document): refused as no PDF, as before.
        let html = folder.appendingPathComponent("report.pdf").path
        try Data("<html><body>404</body></html>".utf8).write(to: URL(fileURLWithPath: html))
        let page = try BudgetLensBinary.run(["show", html])
        #expect(page.status == 2 && page.stderr.contains("it starts with '<html><body>404<', not '%PDF-'"))
    }
}
