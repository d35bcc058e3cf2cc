import BudgetLensCore
import BudgetLensTestSupport
import Foundation
import Testing

@Suite("budgetlens cells")
struct CellsCommandTests {
    @Test("prints the interchange CSV with its exact header and every cell of seed 001")
    func weihaiCells() throws {
        let result = try BudgetLensBinary.run(["cells", Seed.path(Seed.weihai)])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "table,line,code,item,column,value,source_line")
        // 62 + 119 + 102 + 160 + 51 + 6 + 3 + 12 cells.
        #expect(lines.count == 1 + 515)
        #expect(lines.contains("01,27,,本年收入合计,1,939.31,140"))
        #expect(lines.contains("01,60,,年末结转和结余,2,0.26,142"))
        #expect(lines.contains("03,,2101501,行政运行,2,353.77,200"))
        #expect(lines.contains("09,,,,2,7.32,327"))
        #expect(lines.contains("01,9,,,1,0.00,122"), "blank filler rows are rows too")
        #expect(!lines.contains { $0.hasPrefix("06,") })
    }

    @Test("seed 000: OCR-broken numbers print clean; the three-column 公开06 prints one row per code")
    func yantaiCells() throws {
        let result = try BudgetLensBinary.run(["cells", Seed.path(Seed.yantai)])
        #expect(result.status == 0 && result.stderr.isEmpty)
        let lines = Set(result.stdout.split(separator: "\n").map(String.init))
        #expect(lines.contains("06,,30216,培训费,1,2.39,337"))
        #expect(lines.contains("06,,,人员经费合计,1,2361.57,356"))
        #expect(lines.contains("06,,,公用经费合计,1,170.58,356"))
        #expect(lines.contains("04,55,,二十三、其他支出,4,134.00,259"))
        #expect(lines.contains("07,,2296013,用于城乡医疗救助的彩票公益金支出,5,134.00,373"))
    }

    @Test("the Shanghai template: no 行次, split codes joined, 三公 as table 09")
    func shanghaiCells() throws {
        let result = try BudgetLensBinary.run(["cells", Seed.corpusPath(Seed.shanghaiFinance)])
        #expect(result.status == 0)
        let lines = Set(result.stdout.split(separator: "\n").map(String.init))
        #expect(lines.contains("01,,,本年收入合计,1,2946.25,124"))
        #expect(lines.contains("02,,201,一般公共服务支出,1,2112.86,140"))
        #expect(lines.contains("02,,2010601,行政运行,7,0.01,142"))
        #expect(lines.contains("09,,,,1,0.95,327"))
    }

    @Test("a document read in part exits 1 after printing the cells read: a scanned table, a text cut inside a row")
    func readInPart() throws {
        let scanned = try BudgetLensBinary.run([
            "cells", Seed.corpusPath("field/shanghai-putuo-shehuigongzuobu-2024-final-MIXEDSCAN-p8-9-image.pdf"),
        ])
        #expect(scanned.status == 1)
        #expect(scanned.stdout.contains("\n02,,201,一般公共服务支出,"), "the tables read are printed")
        #expect(!scanned.stdout.contains("\n03,"))
        // With its pages (a fresh tester found the line named the table only).
        #expect(scanned.stderr.contains("部分读取：公开03（第8–9页） 所在页没有文字层（扫描页？），其单元格不在输出中"), "\(scanned.stderr)")
        #expect(scanned.stderr.contains("read in part: 公开03 (pages 8–9) on pages without text"), "\(scanned.stderr)")

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("budgetlens-cells-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let seed = try String(contentsOfFile: Seed.path(Seed.yantai), encoding: .utf8)
        let row = try #require(seed.range(of: "20805\t行政事业单位养老支出\t107.7"))
        let cut = folder.appendingPathComponent("cut.txt")
        try Data(seed[..<row.upperBound].utf8).write(to: cut)
        let result = try BudgetLensBinary.run(["cells", cut.path])
        #expect(result.status == 1)
        #expect(!result.stdout.contains("107.70"))
        #expect(result.stderr.contains(":147:1: 错误 error: [公开02] 文件在表格行中途结束（被截断？），该表未读取"))
        #expect(!result.stdout.contains("\n02,"), "no cell of the cut table")
    }

    @Test("a budget is refused with exit code 2 and says it is a budget")
    func budgetRefused() throws {
        let result = try BudgetLensBinary.run(["cells", Seed.corpusPath(Seed.shanghaiBudget)])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("部门预算") && result.stderr.contains("not a 部门决算"))
    }

    @Test("a missing file exits with 2 and names the file")
    func missingFile() throws {
        let result = try BudgetLensBinary.run(["cells", "no-such-disclosure.txt"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no-such-disclosure.txt"))
    }

    @Test("input that is neither UTF-8 nor GB18030 exits with 2 naming file, line and column")
    func notText() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID()).txt")
        try Data([0x41, 0x0A, 0x42, 0x80, 0xFF, 0x0A]).write(to: url)
        let result = try BudgetLensBinary.run(["cells", url.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(url.path):2:2") && result.stderr.contains("UTF-8"))
        #expect(result.stderr.contains("not GB18030/GBK either"))
    }

    @Test("an unknown option is a usage error: exit 2")
    func usageError() throws {
        let result = try BudgetLensBinary.run(["cells", "--frobnicate", Seed.path(Seed.weihai)])
        #expect(result.status == 2)
        #expect(result.stderr.contains("frobnicate"))
        // Chinese first (ArgumentParser's detail is English), unless --lang en.
        #expect(result.stderr.hasPrefix("错误：命令行参数有误"))
        let missing = try BudgetLensBinary.run(["check"])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("错误：命令行参数有误") && missing.stderr.contains("Missing expected argument"))
        let english = try BudgetLensBinary.run(["check", "--lang", "en"])
        #expect(english.status == 2 && !english.stderr.contains("错误") && english.stderr.contains("Missing expected argument"))
    }
}

