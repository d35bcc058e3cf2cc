import BudgetLensCore
import BudgetLensTestSupport
import Foundation
import Testing

/// `budgetlens template --to xlsx -o FILE`: the data-entry workbook, filled as a preparer fills it (openpyxl,
/// `scripts/fill-template.py`, which stores formulas without cached values), read back by `cells`, `check` and
/// `render` through the built binary (docs/render-template.md).
@Suite("budgetlens template")
final class TemplateCommandTests {
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent("budgetlens-template-\(UUID().uuidString)")

    init() throws { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(at: folder) }

    private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Runs python3 with warnings as errors (any openpyxl warning fails).
    private func python(_ arguments: [String]) throws -> CommandResult {
        try ProcessRunner.run("/usr/bin/env", ["python3", "-W", "error"] + arguments)
    }

    private var fillScript: String { Seed.repositoryRoot.appendingPathComponent("scripts/fill-template.py").path }

    /// `budgetlens cells FILE` without the source_line column.
    private func cells(_ file: String, status: Int32 = 0) throws -> [String] {
        let result = try BudgetLensBinary.run(["cells", file])
        #expect(result.status == status, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map { String($0[..<($0.lastIndex(of: ",") ?? $0.endIndex)]) }
    }

    /// `check FILE`'s table findings (not F-*, N-*, Y-*) as `rule expected actual`, sorted.
    private func tableFindings(_ file: String) throws -> [String] {
        let result = try BudgetLensBinary.run(["check", file, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        return findings.compactMap { finding -> String? in
            guard let rule = finding["rule"] as? String, !rule.hasPrefix("F-"), !rule.hasPrefix("N-"), !rule.hasPrefix("Y-")
            else { return nil }
            return "\(rule) \(finding["expected"] ?? "-") \(finding["actual"] ?? "-")"
        }.sorted()
    }

    /// The template for `seed`'s unit and year, and the seed's cells as CSV beside it.
    private func template(for seed: String) throws -> (template: String, cells: String, disclosure: Disclosure) {
        let disclosure = try Seed.read(seed)
        let year = try #require(disclosure.header.year)
        let unit = try #require(disclosure.header.unitName)
        let template = path("\(seed)-template.xlsx")
        let made = try BudgetLensBinary.run(["template", "--to", "xlsx", "-o", template, "--unit", unit, "--year", String(year)])
        #expect(made.status == 0, "\(made.stderr)")
        let csv = try BudgetLensBinary.run(["cells", Seed.path(seed)])
        let cellsFile = path("\(seed).csv")
        try Data(csv.stdout.utf8).write(to: URL(fileURLWithPath: cellsFile))
        return (template, cellsFile, disclosure)
    }

    @Test("the empty workbook: openpyxl opens it without warnings; sheets, protection, unlocked inputs, formulas")
    func emptyWorkbook() throws {
        let out = path("empty.xlsx")
        let made = try BudgetLensBinary.run(["template", "--to", "xlsx", "-o", out, "--unit", "烟台市医疗保障局", "--year", "2023"])
        #expect(made.status == 0, "\(made.stderr)")
        let script = """
            import openpyxl, sys
            wb = openpyxl.load_workbook(sys.argv[1])
            print("|".join(wb.sheetnames))
            print(wb["封面"]["A1"].value)
            for name, ref in (("公开01", "C33"), ("公开01", "C37"), ("公开01", "F33"), ("公开01", "F37"), ("公开01", "C7"),
                              ("公开04", "C38"), ("公开04", "F34"), ("公开04", "F38"), ("公开02", "C7"), ("公开02", "C8"),
                              ("公开02", "D8"), ("公开07", "E8"), ("公开06", "C6"), ("公开06", "C40"), ("公开06", "I40"),
                              ("公开06", "C7"), ("公开09", "A8"), ("公开09", "I8"), ("公开09", "B8")):
                cell = wb[name][ref]
                print(name, ref, cell.value, "locked" if cell.protection.locked else "input")
            print(all(wb[n].protection.sheet for n in wb.sheetnames), wb["公开02"]["A8"].number_format,
                  wb["公开02"]["A8"].protection.locked)
            """
        let result = try python(["-c", script, out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.split(separator: "\n").map(String.init) == [
                "封面|公开01|公开02|公开03|公开04|公开05|公开06|公开07|公开08|公开09|年初预算与主要原因",
                "2023年度烟台市医疗保障局部门决算",
                "公开01 C33 =SUM(C7:C32) locked",  // 行27 本年收入合计 = Σ 行1–26
                "公开01 C37 =SUM(C33:C36) locked",  // 行31 总计 = Σ 行27–30
                "公开01 F33 =SUM(F7:F32) locked",  // 行58 本年支出合计 = Σ 行32–57
                "公开01 F37 =SUM(F33:F36) locked",  // 行62 总计 = Σ 行58–61
                "公开01 C7 None input",  // 行1 一般公共预算财政拨款收入
                "公开04 C38 =C33+C34 locked",  // 行32 总计 = 行27 + 行28
                "公开04 F34 =SUM(G34:I34) locked",  // 行60 合计 = Σ 栏次3–5
                "公开04 F38 =F33+F34 locked",  // 行64 总计 = 行59 + 行60
                "公开02 C7 =SUMIF($A$8:$A$87,\"???\",C8:C87) locked",  // 合计 = Σ 类 (three-character codes)
                "公开02 C8 =IF(COUNT(D8:I8)=0,\"\",SUM(D8:I8)) locked",  // 栏次1 = Σ 栏次2–7
                "公开02 D8 None input",
                "公开07 E8 =IF(COUNT(F8:G8)=0,\"\",SUM(F8:G8)) locked",  // 本年支出 小计 = 基本 + 项目
                "公开06 C6 =SUM(C7:C19) locked",  // 301 = Σ 301xx
                "公开06 C40 =C6+C20 locked",  // 人员经费合计 = 301 + 303
                "公开06 I40 =F6+I6+I11+I28+I34 locked",  // 公用经费合计 = 302 + 307 + 310 + 312 + 399
                "公开06 C7 None input",  // 30101
                "公开09 A8 =B8+C8+F8 locked",  // 预算数 合计
                "公开09 I8 =J8+K8 locked",  // 决算数 公务用车 小计
                "公开09 B8 None input",
                "True @ False",  // every sheet protected; 科目编码 input cells are text
            ])
        // Read as it is: the year and unit from the cover; the formulas have no cached value and their parts are
        // blank, so they are blank too, which the reader takes as 0.00 in a 行次 row like its blank parts (DOMAIN §0.2).
        let show = try BudgetLensBinary.run(["show", out])
        #expect(show.stdout.contains("年度 Year:        2023"))
        #expect(show.stdout.contains("烟台市医疗保障局"))
        let read = try cells(out)
        #expect(read.contains("01,1,,一、一般公共预算财政拨款收入,1,0.00"))
        #expect(read.contains("01,27,,本年收入合计,1,0.00"))
        #expect(read.contains("01,31,,总计,1,0.00"))
        #expect(read.filter { $0.hasPrefix("02,") } == (1...7).map { "02,,,合计,\($0),0.00" })  // no typed row
    }

    @Test("seeds 000–002 typed into the workbook (values over every cell) read back to the seed's cells and findings",
        arguments: [Seed.yantai, Seed.weihai, Seed.zengdu])
    func roundTrip(seed: String) throws {
        let (template, cellsFile, disclosure) = try template(for: seed)
        let filled = path("\(seed)-filled.xlsx")
        let fill = try python([fillScript, template, cellsFile, filled])
        #expect(fill.status == 0, "\(fill.stderr)")
        let expected = try cells(Seed.path(seed))
        let read = try cells(filled)
        let show = try BudgetLensBinary.run(["show", filled])
        #expect(show.stdout.contains("年度 Year:        \(disclosure.header.year ?? 0)"))
        #expect(show.stdout.contains(disclosure.header.unitName ?? "?"))
        // The template's standard 公开06 rows that the seed does not print read as blank = 0.00 (DOMAIN §0.2):
        // 001 has no 公开06 (all 91 rows), 002 prints no 30703, 30704 and no 312 group (8 rows). Nothing else.
        let extra = read.filter { !expected.contains($0) }
        #expect(expected.filter { !read.contains($0) } == [])
        let standard06 = extra.allSatisfy { $0.hasPrefix("06,") && $0.hasSuffix(",1,0.00") }
        #expect(standard06)
        #expect(extra.count == [Seed.yantai: 0, Seed.weihai: 91, Seed.zengdu: 8][seed])
        var findings = try tableFindings(Seed.path(seed))
        if seed == Seed.weihai {
            // Its 公开06 is now the template's empty one: 06 = 0 against 05's 基本支出 453.00.
            findings = (findings + ["X-11 0.00 453.00"]).sorted()
        }
        #expect(try tableFindings(filled) == findings)
    }

    /// `python3 -W error` openpyxl: rows 1 … the last frozen row of each sheet, `sheet|row|values`, then `FORMULA|cell|…`
    /// for `cells` (`公开01!B33`).
    private func heads(_ workbook: String, sheets: [String], formulas: [String]) throws -> [String] {
        let script = """
            import openpyxl, sys
            from openpyxl.utils.cell import coordinate_from_string
            book = openpyxl.load_workbook(sys.argv[1])
            sheets, cells = sys.argv[2].split(","), sys.argv[3].split(",")
            print("sheets|" + "|".join(book.sheetnames))
            for name in sheets:
                sheet = book[name]
                _, first = coordinate_from_string(sheet.freeze_panes)
                for row in range(1, first):
                    print(name + "|" + str(row) + "|" + "|".join(str(c.value) for c in sheet[row] if c.value is not None))
            for ref in cells:
                name, cell = ref.split("!")
                print("FORMULA|" + ref + "|" + str(book[name][cell].value) + "|" + str(book[name][cell].protection.locked))
            """
        let result = try python(["-c", script, workbook, sheets.joined(separator: ","), formulas.joined(separator: ",")])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test("--layout shanghai: the Shanghai form (no 行次, no 栏次 row, 三公 seventh, 06 in two blocks), formulas over the rows it has")
    func shanghaiWorkbook() throws {
        let out = path("shanghai.xlsx")
        let made = try BudgetLensBinary.run(["template", "--to", "xlsx", "--layout", "shanghai", "-o", out, "--unit", "上海市普陀区财政局", "--year", "2024"])
        #expect(made.status == 0, "\(made.stderr)")
        let lines = try heads(
            out, sheets: ["公开01", "公开05", "公开06", "公开08", "公开09"],
            formulas: [
                "公开01!B6", "公开01!B32", "公开01!D32", "公开01!B35", "公开05!A7", "公开05!C6", "公开05!C7", "公开06!D6",
                "公开06!H39", "公开06!D68", "公开06!H68", "公开08!E7", "公开09!A8", "公开09!E8",
            ])
        let sheets = ["封面"] + ["01", "02", "03", "04", "05", "06", "09", "07", "08"].map { "公开\($0)" } + ["年初预算与主要原因"]
        #expect(lines.first == "sheets|" + sheets.joined(separator: "|"))
        // Row 2 blank (no 公开NN表), row 3 `单位：万元` alone, no 行次 column, no 栏次 row; 05 and 08 keep the 附件2
        // 模板's one code column (the preparer types whole codes), 06 prints 类 | 款.
        #expect(Array(lines.dropFirst().prefix { !$0.hasPrefix("FORMULA") }) == [
            "公开01|1|收入支出决算总表", "公开01|2|", "公开01|3|单位：万元", "公开01|4|收入|支出", "公开01|5|项目|决算数|项目|决算数",
            "公开05|1|一般公共预算财政拨款支出决算表", "公开05|2|", "公开05|3|单位：万元", "公开05|4|项目|合计|基本支出|项目支出",
            "公开05|5|科目编码|科目名称",
            "公开06|1|一般公共预算财政拨款基本支出决算明细表", "公开06|2|", "公开06|3|单位：万元",
            "公开06|4|经济分类科目编码|科目名称|决算数|经济分类科目编码|科目名称|决算数", "公开06|5|类|款|类|款",
            "公开08|1|国有资本经营预算财政拨款支出决算表", "公开08|2|", "公开08|3|单位：万元",
            "公开08|4|项目|年初结转和结余|本年收入|本年支出|年末结转和结余", "公开08|5|科目编码|科目名称|小计|基本支出|项目支出",
            "公开09|1|财政拨款“三公”经费支出决算表", "公开09|2|", "公开09|3|单位：万元", "公开09|4|财政拨款“三公”经费",
            "公开09|5|合计|因公出国（境）费|公务用车购置及运行维护费|公务接待费", "公开09|6|小计|公务用车购置费|公务用车运行维护费",
            "公开09|7|" + Array(repeating: "预算数|决算数", count: 6).joined(separator: "|"),
        ])
        // 01: 收入 1–8 in rows 6–13, 本年收入合计 (行27) in row 32 beside 本年支出合计 (行58), 总计 in row 35 (行30/61,
        // printed by neither side, leave no row); 06: 人员经费合计 = 301 + 303, 公用经费合计 = 302 + 307 + 310 + 312 + 399;
        // 09 in pairs: 合计预算数 = 出国 C + 公务用车小计 E + 接待 K.
        #expect(Array(lines.drop { !$0.hasPrefix("FORMULA") }) == [
            "FORMULA|公开01!B6|None|False", "FORMULA|公开01!B32|=SUM(B6:B13)|True", "FORMULA|公开01!D32|=SUM(D6:D31)|True",
            "FORMULA|公开01!B35|=SUM(B32:B34)|True", "FORMULA|公开05!A7|None|False",
            "FORMULA|公开05!C6|=SUMIF($A$7:$A$86,\"???\",C7:C86)|True", "FORMULA|公开05!C7|=IF(COUNT(D7:E7)=0,\"\",SUM(D7:E7))|True",
            "FORMULA|公开06!D6|=SUM(D7:D19)|True", "FORMULA|公开06!H39|=SUM(H40:H55)|True", "FORMULA|公开06!D68|=D6+D20|True",
            "FORMULA|公开06!H68|=H6+H34+H39+H56+H62|True", "FORMULA|公开08!E7|=IF(COUNT(F7:G7)=0,\"\",SUM(F7:G7))|True",
            "FORMULA|公开09!A8|=C8+E8+K8|True", "FORMULA|公开09!E8|=G8+I8|True",
        ])
    }

