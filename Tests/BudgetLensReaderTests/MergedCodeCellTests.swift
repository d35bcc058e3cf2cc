import BudgetLensCore
import BudgetLensRules
import Foundation
import Testing

@testable import BudgetLensReader
import BudgetLensTestSupport

/// Codes and names typed into one cell, as some finance systems export their tables (`2010601 行政运行`,
/// `[2010601]行政运行`, `30101 基本工资 | 262.33 | 30201 办公费 | 21.21`): read apart (``MergedCodeCell``). Before,
/// the amounts were read one column to the left (公开05: 18 F-CODE and 44 X-12 errors) or 公开06 was not read. Corpus
/// 001's 公开05 and 公开06 are rewritten so in the test; the cells and findings must be the original's.
@Suite("Codes and names in one cell")
struct MergedCodeCellTests {
    @Test("split: 3, 5 or 7 digits, brackets and separators, then a name that starts with no digit")
    func split() {
        for (cell, code, name) in [
            ("2010601 行政运行", "2010601", "行政运行"), ("2010601行政运行", "2010601", "行政运行"),
            ("[2010601]行政运行", "2010601", "行政运行"), ("【30101】基本工资", "30101", "基本工资"),
            ("201-一般公共服务支出", "201", "一般公共服务支出"), ("（20106）财政事务", "20106", "财政事务"),
            ("  30101　基本工资 ", "30101", "基本工资"), ("2010601：行政运行", "2010601", "行政运行"),
        ] {
            let split = MergedCodeCell.split(cell)
            #expect(split?.code == code && split?.name == name, "\(cell): \(String(describing: split))")
        }
        for cell in ["2010601", "2,106.66", "2010601 1,511.89", "2010 行政运行", "20106011 行政运行", "行政运行", "合计", "", "201.5"] {
            #expect(MergedCodeCell.split(cell) == nil, "\(cell)")
        }
    }

    @Test("a table with a code column of its own is not taken for merged cells, whatever a row's first cell holds")
    func codeColumnKept() {
        #expect(MergedCodeCell.holdsMergedCodes(["科目", "2010601 行政运行", "合计"]))
        #expect(!MergedCodeCell.holdsMergedCodes(["科目编码", "201", "2010601 行政运行"]))
        #expect(!MergedCodeCell.holdsMergedCodes(["项目", "合计", "行政运行"]))
    }

    /// Corpus 001 with 公开05's header (lines 244–247: 项目 … / 类 | 款 | 项) made one line and each row's code
    /// fields and name made one cell by `merge`.
    static func generalBudgetMerged(header: String, _ merge: (String, String) -> String) throws -> String {
        var lines = try ReshapedDocument.corpusLines()
        #expect(lines[243].hasPrefix("项目\t\t\t\t合计") && lines[246].hasPrefix("类\t款\t项"))
        for index in 247..<lines.count {
            let fields = lines[index].components(separatedBy: "\t")
            guard fields.count == 7 else { break }
            let code = fields[0...2].joined()
            let first = code.allSatisfy(\.isNumber) ? merge(code, fields[3]) : code + fields[3]
            lines[index] = ([first] + fields[4...]).joined(separator: "\t")
        }
        lines.replaceSubrange(243...246, with: [header])
        return lines.joined(separator: "\n")
    }

    /// Corpus 001 with 公开06's blocks (类 | 款 | 科目名称 | 决算数, twice) made (科目 | 决算数) by `merge`.
    static func basicExpenditureMerged(header: String, _ merge: (String, String) -> String) throws -> String {
        var lines = try ReshapedDocument.corpusLines()
        let start = try #require(lines.firstIndex { $0.hasPrefix("经济分类\t\t科目名称\t决算数") })
        let end = try #require(lines[start...].firstIndex { $0.hasPrefix("人员经费合计") })
        for index in (start + 3)...end where !lines[index].isEmpty {
            var fields = lines[index].components(separatedBy: "\t")
            fields += Array(repeating: "", count: max(0, 8 - fields.count))
            let cells = [fields[0..<4], fields[4..<8]].flatMap { block -> [String] in
                let block = Array(block)
                let code = block[0] + block[1]
                return [!code.isEmpty && code.allSatisfy(\.isNumber) ? merge(code, block[2]) : code + block[2], block[3]]
            }
            lines[index] = cells.joined(separator: "\t")
        }
        lines.replaceSubrange(start...(start + 2), with: [header])
        return lines.joined(separator: "\n")
    }

    static func expectSameAsOriginal(_ text: String, table: TableID) throws {
        let original = try DisclosureReader.read(path: Seed.corpusPath(Seed.shanghaiFinance))
        let merged = try DisclosureReader.read(data: Data(text.utf8), file: "001.txt")
        #expect(ReshapedDocument.cells(merged) == ReshapedDocument.cells(original))
        #expect(try ReshapedDocument.findings(merged) == ReshapedDocument.findings(original))
        let notes = merged.problems.filter { $0.code == "table.merged-codes" }
        #expect(notes.count == 1 && notes.first?.table == table && notes.first?.severity == .info, "\(notes)")
        #expect(merged.problems.filter { $0.severity != .info }.map(\.code) == original.problems.filter { $0.severity != .info }.map(\.code))
    }

