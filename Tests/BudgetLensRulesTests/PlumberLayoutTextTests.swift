import BudgetLensCore
import BudgetLensRules
import BudgetLensTestSupport
import Foundation
import Testing

@testable import BudgetLensReader

/// pdfplumber's layout text (`page.extract_text(layout=True)`, made here with `scripts/page_text.py --layout`) of
/// each corpus PDF: read as the page text it holds, no cell differs from the PDF's; what the text does not decide
/// is left unread and named (docs/plumber-layout.md). The tools are pdfplumber and pdftotext: when missing, the
/// suite is skipped, unless `BUDGETLENS_TEST_TOOLS=1` (CI), where it fails.
@Suite("pdfplumber layout text (extract_text(layout=True))", .enabled(if: ExtractionTools.shouldRun))
struct PlumberLayoutTextTests {
    /// Findings as compared, the line numbers they quote (`第1183行`) masked: the layout text keeps pdfplumber's
    /// blank lines, so its lines are numbered apart from the page text's.
    static func findings(_ disclosure: Disclosure) throws -> [String] {
        try ExtractionFormsTests.findings(disclosure).map {
            $0.replacingOccurrences(of: #"第\d+行"#, with: "第#行", options: .regularExpression)
        }
    }

    /// Per PDF: the cells the text leaves unread (placed by no identity, named by a `table.ambiguous` warning) and
    /// the labels it reads whole where the PDF's reading cuts a wrapped label short.
    static let expected: [String: (unread: Int, wrappedLabels: Int)] = [
        "pdf/24年普陀区财政局（测试问题版本）.pdf": (0, 0),
        "pdf/上海市普陀区规划和自然资源局 2024 年度部门决算.pdf": (0, 0),
        // 公开09's `0.95 0.95`, four placements the identities leave open, is placed by where the amounts stand.
        "pdf/上海市普陀区财政局2024年度部门决算.pdf": (0, 0),
        // 20799 其他文化旅游体育与传媒支出 of 公开02/03/05, printed `…传媒支` / `出`: 9 before the PDF read it whole too.
        "pdf/附件2：部门决算模板.pdf": (0, 0),
        "pdf/中共上海市普陀区委社会工作部 2024 年度部门决算.pdf": (0, 0),
    ]

    @Test(
        "each corpus PDF's layout=True text: told, read as its page text (same cells and findings), no cell differing from the PDF's, every table read",
        arguments: Seed.shanghaiPDFs.map(\.pdf))
    func corpusPDF(name: String) throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try ExtractionTools.extract(.plumberLayout, from: Seed.corpusPath(name), into: folder)
        let raw = try String(contentsOfFile: path, encoding: .utf8)
        #expect(PlumberLayoutText.isPlumberLayoutText(raw))
        let text = try DisclosureReader.read(path: path)
        #expect(text.problems.first?.code == PlumberLayoutText.readNoteCode)
        // The same cells and findings as pdfplumber's page text (`extract_text()`), but F-XX: the layout text's blank
        // lines part its paragraphs as the PDF's gaps do, so its F-XX findings are the PDF's (the 模板's 105, where
        // the page text, its paragraphs run together, gives 96).
        let page = try DisclosureReader.read(path: try ExtractionTools.extract(.pageText, from: Seed.corpusPath(name), into: folder))
        let pdf = try DisclosureReader.read(path: Seed.corpusPath(name))
        // The cells are the page text's, but the 公开09 cells it leaves open (the 财政局's six), placed here as the PDF.
        let fromPage = ExtractionFormsTests.cells(page)
        let fromText = ExtractionFormsTests.cells(text)
        let leftOpen = fromPage.filter { !fromText.contains($0) }
        #expect(leftOpen.count == (name == Seed.financePDF ? 6 : 0) && leftOpen.allSatisfy { $0.hasPrefix("09|") && $0.hasSuffix("|-") })
        #expect(fromText.count == fromPage.count)
        let pdfCells = ExtractionFormsTests.cells(pdf)
        #expect(fromText.filter { !fromPage.contains($0) }.allSatisfy { pdfCells.contains($0) })
        let isXX = { (finding: String) in finding.contains("\tF-XX\t") }
        // The 财政局's page text leaves six 公开09 cells open (F-READ; 09-1, 09-2, 06-5 on 栏8 and 栏12 and four
        // N-BIND not checked); its layout text places them by position, so those nine findings are not there.
        let open = { (finding: String) in
            finding.contains("金额放置不能确定")
                || (["\t09-1\t", "\t09-2\t", "\t06-5\t", "\tN-BIND\t"].contains { finding.contains($0) } && finding.contains("无法审核"))
        }
        let pageFindings = try Self.findings(page).filter { !isXX($0) }
        #expect(pageFindings.filter(open).count == (name == Seed.financePDF ? 9 : 0))
        #expect(try Self.findings(text).filter { !isXX($0) } == pageFindings.filter { !open($0) })
        // F-XX quotes the line: the PDF's rebuilt lines separate cells by tabs where the text has a space.
        let spaced = { (findings: [String]) in findings.filter(isXX).map { $0.replacingOccurrences(of: "\t", with: " ") }.sorted() }
        #expect(try spaced(Self.findings(text)) == spaced(Self.findings(pdf)))
        #expect(try Self.findings(text).filter(isXX).count == (name == Seed.templatePDF ? 105 : name.contains("测试") ? 1 : 0))
        // Against the PDF: every table the PDF reads is read, none refused.
        #expect(Set(text.tables.map(\.id)) == Set(pdf.tables.map(\.id)))
        #expect(!text.problems.contains { $0.code == Disclosure.notUnderstoodTableProblem })
        // Every cell of the text that is not the PDF's is either unread (no value, its table's warning naming it)
        // or a wrapped label read whole: never an amount the PDF does not have.
        var unmatched = ExtractionFormsTests.cells(pdf)
        var extra: [[String]] = []
        for cell in ExtractionFormsTests.cells(text) {
            if let index = unmatched.firstIndex(of: cell) { unmatched.remove(at: index) } else {
                extra.append(cell.components(separatedBy: "|"))
            }
        }
        let pdfOnly = unmatched.map { $0.components(separatedBy: "|") }
        var unread = 0
        var wrapped = 0
        for cell in extra {
            if cell[5] == "-" {
                unread += 1
                let id = try #require(TableID(number: cell[0]))
                #expect(text.problems.contains { $0.code == "table.ambiguous" && $0.table == id }, "\(cell)")
            } else {
                let fits = pdfOnly.contains { other in
                    other[0] == cell[0] && other[1] == cell[1] && other[2] == cell[2] && other[4] == cell[4]
                        && other[5] == cell[5] && other[3] != cell[3] && cell[3].hasPrefix(other[3])
                }
                #expect(fits, "\(name): a cell the PDF does not have: \(cell)")
                if fits { wrapped += 1 }
            }
        }
        let expected = try #require(Self.expected[name])
        #expect(unread == expected.unread && wrapped == expected.wrappedLabels, "\(name)")
    }

