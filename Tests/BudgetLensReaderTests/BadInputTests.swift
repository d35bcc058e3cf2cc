import BudgetLensCore
import BudgetLensReader
import BudgetLensTestSupport
import Foundation
import Testing

@Suite("Bad input: a clear error or a partial model with recorded problems")
struct BadInputTests {
    private func temporaryFile(_ bytes: [UInt8], name: String = "input.txt") throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("budgetlens-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test("an empty file is an error naming the file")
    func emptyFile() throws {
        let path = try temporaryFile([])
        let error = try #require(throws: ReadError.self) { try DisclosureReader.read(path: path) }
        #expect(error.code == .empty && error.description.contains(path))
    }

    @Test("a missing file is an error")
    func missingFile() throws {
        let error = try #require(throws: ReadError.self) { try DisclosureReader.read(path: "/no/such/file.txt") }
        #expect(error.code == .unreadable)
    }

    @Test("GBK bytes are rejected with the line and byte offset of the first bad byte")
    func notUTF8() throws {
        // "收入\n" in UTF-8, then "决算" in GBK (0xBE 0xF6 0xCB 0xE3).
        let path = try temporaryFile(Array("收入\n".utf8) + [0xBE, 0xF6, 0xCB, 0xE3, 0x0A])
        let error = try #require(throws: ReadError.self) { try DisclosureReader.read(path: path) }
        #expect(error.code == .notText)
        #expect(error.source.line == 2 && error.source.column == 1)
        #expect(error.message.contains("0xBE") && error.message.contains("byte offset 7"))
    }

    @Test("binary bytes are rejected")
    func binary() throws {
        let path = try temporaryFile([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00])
        let error = try #require(throws: ReadError.self) { try DisclosureReader.read(path: path) }
        #expect(error.code == .notText)
    }

    @Test("a 200 MB file is refused before it is read")
    func tooLarge() throws {
        let path = try temporaryFile([])
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 200 << 20)  // sparse: instant, no disk
        try handle.close()
        let error = try #require(throws: ReadError.self) { try DisclosureReader.read(path: path) }
        #expect(error.code == .tooLarge && error.message.contains("200 MiB"))
    }

    @Test("a row with an extra non-blank cell is not read, and the problem names table, line and width")
    func wrongWidthRow() {
        let text = """
            收入决算表
            金额单位：万元
            项目\t\t本年收入合计\t财政拨款收入
            科目编码\t科目名称\t\t
            栏次\t\t1\t2
            合计\t\t10.00\t10.00
            210\t卫生健康支出\t10.00\t10.00\t99.99
            21011\t行政事业单位医疗\t10.00\t1O.00
            """
        let disclosure = DisclosureReader.read(text: text, file: "synthetic.txt")
        let table = disclosure.table(.income)
        #expect(table?.rows.count == 2)
        let wide = disclosure.problems.first { $0.code == "row.too-wide" }
        #expect(wide?.table == .income && wide?.source.line == 7)
        let badNumber = disclosure.problems.first { $0.code == "cell.not-a-number" }
        #expect(badNumber?.source.line == 8 && badNumber?.source.column == 22)
        #expect(disclosure.row(.income, code: "21011")?.cell(2)?.value == nil, "never a silent wrong number")
        #expect(disclosure.row(.income, code: "21011")?.cell(2)?.text == "1O.00")
    }

    @Test("a document cut in the middle of 公开03 reads what is there and records the rest as missing")
    func truncatedDocument() throws {
        let full = try String(contentsOfFile: Seed.path(Seed.weihai), encoding: .utf8)
        let lines = full.split(separator: "\n", omittingEmptySubsequences: false)
        let cut = lines.prefix(195).joined(separator: "\n")  // ends at 03's row 210 卫生健康支出
        let disclosure = DisclosureReader.read(text: cut, file: "cut.txt")
        #expect(disclosure.tables.map(\.id) == [.incomeExpenditureSummary, .income, .expenditure])
        #expect(disclosure.table(.expenditure)?.rows.count == 7)
        #expect(disclosure.missingTables.count == 6)
        #expect(disclosure.narrative.isEmpty)
    }

    @Test("text that is not a disclosure reads as an unknown document without tables")
    func prose() {
        let disclosure = DisclosureReader.read(text: "这是一段普通文字。\n没有表格。", file: "prose.txt")
        #expect(disclosure.kind == .unknown && disclosure.tables.isEmpty)
    }
}
