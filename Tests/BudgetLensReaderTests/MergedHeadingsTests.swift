import BudgetLensCore
import BudgetLensReader
import BudgetLensTestSupport
import Foundation
import Testing

/// A code table whose header puts two standard headings into one column, with one column fewer a pair (as a
/// Chromium print whose heading cells wrap is rebuilt: `上级补助收入事业收入`): its amounts would stand under the
/// wrong 栏次, so it is not read (MergedHeadings). Made here from corpus 001's tab-separated 公开02.
@Suite("merged column headings")
struct MergedHeadingsTests {
    /// Corpus 001 with 公开02's 上级补助收入 and 事业收入, and 经营收入 and 附属单位上缴收入, printed as one column each
    /// (`merge` true), or as printed (`merge` false).
    private func read(merge: Bool) throws -> Disclosure {
        let text = try String(contentsOfFile: Seed.corpusPath("001-shanghai-putuo-caizhengju-2024-final.txt"), encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0 == "收入决算表" })
        let end = try #require(lines[start...].firstIndex { $0 == "支出决算表" })
        if merge {
            for index in start..<end {
                var fields = lines[index].components(separatedBy: "\t")
                if lines[index].contains("上级补助") {
                    // The header: 上级补助 收入 | 事业收入 | 经营收入 | 附属单位上缴收入 → two headings.
                    let first = try #require(fields.firstIndex { $0.contains("上级补助") })
                    fields[first] = fields[first] + fields[first + 1]
                    fields[first + 2] = fields[first + 2] + fields[first + 3]
                    fields.remove(at: first + 3)
                    fields.remove(at: first + 1)
                } else if fields.count == 11, fields[7].isEmpty, fields[9].isEmpty {
                    // A row (类 款 项 科目名称, seven amounts): 事业收入 and 附属单位上缴收入 (blank) dropped.
                    fields.remove(at: 9)
                    fields.remove(at: 7)
                }
                lines[index] = fields.joined(separator: "\t")
            }
        }
        return try DisclosureReader.read(data: Data(lines.joined(separator: "\n").utf8), file: "merged.txt")
    }

    @Test("公开02 with 上级补助收入事业收入 and 经营收入附属单位上缴收入 as one column each: not read, the heading named; as printed: read")
    func mergedNotRead() throws {
        let merged = try read(merge: true)
        #expect(merged.table(.income) == nil)
        let error = try #require(merged.problems.first { $0.code == Disclosure.notUnderstoodTableProblem && $0.table == .income })
        #expect(error.severity == .error)
        #expect(error.message.hasPrefix("公开02 收入决算表：第3栏的栏目“上级补助收入事业收入”含两个栏目（上级补助收入、事业收入），本表的栏次无法确定，未读取"),
            "\(error.message)")
        // The other tables are read as before; as printed, 公开02 is read with its seven columns.
        let printed = try read(merge: false)
        #expect(printed.table(.income)?.columns.count == 7)
        #expect(merged.tables.count == printed.tables.count - 1)
        #expect(!printed.problems.contains { $0.code == Disclosure.notUnderstoodTableProblem })
    }
}