@Suite("budgetlens show and export")
struct ShowExportCommandTests {
    @Test("show summarises unit, year, tables and the missing 公开06")
    func show() throws {
        let result = try BudgetLensBinary.run(["show", Seed.path(Seed.weihai)])
        #expect(result.status == 0)
        #expect(result.stdout.contains("威海市医疗保障局（本级）"))
        #expect(result.stdout.contains("2023"))
        #expect(result.stdout.contains("公开06  一般公共预算财政拨款基本支出决算明细表  — missing"))
        #expect(result.stdout.contains("公开01 行27 本年收入合计  939.31"))
    }

    @Test("show says plainly that a budget is not final accounts")
    func showBudget() throws {
        let result = try BudgetLensBinary.run(["show", Seed.corpusPath(Seed.shanghaiBudget)])
        #expect(result.status == 0)
        #expect(result.stdout.contains("部门预算 (budget)"))
    }

    @Test("export --format json re-imports: cells of the export equal cells of the original")
    func exportRoundTrip() throws {
        let exported = try BudgetLensBinary.run(["export", Seed.path(Seed.zengdu), "--format", "json"])
        #expect(exported.status == 0)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("zengdu-\(UUID()).json")
        try Data(exported.stdout.utf8).write(to: url)
        let fromJSON = try BudgetLensBinary.run(["cells", url.path])
        let fromText = try BudgetLensBinary.run(["cells", Seed.path(Seed.zengdu)])
        #expect(fromJSON.status == 0)
        #expect(fromJSON.stdout == fromText.stdout)
        #expect(exported.stdout.contains(#""format" : "budgetlens.disclosure""#))
    }

    @Test("--help lists the commands and exits 0")
    func help() throws {
        let result = try BudgetLensBinary.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("cells") && result.stdout.contains("show") && result.stdout.contains("export"))
    }
}