    @Test(
        "公开05 as `科目 | 合计 | 基本支出 | 项目支出` over `2010601 行政运行`, `2010601行政运行`, `[2010601]行政运行`: the original's cells and findings",
        arguments: ["space", "none", "brackets"])
    func generalBudget(style: String) throws {
        let text = try Self.generalBudgetMerged(header: "科目\t合计\t基本支出\t项目支出") { code, name in
            style == "space" ? "\(code) \(name)" : style == "none" ? code + name : "[\(code)]\(name)"
        }
        #expect(text.contains(style == "brackets" ? "[2010601]行政运行\t1,511.89" : "行政运行\t1,511.89"))
        try Self.expectSameAsOriginal(text, table: .generalBudgetExpenditure)
    }

    @Test(
        "公开06 as `科目名称 | 决算数` ×2 over `30101 基本工资`, or `科目 | 决算数` ×2 over `【30101】基本工资`: the original's cells and findings",
        arguments: ["科目名称\t决算数\t科目名称\t决算数", "科目\t决算数\t科目\t决算数"])
    func basicExpenditure(header: String) throws {
        let text = try Self.basicExpenditureMerged(header: header) { code, name in
            header.hasPrefix("科目名称") ? "\(code) \(name)" : "【\(code)】\(name)"
        }
        try Self.expectSameAsOriginal(text, table: .generalBudgetBasicExpenditure)
    }

    @Test("a cell merged across 类 | 款 | 项 | 科目名称 (its empty cells kept), or the code and name in the 科目名称 cell (second tester 27-2): the original's cells and findings")
    func mergedAcrossFields() throws {
        var lines = try ReshapedDocument.corpusLines()
        var inName = lines
        for index in 247..<lines.count {
            let fields = lines[index].components(separatedBy: "\t")
            guard fields.count == 7 else { break }
            let code = fields[0...2].joined()
            guard code.allSatisfy(\.isNumber) else { continue }
            lines[index] = (["\(code) \(fields[3])", "", "", ""] + fields[4...]).joined(separator: "\t")
            inName[index] = (["", "", "", "[\(code)]\(fields[3])"] + fields[4...]).joined(separator: "\t")
        }
        #expect(lines[247] == "201 一般公共服务支出\t\t\t\t2,106.66\t1,503.52\t603.14")
        try Self.expectSameAsOriginal(lines.joined(separator: "\n"), table: .generalBudgetExpenditure)
        let disclosure = try DisclosureReader.read(data: Data(inName.joined(separator: "\n").utf8), file: "001.txt")
        let original = try DisclosureReader.read(path: Seed.corpusPath(Seed.shanghaiFinance))
        #expect(ReshapedDocument.cells(disclosure) == ReshapedDocument.cells(original))
    }

    @Test("公开06 with `30101 基本工资 | | | 262.33` (a cell merged across 类 | 款 | 科目名称): the original's cells and findings")
    func basicExpenditureAcrossFields() throws {
        var lines = try ReshapedDocument.corpusLines()
        let start = try #require(lines.firstIndex { $0.hasPrefix("经济分类\t\t科目名称\t决算数") })
        let end = try #require(lines[start...].firstIndex { $0.hasPrefix("人员经费合计") })
        for index in (start + 3)..<end where !lines[index].isEmpty {
            var fields = lines[index].components(separatedBy: "\t")
            fields += Array(repeating: "", count: max(0, 8 - fields.count))
            for block in [0, 4] where !(fields[block] + fields[block + 1]).isEmpty {
                fields[block] = "\(fields[block] + fields[block + 1]) \(fields[block + 2])"
                fields[block + 1] = ""
                fields[block + 2] = ""
            }
            lines[index] = fields.joined(separator: "\t")
        }
        try Self.expectSameAsOriginal(lines.joined(separator: "\n"), table: .generalBudgetBasicExpenditure)
    }

    @Test("a merged cell with a bad code (`2010 行政运行`) is read with a row.bad-code warning, not dropped")
    func badCode() throws {
        let text = try Self.generalBudgetMerged(header: "科目\t合计\t基本支出\t项目支出") { code, name in
            code == "2010601" ? "2010 \(name)" : "\(code) \(name)"
        }
        let disclosure = try DisclosureReader.read(data: Data(text.utf8), file: "001.txt")
        let table = try #require(disclosure.table(.generalBudgetExpenditure))
        let row = try #require(table.rows.first { $0.item.hasPrefix("2010") })
        #expect(row.code == nil && row.cells.first?.text == "1,511.89")
        #expect(disclosure.problems.contains { $0.code == "row.bad-code" && $0.source.line == row.source.line })
    }
}
