import BudgetLensCore
import BudgetLensReader
import BudgetLensTestSupport
import Foundation
import Testing

/// A table read without its closing rows (公开01/04 总计, 公开06 人员经费合计 and 公用经费合计): `table.rows-missing`, an
/// error at its last row read (a fresh tester's finding 26-3: a PDF without a table's last page read "fully", and
/// the identities said `行31 is 0.00`). Corpus 001's rows are removed in the test.
@Suite("Tables without their closing rows")
struct MissingClosingRowsTests {
    static func read(removing lineNumbers: [Int]) throws -> Disclosure {
        let text = try String(contentsOfFile: Seed.corpusPath(Seed.shanghaiFinance), encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        for number in lineNumbers.sorted(by: >) { lines.remove(at: number - 1) }
        return try DisclosureReader.read(data: Data(lines.joined(separator: "\n").utf8), file: "001.txt")
    }

    static func missing(_ disclosure: Disclosure) -> [ReadProblem] {
        disclosure.problems.filter { $0.code == "table.rows-missing" }
    }

    @Test("planted: 公开01 without 总计 (line 130), 04 without 总计 (234), 06 without its 合计 row (317): one error each")
    func fires() throws {
        for (line, id, named) in [
            (130, TableID.incomeExpenditureSummary, "没有末行“总计”"), (234, .appropriationSummary, "没有末行“总计”"),
            (317, .generalBudgetBasicExpenditure, "没有末行“人员经费合计”、“公用经费合计”"),
        ] {
            let text = try String(contentsOfFile: Seed.corpusPath(Seed.shanghaiFinance), encoding: .utf8)
            #expect(text.components(separatedBy: "\n")[line - 1].contains("计"))
            let disclosure = try Self.read(removing: [line])
            let problems = Self.missing(disclosure)
            #expect(problems.count == 1, "\(line): \(problems)")
            #expect(problems.first?.table == id)
            #expect(problems.first?.severity == .error)
            #expect(problems.first?.message.contains(named) == true, "\(problems)")
            #expect(problems.first?.message.contains("the table is incomplete") == true)
            // At the table's last row read.
            #expect(problems.first?.source == disclosure.table(id)?.rows.last?.source)
        }
    }

    @Test("silent on the documents as published: the corpus texts, seeds 000 and 002, the template PDF's layout")
    func silent() throws {
        let paths = [
            Seed.corpusPath(Seed.shanghaiFinance), Seed.corpusPath("002-shanghai-putuo-guihuaziyuanju-2024-final.txt"),
            Seed.corpusPath(Seed.shanghaiSocialWorkLayout), Seed.path(Seed.yantai), Seed.path(Seed.zengdu),
            Seed.path(Seed.weihai),
        ]
        for path in paths {
            #expect(Self.missing(try DisclosureReader.read(path: path)).isEmpty, "\(path)")
        }
    }

    @Test("a table the reader already calls cut gets no second error")
    func notTwice() throws {
        let text = try String(contentsOfFile: Seed.corpusPath(Seed.shanghaiFinance), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        // The file ends inside 公开01 (before its 总计 row).
        let cut = lines.prefix(120).joined(separator: "\n")
        let disclosure = try DisclosureReader.read(data: Data(cut.utf8), file: "cut.txt")
        #expect(Self.missing(disclosure).isEmpty, "\(disclosure.problems.map(\.code))")
        #expect(disclosure.problems.contains { $0.code == Disclosure.truncatedTableProblem || $0.code == Disclosure.cutTableProblem })
    }

    @Test("总计 rows labelled by their block (收入总计 / 支出总计, as the rules name them): read at 行31/62 and 32/64, no error")
    func namedTotals() throws {
        let text = try String(contentsOfFile: Seed.corpusPath(Seed.shanghaiFinance), encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        #expect(lines[129] == "总计\t2,995.39\t总计\t2,995.39")
        lines[129] = "收入总计\t2,995.39\t支出总计\t2,995.39"
        lines[233] = lines[233].replacingOccurrences(of: "总计\t2,961.68\t总计", with: "收入总计\t2,961.68\t支出总计")
        let edited = try DisclosureReader.read(data: Data(lines.joined(separator: "\n").utf8), file: "001.txt")
        let original = try DisclosureReader.read(path: Seed.corpusPath(Seed.shanghaiFinance))
        #expect(Self.missing(edited).isEmpty)
        for id in [TableID.incomeExpenditureSummary, .appropriationSummary] {
            let lines = { (disclosure: Disclosure) in disclosure.table(id)?.rows.map { "\($0.line ?? 0) \($0.standardLine ?? 0)" } }
            #expect(lines(edited) == lines(original), "\(id)")
        }
        #expect(edited.problems.count == original.problems.count, "\(edited.problems.map(\.message))")
    }
}

