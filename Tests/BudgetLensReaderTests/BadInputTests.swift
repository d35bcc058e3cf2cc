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

    @Test("a text cut inside a table row (no line ending, fewer cells): that table is not read and the cut is named; seeds ending without a line ending are read whole")
    func cutInsideRow() throws {
        let seed = try Data(contentsOf: URL(fileURLWithPath: Seed.path(Seed.yantai)))
        let row = try #require(String(decoding: seed, as: UTF8.self).range(of: "20805\t行政事业单位养老支出\t107.74"))
        let text = String(decoding: seed, as: UTF8.self)
        let cut = Array(text[..<row.upperBound].dropLast().utf8)  // …\t107.7
        for bytes in [cut, Array(String(decoding: cut, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)] {
            let disclosure = try DisclosureReader.read(data: Data(bytes), file: "cut.txt")
            let problem = try #require(disclosure.problems.first { $0.code == "text.ends-mid-row" })
            #expect(problem.severity == .error && problem.table == .income && problem.source.line == 147)
            #expect(problem.message.contains("its last value “107.7” may itself be cut"))
            #expect(problem.message.hasSuffix("the table is not read — was the file cut short?"))
            #expect(!disclosure.problems.contains { $0.code == "row.too-narrow" })
            // Its other rows are missing too: the table is present, not read (its totals cannot be checked).
            #expect(disclosure.table(.income) == nil)
            #expect(disclosure.notUnderstoodTables == [.income] && !disclosure.missingTables.contains(.income))
        }
        // The same row whole but without a line ending: not a cut row — but a file cut between two rows of 公开02,
        // 公开03–09 absent (TextEndsInTable): 公开02 present, not read, `text.ends-in-table`.
        let whole = Array(text[..<row.upperBound].utf8) + Array("\t107.74\t\t\t\t\t\t".utf8)
        let complete = try DisclosureReader.read(data: Data(whole), file: "whole.txt")
        #expect(!complete.problems.contains { $0.code == "text.ends-mid-row" })
        #expect(complete.problems.contains { $0.code == "text.ends-in-table" && $0.table == .income })
        #expect(complete.table(.income) == nil && complete.notUnderstoodTables == [.income])
        for seed in [Seed.weihai, Seed.zengdu] {  // end without a line ending, in an annex and the narrative
            #expect(try !Seed.read(seed).problems.contains { $0.code == "text.ends-mid-row" })
        }
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

    @Test("a row with an extra non-blank cell is kept with its amounts unread, and the problem names table, line and width")
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
        #expect(table?.rows.count == 3)
        #expect(disclosure.row(.income, code: "210")?.cells.allSatisfy { $0.value == nil } == true)
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

@Suite("Binary files are named for what they are")
struct BinaryKindTests {
    private func read(_ bytes: [UInt8], name: String) throws -> ReadError {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("budgetlens-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return try #require(throws: ReadError.self) { try DisclosureReader.read(path: url.path) }
    }

    /// A ZIP archive holding one stored entry named `entry` (made by Python's zipfile, as Office files are ZIPs).
    private func zip(entry: String) throws -> [UInt8] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("budgetlens-zip-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("out.zip").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            "import sys, zipfile; zipfile.ZipFile(sys.argv[1], 'w').writestr(sys.argv[2], '<x/>')", path, entry,
        ]
        try process.run()
        process.waitUntilExit()
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test("XLSX, DOCX, ZIP, PNG, JPEG, gzip and old Office files are refused by name, not called GBK")
    func named() throws {
        let cases: [([UInt8], String, String)] = [
            // A ZIP goes to the workbook reader, which names what it is (an empty workbook, a Word document).
            (try zip(entry: "xl/workbook.xml"), "a.txt", "workbook"),
            (try zip(entry: "word/document.xml"), "a.txt", "Word document (DOCX)"),
            (try zip(entry: "data.csv"), "a.txt", "a ZIP archive"),
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D], "scan.txt", "a PNG image"),
            ([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46], "scan.txt", "a JPEG image"),
            ([0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0], "a.txt.gz", "a gzip-compressed file"),
            ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0], "a.xls", "legacy Excel .xls"),
        ]
        for (bytes, name, kind) in cases {
            let error = try read(bytes, name: name)
            #expect(error.code == .notText || error.code == .badWorkbook)
            #expect(error.message.contains(kind), "\(kind): \(error.message)")
            #expect(!error.message.contains("GBK"), "\(kind)")
        }
    }

    @Test("UTF-16 without a byte-order mark is read, the encoding recorded; an odd length is a cut: the lone byte dropped, warned")
    func utf16WithoutBOM() throws {
        let text = "部门决算 2024\n公开01表\n"
        for (little, encoding) in [(true, TextEncoding.utf16LittleEndianWithoutBOM), (false, .utf16BigEndianWithoutBOM)] {
            let bytes = [UInt8](try #require(text.data(using: little ? .utf16LittleEndian : .utf16BigEndian)))
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("budgetlens-\(UUID())")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let url = directory.appendingPathComponent("u16.txt")
            try Data(bytes).write(to: url)
            let disclosure = try DisclosureReader.read(path: url.path)
            #expect(disclosure.source.encoding == encoding)
            // Detection does not depend on the length (docs/damaged-inputs-7.md): the lone last byte is dropped.
            let cut = try DisclosureReader.read(data: Data(bytes.dropLast()), file: "u16.txt")
            #expect(cut.source.encoding == encoding)
            #expect(cut.problems.contains {
                $0.code == "text.ends-mid-character" && $0.message.contains("UTF-16 character (1 byte(s) from byte offset \(bytes.count - 2))")
            })
        }
    }

    @Test("CR CR LF (a CRLF file converted again) is one line ending: seed 001 reads the same cells and findings' places")
    func doubledCarriageReturn() throws {
        let text = try String(contentsOfFile: Seed.path(Seed.weihai), encoding: .utf8)
        let doubled = Data(text.replacingOccurrences(of: "\n", with: "\r\r\n").utf8)
        let disclosure = try DisclosureReader.read(data: doubled, file: "doubled.txt")
        let original = try Seed.read(Seed.weihai)
        #expect(disclosure.cellRecords().map { $0.csvLine(unit: .wanYuan) } == original.cellRecords().map { $0.csvLine(unit: .wanYuan) })
        #expect(disclosure.source.lineEndings == .crlf)
        #expect(disclosure.narrative.count == original.narrative.count)
    }

    @Test("GB18030 bytes with CRLF line endings read as text, encoding and line endings recorded")
    func gb18030Reads() throws {
        // "部门决算" in GB18030, then a line break.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("budgetlens-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("gb.txt")
        try Data([0xB2, 0xBF, 0xC3, 0xC5, 0xBE, 0xF6, 0xCB, 0xE3, 0x0D, 0x0A]).write(to: url)
        let disclosure = try DisclosureReader.read(path: url.path)
        #expect(disclosure.source.encoding == .gb18030 && disclosure.source.lineEndings == .crlf)
        #expect(disclosure.header.title == "部门决算")
    }
}
