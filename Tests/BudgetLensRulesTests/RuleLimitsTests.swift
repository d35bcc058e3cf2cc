import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensTestSupport
import Testing

/// Issue 10, "What was seen": rule files that used to allocate without bound, overflow the stack, trap or wrap
/// are refused when parsed (file:line:column, Chinese and English) or evaluated exactly, in bounded time.
@Suite("Rule files are bounded and their arithmetic is overflow-checked")
struct RuleLimitsTests {
    /// Parses `text` and returns the error it gives, checking it took under 2 s.
    private func parseError(_ text: String) throws -> String {
        let start = ContinuousClock.now
        defer { #expect(ContinuousClock.now - start < .seconds(2)) }
        do {
            _ = try RulePack(text: text, file: "huge.rules")
        } catch let error as RuleFileError {
            return error.description
        }
        Issue.record("the rule file was accepted")
        return ""
    }

    private static let header = "rule U-1 error \"x\"\n    "

    @Test("a quantifier over 1...2000000000 is refused at parse time, by the tables' extent")
    func hugeQuantifier() throws {
        let message = try parseError(Self.header + "for each line l in 1...2000000000: 公开01[l, 1] = 0")
        #expect(message == "huge.rules:2:28: 行次 2000000000 超出表格范围 1–64 / 行次 2000000000 is outside the tables' extent 1–64")
    }

    @Test("two nested 100 000-ranges are refused")
    func nestedRanges() throws {
        let message = try parseError(
            Self.header + "for each line l in 1...100000, each column c in 1...100000: 公开01[l, c] = 0")
        #expect(message.hasPrefix("huge.rules:2:28: 行次 100000 超出表格范围 1–64"))
        let columns = try parseError(Self.header + "for each column c in 1...100000: 公开02[合计, c] = 0")
        #expect(columns.hasPrefix("huge.rules:2:30: 栏次 100000 超出表格范围 1–12"))
    }

    @Test("a 行次 range inside a cell is checked against its table: 公开01 has 62")
    func hugeCellRange() throws {
        let message = try parseError(Self.header + "公开01[27, 1] = sum(公开01[1...2000000000, 1])")
        #expect(message.hasPrefix("huge.rules:2:32: 行次范围 1...2000000000 超出公开01的行次 1–62"))
        #expect(message.contains("/ the range 1...2000000000 is outside the 行次 of 公开01, 1–62"))
    }

    @Test("two quantifiers over table rows (quadratic) are refused")
    func twoRowQuantifiers() throws {
        let message = try parseError(
            Self.header + "for each row r in 公开03, each row s in 公开03: 公开03[r, 1] = 公开03[s, 1]")
        #expect(message.hasPrefix("huge.rules:2:34: 一条语句只能有一个量词遍历表格的行或科目"))
    }

    @Test("200 000 nested brackets are refused as a long line; 33 nested brackets or signs as too deep")
    func deepNesting() throws {
        let depth = 200_000
        let brackets = String(repeating: "(", count: depth) + "公开01[27, 1]" + String(repeating: ")", count: depth)
        let message = try parseError(Self.header + brackets + " = 0")
        #expect(message == "huge.rules:2:1: 行过长（400023 字节，上限 65536）/ the line is too long (400023 bytes, at most 65536)")
        let squares = try parseError(Self.header + "公开01" + String(repeating: "[", count: depth) + " = 0")
        #expect(squares.hasPrefix("huge.rules:2:1: 行过长"))
        let nested = String(repeating: "(", count: 33) + "公开01[27, 1]" + String(repeating: ")", count: 33)
        #expect(
            try parseError(Self.header + nested + " = 0")
                == "huge.rules:2:37: 括号或符号嵌套超过 32 层 / brackets or signs nested deeper than 32 levels")
        let signs = try parseError(Self.header + String(repeating: "- ", count: 33) + "公开01[27, 1] = 0")
        #expect(signs.hasPrefix("huge.rules:2:69: 括号或符号嵌套超过 32 层"))
        let openSquares = try parseError(Self.header + "公开01" + String(repeating: "[", count: 1_000) + " = 0")
        #expect(openSquares.hasPrefix("huge.rules:2:10: 应为行") && openSquares.contains(" / expected a row"))
    }

