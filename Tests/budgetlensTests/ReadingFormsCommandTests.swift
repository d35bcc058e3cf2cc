import BudgetLensTestSupport
import Foundation
import Testing

/// `check` and `show` on the forms a disclosure really arrives in: a partly scanned PDF, a GB18030 copy.
@Suite("budgetlens on partly scanned PDFs and other encodings")
struct ReadingFormsCommandTests {
    static let mixed = "field/shanghai-putuo-shehuigongzuobu-2024-final-MIXEDSCAN-p8-9-image.pdf"

    @Test("check: exit 0 on the PDF whose 公开03 pages are images; the warning names 公开03 and 第8–9页")
    func checkPartlyScanned() throws {
        let result = try BudgetLensBinary.run(["check", Seed.corpusPath(Self.mixed)])
        #expect(result.status == 0, "the findings that could be made hold no error")
        #expect(result.stdout.contains("公开03 支出决算表 is present, unreadable (第8–9页, images): not checked"))
        #expect(result.stdout.contains("因此未核对：03-1、03-2、03-3、X-4、X-5、X-12、X-14"))
        #expect(!result.stdout.contains("F-TOC"))
        #expect(result.stdout.contains("/ 0 errors, "))
    }

    @Test("show: says the document was read only in part, and how each table was read")
    func showPartlyScanned() throws {
        let result = try BudgetLensBinary.run(["show", Seed.corpusPath(Self.mixed)])
        #expect(result.status == 1)  // read in part, as `cells`
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("部分读取 Read only in part: 公开03 无法读取（未检查）unreadable (not checked) — 见读取问题 see Reading problems"))
        #expect(lines.contains("表 Tables (8 of 9; 1 present but unreadable):"))
        #expect(lines.contains { $0.hasPrefix("  公开03  支出决算表  — unreadable 无法读取: ") && $0.contains("第8–9页") })
        #expect(lines.contains("  公开02  收入决算表  18 rows, 126 cells, line 88, 第6–7页"))
        #expect(lines.contains("读取 Read as:     PDF (its text layer through poppler; tables rebuilt from word positions)"))
    }

    @Test("show and export state the encoding read: GB18030 with CRLF line endings")
    func showEncoding() throws {
        let source = try String(contentsOfFile: Seed.path(Seed.weihai), encoding: .utf8)
            .replacingOccurrences(of: "\n", with: "\r\n")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("budgetlens-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("weihai-gbk.txt").path
        let encoding = String.Encoding(rawValue: 0x8000_0632)  // GB18030, as Foundation names it
        try #require(source.data(using: encoding)).write(to: URL(fileURLWithPath: path))
        let show = try BudgetLensBinary.run(["show", path])
        #expect(show.status == 0)
        #expect(show.stdout.contains("编码 Encoding:    GB18030, CRLF line endings\n"))
        #expect(show.stdout.contains("读取 Read as:     text (tables as tab-separated rows)\n"))
        #expect(!show.stdout.contains("Read only in part"))
        let export = try BudgetLensBinary.run(["export", path, "--format", "json"])
        #expect(export.stdout.contains("\"encoding\" : \"GB18030\""))
        let original = try BudgetLensBinary.run(["check", Seed.path(Seed.weihai)])
        let copy = try BudgetLensBinary.run(["check", path])
        #expect(copy.status == original.status)
        #expect(
            copy.stdout.split(separator: "\n").dropFirst() == original.stdout.split(separator: "\n").dropFirst(),
            "the same findings, line for line")
    }
}
