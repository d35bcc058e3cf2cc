import BudgetLensCore
import BudgetLensTestSupport
import Foundation
import Testing

/// `budgetlens check THIS --previous LAST`: the Y-* findings through the binary.
@Suite("budgetlens check --previous")
final class PreviousYearCommandTests {
    /// A fresh temporary folder for this test's files, removed when the suite instance goes.
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "budgetlens-previous-\(UUID().uuidString)")

    init() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Writes `text` to a file of the temporary folder and returns its path.
    private func write(_ text: String, name: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test("a broken carry-over between consecutive synthetic years is Y-CARRY-01, exit 1, LAST as text or JSON")
    func brokenCarryOver() throws {
        var last = SyntheticDisclosure()
        last.narrative = SyntheticDisclosure.tablesOnlyNarrative  // the carry-over alone; Y-NARR is NarrativeCheckTests'
        last.set(.incomeExpenditureSummary, row: "60", column: 2, to: "12.34")
        var this = SyntheticDisclosure()
        this.narrative = SyntheticDisclosure.tablesOnlyNarrative  // the carry-over alone; Y-NARR is NarrativeCheckTests'
        this.set(.incomeExpenditureSummary, row: "29", column: 1, to: "12.43")
        let lastPath = try write(last.text.replacingOccurrences(of: "2023年度", with: "2022年度"), name: "2022.txt")
        let thisPath = try write(this.text, name: "2023.txt")
        let result = try BudgetLensBinary.run(["check", thisPath, "--previous", lastPath, "--format", "json"])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        let carry = findings.filter { ($0["rule"] as? String)?.hasPrefix("Y-") == true }
        #expect(carry.count == 1 && carry.first?["rule"] as? String == "Y-CARRY-01")
        let skipped = try BudgetLensBinary.run(["check", thisPath, "--previous", lastPath, "--skip", "Y-*"])
        #expect(!skipped.stdout.contains("Y-CARRY-01"))
        // LAST may be any readable format: its JSON export gives the same finding.
        let export = try BudgetLensBinary.run(["export", lastPath, "--format", "json"])
        #expect(export.status == 0)
        let jsonPath = try write(export.stdout, name: "2022.json")
        let fromJSON = try BudgetLensBinary.run(["check", thisPath, "--previous", jsonPath])
        #expect(fromJSON.status == 1)
        #expect(fromJSON.stdout.contains("Y-CARRY-01") && fromJSON.stdout.contains("行60 栏2 为 12.34"))
        #expect(!fromJSON.stdout.contains("Y-YEAR") && !fromJSON.stdout.contains("Y-UNIT"))
    }

    @Test("--previous with two files, or an unreadable LAST, exits 2 naming the problem")
    func usageErrors() throws {
        let path = Seed.path(Seed.weihai)
        let two = try BudgetLensBinary.run(["check", path, path, "--previous", path])
        #expect(two.status == 2 && two.stderr.contains("--previous"))
        let missing = try BudgetLensBinary.run(["check", path, "--previous", "missing-2022.txt"])
        #expect(missing.status == 2 && missing.stderr.contains("missing-2022.txt"))
    }

    @Test("seed 001 (威海 2023) against seed 000 (烟台 2022): another unit, Y-UNIT")
    func otherUnit() throws {
        let result = try BudgetLensBinary.run(["check", Seed.path(Seed.weihai), "--previous", Seed.path(Seed.yantai)])
        #expect(result.status == 1)
        #expect(result.stdout.contains("Y-UNIT") && result.stdout.contains("烟台市医疗保障局"))
        #expect(!result.stdout.contains("Y-YEAR") && !result.stdout.contains("Y-CARRY"))
    }
}
