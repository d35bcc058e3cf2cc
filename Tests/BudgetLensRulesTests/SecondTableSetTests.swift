import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensTestSupport
import Foundation
import Testing

/// A file holding a second set of the tables (two disclosures joined, or one saved twice) is read as its first
/// document, and says so with one `table.second-set` error, which makes `check`'s F-READ an error (exit 1) where the
/// `table.duplicate` warnings alone left exit 0 (docs/tester-findings-24.md, finding 9). A page or two printed
/// twice (one or two tables, or 公开07–09 without 公开01) stays warnings only.
@Suite("A second set of tables in one file")
struct SecondTableSetTests {
    static func write(_ text: String, named name: String, in folder: URL) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func secondSets(_ disclosure: Disclosure) -> [ReadProblem] {
        disclosure.problems.filter { $0.code == "table.second-set" }
    }

    @Test("the 财政局's and the 规划和自然资源局's texts in one file: one error where the second's 公开01 starts, nine duplicates, the first's cells")
    func twoDepartments() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try String(contentsOfFile: Seed.corpusPath(Seed.shanghaiFinance), encoding: .utf8)
        let second = try String(contentsOfFile: Seed.corpusPath(Seed.shanghaiPlanning), encoding: .utf8)
        let joined = try DisclosureReader.read(path: Self.write(first + second, named: "two.txt", in: folder))
        let alone = try Seed.readCorpus(Seed.shanghaiFinance)
        let secondAlone = try Seed.readCorpus(Seed.shanghaiPlanning)
        // The first file's 497 lines end with a line break: the second's line n is the joined file's 497 + n.
        let lineBreaks = first.utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        #expect(lineBreaks == 497)
        let secondStart = try #require(secondAlone.tables.first { $0.id == .incomeExpenditureSummary }).source.line
        #expect(secondStart == 104)
        let sets = Self.secondSets(joined)
        #expect(sets.count == 1)
        let set = try #require(sets.first)
        #expect(set.severity == .error && set.source.line == 601 && set.table == nil)
        #expect(set.message.hasPrefix("9 张表（公开01、02、03、04、05、06、07、08、09）再次出现，第二组自 601:1 起：是第二份部门决算（或其一部分、或本份的副本），其表未读取、未审核"))
        #expect(joined.problems.filter { $0.code == "table.duplicate" }.count == 9)
        #expect(ExtractionFormsTests.cells(joined) == ExtractionFormsTests.cells(alone))
        // check: the F-READ for it is an error, so the exit code is 1, not 0.
        let report = RuleEngine().evaluate(try BuiltInPacks.finalAccounts(), on: joined)
        let errors = report.findings.filter { $0.rule == "F-READ" && $0.severity == .error }
        #expect(errors.count == 1 && errors[0].message.contains("第二组自 601:1 起"))
        #expect(!RuleEngine().evaluate(try BuiltInPacks.finalAccounts(), on: alone).findings.contains {
            $0.rule == "F-READ" && $0.severity == .error
        })
    }

    /// 001 with the lines from 公开01's title to the line before table `last + 1`'s title appended after its end:
    /// tables 公开01 … `last` printed again (`last` ≤ 5: 001 prints 公开01–06 in order, 09 before 07).
    static func repeatingTables(upTo last: Int) throws -> String {
        let disclosure = try Seed.readCorpus(Seed.shanghaiFinance)
        let titleLines = disclosure.tables.sorted { $0.id < $1.id }.map(\.source.line)
        #expect(Array(titleLines.prefix(6)) == [93, 133, 164, 195, 241, 270] && last <= 5)
        return try appendingAgain((titleLines[0] - 1)..<(titleLines[last] - 1))
    }

    /// 001 with its lines `range` (0-based) appended again after its end, between blank lines.
    static func appendingAgain(_ range: Range<Int>) throws -> String {
        var lines = try String(contentsOfFile: Seed.corpusPath(Seed.shanghaiFinance), encoding: .utf8)
            .components(separatedBy: "\n")
        lines += [""] + Array(lines[range]) + [""]
        return lines.joined(separator: "\n")
    }

    @Test("公开01–03 printed again: three tables with 公开01 are a second set (the error fires); 公开01–02 or 公开07–09 again are duplicates only")
    func threshold() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let three = try DisclosureReader.read(path: Self.write(try Self.repeatingTables(upTo: 3), named: "three.txt", in: folder))
        #expect(three.problems.filter { $0.code == "table.duplicate" }.count == 3)
        #expect(Self.secondSets(three).count == 1)
        #expect(Self.secondSets(three).first?.message.hasPrefix("3 张表（公开01、02、03）再次出现") == true)
        let two = try DisclosureReader.read(path: Self.write(try Self.repeatingTables(upTo: 2), named: "two.txt", in: folder))
        #expect(two.problems.filter { $0.code == "table.duplicate" }.count == 2)
        #expect(Self.secondSets(two).isEmpty)
        // The last page's three small tables twice (公开09, 07, 08 in this order, lines 320–348): no 公开01 among them.
        let text = try String(contentsOfFile: Seed.corpusPath(Seed.shanghaiFinance), encoding: .utf8)
        let disclosure = try Seed.readCorpus(Seed.shanghaiFinance)
        let lastPage = [TableID.threePublicExpenses, .governmentFund, .stateCapital].compactMap { disclosure.table($0)?.source.line }
        #expect(lastPage == [320, 330, 340])
        #expect(text.components(separatedBy: "\n")[347].hasPrefix("注：上海市普陀区财政局无国有资本经营预算"))
        let twice = try DisclosureReader.read(path: Self.write(try Self.appendingAgain(319..<348), named: "last.txt", in: folder))
        #expect(twice.problems.filter { $0.code == "table.duplicate" }.count == 3)
        #expect(Self.secondSets(twice).isEmpty)
    }
}

/// The same for PDFs joined with poppler's `pdfunite`: skipped without the tools unless `BUDGETLENS_TEST_TOOLS=1`.
@Suite("A second set of tables in one PDF", .enabled(if: ExtractionTools.shouldRun))
struct SecondTableSetPDFTests {
    @Test("the 财政局's 25 pages and the 规划和自然资源局's 30 in one PDF: one error at the second's 公开01, page 32")
    func joinedPDFs() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let joinedPath = folder.appendingPathComponent("two.pdf").path
        let result = try ProcessRunner.run(
            "/usr/bin/env",
            ["pdfunite", Seed.corpusPath(Seed.financePDF), Seed.corpusPath("pdf/上海市普陀区规划和自然资源局 2024 年度部门决算.pdf"), joinedPath])
        #expect(result.status == 0)
        let joined = try DisclosureReader.read(path: joinedPath)
        let sets = SecondTableSetTests.secondSets(joined)
        #expect(sets.count == 1)
        #expect(sets.first?.source.page == 32 && sets.first?.severity == .error)
        #expect(joined.problems.filter { $0.code == "table.duplicate" }.count == 9)
        let alone = try DisclosureReader.read(path: Seed.corpusPath(Seed.financePDF))
        #expect(ExtractionFormsTests.cells(joined) == ExtractionFormsTests.cells(alone))
        #expect(SecondTableSetTests.secondSets(alone).isEmpty)
    }
}
