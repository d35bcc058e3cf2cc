import BudgetLensTestSupport
import Foundation
import Testing

/// The errors the command line prints, in Chinese and English with `--lang zh|en` choosing one, each naming the
/// place and the offending value; `--skip` patterns that match nothing; amounts out of range; hand-edited JSON
/// headers (issue 10, items 2, 6 and 8; docs/cli-hardening.md).
@Suite("Bilingual errors, --skip typos, out-of-range amounts and JSON headers")
struct BilingualCommandTests {
    static func folder(_ name: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test("a broken rule file: two lines by default, one with --lang zh or --lang en, both with file:line:column and the value")
    func ruleFile() throws {
        let rules = try Self.folder("rules").appendingPathComponent("broken.rules")
        try "rule A-1 error \"x\"\n    公开1O[27, 1] = 0\n".write(to: rules, atomically: true, encoding: .utf8)
        let both = try BudgetLensBinary.run(["rules", "--rules", rules.path])
        #expect(both.status == 2 && both.stdout.isEmpty)
        #expect(both.stderr == "错误：\(rules.path):2:5: 未知的表“公开1O”：表为 公开01 … 公开09\nerror: \(rules.path):2:5: unknown table '公开1O': the tables are 公开01 … 公开09\n")
        let chinese = try BudgetLensBinary.run(["check", Seed.path(Seed.weihai), "--rules", rules.path, "--lang", "zh"])
        #expect(chinese.status == 2 && chinese.stderr == "错误：\(rules.path):2:5: 未知的表“公开1O”：表为 公开01 … 公开09\n")
        let english = try BudgetLensBinary.run(["check", Seed.path(Seed.weihai), "--rules", rules.path, "--lang", "en"])
        #expect(english.status == 2 && english.stderr == "error: \(rules.path):2:5: unknown table '公开1O': the tables are 公开01 … 公开09\n")
    }

    @Test("argument errors print 错误： in Chinese and error: in English, like a failed file")
    func argumentErrors() throws {
        let chinese = try BudgetLensBinary.run(["check", "-foo.txt", "--lang", "zh"])
        #expect(chinese.status == 2)
        #expect(chinese.stderr == "错误：“-foo.txt”既不是选项，也不是存在的文件（以“-”开头的文件名可写作 ./-foo.txt）\n")
        let both = try BudgetLensBinary.run(["check", "-foo.txt"])
        #expect(both.stderr.hasPrefix("错误：“-foo.txt”既不是选项") && both.stderr.contains("\nerror: '-foo.txt' is neither an option"))
        let english = try BudgetLensBinary.run(["check", "-foo.txt", "--lang", "en"])
        #expect(english.stderr.hasPrefix("error: '-foo.txt' is neither an option nor an existing file") && !english.stderr.contains("错误"))
    }

    @Test("a broken scheme in --lang zh names line, column and the value")
    func scheme() throws {
        let scheme = try Self.folder("scheme").appendingPathComponent("s.scheme")
        let hubei = try String(
            contentsOf: Seed.repositoryRoot.appendingPathComponent("Sources/BudgetLensScoring/Schemes/hubei.scheme"), encoding: .utf8)
        try hubei.replacingOccurrences(of: "weights: group-equal", with: "weights: equal").write(to: scheme, atomically: true, encoding: .utf8)
        let result = try BudgetLensBinary.run(["score", Seed.path(Seed.weihai), "--scheme", scheme.path, "--lang", "zh"])
        #expect(result.status == 2)
        #expect(result.stderr == "错误：\(scheme.path):8:10: weights 应为 printed 或 group-equal，而不是“equal”\n")
    }

    @Test("evaluate: an unreadable evidence file and a broken framework, in Chinese and English")
    func evaluate() throws {
        let missing = try BudgetLensBinary.run(["evaluate", "--framework", "department-overall", "--evidence", "/nonexistent/e.yaml"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "错误：/nonexistent/e.yaml: 无法读取证据文件（不存在或不是 UTF-8）\nerror: /nonexistent/e.yaml: cannot read the evidence file (missing, or not UTF-8)\n")
        let framework = try Self.folder("framework").appendingPathComponent("f.yaml")
        try "name: x\ntotal: 100\nindicators:\n  - {name: 决策, weight: 100, rule: {kind: guess}}\n"
            .write(to: framework, atomically: true, encoding: .utf8)
        let broken = try BudgetLensBinary.run(["evaluate", "--framework", framework.path, "--evidence", "/nonexistent/e.yaml", "--lang", "zh"])
        #expect(broken.status == 2)
        #expect(broken.stderr.hasPrefix("错误：\(framework.path):4: 决策：未知的评分规则类型 `guess`（可用：ratio、"), "\(broken.stderr)")
    }

    @Test("--skip with a pattern that matches no rule is refused, exit 2, naming it and the closest ids")
    func skipTypo() throws {
        let check = try BudgetLensBinary.run(["check", Seed.path(Seed.weihai), "--skip", "06-*", "--skip", "O6-2"])
        #expect(check.status == 2 && check.stdout.isEmpty)
        #expect(check.stderr == "错误：--skip “O6-2” 不匹配任何规则；相近的规则：06-2、01-2、02-2\nerror: --skip 'O6-2' matches no rule; close rule ids: 06-2, 01-2, 02-2\n")
        let english = try BudgetLensBinary.run(["rules", "--skip", "X-99", "--lang", "en"])
        #expect(english.status == 2 && english.stderr == "error: --skip 'X-99' matches no rule; close rule ids: X-9, X-1, X-2\n")
        let score = try BudgetLensBinary.run(["score", Seed.path(Seed.weihai), "--skip", "S-99", "--lang", "zh"])
        #expect(score.status == 2 && score.stderr == "错误：--skip “S-99” 不匹配任何规则；相近的规则：S-9, S-1, S-2\n".replacingOccurrences(of: ", ", with: "、"))
        // Patterns that match, including the rules outside the pack (Y-*, N-EVAL-*), are accepted as before.
        let fine = try BudgetLensBinary.run(["check", Seed.path(Seed.weihai), "--skip", "Y-*", "--skip", "N-EVAL-*", "--skip", "06-?"])
        #expect(fine.status != 2, "\(fine.stderr)")
    }

    @Test("an amount out of range is its own reading problem naming file, line and column, not 'not a number'")
    func amountOutOfRange() throws {
        let seed = try String(contentsOfFile: Seed.path(Seed.weihai), encoding: .utf8)
        var lines = seed.components(separatedBy: "\n")
        #expect(lines[113] == "一、一般公共预算财政拨款收入\t1\t939.04\t一、一般公共服务支出\t32\t0.00")
        lines[113] = "一、一般公共预算财政拨款收入\t1\t99999999999999999\t一、一般公共服务支出\t32\t0.00"
        let file = try Self.folder("range").appendingPathComponent("001.txt")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let cells = try BudgetLensBinary.run(["cells", file.path])
        #expect(cells.stderr.contains(
            "\(file.path):114:18: 错误 error: [公开01] 金额超出可表示范围：栏次 1：“99999999999999999”超出可表示的金额范围（大于 100 万亿元 = "
                + "10^16 分，BudgetLens 可读取的最大金额），该单元格没有值 — 栏次 1: '99999999999999999' is an amount out of range "
                + "(above 100 万亿元 = 10^16 分, the largest amount BudgetLens reads); the cell is left without a value"),
            "\(cells.stderr)")
        #expect(!cells.stderr.contains("单元格不是金额"))
        let tooLarge = try BudgetLensBinary.run(["cells", file.path, "--lang", "en"])
        #expect(tooLarge.stderr.contains("\(file.path):114:18: error: [公开01] 栏次 1: '99999999999999999' is an amount out of range"))
    }