    @Test("--layout shanghai: 上海 001 typed in (values over every cell) reads back to its cells, findings, year and unit, and renders in the Shanghai form")
    func shanghaiRoundTrip() throws {
        let template = path("shanghai-template.xlsx")
        let made = try BudgetLensBinary.run([
            "template", "--to", "xlsx", "--layout", "shanghai", "-o", template, "--unit", "上海市普陀区财政局", "--year", "2024",
        ])
        #expect(made.status == 0, "\(made.stderr)")
        let source = Seed.corpusPath(Seed.shanghaiFinance)
        let cellsFile = path("c001.csv")
        try Data(try BudgetLensBinary.run(["cells", source]).stdout.utf8).write(to: URL(fileURLWithPath: cellsFile))
        let filled = path("shanghai-filled.xlsx")
        let fill = try python([fillScript, template, cellsFile, filled])
        #expect(fill.status == 0, "\(fill.stderr)")
        let expected = try cells(source)
        let read = try cells(filled)
        #expect(expected.count == 578)
        #expect(expected.filter { !read.contains($0) } == [])
        // Exactly the template's standard 公开06 rows the document does not print, blank = 0.00: 30306, the 307
        // group, 31005, 31006, 31008–31012, the 312 and 399 groups (25 rows).
        let extra = read.filter { !expected.contains($0) }
        #expect(extra.count == 25 && extra.allSatisfy { $0.hasPrefix("06,") && $0.hasSuffix(",1,0.00") })
        #expect(try tableFindings(filled) == tableFindings(source))  // 02-3, 03-3, 05-3, 06-1, X-5, X-7 as printed
        let show = try BudgetLensBinary.run(["show", filled])
        #expect(show.stdout.contains("年度 Year:        2024") && show.stdout.contains("上海市普陀区财政局"))
        let page = path("shanghai-filled.html")
        let render = try BudgetLensBinary.run(["render", filled, "--to", "html", "-o", page])
        #expect(render.status == 0, "\(render.stderr)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(!html.contains("行次") && !html.contains("栏次") && html.contains("支出功能分类科目编码"))
    }