    @Test("the layout=True text with its line padding stripped (an editor trimming line ends) is told by its pages and reads the same")
    func paddingStripped() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try ExtractionTools.extract(.plumberLayout, from: Seed.corpusPath(Seed.financePDF), into: folder)
        let raw = try String(contentsOfFile: path, encoding: .utf8)
        let stripped = raw.components(separatedBy: "\n").map { line in
            String(line.reversed().drop(while: { $0 == " " }).reversed())
        }.joined(separator: "\n")
        #expect(!PlumberLayoutText.hasPaddedLines(stripped) && PlumberLayoutText.hasGridPages(stripped))
        let strippedPath = folder.appendingPathComponent("stripped.txt")
        try Data(stripped.utf8).write(to: strippedPath)
        let read = try DisclosureReader.read(path: strippedPath.path)
        #expect(read.problems.first?.code == PlumberLayoutText.readNoteCode)
        #expect(ExtractionFormsTests.cells(read) == ExtractionFormsTests.cells(try DisclosureReader.read(path: path)))
    }

    @Test("with padding and form feeds both gone it is read as -layout text: the 栏次 net refuses 公开07/08's stray 栏次 7, cells exits 1")
    func netOnLayoutReading() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = "pdf/上海市普陀区规划和自然资源局 2024 年度部门决算.pdf"
        let path = try ExtractionTools.extract(.plumberLayout, from: Seed.corpusPath(name), into: folder)
        let bare = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\u{0C}", with: "")
            .components(separatedBy: "\n").map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }
            .joined(separator: "\n")
        #expect(!PlumberLayoutText.isPlumberLayoutText(bare))
        let barePath = folder.appendingPathComponent("bare.txt").path
        try Data(bare.utf8).write(to: URL(fileURLWithPath: barePath))
        let read = try DisclosureReader.read(path: barePath)
        for id in [TableID.governmentFund, .stateCapital] {
            #expect(read.table(id) == nil)
            let refusal = read.problems.filter { $0.code == Disclosure.notUnderstoodTableProblem && $0.table == id }
            #expect(refusal.count == 1)
            #expect(refusal.first?.message.contains("行“合计”在栏次 7 读出单元格“（空白）”") == true)
            #expect(refusal.first?.message.contains("只有栏次 1、2、3、4、5、6") == true)
        }
        let cells = try BudgetLensBinary.run(["cells", barePath])
        #expect(cells.status == 1)
        #expect(cells.stderr.contains("部分读取：公开07、公开08 有表题但未能读取"))
        #expect(!cells.stdout.contains("\n07,") && !cells.stdout.contains("\n08,"))
    }
}

