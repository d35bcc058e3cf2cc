import BudgetLensCore
import BudgetLensReader
import BudgetLensRender
import BudgetLensTestSupport
import Foundation
import Testing
import ZIPFoundation

/// The XLSX workbook: its package, and the round trip read → render → openpyxl → identical cells.
@Suite("XLSX workbook")
final class XLSXWriterTests {
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent("budgetlens-xlsx-\(UUID().uuidString)")

    init() throws { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Writes the workbook of `disclosure` and returns its path.
    private func write(_ disclosure: Disclosure, name: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try XLSXWriter(disclosure: disclosure).data().write(to: url)
        return url.path
    }

    /// Runs python3 with warnings as errors; returns (status, stdout, stderr).
    private func python(_ arguments: [String]) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-W", "error"] + arguments
        process.currentDirectoryURL = Seed.repositoryRoot
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        nonisolated(unsafe) var errorData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorData = error.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }

    /// The part `path` of the package, as text.
    private func part(_ archive: Archive, _ path: String) throws -> String {
        let entry = try #require(archive[path])
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    @Test("seed 000: the package's parts, nine sheets and the annexes', merged headers, #,##0.00 amounts, frozen header, A4")
    func package() throws {
        let data = try XLSXWriter(disclosure: try Seed.read(Seed.yantai)).data()
        let archive = try Archive(data: data, accessMode: .read)
        let paths = Set(archive.map(\.path))
        #expect(paths == Set(["[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml", "xl/workbook.xml",
            "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/_rels/sheet21.xml.rels", "xl/drawings/drawing1.xml",
            "xl/drawings/_rels/drawing1.xml.rels", "xl/charts/chart1.xml", "xl/charts/chart2.xml"]
            + (1...21).map { "xl/worksheets/sheet\($0).xml" }))  // 封面 + 9 tables + 情况说明 + 汇总表 + 8 自评表 + 图示
        let workbook = try part(archive, "xl/workbook.xml")
        #expect(workbook.contains("<sheet name=\"封面\" sheetId=\"1\" r:id=\"rId1\"/>"))
        #expect(workbook.contains("<sheet name=\"公开01\" sheetId=\"2\" r:id=\"rId2\"/>"))
        #expect(workbook.contains("<sheet name=\"公开09\" sheetId=\"10\" r:id=\"rId10\"/>"))
        #expect(workbook.contains("<sheet name=\"情况说明\" sheetId=\"11\" r:id=\"rId11\"/>"))
        let cover = try part(archive, "xl/worksheets/sheet1.xml")
        #expect(cover.contains("<t xml:space=\"preserve\">2022年度烟台市医疗保障局部门决算</t>"))
        #expect(cover.contains("<c r=\"A3\" s=\"5\" t=\"inlineStr\"><is><t xml:space=\"preserve\">目录</t></is></c>"))
        let summary = try part(archive, "xl/worksheets/sheet2.xml")
        #expect(summary.contains("<pane ySplit=\"6\" topLeftCell=\"A7\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(summary.contains("<mergeCell ref=\"A4:C4\"/><mergeCell ref=\"D4:F4\"/>"))
        #expect(summary.contains("<c r=\"C7\" s=\"4\"><v>7297.28</v></c>"))
        #expect(summary.contains("<pageSetup paperSize=\"9\" orientation=\"landscape\""))
        #expect(try part(archive, "xl/styles.xml").contains("<xf numFmtId=\"4\""))
    }

    @Test("seed 000: native charts on the sheet 图示 — 收、支决算总计 8,431.28 / 8,431.28 and the 支出 structure; openpyxl loads them without warnings, LibreOffice converts them")
    func nativeCharts() throws {
        let path = try write(try Seed.read(Seed.yantai), name: "charts.xlsx")
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        let workbook = try part(archive, "xl/workbook.xml")
        #expect(workbook.contains("<sheet name=\"图示\" sheetId=\"21\" r:id=\"rId21\"/>"))
        #expect(try part(archive, "xl/worksheets/sheet21.xml").contains("<sheetData/><drawing r:id=\"rId1\"/>"))
        #expect(try part(archive, "[Content_Types].xml").contains(
            "<Override PartName=\"/xl/charts/chart1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.drawingml.chart+xml\"/>"))
        let bars = try part(archive, "xl/charts/chart1.xml")
        #expect(bars.contains("<c:barChart><c:barDir val=\"col\"/>"))
        #expect(bars.contains("<a:t>收、支决算总计（万元）</a:t>"))
        #expect(bars.contains("<c:pt idx=\"0\"><c:v>收入总计</c:v></c:pt><c:pt idx=\"1\"><c:v>支出总计</c:v></c:pt>"))
        #expect(bars.contains("<c:pt idx=\"0\"><c:v>8431.28</c:v></c:pt><c:pt idx=\"1\"><c:v>8431.28</c:v></c:pt>"))  // 公开01 行31, 行62
        let pie = try part(archive, "xl/charts/chart2.xml")
        #expect(pie.contains("<c:pieChart><c:varyColors val=\"1\"/>"))
        // 公开03 合计: 基本支出 2,532.15, 项目支出 5,899.13 (= 8,431.28 − 2,532.15); the zero columns left out.
        #expect(pie.contains("<c:ptCount val=\"2\"/><c:pt idx=\"0\"><c:v>基本支出</c:v></c:pt><c:pt idx=\"1\"><c:v>项目支出</c:v></c:pt>"))
        #expect(pie.contains("<c:pt idx=\"0\"><c:v>2532.15</c:v></c:pt><c:pt idx=\"1\"><c:v>5899.13</c:v></c:pt>"))
        let (status, output, errors) = try python([
            "-c", "import openpyxl,sys; wb=openpyxl.load_workbook(sys.argv[1]); print(len(wb['图示']._charts), wb.sheetnames[-1])", path,
        ])
        #expect(status == 0 && errors.isEmpty, "\(errors)")
        #expect(output == "2 图示\n")
        // LibreOffice opens the workbook and writes the charts back out.
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("lo")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "soffice", "-env:UserInstallation=\(folder.appendingPathComponent("profile").absoluteString)", "--headless",
            "--convert-to", "xlsx", "--outdir", folder.path, path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let converted = try Archive(url: folder.appendingPathComponent("charts.xlsx"), accessMode: .read)
        let chartParts = converted.map(\.path).filter { $0.hasPrefix("xl/charts/chart") }
        #expect(chartParts.count == 2, "\(chartParts)")
        let convertedPie = try chartParts.map { try part(converted, $0) }.first { $0.contains("pieChart") }
        #expect(convertedPie?.contains("5899.13") == true)
    }

    /// The read-back cells of `disclosure`'s workbook against its own records (without source_line).
    private func expectRoundTrip(_ disclosure: Disclosure, name: String) throws {
        let path = try write(disclosure, name: name)
        let (status, output, errors) = try python(["scripts/xlsx-cells.py", path])
        #expect(status == 0)
        #expect(errors.isEmpty, "\(errors)")
        let expected = ["table,line,code,item,column,value"] + disclosure.cellRecords().map { record in
            [record.table.rawValue, record.line.map(String.init) ?? "", record.code ?? "", record.item, String(record.column),
             record.value?.decimalString(in: disclosure.moneyUnit) ?? ""].map(CellRecord.csvField).joined(separator: ",")
        }
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLast()
        #expect(lines.count == expected.count)
        #expect(Array(lines) == expected)
    }

    @Test("seeds 000–002: read → XLSX → openpyxl (no warning) → the same cells as budgetlens cells (775, 515, 422)",
        arguments: [(Seed.yantai, 775), (Seed.weihai, 515), (Seed.zengdu, 422)])
    func roundTrip(seed: String, count: Int) throws {
        let disclosure = try Seed.read(seed)
        #expect(disclosure.cellRecords().count == count)
        try expectRoundTrip(disclosure, name: "\(seed).xlsx")
    }

    @Test("the corpus (上海 template, text and published PDFs): read → XLSX → openpyxl → the same cells",
        arguments: [
            "001-shanghai-putuo-caizhengju-2024-final.txt", "002-shanghai-putuo-guihuaziyuanju-2024-final.txt",
            "003-shanghai-putuo-shehuigongzuobu-2024-final-layout.txt",
            "004-shanghai-putuo-caizhengju-2024-final-TESTVARIANT.txt", "pdf/上海市普陀区财政局2024年度部门决算.pdf",
            "pdf/附件2：部门决算模板.pdf",
        ])
    func corpusRoundTrip(name: String) throws {
        let disclosure = try Seed.readCorpus(name)
        #expect(disclosure.cellRecords().count > 300)
        try expectRoundTrip(disclosure, name: "corpus.xlsx")
    }

    @Test("a hostile unit name is escaped in the XML and reads back verbatim")
    func hostile() throws {
        var disclosure = try Seed.read(Seed.zengdu)
        let hostile = "<script>alert('x')</script>&\""
        disclosure.tables = disclosure.tables.map { var table = $0; table.unitName = hostile; return table }
        let path = try write(disclosure, name: "hostile.xlsx")
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        let sheet = try part(archive, "xl/worksheets/sheet2.xml")  // 公开01 (sheet1 is 封面)
        #expect(!sheet.contains("<script"))
        #expect(sheet.contains("部门：&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;"))
        let (status, output, errors) = try python([
            "-c", "import openpyxl,sys; print(openpyxl.load_workbook(sys.argv[1])['公开01']['A3'].value)", path,
        ])
        #expect(status == 0 && errors.isEmpty)
        #expect(output == "部门：\(hostile)\n")
    }

    @Test("seed 001 has no 公开06: its sheet holds the title and the note, and no cells")
    func missingTable() throws {
        let path = try write(try Seed.read(Seed.weihai), name: "001.xlsx")
        let (status, output, _) = try python([
            "-c", "import openpyxl,sys; s=openpyxl.load_workbook(sys.argv[1])['公开06']; print(s['A1'].value); print(s['A4'].value); print(s.freeze_panes)", path,
        ])
        #expect(status == 0)
        #expect(output == "一般公共预算财政拨款基本支出决算明细表\n本文档未公开此表（原文档中未找到公开06表）。\nNone\n")
    }
}