    /// The cells of seed 000 typed into the input cells only: the workbook's totals are its formulas, stored by
    /// openpyxl without cached values and computed by the reader.
    private func inputsOnly() throws -> (filled: String, expected: [String]) {
        let (template, cellsFile, _) = try template(for: Seed.yantai)
        let filled = path("000-inputs.xlsx")
        let fill = try python([fillScript, template, cellsFile, filled, "--inputs-only"])
        #expect(fill.status == 0, "\(fill.stderr)")
        // The seed prints 302 = 167.81 and 公用经费合计 170.58; its 款 add up to 167.82 (06-1's 尾数误差, by
        // hand: python3 decimal), so the workbook's sums are 167.82 and 170.59. Every other total equals the print.
        let expected = try cells(Seed.path(Seed.yantai)).map {
            switch $0 {
            case "06,,302,商品和服务支出,1,167.81": "06,,302,商品和服务支出,1,167.82"
            case "06,,,公用经费合计,1,170.58": "06,,,公用经费合计,1,170.59"
            default: $0
            }
        }
        return (filled, expected)
    }

    @Test("seed 000 typed into the input cells only: the totals are the formulas' sums, computed on read")
    func formulasComputedOnRead() throws {
        let (filled, expected) = try inputsOnly()
        let stored = try python(["-c", "import openpyxl,sys; c=openpyxl.load_workbook(sys.argv[1])['公开01']['C33']; print(c.value)", filled])
        #expect(stored.stdout == "=SUM(C7:C32)\n")  // a formula, no value: openpyxl stores none
        #expect(try cells(filled) == expected)
        #expect(try cells(filled).contains("01,27,,本年收入合计,1,8431.28"))
    }

