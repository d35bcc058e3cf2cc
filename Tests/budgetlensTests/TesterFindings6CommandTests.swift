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
}