/// The 栏次 net (``StrayColumns``) on the tab-separated 财政局 text: planted stray columns are refused, the
/// document as published passes untouched. Needs no tool.
@Suite("A table's cells in its own 栏次 (StrayColumns)")
struct StrayColumnsTests {
    static func financeText() throws -> String {
        try String(contentsOfFile: Seed.corpusPath(Seed.shanghaiFinance), encoding: .utf8)
    }

    @Test("the published text: all nine tables read, the net silent")
    func silent() throws {
        let disclosure = try DisclosureReader.read(data: Data(try Self.financeText().utf8), file: "001.txt")
        #expect(disclosure.tables.count == 9)
        #expect(!disclosure.problems.contains { $0.code == Disclosure.notUnderstoodTableProblem })
        for table in disclosure.tables { #expect(StrayColumns.strayCell(in: table) == nil, "\(table.id)") }
    }

    @Test("公开07 with a seventh heading and an amount under it: not read, the error names 公开07, 合计, 栏次 7 and 5.00")
    func plantedBeyondForm() throws {
        var lines = try Self.financeText().components(separatedBy: "\n")
        // Lines 333 (the header's first line) and 336 (合计) of the 政府性基金 table.
        #expect(lines[332].hasPrefix("项目") && lines[335].hasPrefix("合计"))
        lines[332] += "\t其他"
        lines[335] += "\t5.00"
        let disclosure = try DisclosureReader.read(data: Data(lines.joined(separator: "\n").utf8), file: "planted.txt")
        #expect(disclosure.table(.governmentFund) == nil)
        #expect(disclosure.tables.count == 8)
        let refusal = disclosure.problems.filter { $0.code == Disclosure.notUnderstoodTableProblem }
        #expect(refusal.map(\.table) == [.governmentFund])
        #expect(refusal.first?.severity == .error)
        #expect(refusal.first?.source.line == 336)
        #expect(
            refusal.first?.message
                == "公开07 政府性基金预算财政拨款收入支出决算表：行“合计”在栏次 7 读出单元格“5.00”，而本表只有栏次 1、2、3、4、5、6（表头与表式所列），"
                + "栏次读错，本表未读取 — the row '合计' has a cell '5.00' in 栏次 7, where the table has only 栏次 1, 2, 3, 4, 5, 6 "
                + "(its header and form): the columns are misread; the table is not read")
        #expect(disclosure.notUnderstoodTables == [.governmentFund])
    }

