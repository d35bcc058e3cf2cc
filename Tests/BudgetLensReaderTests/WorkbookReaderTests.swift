import BudgetLensCore
import BudgetLensReader
import BudgetLensTestSupport
import Foundation
import Testing

/// The cells of a disclosure without their sources: what must survive a change of format.
private func cellValues(_ disclosure: Disclosure) -> [String] {
    disclosure.cellRecords().map { record in
        [
            record.table.rawValue, record.line.map(String.init) ?? "", record.code ?? "", record.item,
            String(record.column), record.value.map { $0.decimalString(in: disclosure.moneyUnit) } ?? "—",
        ].joined(separator: ",")
    }
}

@Suite("Workbook (XLSX) and CSV reading")
struct WorkbookReaderTests {
    @Test(
        "a seed written into an XLSX with openpyxl (cover, nine table sheets, narrative) reads back to the same cells",
        arguments: [Seed.yantai, Seed.weihai, Seed.zengdu])
    func documentWorkbook(seed: String) throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try Seed.read(seed)
        let workbook = try DisclosureReader.read(path: TestWorkbooks.document(seed: seed, in: folder))
        #expect(workbook.source.format == .xlsx)
        #expect(cellValues(workbook) == cellValues(text))
        #expect(cellValues(workbook).count == [Seed.yantai: 775, Seed.weihai: 515, Seed.zengdu: 422][seed])
        #expect(workbook.tables.map(\.id) == text.tables.map(\.id))
        #expect(workbook.header == DocumentHeader(
            title: text.header.title, unitName: text.header.unitName, unitLabel: text.header.unitLabel,
            year: text.header.year, scope: text.header.scope, moneyUnit: text.header.moneyUnit,
            source: workbook.header.source))
        #expect(workbook.narrative.map(\.heading) == text.narrative.map(\.heading))
        #expect(workbook.problems.map(\.message) == text.problems.map(\.message))
        // Every value names its sheet and cell, and the cell's row and column.
        for table in workbook.tables {
            for row in table.rows {
                for cell in row.cells {
                    let name = try #require(cell.source.cell)
                    let expected = table.id.formID + "!" + columnLetters(cell.source.column) + String(cell.source.line)
                    #expect(name == expected)
                }
            }
        }
    }

    @Test("the amount's provenance is its cell: Yantai 公开01 本年收入合计 8,431.28 is 公开01!C38 (text line 127)")
    func provenance() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workbook = try DisclosureReader.read(path: TestWorkbooks.document(seed: Seed.yantai, in: folder))
        let row = try #require(workbook.table(.incomeExpenditureSummary)?.rows.first { $0.standardLine == 27 })
        let cell = try #require(row.cell(1))
        #expect(cell.value == Money(fen: 8_431_280_000))
        #expect(cell.source.cell == "公开01!C38")
        #expect(cell.source.place == "公开01!C38")
        #expect(cell.source.description.hasSuffix(".xlsx 公开01!C38"))
        #expect(workbook.table(.incomeExpenditureSummary)?.source.cell == "公开01!A1")
    }

    @Test(
        "only the nine tables, a sheet each, merged title and header cells, numbers and text numbers: the same cells",
        arguments: [Seed.yantai, Seed.weihai, Seed.zengdu])
    func tablesWorkbook(seed: String) throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try Seed.read(seed)
        let workbook = try DisclosureReader.read(path: TestWorkbooks.tables(seed: seed, in: folder))
        #expect(cellValues(workbook) == cellValues(text))
        #expect(workbook.header.unitName == text.header.unitName)
        #expect(workbook.header.moneyUnit == text.header.moneyUnit)
    }

    @Test("all nine tables stacked on one sheet, a blank row apart: the same cells", arguments: [Seed.yantai, Seed.weihai, Seed.zengdu])
    func stackedTables(seed: String) throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workbook = try DisclosureReader.read(path: TestWorkbooks.tables(seed: seed, in: folder, stackedOn: "决算表"))
        #expect(cellValues(workbook) == cellValues(try Seed.read(seed)))
        #expect(workbook.tables.allSatisfy { $0.source.cell?.hasPrefix("决算表!A") == true })
    }

    @Test("a table continued on a second sheet (Yantai 公开06, header repeated) reads as one table")
    func tableOverTwoSheets() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try TestWorkbooks.ranges(
            ["公开05:272:306", "公开06:310:335", "公开06续:336:356", "公开07:360:373"], of: Seed.yantai,
            named: "split.xlsx", in: folder)
        let workbook = try DisclosureReader.read(path: path)
        let text = try Seed.read(Seed.yantai)
        #expect(cellValues(workbook) == cellValues(text).filter { $0.hasPrefix("05,") || $0.hasPrefix("06,") || $0.hasPrefix("07,") })
        let basic = try #require(workbook.table(.generalBudgetBasicExpenditure))
        #expect(basic.rows.contains { $0.cells.contains { $0.source.cell?.hasPrefix("公开06续!") == true } })
    }

    @Test("sheets named for their table, with no title row: the name is the title (Yantai 公开01–03)")
    func sheetNamesAsTitles() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try TestWorkbooks.ranges(
            ["收入支出决算总表:91:131", "收入决算表:136:175", "支出决算表:180:219"], of: Seed.yantai, named: "named.xlsx",
            in: folder)
        let workbook = try DisclosureReader.read(path: path)
        #expect(workbook.tables.map(\.id) == [.incomeExpenditureSummary, .income, .expenditure])
        #expect(workbook.tables.map { $0.source.cell } == ["收入支出决算总表 (sheet name)", "收入决算表 (sheet name)", "支出决算表 (sheet name)"])
        let text = try Seed.read(Seed.yantai)
        #expect(cellValues(workbook) == cellValues(text).filter { ["01,", "02,", "03,"].contains(String($0.prefix(3))) })
        #expect(cellValues(workbook).count == 413)
    }

    @Test("shared and inline strings, rich text, 17-digit numbers, number formats, booleans, errors, gaps, a hidden sheet")
    func cellKinds() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try TestWorkbooks.zipped(handWrittenParts, named: "kinds.xlsx", in: folder)
        let text = try DisclosureReader.readableText(path: path)
        #expect(
            text.split(separator: "\n", omittingEmptySubsequences: false) == [
                "收入支出决算总表", "部门：测试局", "金额单位：万元", "项目\t行次\t金额",
                "一、一般公共预算财政拨款收入\t1\t8,431.28", "二、事业收入\t2\t12.50", "本年收入合计\t27\t8,443.78",
                "比例\tTRUE\t0.0512", "", "注：本表为测试。", "", "错误\t#DIV/0!\t-0.50",
            ])
        let disclosure = try DisclosureReader.read(path: path)
        let hidden = try #require(disclosure.problems.first { $0.code == "workbook.hidden-sheet" })
        #expect(hidden.message == "工作表 草稿 已隐藏，未读取 — sheet 草稿 is hidden and not read")
        #expect(hidden.englishDetail == "sheet 草稿 is hidden and not read")
        #expect(hidden.severity == .info)
        #expect(!text.contains("草稿内容"))
        // -0.495 under `#,##0.00` is shown -0.50: read as shown, and said once for the sheet (binary noise such as
        // 8431.2800000000007 is not a hidden decimal).
        let decimals = disclosure.problems.filter { $0.code == "workbook.hidden-decimals" }
        #expect(decimals.count == 1)
        #expect(decimals.first?.source.cell == "公开01!C12" && decimals.first?.severity == .info)
        #expect(decimals.first?.message.hasPrefix("1 个数字单元格存有多于格式所显示的小数位（首个：公开01!C12 存储 -0.495，显示为 -0.50），按显示值读取") == true)
        #expect(decimals.first?.englishDetail.hasPrefix("1 number cell(s) hold more decimals than their format shows (first: 公开01!C12 stores -0.495, shown -0.50)") == true)
    }

    @Test("a percentage format on a table of amounts: the stored number read, a warning; elsewhere shown as a percentage")
    func percentFormat() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // 公开01's 一般公共预算财政拨款收入 formatted `0.00%` (shown 843128.00%): read 8431.28 as stored.
        var parts = handWrittenParts
        parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"]?.replacingOccurrences(
            of: #"<c r="C4" s="1">"#, with: #"<c r="C4" s="3">"#)
        let path = try TestWorkbooks.zipped(parts, named: "percent.xlsx", in: folder)
        let text = try DisclosureReader.readableText(path: path)
        #expect(text.contains("一、一般公共预算财政拨款收入\t1\t8431.28\n") && text.contains("比例\tTRUE\t0.0512\n"))
        let disclosure = try DisclosureReader.read(path: path)
        // Not a cell that is not a number (before: `843128.00%`).
        #expect(!disclosure.problems.contains { $0.source.cell == "公开01!C4" && $0.code.hasPrefix("cell.") })
        let percent = try #require(disclosure.problems.first { $0.code == "workbook.percent-amount" })
        #expect(percent.severity == .warning && percent.source.cell == "公开01!C4")
        #expect(percent.message == "金额表中有 2 个数字单元格设成了百分比格式（首个：公开01!C4 存储 8431.28，显示为 843128.00%），按存储的数值读取，请把单元格设为数字格式 — 2 number cell(s) of a table of amounts have a percentage format (first: 公开01!C4 stores 8431.28, shown 843128.00%); they are read as the stored numbers — give the cells a number format")
        #expect(percent.englishDetail == "2 number cell(s) of a table of amounts have a percentage format (first: 公开01!C4 stores 8431.28, shown 843128.00%); they are read as the stored numbers — give the cells a number format")

        // Not a table of amounts (a 自评表's 执行率): the percentage is what the cell means, shown as such.
        var other = handWrittenParts
        other["xl/sharedStrings.xml"] = other["xl/sharedStrings.xml"]?.replacingOccurrences(of: "<t>收入支出决算总表</t>", with: "<t>项目支出绩效自评表</t>")
        let otherPath = try TestWorkbooks.zipped(other, named: "rate.xlsx", in: folder)
        #expect(try DisclosureReader.readableText(path: otherPath).contains("比例\tTRUE\t5.12%\n"))
        #expect(try !DisclosureReader.read(path: otherPath).problems.contains { $0.code == "workbook.percent-amount" })
    }

    @Test("a format hiding decimals: read as shown; a warning when it shows fewer than two decimals (#,##0: 31.784 shown 32)")
    func integerFormat() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var parts = handWrittenParts
        parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"]?.replacingOccurrences(
            of: #"<c r="C5" s="2"><f>SUM(D1:D2)</f><v>12.5</v></c>"#, with: #"<c r="C5" s="4"><v>31.784</v></c>"#)
        let path = try TestWorkbooks.zipped(parts, named: "integer.xlsx", in: folder)
        #expect(try DisclosureReader.readableText(path: path).contains("二、事业收入\t2\t32\n"))
        let disclosure = try DisclosureReader.read(path: path)
        let decimals = disclosure.problems.filter { $0.code == "workbook.hidden-decimals" }
        #expect(decimals.count == 1 && decimals.first?.severity == .warning && decimals.first?.source.cell == "公开01!C5")
        #expect(decimals.first?.message.hasPrefix("2 个数字单元格存有多于格式所显示的小数位（首个：公开01!C5 存储 31.784，显示为 32），按显示值读取，与表上印出的一致；Excel 按存储值算出的合计可能与显示值之和不同（尾数误差）；格式不足两位小数，隐藏的差额可能超过尾数误差 — ") == true)
        #expect(decimals.first?.englishDetail.hasPrefix("2 number cell(s) hold more decimals than their format shows (first: 公开01!C5 stores 31.784, shown 32)") == true)
        #expect(decimals.first?.message.hasSuffix("a format of fewer than two decimals hides more than a 尾数误差 (up to half its last shown digit)") == true)
    }

    @Test("a shared-string index the workbook lacks is a reading problem naming the cell")
    func badSharedString() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var parts = handWrittenParts
        parts["xl/worksheets/sheet1.xml"] = sheet(#"<row r="3"><c r="B3" t="s"><v>99</v></c></row>"#)
        let disclosure = try DisclosureReader.read(path: TestWorkbooks.zipped(parts, named: "bad.xlsx", in: folder))
        let problem = try #require(disclosure.problems.first { $0.code == "workbook.bad-cell" })
        #expect(problem.source.cell == "公开01!B3")
        #expect(problem.message.contains("shared string 99"))
    }

    @Test("malformed sheet XML is refused naming the part")
    func malformedXML() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var parts = handWrittenParts
        parts["xl/worksheets/sheet1.xml"] = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></row></sheetData>"
        let path = try TestWorkbooks.zipped(parts, named: "malformed.xlsx", in: folder)
        let error = try #require(throws: ReadError.self) { try DisclosureReader.read(path: path) }
        #expect(error.code == .badWorkbook)
        #expect(error.message.hasPrefix("the part xl/worksheets/sheet1.xml is not well-formed XML: line 1"))
    }

    @Test("a truncated workbook and a ZIP without a workbook are refused, saying so")
    func damagedArchives() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let whole = try Data(contentsOf: URL(fileURLWithPath: TestWorkbooks.zipped(handWrittenParts, named: "k.xlsx", in: folder)))
        let truncated = try #require(throws: ReadError.self) {
            try DisclosureReader.read(data: whole.prefix(whole.count / 2), file: "cut.xlsx")
        }
        #expect(truncated.code == .badWorkbook)
        #expect(truncated.message.hasPrefix("the file starts like a ZIP archive (XLSX) but its directory cannot be read: truncated or damaged"))
        var parts = handWrittenParts
        parts["xl/workbook.xml"] = nil
        let notWorkbook = try TestWorkbooks.zipped(parts, named: "other.zip", in: folder)
        let error = try #require(throws: ReadError.self) { try DisclosureReader.read(path: notWorkbook) }
        #expect(error.message == "the file is a ZIP archive without xl/workbook.xml: not an Excel workbook (XLSX)")
    }

    @Test("a CSV file of one table reads to that table's cells, each naming its cell (C38)")
    func csvTable() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let seedText = try String(contentsOfFile: Seed.path(Seed.yantai), encoding: .utf8)
        let lines = seedText.split(separator: "\n", omittingEmptySubsequences: false)[89..<131]  // 公开01: lines 90–131
        let csv = lines.map { line in
            line.split(separator: "\t", omittingEmptySubsequences: false).map { field in
                field.contains(",") || field.contains("\"") ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : String(field)
            }.joined(separator: ",")
        }.joined(separator: "\r\n")
        let path = folder.appendingPathComponent("公开01.csv").path
        try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
        let disclosure = try DisclosureReader.read(path: path)
        #expect(disclosure.source.format == .csv)
        let text = try Seed.read(Seed.yantai)
        #expect(cellValues(disclosure) == cellValues(text).filter { $0.hasPrefix("01,") })
        let row = try #require(disclosure.table(.incomeExpenditureSummary)?.rows.first { $0.standardLine == 27 })
        #expect(row.cell(1)?.source.cell == "C38")
        #expect(row.cell(1)?.value == Money(fen: 8_431_280_000))

        // Excel's "Unicode" save: UTF-16 LE with a BOM, whose bytes hold 0x09 in characters like 三 (U+4E09).
        let utf16 = folder.appendingPathComponent("公开01-utf16.csv").path
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in csv.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(bytes.contains(0x09))
        try Data(bytes).write(to: URL(fileURLWithPath: utf16))
        let wide = try DisclosureReader.read(path: utf16)
        #expect(wide.source.format == .csv)
        #expect(cellValues(wide) == cellValues(disclosure))

        // Semicolons between the fields (Excel where the decimal mark is a comma; a fresh tester's case: "no 部门决算
        // table"), amounts with thousands commas quoted: the same cells.
        let semicolons = lines.map { line in
            line.split(separator: "\t", omittingEmptySubsequences: false).map { field in
                field.contains(",") || field.contains(";") || field.contains("\"")
                    ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : String(field)
            }.joined(separator: ";")
        }.joined(separator: "\r\n")
        let semicolonPath = folder.appendingPathComponent("公开01-semicolons.csv").path
        try Data(semicolons.utf8).write(to: URL(fileURLWithPath: semicolonPath))
        #expect(cellValues(try DisclosureReader.read(path: semicolonPath)) == cellValues(disclosure))
    }

    @Test("a text file named .xlsx is refused as not a workbook, not read as text")
    func misnamedWorkbook() throws {
        let error = try #require(throws: ReadError.self) {
            try DisclosureReader.read(data: Data("notzip\n".utf8), file: "fake.xlsx")
        }
        #expect(error.code == .badWorkbook)
        #expect(error.message == "named .xlsx but not an Excel workbook (not a ZIP package): another file renamed?")
        #expect(error.chineseDescription.contains("文件名为 .xlsx，但内容不是 Excel 工作簿（不是 ZIP 包）"))
    }
}

