import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensTestSupport
import Foundation
import Testing

/// A table's form label printed on its title's line (`收入支出决算总表    公开01表`, as `-layout` text prints them side
/// by side; `收入支出决算总表 | 公开01表` in two cells; or the label first), or on the line above the title (a fresh
/// tester's finding 27-8). Before, the document was refused ("no 部门决算 table"), or each table took the next
/// one's label (nine false F-LABEL warnings). Seed 001 (威海, labels on their own line under the titles) is edited
/// in the test; its cells and findings must be the original's.
@Suite("Form labels on the title's line or above it")
struct TitleWithFormLabelTests {
    static func edited(_ edit: (_ title: String, _ label: String) -> [String]) throws -> String {
        let lines = try String(contentsOfFile: Seed.path(Seed.weihai), encoding: .utf8).components(separatedBy: "\n")
        var output: [String] = []
        var labels = 0
        for line in lines {
            if line.wholeMatch(of: /公开0\d表/) != nil, let title = output.lastIndex(where: { !$0.isEmpty }),
                TableTitles.table(named: output[title]) != nil
            {
                let titleLine = output[title]
                output.removeSubrange(title...)
                output += edit(titleLine, line)
                labels += 1
                continue
            }
            output.append(line)
        }
        #expect(labels == 8)  // 公开06 has no label line in this seed
        return output.joined(separator: "\n")
    }

    @Test(
        "label after the title (one space, a run of spaces, a tab), before it, or on the line above: the original's cells and findings",
        arguments: ["space", "spaces", "tab", "first", "above"])
    func sameReading(shape: String) throws {
        let text = try Self.edited { title, label in
            switch shape {
            case "space": [title + " " + label]
            case "spaces": [title + String(repeating: " ", count: 20) + label]
            case "tab": [title + "\t" + label]
            case "first": [label + " " + title]
            default: [label, "", title]
            }
        }
        let original = try DisclosureReader.read(path: Seed.path(Seed.weihai))
        let edited = try DisclosureReader.read(data: Data(text.utf8), file: "001.txt")
        #expect(edited.tables.map(\.id) == original.tables.map(\.id))
        #expect(edited.tables.map(\.title) == original.tables.map(\.title))
        #expect(edited.tables.map(\.formLabel) == original.tables.map(\.formLabel))
        #expect(ReshapedDocument.cells(edited) == ReshapedDocument.cells(original))
        #expect(try ReshapedDocument.findings(edited) == ReshapedDocument.findings(original))
    }

    @Test("splitFormLabel: the label at either end of the key, never inside it or alone")
    func split() {
        #expect(TableTitles.splitFormLabel("收入支出决算总表公开01表")! == ("收入支出决算总表", "公开01表"))
        #expect(TableTitles.splitFormLabel("公开02表收入决算表")! == ("收入决算表", "公开02表"))
        for key in ["公开01表", "收入支出决算总表", "收入(公开01表)支出决算总表", "收入支出决算总表(公开01表)", "公开表收入决算表"] {
            #expect(TableTitles.splitFormLabel(key) == nil, "\(key)")
        }
    }
}
