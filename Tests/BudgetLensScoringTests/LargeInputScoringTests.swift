import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensScoring
import BudgetLensTestSupport
import Foundation
import Testing

/// `score` on a large input: seed 000 with its self-evaluation tables repeated, as the benchmark builds it
/// (issue 10: the time grew with the square of the input).
@Suite("Scoring a large input")
struct LargeInputScoringTests {
    /// 000 with the block from its first 市级预算项目绩效自评表 to the end of its last 转移支付 table `copies` times.
    static func repeated(_ copies: Int) throws -> Data {
        let text = try String(contentsOfFile: Seed.path(Seed.yantai), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let first = try #require(lines.firstIndex { $0.hasPrefix("2022年度市级预算项目绩效自评表") })
        let end = try #require(lines.firstIndex { $0.hasPrefix("2022年度烟台市职工基本") })
        let block = lines[first..<end].joined(separator: "\n") + "\n"
        return Data(
            (lines[..<first].joined(separator: "\n") + "\n" + String(repeating: block, count: copies)
                + lines[end...].joined(separator: "\n")).utf8)
    }

    /// The findings of one table as the report assigned them before issue 10 (quadratic): same label, at or after
    /// the table's line, before the next table with the label.
    static func reference(_ report: ScoreReport, _ table: TableScore) -> [Finding] {
        report.findings.filter { $0.location.table == table.label && $0.location.source.map { $0.line >= table.table.source.line } ?? true }
            .filter { finding in
                let next = report.tables.first { $0.label == table.label && $0.table.source.line > table.table.source.line }
                return next.map { (finding.location.source?.line ?? 0) < $0.table.source.line } ?? true
            }
    }

    @Test("three copies of 000's tables: every finding goes to its own copy, as before, and grades are found")
    func findingsPerCopy() throws {
        let schemes = try SchemeSet.builtIn()
        let pack = try ScoringChecks.performancePack(schemes: schemes)
        let single = ScoreReport(disclosure: try Seed.read(Seed.yantai), schemes: schemes, pack: pack)
        let report = ScoreReport(
            disclosure: try DisclosureReader.read(data: Self.repeated(3), file: "large.txt"), schemes: schemes, pack: pack)
        #expect(single.tables.count == 8 && report.tables.count == 24)
        #expect(report.tableFindings.count == 24 && report.statedGrades.count == 24)
        for (index, table) in report.tables.enumerated() {
            #expect(report.tableFindings[index] == Self.reference(report, table), "\(table.label) line \(table.table.source.line)")
            // Each copy has the findings of the original table, no more.
            #expect(report.tableFindings[index].count == single.tableFindings[index % 8].count, "\(table.label)")
        }
        #expect(report.statedGrades.prefix(8) == single.statedGrades[...])
        // The five project tables are in the 汇总表; so, by name containment as before, is the transfer table
        // 医疗救助补助 (in 困难群众医疗救助补助资金); the other two transfer tables are not.
        #expect(single.statedGrades == ["优", "优", "优", "优", "优", "优", nil, nil])
    }

    @Test("scoring and its JSON grow linearly: 4× the tables take well under 8× the CPU time (quadratic: 16×)")
    func linearTime() throws {
        let schemes = try SchemeSet.builtIn()
        let pack = try ScoringChecks.performancePack(schemes: schemes)
        let small = try DisclosureReader.read(data: Self.repeated(40), file: "small.txt")
        let large = try DisclosureReader.read(data: Self.repeated(160), file: "large.txt")
        #expect(small.selfEvaluations.count == 320 && large.selfEvaluations.count == 1280)
        /// This thread's CPU time in nanoseconds: the work runs on it synchronously, and other processes on a
        /// loaded machine do not count (wall time did: a busy CI machine made the ratio noise).
        func threadCPUNanoseconds() -> Int64 {
            var time = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
            return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
        }
        /// The least CPU time of three runs of scoring and rendering as JSON.
        func fastest(_ disclosure: Disclosure) throws -> Double {
            var best = Int64.max
            for _ in 0..<3 {
                let start = threadCPUNanoseconds()
                let report = ScoreReport(disclosure: disclosure, schemes: schemes, pack: pack)
                _ = try CheckReportJSON.encode(ScoreReportJSON(report: report))
                best = min(best, threadCPUNanoseconds() - start)
            }
            return Double(best)
        }
        let ratio = try fastest(large) / fastest(small)
        #expect(ratio < 8, "4× the input took \(ratio)× the CPU time")
    }
}
