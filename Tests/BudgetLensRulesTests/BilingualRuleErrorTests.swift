import BudgetLensCore
import BudgetLensRules
import Foundation
import Testing

/// Every mistake a rule file can hold is told in Chinese and in English, each naming the place (file:line:column)
/// and the offending value: `--lang zh` is as specific as `--lang en` (issue 10, item 8).
@Suite("Rule-file errors in Chinese and English")
struct BilingualRuleErrorTests {
    private static let header = "rule A-1 error \"x\"\n    "

    /// The error `text` gives when parsed as `broken.rules`.
    private func error(_ text: String) throws -> RuleFileError {
        try #require(throws: RuleFileError.self) { try RulePack(text: text, file: "broken.rules") }
    }

    @Test(
        "each parse error names line:column and the offending value in both languages",
        arguments: [
            // The lexer.
            (header + "公开01[27, 1] = \"x", "2:19", "字符串缺少结束引号", "unterminated string"),
            (header + "公开01[27, 1] = .5", "2:19", "单独的“.”", "a lone '.'"),
            (header + "公开1O[27, 1] = 0", "2:5", "未知的表“公开1O”", "unknown table '公开1O'"),
            (header + "公开01[27, 1] = 0 ;", "2:21", "意外的字符“;”", "unexpected character ';'"),
            // The file's lines.
            ("rules A-1 error \"x\"", "1:1", "而不是“rules”", "found 'rules'"),
            ("12 rule", "1:1", "应为一个词，而不是“12”", "expected a word, found '12'"),
            ("    公开01[27, 1] = 0", "1:5", "缩进的语句不在任何规则之下", "an indented statement outside any rule"),
            (header + "公开01[27, 1] = 0\nrule A-1 error \"y\"\n    公开01[28, 1] = 0", "3:6", "规则 A-1 重复定义（首次在第 1 行）",
                "rule A-1 is defined twice (first at line 1)"),
            ("rule A-1 error \"x\"\n", "1:1", "规则 A-1 没有语句", "rule A-1 has no statement"),
            ("rule A+1 error \"x\"\n    公开01[27, 1] = 0", "1:6", "而不是“A+1”", "found 'A+1'"),
            ("rule A/1 error \"x\"\n    公开01[27, 1] = 0", "1:7", "意外的字符“/”", "unexpected character '/'"),
            ("rule A-1 fatal \"x\"\n    公开01[27, 1] = 0", "1:10", "而不是“fatal”", "found 'fatal'"),
            ("pack 12", "1:6", "应为带引号的文字，而不是“12”", "expected a quoted text, found '12'"),
            ("tolerance 0.005 each term", "1:17", "应为“per”，而不是“each”", "expected 'per', found 'each'"),
            ("tolerance x per term", "1:11", "应为数值（如 0.005），而不是“x”", "expected a number such as 0.005, found 'x'"),
            ("tolerance 9999999999999 per term", "1:11", "数值 9999999999999 过大", "the number 9999999999999 is too large"),
            ("pack \"p\" extra", "1:10", "意外的“extra”", "unexpected 'extra'"),
            // Statements.
            (header + "for each line l in 1...2000000000: 公开01[l, 1] = 0", "2:28", "行次 2000000000 超出表格范围 1–64",
                "行次 2000000000 is outside the tables' extent 1–64"),
            (header + "for each line l in 8...3: 公开01[l, 1] = 0", "2:28", "范围应由小到大：8...3", "a range runs upwards: 8...3"),
            (header + "for each line l in x: 公开01[l, 1] = 0", "2:24", "应为整数，而不是“x”", "expected a whole number, found 'x'"),
            (header + "for each cell r in 公开03: 公开03[r, 1] = 0", "2:14", "而不是“cell”", "found 'cell'"),
            (header + "for each row R2 in 公开03: 公开03[R2, 1] = 0", "2:18", "而不是“R2”", "not 'R2'"),
            (header + "for each row r in 公开03, each row r in 公开05: 公开03[r, 1] = 0", "2:38", "变量“r”已被绑定", "'r' is already bound"),
            (header + "for each row r in 支出: 公开03[r, 1] = 0", "2:23", "而不是“支出”", "found '支出'"),
            (header + "for each row r in 公开03, each row s in 公开05: 公开03[r, 1] = 公开05[s, 1]", "2:34",
                "一条语句只能有一个量词遍历表格的行或科目", "only one quantifier of a statement may range over a table's rows"),
            (header + "for each row r in 公开03, each line a in 1...2, each line b in 1...2, each line c in 1...2, each line d in 1...2: 公开03[r, 1] = 0",
                "2:100", "量词过多：一条语句有 5 个，最多 4 个", "too many quantifiers: 5, at most 4"),
            (header + "for each line a in 1...64, each column b in 1...12, each line c in 1...2: 公开01[a, b] = 公开01[c, b]", "2:62",
                "量词取值组合过多：超过 1000 组", "more than 1000 combinations"),
            (header + "公开01[27, 1] == 0", "2:18", "而不是“=”", "found '='"),
            (header + "公开01[27, 1] + 0", "2:20", "应为 =、<= 或 >=，而不是行尾", "expected '=', '<=' or '>=', found the end of the line"),
            (header + "公开01[27, 1] = sum(27)", "2:23", "应为表（如 公开02），而不是“27”", "expected a table such as 公开02, found '27'"),
            (header + "公开03[1...3, 1] = 0", "2:10", "行次范围只适用于 公开01 和 公开04；公开03 的行是科目编码", "公开03 rows are codes"),
            (header + "公开01[1.5...3, 1] = 0", "2:10", "范围只能用整数，而不是“1.5”", "a range takes whole numbers, not '1.5'"),
            (header + "公开01[9...3, 1] = 0", "2:14", "范围应由小到大：9...3", "a range runs upwards: 9...3"),
            (header + "公开01[1...99, 1] = 0", "2:14", "行次范围 1...99 超出公开01的行次 1–62", "the range 1...99 is outside the 行次 of 公开01, 1–62"),
            (header + "公开03[children(q), 1] = 0", "2:19", "未知的变量“q”", "unknown variable 'q'"),
            (header + "for each column c in 公开02: 公开02[c, c] = 0", "2:37", "“c”是栏次变量，却用作行", "'c' is a column variable, used as a row"),
            (header + "公开02[k, 1] = 0", "2:10", "未知的变量“k”", "unknown variable 'k'"),
            (header + "公开02[+, 1] = 0", "2:10", "而不是“+”", "found '+'"),
            (header + "公开05[合计, 4] = 0", "2:14", "公开05 的栏次为 1–3，没有栏次 4", "公开05 has columns 1–3; there is no column 4"),
            (header + "公开05[合计, x] = 0", "2:14", "应为栏次或栏次变量，而不是“x”", "found 'x'"),
            (header + "公开05[合计, +] = 0", "2:14", "应为栏次，而不是“+”", "expected a column (栏次), found '+'"),
            (header + "check no-such-check", "2:11", "未知的检查“no-such-check”", "unknown check 'no-such-check'"),
            (header + "check tables-present(+)", "2:26", "应为表或科目编码，而不是“+”", "expected a table or a code, found '+'"),
            (header + "公开01[27, 1] = " + String(repeating: "(", count: 33) + "0" + String(repeating: ")", count: 33), "2:51",
                "括号或符号嵌套超过 32 层", "nested deeper than 32 levels"),
        ])
    func parseError(text: String, place: String, chinese: String, english: String) throws {
        let error = try error(text)
        #expect(error.chineseDescription.hasPrefix("broken.rules:\(place): "), "\(error.chineseDescription)")
        #expect(error.englishDescription.hasPrefix("broken.rules:\(place): "), "\(error.englishDescription)")
        #expect(error.chineseMessage.contains(chinese), "\(error.chineseMessage)")
        #expect(error.message.contains(english), "\(error.message)")
        #expect(error.chineseMessage != error.message, "a Chinese text of its own")
        #expect(error.description.hasPrefix("broken.rules:\(place): \(error.chineseMessage)"))
        #expect(error.description.hasSuffix("/ \(error.message)"))
    }