    @Test("公开05 whose header numbers 栏次 1–2 while its rows hold 栏次 3: not read, the row 201 named")
    func plantedBeyondHeader() throws {
        var disclosure = try DisclosureReader.read(data: Data(try Self.financeText().utf8), file: "001.txt")
        let index = try #require(disclosure.tables.firstIndex { $0.id == .generalBudgetExpenditure })
        #expect(disclosure.tables[index].columns.map(\.number) == [1, 2, 3])
        disclosure.tables[index].columns.removeLast()
        StrayColumns.refuse(in: &disclosure)
        #expect(disclosure.table(.generalBudgetExpenditure) == nil && disclosure.tables.count == 8)
        let refusal = try #require(disclosure.problems.last)
        #expect(refusal.code == Disclosure.notUnderstoodTableProblem && refusal.table == .generalBudgetExpenditure)
        #expect(refusal.message.hasPrefix("公开05 一般公共预算财政拨款支出决算表：行“201 一般公共服务支出”在栏次 3 读出单元格“603.14”，而本表只有栏次 1、2"))
    }

    @Test("the form's 栏次 counts are DOMAIN §1.4–1.12's")
    func formCounts() {
        #expect(TableID.allCases.map(StrayColumns.formColumnCount) == [2, 7, 6, 5, 3, 1, 6, 6, 12])
    }

    @Test("no text of the corpus or seeds is taken for pdfplumber layout text")
    func notTold() throws {
        let texts = [Seed.shanghaiFinance, Seed.shanghaiPlanning, Seed.shanghaiTestVariant, Seed.shanghaiSocialWorkLayout]
            .map(Seed.corpusPath) + [Seed.yantai, Seed.weihai, Seed.zengdu].map { Seed.path($0) }
        for path in texts {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(!PlumberLayoutText.isPlumberLayoutText(text), "\(path)")
        }
    }

    @Test("pdfplumber layout lines made page text: runs of spaces one, ends trimmed, form feeds and blank lines kept")
    func collapsed() {
        let text = "   公开05   合计    基本支出   \n      \n  201  2,106.66 1,503.52   \u{0C}   第二页  \n"
        #expect(PlumberLayoutText.pageText(text) == "公开05 合计 基本支出\n\n201 2,106.66 1,503.52\u{0C}第二页\n")
    }
}

/// ``PlumberLayoutPositions``: a 公开09 amount's column by the heading it stands under. Needs no tool.
@Suite("pdfplumber layout positions of 公开09 amounts")
struct PlumberLayoutPositionsTests {
    /// The 财政局 PDF's 公开09 as pdfplumber's layout text prints it (the heading row and the amounts, pages 18).
    static let heading = "    预算数      决算数       预算数      决算数      预算数      决算数      预算数      决算数      预算数      决算数      预算数      决算数         "
    static let amounts = "       0.95                                                                                       0.95              "

    @Test("the 财政局's `0.95 … 0.95`: 合计 预算数 (printed column 0) and 公务接待费 预算数 (printed column 10)")
    func finance() {
        let lines: [Substring] = [Substring(Self.heading), "", Substring(Self.amounts)]
        let found = PlumberLayoutPositions.columns(of: [("0.95", 3), ("0.95", 3)], columnCount: 12, lines: lines)
        #expect(found == [0, 10])
        #expect(ThreePublicResolution.columnNumbers(.pairs)[0] == 1 && ThreePublicResolution.columnNumbers(.pairs)[10] == 6)
    }

    @Test("an amount midway between two headings, no heading line, or an amount not on its line: no placement")
    func undecided() {
        let midway = String(repeating: " ", count: 18) + "0.95"
        #expect(PlumberLayoutPositions.columns(of: [("0.95", 2)], columnCount: 12, lines: [Substring(Self.heading), Substring(midway)]) == nil)
        #expect(PlumberLayoutPositions.columns(of: [("0.95", 2)], columnCount: 12, lines: ["合计 预算数", Substring(Self.amounts)]) == nil)
        #expect(PlumberLayoutPositions.columns(of: [("1.00", 2)], columnCount: 12, lines: [Substring(Self.heading), Substring(Self.amounts)]) == nil)
    }
}
