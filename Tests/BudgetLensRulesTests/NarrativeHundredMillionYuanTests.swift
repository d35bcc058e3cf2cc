import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensTestSupport
import Foundation
import Testing

/// Amounts the 情况说明 prints in 亿元 (a fresh tester's finding 26-2): they were not read, so a wrong one passed and
/// the next amount (the part) became the 本段合计 of a share, a false N-SHARE error. Now `0.294625亿元` reads as
/// 2946.25 万元 exactly; `0.29亿元` (coarser than the tables) is checked at its printed precision (N-BIND: it agrees
/// with a value that rounds to it) and no share is computed against it. Corpus 001's `本年收入合计2946.25万元` is
/// replaced in the test.
@Suite("情况说明 amounts in 亿元")
struct NarrativeHundredMillionYuanTests {
    static func findings(_ printed: String?) throws -> [String] {
        var text = try String(contentsOfFile: Seed.corpusPath(Seed.shanghaiFinance), encoding: .utf8)
        if let printed {
            let edited = text.replacingOccurrences(of: "本年收入合计2946.25万元", with: "本年收入合计\(printed)")
            #expect(edited != text)
            text = edited
        }
        let disclosure = try DisclosureReader.read(data: Data(text.utf8), file: "001.txt")
        let report = RuleEngine().evaluate(try BuiltInPacks.finalAccounts(), on: disclosure)
        return report.findings.filter { $0.rule.hasPrefix("N-") }.map { "\($0.rule) \($0.severity) \($0.message)" }
    }

    @Test("exact (0.294625亿元) and rounded (0.29亿元, 0.3亿元) as printed: the same findings as 2946.25万元")
    func agreeing() throws {
        let original = try Self.findings(nil)
        #expect(original.contains { $0.hasPrefix("N-BIND") })  // the document's own 财政拨款收入支出总计 0.30
        for printed in ["0.294625亿元", "0.29亿元", "0.3亿元"] {
            #expect(try Self.findings(printed) == original, "\(printed)")
        }
    }

    @Test("planted: 0.295625亿元 (N-BIND and the share against it) and 0.31亿元 (N-BIND, printed as such) fire")
    func disagreeing() throws {
        let original = Set(try Self.findings(nil))
        let exact = try Self.findings("0.295625亿元").filter { !original.contains($0) }
        #expect(exact.count == 2, "\(exact)")
        #expect(exact.contains { $0.hasPrefix("N-BIND error") && $0.contains("文中为2956.25万元，表中为2946.25万元") })
        #expect(exact.contains { $0.hasPrefix("N-SHARE error") && $0.contains("本段合计 2956.25万元") })
        let rounded = try Self.findings("0.31亿元").filter { !original.contains($0) }
        #expect(rounded == ["N-BIND error 情况说明所述金额与表内数一致：“本年收入合计”文中为0.31亿元，表中为2946.25万元"], "\(rounded)")
    }

    @Test("planted: a whole number of 亿元 (3亿元) is checked at that precision and named as printed")
    func wholeHundredMillions() throws {
        let original = Set(try Self.findings(nil))
        let added = try Self.findings("3亿元").filter { !original.contains($0) }
        #expect(added == ["N-BIND error 情况说明所述金额与表内数一致：“本年收入合计”文中为3亿元，表中为2946.25万元"], "\(added)")
    }

    @Test("a share right after a coarse 亿元 amount (`一般公共服务支出（类）0.21亿元，占71.65%`) is not computed from the amount before it")
    func shareAfterCoarseAmount() throws {
        var text = try String(contentsOfFile: Seed.corpusPath(Seed.shanghaiFinance), encoding: .utf8)
        let original = Set(try Self.findings(nil))
        let lines = text.components(separatedBy: "\n")
        let line = try #require(lines.first { $0.contains("2,106.66万元") || $0.contains("2106.66万元") })
        let edited = line.replacingOccurrences(of: "2,106.66万元", with: "0.21亿元").replacingOccurrences(of: "2106.66万元", with: "0.21亿元")
        text = text.replacingOccurrences(of: line, with: edited)
        let disclosure = try DisclosureReader.read(data: Data(text.utf8), file: "001.txt")
        let report = RuleEngine().evaluate(try BuiltInPacks.finalAccounts(), on: disclosure)
        let added = report.findings.filter { $0.rule.hasPrefix("N-") }.map { "\($0.rule) \($0.severity) \($0.message)" }
            .filter { !original.contains($0) }
        #expect(!added.contains { $0.hasPrefix("N-SHARE") && $0.contains("100%") }, "\(added)")
        #expect(!added.contains { $0.contains("error") }, "\(added)")
    }
}