    @Test("exact texts: an unknown table and a severity, in Chinese and in English")
    func exactTexts() throws {
        let table = try error(Self.header + "公开1O[27, 1] = 0")
        #expect(table.chineseDescription == "broken.rules:2:5: 未知的表“公开1O”：表为 公开01 … 公开09")
        #expect(table.englishDescription == "broken.rules:2:5: unknown table '公开1O': the tables are 公开01 … 公开09")
        let severity = try error("rule A-1 fatal \"x\"\n    公开01[27, 1] = 0")
        #expect(severity.chineseDescription == "broken.rules:1:10: 应为严重程度（error、warning 或 info），而不是“fatal”")
        #expect(severity.englishDescription == "broken.rules:1:10: expected a severity (error, warning or info), found 'fatal'")
    }

    @Test("too many terms and too much work are refused in both languages")
    func terms() throws {
        let sum = Array(repeating: "公开01[1, 1]", count: 1_001).joined(separator: " + ")
        let long = try error(Self.header + "公开01[27, 1] = " + sum)
        #expect(long.chineseMessage == "表达式过长：一条语句最多 1000 项" && long.message.contains("at most 1000 terms"))
        let work = try error(
            Self.header + "for each line l in 1...64, each column c in 1...12: 公开01[l, c] = "
                + Array(repeating: "公开01[1, c]", count: 20).joined(separator: " + "))
        #expect(work.chineseMessage.hasPrefix("语句工作量过大：") && work.chineseMessage.contains("768 组取值"))
        #expect(work.message.contains("768 assignments exceed 10000"))
    }