    @Test("seed 000 typed into the input cells, recalculated by LibreOffice headless: the same cells")
    func libreOfficeRecalculates() throws {
        let (filled, expected) = try inputsOnly()
        let converted = folder.appendingPathComponent("lo")
        let result = try ProcessRunner.run(
            "/usr/bin/env",
            ["soffice", "-env:UserInstallation=\(folder.appendingPathComponent("profile").absoluteString)", "--headless",
                "--convert-to", "xlsx", "--outdir", converted.path, filled])
        #expect(result.status == 0, "\(result.stderr)")
        let copy = converted.appendingPathComponent("000-inputs.xlsx").path
        let cached = try python(
            ["-c", "import openpyxl,sys; print(openpyxl.load_workbook(sys.argv[1], data_only=True)['公开06']['F6'].value)", copy])
        #expect(cached.stdout == "167.82\n")  // LibreOffice stored the sum as the cached value
        #expect(try cells(copy) == expected)
    }

    @Test("a formula the reader cannot compute, stored without a value, reads as its text with a warning — never a number")
    func unsupportedFormula() throws {
        let out = path("empty.xlsx")
        _ = try BudgetLensBinary.run(["template", "--to", "xlsx", "-o", out, "--year", "2023"])
        let planted = path("planted.xlsx")
        let script = """
            import openpyxl, sys
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb["公开01"]
            ws["C7"] = 5
            ws["C8"] = 7
            ws["C33"] = "=AVERAGE(C7:C8)"
            wb.save(sys.argv[2])
            """
        let result = try python(["-c", script, out, planted])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try BudgetLensBinary.run(["text", planted])
        #expect(text.stdout.contains("本年收入合计\t27\t=AVERAGE(C7:C8)\t"))
        #expect(text.stdout.contains("总计\t31\t=SUM(C33:C36)\t"))  // depends on it: not computed either
        let read = try cells(planted, status: 1)  // two cells not read: exit 1
        #expect(read.contains("01,1,,一、一般公共预算财政拨款收入,1,5.00"))
        #expect(read.contains("01,27,,本年收入合计,1,"))  // no value (not 12.00, not 6.00)
        #expect(read.contains("01,31,,总计,1,"))
        let show = try BudgetLensBinary.run(["show", planted])
        #expect(show.stdout.contains("公开01!C33") && show.stdout.contains("'=AVERAGE(C7:C8)' is not an amount"))
    }

