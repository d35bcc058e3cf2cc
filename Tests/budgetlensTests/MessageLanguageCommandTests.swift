import BudgetLensTestSupport
import Foundation
import Testing

/// `--lang zh` / `--lang en` on `show`, `cells` and `check`: a reading problem prints only that part of its message
/// (``ReadProblem/chineseDetail``, ``ReadProblem/englishDetail``); by default Chinese then English
/// (docs/chinese-first-messages.md).
@Suite("--lang on show, cells and check: one language of each reading problem")
struct MessageLanguageCommandTests {
    /// Seed 001 with 公开02's 210 卫生健康支出 本年收入合计 typed `864.5G`: a cell that is not a number.
    static func planted() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lang-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let seed = try String(contentsOfFile: Seed.path(Seed.weihai), encoding: .utf8)
        let line = "210\t卫生健康支出\t864.56\t864.30\t"
        #expect(seed.components(separatedBy: line).count == 2)
        let path = folder.appendingPathComponent("planted.txt").path
        try seed.replacingOccurrences(of: line, with: "210\t卫生健康支出\t864.5G\t864.30\t")
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let chinese = "栏次 1：“864.5G”不是金额（不是数字），该单元格没有值"
    static let english = "栏次 1: '864.5G' is not an amount (not a number); the cell is left without a value"

    @Test("show: both by default; --lang en the English only; --lang zh the Chinese only")
    func show() throws {
        let path = try Self.planted()
        let place = "\(path):164:12"
        let both = try BudgetLensBinary.run(["show", path])
        #expect(both.stdout.contains("  \(place): 错误 error: [公开02] 单元格不是金额：\(Self.chinese) — \(Self.english)\n"), "\(both.stdout)")
        let english = try BudgetLensBinary.run(["show", path, "--lang", "en"])
        #expect(english.stdout.contains("  \(place): error: [公开02] \(Self.english)\n"), "\(english.stdout)")
        #expect(!english.stdout.contains("不是金额"))
        let zh = try BudgetLensBinary.run(["show", "--lang", "zh", path])
        #expect(zh.stdout.contains("  \(place): 错误: [公开02] 单元格不是金额：\(Self.chinese)\n"), "\(zh.stdout)")
        #expect(!zh.stdout.contains("is not an amount"))
        #expect(both.status == english.status && both.status == zh.status)
    }

    @Test("cells: the error on stderr in the chosen language")
    func cells() throws {
        let path = try Self.planted()
        let place = "\(path):164:12"
        let both = try BudgetLensBinary.run(["cells", path])
        #expect(both.stderr.contains("\(place): 错误 error: [公开02] 单元格不是金额：\(Self.chinese) — \(Self.english)\n"), "\(both.stderr)")
        let english = try BudgetLensBinary.run(["cells", path, "--lang", "en"])
        #expect(english.stderr.contains("\(place): error: [公开02] \(Self.english)\n") && !english.stderr.contains("不是金额"), "\(english.stderr)")
        let zh = try BudgetLensBinary.run(["cells", path, "--lang=zh"])
        #expect(zh.stderr.contains("\(place): 错误: [公开02] 单元格不是金额：\(Self.chinese)\n") && !zh.stderr.contains("is not an amount"), "\(zh.stderr)")
        #expect(both.stdout == english.stdout && both.stdout == zh.stdout, "the cells themselves do not change")
    }

    @Test("check: F-READ's line gives the Chinese detail, its English line the English; --lang keeps one")
    func check() throws {
        let path = try Self.planted()
        let both = try BudgetLensBinary.run(["check", path])
        let zhLine = "   表格数据完整可读：单元格不是金额：\(Self.chinese)"
        #expect(both.stdout.contains(zhLine + "\n"), "\(both.stdout)")
        #expect(both.stdout.contains(Self.english + "\n"))
        let english = try BudgetLensBinary.run(["check", path, "--lang", "en"])
        #expect(english.stdout.contains(Self.english + "\n") && !english.stdout.contains("不是金额"), "\(english.stdout)")
        let zh = try BudgetLensBinary.run(["check", path, "--lang", "zh"])
        #expect(zh.stdout.contains(zhLine + "\n") && !zh.stdout.contains("is not an amount"), "\(zh.stdout)")
        #expect(both.status == 1 && english.status == 1 && zh.status == 1)
    }
}
