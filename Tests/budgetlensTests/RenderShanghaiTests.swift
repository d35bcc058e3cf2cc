import BudgetLensCore
import BudgetLensTestSupport
import Foundation
import Testing

/// `budgetlens render` of the corpus's 上海 documents (two tab texts, one published PDF) through the built binary:
/// the page and the workbook take the Shanghai template's layout from the document itself (no 行次, no 公开NN表,
/// `单位：万元`, its own column heads and order), and the workbook reads back to the same cells and findings.
@Suite("budgetlens render: the Shanghai template")
final class RenderShanghaiTests {
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent("budgetlens-render-sh-\(UUID().uuidString)")

    init() throws { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(at: folder) }

    private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Corpus 001 and 002 (tab texts) and 001's published PDF.
    static let documents = [Seed.shanghaiFinance, Seed.shanghaiPlanning, Seed.financePDF]

    /// The header rows every one of the three prints (the Shanghai template; corpus README, 附件2 模板), per table.
    /// No 栏次 row (the Shanghai pages print none); the code tables' `支出功能分类科目编码` over `类 | 款 | 项`, 06's two
    /// blocks with `经济分类科目编码` over `类 | 款`.
    static let heads: [String: [[String]]] = [
        "01": [["收入", "支出"], ["项目", "决算数", "项目", "决算数"]],
        "02": [
            ["项目", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"],
            ["支出功能分类科目编码", "科目名称"], ["类", "款", "项"],
        ],
        "04": [
            ["收入", "支出"], ["项目", "决算数", "项目", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"],
        ],
        "05": [["项目", "合计", "基本支出", "项目支出"], ["支出功能分类科目编码", "科目名称"], ["类", "款", "项"]],
        "06": [["经济分类科目编码", "科目名称", "决算数", "经济分类科目编码", "科目名称", "决算数"], ["类", "款", "类", "款"]],
        // 公开08 prints 年初, 本年收入, 本年支出 (小计 基本 项目), 年末 (the model's 栏次 4, 5, 1, 2, 3, 6).
        "08": [
            ["项目", "年初结转和结余", "本年收入", "本年支出", "年末结转和结余"],
            ["支出功能分类科目编码", "科目名称", "小计", "基本支出", "项目支出"], ["类", "款", "项"],
        ],
        // Each expense over its 预算数 | 决算数 pair.
        "09": [
            ["财政拨款“三公”经费"], ["合计", "因公出国（境）费", "公务用车购置及运行维护费", "公务接待费"],
            ["小计", "公务用车购置费", "公务用车运行维护费"], Array(repeating: ["预算数", "决算数"], count: 6).flatMap { $0 },
        ],
    ]

    /// The `<section>` of table `id` in a rendered page.
    private func section(_ page: String, _ id: String) throws -> Substring {
        let start = try #require(page.range(of: "id=\"t\(id)\">"))
        let end = try #require(page[start.upperBound...].range(of: "</section>"))
        return page[start.upperBound..<end.lowerBound]
    }

    /// The texts of the `th` cells of each `thead` row of a section.
    private func headRows(_ section: Substring) throws -> [[String]] {
        let start = try #require(section.range(of: "<thead>"))
        let end = try #require(section.range(of: "</thead>"))
        return section[start.upperBound..<end.lowerBound].components(separatedBy: "<tr>").dropFirst().map { row in
            row.components(separatedBy: "<th").dropFirst().map { cell in
                let text = cell.drop { $0 != ">" }.dropFirst()
                return String(text[..<(text.range(of: "</th>")?.lowerBound ?? text.endIndex)])
            }
        }
    }

    /// `budgetlens cells FILE` without the source_line column.
    private func cells(_ file: String) throws -> [String] {
        let result = try BudgetLensBinary.run(["cells", file])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map { String($0[..<($0.lastIndex(of: ",") ?? $0.endIndex)]) }
    }

    /// The rule ids of `budgetlens check FILE`'s findings but the narrative's (N-*, Y-*: a workbook carries no
    /// 情况说明), sorted.
    private func findings(_ file: String) throws -> [String] {
        let result = try BudgetLensBinary.run(["check", file, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        return findings.compactMap { $0["rule"] as? String }.filter { !$0.hasPrefix("N-") && !$0.hasPrefix("Y-") }.sorted()
    }

    /// Rows 1 … the last frozen header row of each sheet, as openpyxl reads them: `sheet|row|non-empty values`.
    private func sheetHeads(_ workbook: String, sheets: [String]) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-W", "error", "-c",
            """
            import openpyxl, sys
            from openpyxl.utils.cell import coordinate_from_string
            book = openpyxl.load_workbook(sys.argv[1])
            for name in sys.argv[2:]:
                sheet = book[name]
                _, first = coordinate_from_string(sheet.freeze_panes)
                for row in range(1, first):
                    print(name + "|" + str(row) + "|" + "|".join(str(c.value) for c in sheet[row] if c.value is not None))
            """,
            workbook,
        ] + sheets
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test("render --to html: 公开01/04 without 行次, no 公开NN表, no 栏次 row, `单位：万元`, the template's heads of 02, 04, 05, 06, 08, 09; no external requests",
        arguments: documents)
    func page(document: String) throws {
        let out = path("page.html")
        let result = try BudgetLensBinary.run(["render", Seed.corpusPath(document), "--to", "html", "-o", out])
        #expect(result.status == 0, "\(result.stderr)")
        let page = try String(contentsOfFile: out, encoding: .utf8)
        for (id, expected) in Self.heads {
            let table = try section(page, id)
            #expect(try headRows(table) == expected, "公开\(id)")
            #expect(!table.contains("行次") && !table.contains("栏次"), "公开\(id)")
            #expect(!table.contains("公开\(id)表"), "公开\(id)")
            #expect(table.contains("<div class=\"meta\"><span class=\"unit\"></span><span class=\"form\">单位：万元</span></div>"))
        }
        #expect(page.contains("<li><a href=\"#t01\">收入支出决算总表</a>"))  // the 目录 without 公开01表
        // The Shanghai order (三公 七, 政府性基金 八, 国有资本经营 九) in the 目录 and the pages, under the heading
        // naming the unit as read (002's cover; its tables name `上海市规划和自然资源局`).
        let order = ["01", "02", "03", "04", "05", "06", "09", "07", "08"]
        #expect(page.components(separatedBy: "href=\"#t").dropFirst().map { String($0.prefix(2)) } == order)
        #expect(page.components(separatedBy: "<section class=\"table").dropFirst().map { String($0.drop { $0 != "t" }.dropFirst().prefix(2)) } == order)
        let unit = document == Seed.shanghaiPlanning ? "上海市普陀区规划和自然资源局" : "上海市普陀区财政局"
        #expect(page.contains("<h2>第二部分　\(unit)2024年度部门决算表</h2>"))
        for forbidden in ["<script", "<link", "src=", "@import", "url("] { #expect(!page.contains(forbidden), "\(forbidden)") }
        let urls = page.components(separatedBy: "http").count - 1
        let namespaces = page.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1
        #expect(urls == namespaces && namespaces > 0)
    }

    @Test("a Shandong document keeps its layout: seed 000's 公开01 with 行次 and 公开01表")
    func shandong() throws {
        let out = path("000.html")
        let result = try BudgetLensBinary.run(["render", Seed.path(Seed.yantai), "--to", "html", "-o", out])
        #expect(result.status == 0, "\(result.stderr)")
        let table = try section(try String(contentsOfFile: out, encoding: .utf8), "01")
        #expect(try headRows(table) == [["收入", "支出"], ["项目", "行次", "金额", "项目", "行次", "金额"], ["栏次", "1", "栏次", "2"]])
        #expect(table.contains("<span class=\"form\">公开01表<br>金额单位：万元</span>"))
    }

    @Test("render --to xlsx: the same layout in the sheets; read back → the same cells and findings", arguments: documents)
    func workbook(document: String) throws {
        let out = path("book.xlsx")
        let source = Seed.corpusPath(document)
        let result = try BudgetLensBinary.run(["render", source, "--to", "xlsx", "-o", out])
        #expect(result.status == 0, "\(result.stderr)")
        // Row 1 the title, row 2 blank (no 公开NN表), row 3 `单位：万元`, then the header rows as on the page.
        let titles = [
            "01": "收入支出决算总表", "02": "收入决算表", "05": "一般公共预算财政拨款支出决算表", "06": "一般公共预算财政拨款基本支出决算表",
            "08": "国有资本经营预算财政拨款收入支出决算表", "09": "财政拨款“三公”经费支出决算表",
        ]
        var expected: [String] = []
        for id in ["01", "02", "05", "06", "08", "09"] {
            let sheet = "公开\(id)"
            expected += ["\(sheet)|1|\(titles[id] ?? "")", "\(sheet)|2|", "\(sheet)|3|单位：万元"]
            expected += (Self.heads[id] ?? []).enumerated().map { "\(sheet)|\($0.offset + 4)|\($0.element.joined(separator: "|"))" }
        }
        #expect(try sheetHeads(out, sheets: ["公开01", "公开02", "公开05", "公开06", "公开08", "公开09"]) == expected)
        let sourceCells = try cells(source)
        #expect(sourceCells.count == [Seed.shanghaiFinance: 578, Seed.shanghaiPlanning: 649, Seed.financePDF: 578][document])
        #expect(try cells(out) == sourceCells)
        // The same findings, but 002's F-HDR: its tables name the unit `上海市规划和自然资源局` in the heading above
        // the first table, which the workbook (its 封面 names the unit) does not carry.
        var sourceFindings = try findings(source)
        if document == Seed.shanghaiPlanning { sourceFindings.remove(at: try #require(sourceFindings.firstIndex(of: "F-HDR"))) }
        #expect(try findings(out) == sourceFindings)
        #expect(sourceFindings.contains("02-3") || sourceFindings.contains("05-1"))  // the real errors survive
    }
}