    @Test(
        "a hostile or foreign workbook is refused in Chinese as specifically as in English",
        arguments: [
            ("encrypted", "这是 OLE2 复合文档（D0 CF 11 E0）：加密（有密码）的 Office 工作簿或旧版 Excel .xls；BudgetLens 读取无密码的 .xlsx 工作簿"
                + "（请在 Excel 或 LibreOffice 中打开，另存为不加密的 .xlsx）"),
            ("docx", "该文件是 Word 文档（DOCX），不是 Excel 工作簿；请把其中的表另存为 .xlsx，或导出文本"),
            ("zipbomb", "声明 4096 字节，解压后却超过 32 MiB：压缩炸弹，拒绝读取"),
            ("huge-declared", "声明解压后为 2048 MiB，单个部件上限 32 MiB（压缩炸弹，或远大于任何决算的表）"),
            ("laughs", "声明了 DTD 或实体（<!DOCTYPE/<!ENTITY）；工作簿的 XML 从不如此，拒绝实体展开（“十亿笑”攻击）"),
        ])
    func workbook(kind: String, chinese: String) throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try TestWorkbooks.hostile(kind, in: folder)
        let result = try BudgetLensBinary.run(["check", path, "--lang", "zh"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("错误：\(path): ") && result.stderr.contains(chinese), "\(result.stderr)")
        #expect(!result.stderr.contains("error:"), "Chinese only with --lang zh")
    }

    @Test("a hand-edited JSON export whose header year is 3000 is refused, exit 2, naming the JSON path")
    func jsonHeaderYear() throws {
        let folder = try Self.folder("json")
        let export = try BudgetLensBinary.run(["export", Seed.path(Seed.weihai)])
        #expect(export.status == 0)
        #expect(export.stdout.contains("\"year\" : 2023"))
        let edited = folder.appendingPathComponent("e.json")
        try export.stdout.replacingOccurrences(of: "\"year\" : 2023", with: "\"year\" : 3000")
            .write(to: edited, atomically: true, encoding: .utf8)
        let result = try BudgetLensBinary.run(["check", edited.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("错误：\(edited.path): 不是有效的 BudgetLens 导出：$.disclosure.header.year：年度 3000 不在 1949–2100 之间\n"))
        #expect(result.stderr.contains("error: \(edited.path): not a valid BudgetLens export: $.disclosure.header.year: the year 3000 is not between 1949 and 2100"))
    }
}
