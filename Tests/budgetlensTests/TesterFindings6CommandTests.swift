import BudgetLensTestSupport
import Foundation
import Testing

/// Tester findings (round 6), through the built binary: `show`'s exit code and 部分读取 line, page-level places.
@Suite("Tester findings 6: show read in part, page-level places")
struct TesterFindings6CommandTests {
    static let mixed = "field/shanghai-putuo-shehuigongzuobu-2024-final-MIXEDSCAN-p8-9-image.pdf"

    @Test("show: exit 1 and 部分读取 when a table is on scanned pages (as cells); exit 0 on a whole seed")
    func showExitCode() throws {
        let path = Seed.corpusPath(Self.mixed)
        let show = try BudgetLensBinary.run(["show", path])
        #expect(show.status == 1)
        #expect(try BudgetLensBinary.run(["cells", path]).status == 1)
        #expect(show.stdout.contains("部分读取 Read only in part: 公开03 无法读取（未检查）unreadable (not checked)"))
        let whole = try BudgetLensBinary.run(["show", Seed.path(Seed.weihai)])
        #expect(whole.status == 0 && !whole.stdout.contains("Read only in part"))
        let help = try BudgetLensBinary.run(["show", "--help"])
        #expect(help.stdout.contains("Exit codes: 0 read fully; 1 read in part"))
    }

    @Test("a page-level note is placed file（第8页）, never file:0:0, in show, check and check --format json")
    func pageLevelPlaces() throws {
        let path = Seed.corpusPath(Self.mixed)
        let show = try BudgetLensBinary.run(["show", path])
        #expect(show.stdout.contains("\(path)（第8页）: 警告 warning: [公开03]"))
        #expect(!show.stdout.contains(":0:0"))
        let check = try BudgetLensBinary.run(["check", path])
        #expect(!check.stdout.contains(":0:0"))
        let json = try BudgetLensBinary.run(["check", path, "--format", "json"])
        #expect(!json.stdout.contains(":0:0") && !json.stdout.contains("\"source_line\" : 0"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        let read = try #require(findings.first { ($0["rule"] as? String) == "F-READ" })
        #expect(read["source"] as? String == "\(path)（第8页）")
        #expect(read["source_line"] is NSNull && (read["page"] as? Int) == 8)
    }

    static let documents = [
        "field/minimal-gov-fund-table07-merged-header-total-row.txt", "field/shanghai-putuo-shiquanlu-jiedao-2025-final-tsv.txt",
        "field/shenzhen-dapeng-jianzhugongwuju-sangong-colnumbers-tsv.txt", "field/shenzhen-hrss-2019-sangong-RECONSTRUCTED-4col-tsv.txt",
        "field/jiangsu-cppcc-office-2019-BUDGET-tables.pdf", "field/shanghai-putuo-shehuigongzuobu-2024-final-MIXEDSCAN-p8-9-image.pdf",
        "pdf/上海市普陀区财政局2024年度部门决算.pdf", "pdf/上海市普陀区规划和自然资源局 2024 年度部门决算.pdf",
    ]

    /// Whether the detail before ` — ` says something in Chinese: a Han character outside table ids (公开03),
    /// quoted words and the field's terms that English details quote too (栏次, 合计).
    static func isChineseFirst(_ message: String) -> Bool {
        var head = String(message.components(separatedBy: " — ")[0].prefix(80))
        for (open, close) in [("“", "”"), ("'", "'")] {
            while let start = head.range(of: open), let end = head.range(of: close, range: start.upperBound..<head.endIndex) {
                head.removeSubrange(start.lowerBound..<end.upperBound)
            }
        }
        for term in ["公开", "栏次", "合计"] { head = head.replacingOccurrences(of: term, with: "") }
        return head.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    @Test("every reading problem of the field cases and corpus PDFs gives its detail in Chinese, then English", arguments: documents)
    func chineseFirst(document: String) throws {
        let export = try BudgetLensBinary.run(["export", Seed.corpusPath(document), "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
        let disclosure = try #require(object["disclosure"] as? [String: Any])
        let problems = try #require(disclosure["problems"] as? [[String: Any]])
        let english = problems.compactMap { $0["message"] as? String }.filter { !Self.isChineseFirst($0) }
        #expect(english.isEmpty, "\(english)")
        #expect(!Self.isChineseFirst("'201' is not a classification code of 3, 5 or 7 digits"))
    }

    @Test("the blank page 14 of the 财政局 PDF: file（第14页）, its detail in Chinese first")
    func blankPage() throws {
        let path = Seed.corpusPath("pdf/上海市普陀区财政局2024年度部门决算.pdf")
        let show = try BudgetLensBinary.run(["show", path])
        #expect(show.stdout.contains("\(path)（第14页）: 提示 info: 空白页：第14页是空白页：没有文字也没有图片（至多有表格线） — page 14 is blank"))
    }
}
