import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensTestSupport
import Foundation
import Testing

/// The findings on the real documents, each verified by hand (see docs/seed-findings.md). The full lists are
/// data in Expected/*.findings; `BUDGETLENS_RECORD=1 swift test` re-records them after a reviewed change (that run fails).
@Suite("Findings on the seeds and the corpus")
struct SeedFindingsTests {
    static let expectedFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Expected")

    private func report(_ disclosure: Disclosure) throws -> CheckReport {
        RuleEngine().evaluate(try BuiltInPacks.finalAccounts(), on: disclosure)
    }

    /// One line per finding: severity, rule, place, source line, actual, expected.
    static func lines(_ report: CheckReport, unit: MoneyUnit) -> [String] {
        report.findings.map { finding in
            let place = [
                finding.location.table, finding.location.line.map { "行\($0)" }, finding.location.code,
                finding.location.line == nil && finding.location.code == nil ? finding.location.item : nil,
                finding.location.column.map { "栏\($0)" },
            ].compactMap { $0 }.joined(separator: " ")
            return [
                finding.severity.rawValue, finding.rule, place, String(finding.location.source?.line ?? 0),
                FindingValue.text(finding.actual, unit: unit), FindingValue.text(finding.expected, unit: unit),
            ].joined(separator: "\t")
        }
    }

    @Test(
        "the full list of findings on each document is the reviewed one",
        arguments: [
            ("000", Seed.path(Seed.yantai)), ("001", Seed.path(Seed.weihai)), ("002", Seed.path(Seed.zengdu)),
            ("corpus-001", Seed.corpusPath(Seed.shanghaiFinance)),
            ("corpus-002", Seed.corpusPath(Seed.shanghaiPlanning)),
            ("corpus-004", Seed.corpusPath(Seed.shanghaiTestVariant)),
        ])
    func fullFindingLists(name: String, path: String) throws {
        let disclosure = try DisclosureReader.read(path: path)
        let actual = Self.lines(try report(disclosure), unit: disclosure.moneyUnit)
        let file = Self.expectedFolder.appendingPathComponent("\(name).findings")
        if ProcessInfo.processInfo.environment["BUDGETLENS_RECORD"] != nil {
            // A recording run never passes: what it wrote is unverified until reviewed (git diff) and run again.
            try (actual.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
            Issue.record("BUDGETLENS_RECORD: recorded \(file.lastPathComponent); review the diff, then run without it")
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(actual == expected)
    }

    @Test("001 Weihai: 公开05 合计 基本支出 453.00 against 公开03 (453.01) and against its rows (453.01), rounding-level")
    func weihaiBasicExpenditure() throws {
        let disclosure = try Seed.read(Seed.weihai)
        let findings = try report(disclosure).findings
        let crossTable = try #require(findings.first { $0.rule == "X-12" })
        #expect(crossTable.location.table == "公开03" && crossTable.location.column == 2)
        #expect(
            crossTable.actual?.amount == Money(wan: "453.01") && crossTable.expected?.amount == Money(wan: "453.00"))
        #expect(crossTable.severity == .warning && crossTable.isRounding)
        #expect(
            crossTable.operands.contains { $0.table == "公开05" && $0.item == "合计" && $0.value == Money(wan: "453.00") })
        let rows = try #require(findings.first { $0.rule == "05-3" && $0.location.column == 2 })
        #expect(rows.location.table == "公开05" && rows.location.source?.line == 266)
        #expect(rows.actual?.amount == Money(wan: "453.00") && rows.expected?.amount == Money(wan: "453.01"))
        #expect(rows.severity == .warning)
        #expect(findings.contains { $0.rule == "F-TOC" && $0.location.table == "公开06" && $0.severity == .error })
        #expect(findings.filter { $0.severity == .error && !$0.rule.hasPrefix("N-") }.count == 1, "the tables' one error")
    }

    @Test("002 Zengdu: 公开06 公用经费合计 253.83 against 302 + 307 + 310 + 399 = 253.84")
    func zengduCommonExpenses() throws {
        let findings = try report(try Seed.read(Seed.zengdu)).findings
        let finding = try #require(findings.first { $0.rule == "06-3" })
        #expect(finding.location.item == "公用经费合计" && finding.location.source?.line == 304)
        #expect(finding.actual?.amount == Money(wan: "253.83") && finding.expected?.amount == Money(wan: "253.84"))
        #expect(finding.difference == Money(wan: "-0.01") && finding.tolerance == Money(wan: "0.015"))
        #expect(finding.severity == .warning)
        #expect(Set(finding.operands.map { $0.code ?? "" }) == ["302", "307", "310", "312", "399"])
        #expect(finding.operands.first { $0.code == "312" }?.isPresent == false, "312 is not in Hubei's 公开06")
    }

    @Test("000 Yantai: 302 商品和服务支出 167.81 against its items 167.82; 国有资产 in the 公开08 title")
    func yantai() throws {
        let findings = try report(try Seed.read(Seed.yantai)).findings
        #expect(findings.map(\.rule).sorted() == ["06-1", "F-TITLE", "N-DUP-WORD"])
        let items = try #require(findings.first { $0.rule == "06-1" })
        #expect(items.location.code == "302" && items.actual?.amount == Money(wan: "167.81"))
        #expect(items.expected?.amount == Money(wan: "167.82") && items.severity == .warning)
    }

    @Test("corpus 004: the 支出决算表 listed in 目录 but missing, the XX局 placeholder, a 2023 heading")
    func testVariant() throws {
        let findings = try report(try Seed.readCorpus(Seed.shanghaiTestVariant)).findings
        let missing = try #require(findings.first { $0.rule == "F-TOC" })
        #expect(missing.location.table == "公开03" && missing.location.source?.line == 13 && missing.severity == .error)
        let placeholder = try #require(findings.first { $0.rule == "F-XX" })
        #expect(placeholder.location.source?.line == 102 && placeholder.actual == .text("XX"))
        let year = try #require(findings.first { $0.rule == "F-YEAR" })
        #expect(year.actual == .text("2023") && year.expected == .text("2024"))
        // The planted narrative figures (N-BIND, N-YOY, N-SHARE, N-RATE) are NarrativeCheckTests'.
        let statementRules: Set<String> = ["N-BIND", "N-ITEM", "N-SHARE", "N-YOY", "N-RATE", "N-GP", "N-CAR", "N-LIST", "N-READ"]
        #expect(
            findings.filter { $0.severity == .error && !statementRules.contains($0.rule) }.map(\.rule).sorted()
                == ["F-TOC", "F-XX", "F-YEAR", "N-YEAR"])
    }
}
