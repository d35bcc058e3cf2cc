import BudgetLensTestSupport
import Foundation
import Testing

/// Tester findings 8 (docs/duplicate-and-merged-cells.md): a table that appears twice is read once and `cells`
/// says so (exit 1); a merged amount cell's covered cells are not read (not 0.00); a date in an amount cell is
/// said once, as a warning; a text meant as JSON that is not valid JSON names its syntax error and place.
@Suite("TesterFindings8: duplicated tables, merged amount cells, date cells, invalid JSON")
struct TesterFindings8Tests {
    /// Seed 001 (威海) written into a workbook, then edited by `make_workbook.py edit` operations.
    static func workbook(_ operations: [String], in folder: URL) throws -> String {
        let plain = try TestWorkbooks.document(seed: Seed.weihai, in: folder)
        guard !operations.isEmpty else { return plain }
        let output = folder.appendingPathComponent("edited.xlsx").path
        let made = try TestWorkbooks.python("make_workbook.py", ["edit", plain, output] + operations)
        try #require(made.status == 0, "\(made.stderr)")
        return output
    }

    static func rows(_ csv: String, table: String) -> [String] {
        csv.split(separator: "\n").map(String.init).filter { $0.hasPrefix(table + ",") }
    }

    static func findings(_ path: String) throws -> [(rule: String, severity: String, message: String)] {
        let result = try BudgetLensBinary.run(["check", path, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        return findings.map { ($0["rule"] as? String ?? "", $0["severity"] as? String ?? "", $0["message"] as? String ?? "") }
    }

    // MARK: 1. A table that appears twice

    @Test("A damaged PDF whose 公开01 is located twice: cells exit 1, the note on stderr, 42 rows of 公开01 as in the PDF")
    func duplicatePDF() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = Seed.corpusPath("pdf/中共上海市普陀区委社会工作部 2024 年度部门决算.pdf")
        let damaged = folder.appendingPathComponent("corrupt4.pdf").path
        let made = try ProcessRunner.run(
            "/usr/bin/env",
            ["python3", "-c", "import sys;d=bytearray(open(sys.argv[1],'rb').read());n=len(d)//3;"
                + "[d.__setitem__(slice(n*k//2+1000,n*k//2+4000),b'\\0'*3000) for k in range(5)];"
                + "open(sys.argv[2],'wb').write(d)", original, damaged])
        try #require(made.status == 0, "\(made.stderr)")
        let result = try BudgetLensBinary.run(["cells", damaged])
        #expect(result.status == 1)
        #expect(result.stderr.contains("表重复：公开01 又见于 第3页 (256,139)，只读取第一份（第2页 (256,139)），第二份未读取"), "\(result.stderr)")
        let clean = try BudgetLensBinary.run(["cells", original])
        #expect(clean.status == 0 && !clean.stderr.contains("表重复"))
        let rows = Self.rows(result.stdout, table: "01")
        #expect(rows.count == 42)
        // The same cells as the undamaged PDF's (their source lines differ: the damaged file's text is shorter).
        func cells(_ rows: [String]) -> [String] { rows.map { String($0[..<($0.lastIndex(of: ",") ?? $0.endIndex)]) } }
        #expect(cells(rows) == cells(Self.rows(clean.stdout, table: "01")))
        #expect(rows.first?.hasPrefix("01,,,一、一般公共预算财政拨款收入,1,307.82,") == true)
        // No rule sums doubled rows: the 公开01 findings are the undamaged PDF's.
        func ruleFindings(_ path: String) throws -> [String] {
            try Self.findings(path).filter { $0.rule.hasPrefix("01-") }.map(\.message)
        }
        #expect(try ruleFindings(damaged) == (try ruleFindings(original)))
    }

    @Test("A text with 公开01 copied (939.04 changed to 999.99) after its 注: the first read, the copy not; exit 1")
    func duplicateText() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = try String(contentsOfFile: Seed.path(Seed.weihai), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let copy = lines[102..<146].map { $0.replacingOccurrences(of: "939.04", with: "999.99") }
        let path = folder.appendingPathComponent("twice.txt").path
        try (lines[..<146] + copy + lines[146...]).joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let result = try BudgetLensBinary.run(["cells", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("公开01 又见于 147:1，只读取第一份（103:1），第二份未读取"), "\(result.stderr)")
        let rows = Self.rows(result.stdout, table: "01")
        #expect(rows.count == 62 && rows.first == "01,1,,一、一般公共预算财政拨款收入,1,939.04,114")
        #expect(!result.stdout.contains("999.99"))
        let seed = try BudgetLensBinary.run(["cells", Seed.path(Seed.weihai)])
        #expect(seed.status == 0 && seed.stderr.isEmpty)
        #expect(rows == Self.rows(seed.stdout, table: "01"))
    }

    @Test("A workbook with 公开01 copied and the copy's C12 set to 999.99: the first sheet read; cells exit 1 with the note")
    func duplicateWorkbook() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.workbook(["copy:公开01", "set:公开01 Copy:C12:999.99"], in: folder)
        let result = try BudgetLensBinary.run(["cells", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("公开01 又见于 '公开01 Copy'!A1，只读取第一份（公开01!A1），第二份未读取"), "\(result.stderr)")
        #expect(!result.stdout.contains("999.99"))
        let plain = try BudgetLensBinary.run(["cells", try Self.workbook([], in: folder)])
        #expect(plain.status == 0 && plain.stderr.isEmpty)
        #expect(result.stdout == plain.stdout)
    }

    // MARK: 2. Merged amount cells

    @Test("公开05!C12:D12 merged: 栏2 of 合计 not read (not 0.00), a warning naming the range, the sums over it not checked")
    func mergedAmount() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.workbook(["merge:公开05:C12:D12"], in: folder)
        let result = try BudgetLensBinary.run(["cells", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("警告 warning: 金额单元格合并（被合并的单元格未读取）：金额单元格 公开05!C12:D12 合并了 2 个金额单元格"), "\(result.stderr)")
        let rows = Self.rows(result.stdout, table: "05")
        #expect(rows.contains("05,,,合计,1,958.64,12"))
        #expect(rows.contains("05,,,合计,2,,12"))
        #expect(!rows.contains("05,,,合计,2,0.00,12"))
        let findings = try Self.findings(path)
        #expect(!findings.contains { $0.severity == "error" && ["05-1", "05-3", "X-11", "F-READ"].contains($0.rule) }, "\(findings)")
        #expect(findings.contains { $0.rule == "05-1" && $0.message.hasPrefix("各行小计 = 基本支出 + 项目支出：无法审核，公开05[合计,2]") })
        #expect(findings.contains { $0.rule == "F-READ" && $0.severity == "warning" && $0.message.contains("公开05!C12:D12") })
    }

    @Test("The unedited workbook (its title and header cells merged): no merged-amount warning; 05 合计 栏2 453.00")
    func mergedHeadersSilent() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.workbook([], in: folder)
        let result = try BudgetLensBinary.run(["cells", path])
        #expect(result.status == 0 && result.stderr.isEmpty)
        #expect(Self.rows(result.stdout, table: "05").contains("05,,,合计,2,453.00,12"))
        #expect(!(try Self.findings(path)).contains { $0.message.contains("金额单元格合并") })
    }

    // MARK: 3. A date in an amount cell

    @Test("A date in 公开01!C12: cells says the date reason as a warning (as check does), not 'misplaced minus sign'; exit 1")
    func dateCell() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.workbook(["date:公开01:C12:2024-03-05"], in: folder)
        let result = try BudgetLensBinary.run(["cells", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("公开01!C12: 警告 warning: 金额单元格为日期格式（单元格不是金额）：单元格不是金额（日期）：公开01!C12 为日期格式，存储 45356，显示为 2024-03-05"), "\(result.stderr)")
        #expect(!result.stderr.contains("misplaced minus sign") && !result.stderr.contains("错误 error"))
        #expect(Self.rows(result.stdout, table: "01").first == "01,1,,一、一般公共预算财政拨款收入,1,,12")
        let reads = try Self.findings(path).filter { $0.rule == "F-READ" }
        #expect(reads.count == 1 && reads.first?.severity == "warning" && reads.first?.message.contains("存储 45356") == true, "\(reads)")
    }

    // MARK: 4. Invalid JSON

    @Test("Text meant as JSON that is not valid JSON: exit 2 naming the syntax error and its line and column",
        arguments: [("bad.json", "[1,2\n", "bad.json:1:5: not valid JSON"), ("bad.txt", "[1,2", "bad.txt:1:5: not valid JSON"),
                    ("obj.txt", "{\"a\":\n  [1,,2]}", "obj.txt:2:")])
    func invalidJSON(name: String, text: String, expected: String) throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try BudgetLensBinary.run(["check", path])
        #expect(result.status == 2)
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        #expect(!result.stderr.contains("no 部门决算 table"))
    }

    @Test("A text starting with '[' that is no JSON ([公开01]) is read as text: 'no 部门决算 table', not a JSON error")
    func bracketTextNotJSON() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("b.txt").path
        try "[公开01]\n说明\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try BudgetLensBinary.run(["check", path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no 部门决算 table") && !result.stderr.contains("JSON"))
    }
}