    @Test("render reads 年初预算 and 主要原因 from the workbook's sheet, as from the same --reasons JSON")
    func inputsSheet() throws {
        let (template, cellsFile, _) = try template(for: Seed.yantai)
        let inputs = path("inputs.json")
        try Data(#"{"budgets":{"05":"7,000","2101501":"2000.5"},"reasons":{"五.具体":"年中追加医疗保障资金"}}"#.utf8)
            .write(to: URL(fileURLWithPath: inputs))
        let filled = path("000-with-inputs.xlsx")
        let fill = try python([fillScript, template, cellsFile, filled, "--inputs", inputs])
        #expect(fill.status == 0, "\(fill.stderr)")
        let render = try BudgetLensBinary.run(["render", filled, "--to", "html", "-o", path("000.html")])
        #expect(render.status == 0, "\(render.stderr)")
        let page = try String(contentsOfFile: path("000.html"), encoding: .utf8)
        // 7,297.28 ÷ 7,000 = 104.25 %; 665.85 ÷ 2,000.5 = 33.28 % (python3 decimal).
        #expect(page.contains("2022年度一般公共预算财政拨款支出年初预算为7,000万元，支出决算为7,297.28万元，完成年初预算的104.25%。决算数大于年初预算数的主要原因是年中追加医疗保障资金。"))
        #expect(page.contains("行政运行（项）。年初预算为2,000.5万元，支出决算为665.85万元，完成年初预算的33.28%。"))
        // The sheet is input, not disclosure text: the workbook reads no 情况说明 statement from it.
        let check = try BudgetLensBinary.run(["check", filled])
        #expect(!check.stdout.contains("年初预算与主要原因"))
        // A budget that is not an amount: exit 2 naming the cell.
        let bad = path("bad.xlsx")
        let plant = try python([
            "-c",
            "import openpyxl,sys; wb=openpyxl.load_workbook(sys.argv[1]); wb['年初预算与主要原因']['C6']='七千'; wb.save(sys.argv[2])",
            filled, bad,
        ])
        #expect(plant.status == 0, "\(plant.stderr)")
        let refused = try BudgetLensBinary.run(["render", bad, "--to", "html", "-o", path("bad.html")])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("年初预算与主要原因!C6"))
        #expect(!FileManager.default.fileExists(atPath: path("bad.html")))
    }

    @Test("usage errors: a year out of range, an empty unit — exit 2, nothing written")
    func usage() throws {
        let year = try BudgetLensBinary.run(["template", "--to", "xlsx", "-o", path("x.xlsx"), "--year", "23"])
        #expect(year.status == 2)
        let unit = try BudgetLensBinary.run(["template", "--to", "xlsx", "-o", path("x.xlsx"), "--unit", " "])
        #expect(unit.status == 2)
        #expect(!FileManager.default.fileExists(atPath: path("x.xlsx")))
    }
}
