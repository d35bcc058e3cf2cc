import BudgetLensTestSupport
import Foundation
import Testing

/// A workbook whose classification-code cell is merged down over rows without their own codes
/// (`workbook.merged-code`, made with scripts/make_workbook.py `edit`): the reader leaves those rows code-less
/// (never a code made up), and the rules over that 类 are reported not checked instead of firing on the rows
/// left (before: 02-2 "201 … 为 2112.86，应为 0.00", X-12 "公开03 20106 … 为 0.00，应为 2106.66", N-ITEM).
@Suite("DamagedInput7: a merged code cell leaves rows code-less — their rules not checked")
struct DamagedWorkbook7Tests {
    static func findings(_ path: String) throws -> [(rule: String, severity: String, message: String)] {
        let result = try BudgetLensBinary.run(["check", path, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        return findings.map { ($0["rule"] as? String ?? "", $0["severity"] as? String ?? "", $0["message"] as? String ?? "") }
    }

    @Test(
        "公开02/03/05!A9:A14 merged over code-less rows: no 02-2/03-2/05-2/X-12/N-ITEM error; F-READ names the rules not checked",
        arguments: [("公开02", ["02-2"]), ("公开03", ["03-2", "X-12"]), ("公开05", ["05-2", "X-12"])])
    func mergedCodeNotChecked(sheet: String, rules: [String]) throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try TestWorkbooks.shanghaiFinance(
            edited: ["clear:\(sheet):A10:C14", "merge:\(sheet):A9:A14"], named: "merged.xlsx", in: folder)
        let findings = try Self.findings(path)
        let errors = findings.filter { $0.severity == "error" }.map(\.rule)
        for rule in rules + ["N-ITEM", "02-2", "03-2", "05-2", "X-12"] { #expect(!errors.contains(rule), "\(rule): \(errors)") }
        // The reading note says what was not checked.
        let note = try #require(findings.first { $0.rule == "F-READ" && $0.message.contains("\(sheet)!A9:A14 向下合并了 6 行") })
        #expect(note.severity == "warning")
        #expect(note.message.contains("；因此\(sheet) 201类以下未核对：\(rules.joined(separator: "、"))"), "\(note.message)")
        // The other findings are the unedited workbook's (its 尾数 warnings and narrative errors).
        let plain = try Self.findings(try TestWorkbooks.shanghaiFinance(edited: [], named: "", in: folder))
        #expect(Set(plain.map(\.rule)).subtracting(["F-READ"]).isSubset(of: Set(findings.map(\.rule))))
        #expect(!plain.contains { $0.rule == "F-READ" })
    }

    @Test("A planted error below another 类 still fires: 公开02 merged at 201, 2080501 栏1 84.65 → 184.65 — 02-2 on 20805")
    func otherCategoriesStillChecked() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The 类 201 merge; and 公开02 row 208 05 01's amount changed from the text (a planted 02-2 violation).
        let path = try TestWorkbooks.shanghaiFinance(
            edited: ["clear:公开02:A10:C14", "merge:公开02:A9:A14", "set:公开02:E17:184.65"], named: "planted.xlsx", in: folder)
        let errors = try Self.findings(path).filter { $0.severity == "error" && $0.rule == "02-2" }
        #expect(errors.map(\.message).contains { $0.hasPrefix("类、款 = 所属下级科目之和：公开02 20805 行政事业单位养老支出 栏1 为 326.72，应为 426.72") }, "\(errors)")
        #expect(errors.allSatisfy { !$0.message.contains("公开02 201") })
    }
}