    @Test("a rule file: missing, too large, not text; a rule defined in two files")
    func files() throws {
        let missing = try #require(throws: RuleFileError.self) { try RulePack(contentsOf: "/nonexistent/x.rules") }
        #expect(missing.chineseDescription == "/nonexistent/x.rules: 无法读取规则文件（不存在、无权限或是目录）")
        #expect(missing.englishDescription == "/nonexistent/x.rules: cannot read the rule file")

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bilingual-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let binary = folder.appendingPathComponent("bad.rules")
        try Data([0x72, 0x75, 0x6C, 0x65, 0x0A, 0xE4, 0xB8, 0xAD, 0xE6, 0x96, 0x87, 0xAB, 0x0A]).write(to: binary)
        let notText = try #require(throws: RuleFileError.self) { try RulePack(contentsOf: binary.path) }
        #expect(notText.chineseDescription.hasPrefix("\(binary.path):2:7: 规则文件不是可读的文本：invalid UTF-8 byte 0xAB"))
        #expect(notText.englishDescription.hasPrefix("\(binary.path):2:7: the rule file: invalid UTF-8 byte 0xAB"))

        let huge = folder.appendingPathComponent("huge.rules")
        try Data(repeating: 0x23, count: TextFile.maximumSize + 1).write(to: huge)
        let large = try #require(throws: RuleFileError.self) { try RulePack(contentsOf: huge.path) }
        #expect(large.chineseMessage == "规则文件超过 16 MiB（至少 16777217 字节）")
        #expect(large.message == "the rule file is larger than 16 MiB")

        let oversized = try #require(throws: RuleFileError.self) {
            try RulePack(text: String(repeating: "#", count: RuleLimits.maximumFileSize + 1), file: "big.rules")
        }
        #expect(oversized.chineseDescription == "big.rules: 规则文件过大（16777217 字节，上限 16777216）")
        #expect(oversized.englishDescription == "big.rules: the rule file is too large (16777217 bytes, at most 16777216)")

        var pack = try RulePack(text: Self.header + "公开01[27, 1] = 0", file: "a.rules")
        let twice = try #require(throws: RuleFileError.self) {
            try pack.merge(RulePack(text: "\n" + Self.header + "公开01[28, 1] = 0", file: "b.rules"))
        }
        #expect(twice.chineseDescription == "b.rules:2:1: 规则 A-1 已在 a.rules:1 定义")
        #expect(twice.englishDescription == "b.rules:2:1: rule A-1 is already defined at a.rules:1")
    }
}