    @Test("a 50 000-term sum is refused as too long: the line, and past 1000 terms the statement")
    func longSum() throws {
        let terms = Array(repeating: "公开01[1, 1]", count: 50_000)
        let line = try parseError(Self.header + "公开01[27, 1] = " + terms.joined(separator: " + "))
        #expect(line == "huge.rules:2:1: 行过长（850019 字节，上限 65536）/ the line is too long (850019 bytes, at most 65536)")
        let few = Array(terms.prefix(1_001))
        let plus = try parseError(Self.header + "公开01[27, 1] = " + few.joined(separator: " + "))
        #expect(
            plus == "huge.rules:2:6517: 表达式过长：一条语句最多 1000 项 / expression too long: at most 1000 terms in one statement")
        let sum = try parseError(Self.header + "公开01[27, 1] = sum(" + few.joined(separator: ", ") + ")")
        #expect(sum.hasSuffix("expression too long: at most 1000 terms in one statement"))
        let list = try parseError(
            Self.header + "公开03[合计, 1] = sum(公开03[{" + Array(repeating: "201", count: 1_001).joined(separator: ", ") + "}, 1])")
        #expect(list.hasSuffix("expression too long: at most 1000 terms in one statement"))
    }

    @Test("a 14-digit literal and a 13-digit tolerance are refused, not trapped")
    func hugeLiterals() throws {
        let literal = try parseError(Self.header + "公开01[27, 1] = 12345678901234")
        #expect(
            literal
                == "huge.rules:2:19: 数值 12345678901234 过大：整数部分最多 12 位 / the number 12345678901234 is too large: "
                + "at most 12 digits before the point")
        let tolerance = try parseError("tolerance 9999999999999 per term\n" + Self.header + "公开01[27, 1] = 0")
        #expect(tolerance.hasPrefix("huge.rules:1:11: 数值 9999999999999 过大"))
        let ruleTolerance = try parseError(Self.header + "公开01[27, 1] = 0\n    tolerance 0.005 per term, max 99999999999999")
        #expect(ruleTolerance.hasPrefix("huge.rules:3:35: 数值 99999999999999 过大"))
    }

    @Test("公开01[40, 2] <= 10000000 (万元) is evaluated exactly: 10^13 分, no trap")
    func largeLiteralEvaluates() throws {
        let disclosure = try Seed.read(Seed.weihai)
        let holds = try RulePack(text: Self.header + "公开01[40, 2] <= 10000000", file: "big.rules")
        #expect(RuleEngine().evaluate(holds, on: disclosure).findings.isEmpty)
        let fails = try RulePack(text: Self.header + "公开01[40, 2] >= 999999999999.99", file: "big.rules")
        let finding = try #require(RuleEngine().evaluate(fails, on: disclosure).findings.first)
        #expect(finding.expected?.amount == Money(fen: 999_999_999_999_990_000))
        #expect(finding.actual?.amount == Money(wan: "883.89"))
    }

    @Test("a sum that overflows Int64 分 is an error finding naming the rule file line, not a wrap or a trap")
    func overflowIsAFinding() throws {
        let terms = Array(repeating: "999999999999", count: 10).joined(separator: " + ")
        let pack = try RulePack(text: Self.header + "公开01[40, 2] <= " + terms, file: "big.rules")
        let report = RuleEngine().evaluate(pack, on: try Seed.read(Seed.weihai))
        let finding = try #require(report.findings.first)
        #expect(report.findings.count == 1)
        #expect(finding.rule == "U-1" && finding.severity == .error)
        #expect(finding.location.source == SourceLocation(file: "big.rules", line: 2))
        #expect(finding.message == "x：无法审核，big.rules 第2行的算式超出金额范围（±92,233,720,368,547,758.07 元）")
        #expect(finding.messageEnglish.hasSuffix("overflows the range of amounts (±92,233,720,368,547,758.07 元)"))
    }

    @Test("17-digit figures in the 情况说明 (a share, a vehicle count, an amount) are checked without a trap")
    func hugeNarrativeFigures() throws {
        var synthetic = SyntheticDisclosure()
        synthetic.replaceNarrative("占服务支出金额的100%", with: "占服务支出金额的99999999999999999%")
        synthetic.replaceNarrative("其他用车1辆", with: "其他用车99999999999999999辆、机要用车99999999999999999辆")
        let disclosure = DisclosureReader.read(text: synthetic.text, file: "synthetic.txt")
        let findings = RuleEngine().evaluate(try BuiltInPacks.finalAccounts(), on: disclosure).findings
        // N-CAR adds the counts in full; N-GP's 中小企业 share (60 万元 × 99999999999999999%) overflows 64 bits and
        // that check returns without a finding (its own choice, docs/never-crash-rules.md "Noticed").
        #expect(findings.map(\.rule).contains("N-CAR"), "\(findings.map(\.message))")
        let cars = try #require(findings.first { $0.rule == "N-CAR" })
        #expect(cars.message.hasSuffix("共有车辆2辆，各类车辆合计199999999999999999辆"))
        var amount = SyntheticDisclosure()
        amount.replaceNarrative("政府采购工程支出0万元", with: "政府采购工程支出99999999999万元")
        let unread = RuleEngine().evaluate(
            try BuiltInPacks.finalAccounts(), on: DisclosureReader.read(text: amount.text, file: "synthetic.txt")).findings
        // 10^17 分 is beyond the readable range: not an amount, so reported as a figure not read (never summed).
        #expect(unread.map(\.rule) == ["N-READ"], "\(unread.map(\.message))")
    }

    @Test("--skip patterns match in linear time, as before: 06-*, X-1?, *, and fifty stars before a missing letter")
    func skipPatterns() throws {
        let pack = try BuiltInPacks.finalAccounts()
        #expect(pack.skipping(["06-*"]).rules.count == pack.rules.count - 4)
        #expect(pack.skipping(["X-1?"]).rules.filter { $0.id.hasPrefix("X-1") }.map(\.id) == ["X-1"])
        #expect(pack.skipping(["*"]).rules.isEmpty)
        #expect(pack.skipping(["*-*-*"]).rules.map(\.id) == pack.rules.map(\.id).filter { $0.filter { $0 == "-" }.count < 2 })
        let start = ContinuousClock.now
        #expect(pack.skipping([String(repeating: "*", count: 50) + "x"]).rules.count == pack.rules.count)
        #expect(pack.skipping([String(repeating: "*?", count: 30) + "Q"]).rules.count == pack.rules.count)
        #expect(ContinuousClock.now - start < .seconds(2))
    }

    @Test("the built-in packs keep within every limit")
    func builtInWithinLimits() throws {
        // They parse (every limit is checked while parsing), and every statement is far inside the term limit.
        let pack = try BuiltInPacks.finalAccounts()
        #expect(pack.rules.count >= 77)
        #expect(pack.rules.allSatisfy { $0.source.split(separator: "\n").allSatisfy { $0.utf8.count < 1_000 } })
    }
}