private func columnLetters(_ column: Int) -> String {
    var column = column
    var letters = ""
    while column > 0 {
        letters = String(UnicodeScalar(UInt8(65 + (column - 1) % 26))) + letters
        column = (column - 1) / 26
    }
    return letters
}

private func sheet(_ rows: String, merges: String = "") -> String {
    #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
        + rows + "</sheetData>" + merges + "</worksheet>"
}

/// A small 公开01 written by hand: the forms a workbook stores cells in.
private let handWrittenParts: [String: String] = [
    "[Content_Types].xml":
        #"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#,
    "xl/workbook.xml": #"""
        <?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="公开01" sheetId="1" r:id="rId1"/><sheet name="草稿" sheetId="2" state="hidden" r:id="rId2"/></sheets></workbook>
        """#,
    "xl/_rels/workbook.xml.rels": #"""
        <?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="worksheet" Target="worksheets/sheet2.xml"/></Relationships>
        """#,
    "xl/sharedStrings.xml": #"""
        <?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>收入支出决算总表</t></si><si><t>金额单位：万元</t></si><si><t>项目</t></si><si><t>行次</t></si><si><t>金额</t></si><si><r><t>一、一般公共</t></r><r><rPr><b/></rPr><t>预算财政拨款收入</t></r><rPh><t>よみ</t></rPh></si><si><t xml:space="preserve"> 本年收入合计 </t></si></sst>
        """#,
    "xl/styles.xml": #"""
        <?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00_ ;[Red]\-#,##0.00\ "/></numFmts><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="4"/><xf numFmtId="164"/><xf numFmtId="10"/><xf numFmtId="3"/></cellXfs></styleSheet>
        """#,
    "xl/worksheets/sheet1.xml": sheet(
        #"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#
            + #"<row r="2"><c r="A2" t="inlineStr"><is><t>部门：测试局</t></is></c><c r="C2" t="s"><v>1</v></c></row>"#
            + #"<row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3" t="s"><v>3</v></c><c r="C3" t="s"><v>4</v></c></row>"#
            + #"<row r="4"><c r="A4" t="s"><v>5</v></c><c r="B4"><v>1</v></c><c r="C4" s="1"><v>8431.2800000000007</v></c></row>"#
            + #"<row r="5"><c r="A5" t="inlineStr"><is><r><t>二、事业</t></r><r><t>收入</t></r><rPh sb="0" eb="1"><t>じぎょう</t></rPh></is></c><c r="B5"><v>2</v></c><c r="C5" s="2"><f>SUM(D1:D2)</f><v>12.5</v></c></row>"#
            + #"<row r="6"><c r="A6" t="s"><v>6</v></c><c r="B6" t="inlineStr"><is><t>27</t></is></c><c r="C6" t="inlineStr"><is><t>8,443.78</t></is></c></row>"#
            + #"<row r="7"><c r="A7" t="inlineStr"><is><t>比例</t></is></c><c r="B7" t="b"><v>1</v></c><c r="C7" s="3"><v>5.1200000000000003E-2</v></c></row>"#
            + #"<row r="9"><c r="A9" t="inlineStr"><is><t>注：本表为测试。</t></is></c><c r="B9"/></row>"#
            + #"<row r="12"><c r="A12" t="inlineStr"><is><t>错误</t></is></c><c r="B12" t="e"><v>#DIV/0!</v></c><c r="C12" s="2"><v>-0.495</v></c></row>"#,
        merges: #"<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>"#),
    "xl/worksheets/sheet2.xml": sheet(#"<row r="1"><c r="A1" t="inlineStr"><is><t>草稿内容</t></is></c></row>"#),
]
