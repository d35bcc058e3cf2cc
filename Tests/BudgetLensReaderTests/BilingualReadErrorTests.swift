import BudgetLensCore
import BudgetLensReader
import BudgetLensTestSupport
import Foundation
import Testing

/// A document that cannot be read is told in Chinese as specifically as in English: the place (file, line, column
/// or JSON path) and the offending value in both (issue 10, item 8); a JSON export's header is checked too (item 6).
@Suite("Read errors in Chinese and English")
struct BilingualReadErrorTests {
    private func file(_ bytes: [UInt8]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bilingual-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent("doc.txt")
        try Data(bytes).write(to: url)
        return url.path
    }

    private func error(path: String, limit: Int? = nil) throws -> ReadError {
        var configuration = ReaderConfiguration()
        if let limit { configuration.maximumInputSize = limit }
        return try #require(throws: ReadError.self) { try DisclosureReader.read(path: path, configuration: configuration) }
    }

    @Test("missing, a directory, empty, too large, binary: the same details in both languages")
    func files() throws {
        let missing = try error(path: "/nonexistent/doc.txt")
        #expect(missing.chineseDescription == "/nonexistent/doc.txt: 无法打开文件（文件不存在或无权访问）")
        #expect(missing.description == "/nonexistent/doc.txt: cannot open the file (no such file or no access)")

        let folder = FileManager.default.temporaryDirectory.path
        #expect(try error(path: folder).chineseDescription == "\(folder): 这是目录，不是文件")

        let empty = try file([0x20, 0x0A])
        #expect(try error(path: empty).chineseDescription == "\(empty): 文件为空（或只有空白）")

        let large = try file(Array(repeating: 0x41, count: 2 << 20))
        let tooLarge = try error(path: large, limit: 1 << 20)
        #expect(tooLarge.chineseDescription.hasPrefix("\(large): 文件大小为 2 MiB，超过上限 1 MiB"), "\(tooLarge.chineseDescription)")
        #expect(tooLarge.description.hasPrefix("\(large): the file is 2 MiB; the largest input accepted is 1 MiB"))

        let nul = try file(Array("部门决算\nab".utf8) + [0x00])
        let binary = try error(path: nul)
        #expect(binary.chineseDescription == "\(nul):2:3: 文件含二进制数据（字节偏移 15 处为 NUL 字节），不是文本")
        #expect(binary.description == "\(nul):2:3: the file holds binary data (a NUL byte at byte offset 15), not text")
    }

    @Test("a byte that is not UTF-8: the Chinese gives the code's meaning and the same details as the English")
    func notText() throws {
        let path = try file([0x61, 0x62, 0xAB, 0x0A])
        let error = try error(path: path)
        #expect(error.chineseDescription.hasPrefix("\(path):1:3: \(ReadError.Code.notText.chineseDescription)：invalid UTF-8 byte 0xAB at byte offset 2"))
        #expect(error.description.hasPrefix("\(path):1:3: invalid UTF-8 byte 0xAB at byte offset 2"))
    }

    @Test("PDFs: not a PDF, cut short, a scan, locked: the same details in Chinese")
    func pdfs() throws {
        let html = try error(path: try named(Array("<html><body>404</body></html>".utf8), "report.pdf"))
        #expect(html.chineseDescription.hasSuffix(": 文件名是 PDF，但内容不是：开头是“<html><body>404<”，而不是“%PDF-”"))
        #expect(html.description.hasSuffix(": the file is named as a PDF but is not one: it starts with '<html><body>404<', not '%PDF-'"))

        let bytes = MinimalPDF.scannedPage()
        let cut = try #require(throws: ReadError.self) {
            try DisclosureReader.read(data: Data(bytes.prefix(bytes.count / 2)), file: "upload.pdf")
        }
        #expect(cut.chineseDescription == "upload.pdf: PDF 不完整：最后 2 KB 中没有文件结束标记（%%EOF）（读到 \(bytes.count / 2) 字节；下载中断了吗？）")

        let scan = try error(path: try named(bytes, "scan.pdf"))
        #expect(scan.chineseDescription.hasSuffix(": PDF 没有文字层（1 页都是图片：扫描件？）；BudgetLens 读取 PDF 的文字，不做 OCR"))
        #expect(scan.description.hasSuffix(": the PDF has no text layer (1 pages of images: a scan?); BudgetLens reads the text of a PDF and does not do OCR"))

        let locked = try error(path: try named(MinimalPDF.passwordProtected(), "locked.pdf"))
        #expect(locked.chineseDescription.hasSuffix(": PDF 已加密，需要密码才能打开；BudgetLens 只读取未加密的 PDF"))
    }

    private func named(_ bytes: [UInt8], _ name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bilingual-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// The error of reading `disclosure`'s export back after `edit` changed its JSON object.
    private func jsonError(_ edit: (inout [String: Any]) -> Void) throws -> ReadError {
        let data = try DisclosureJSON.encode(try Seed.read(Seed.weihai))
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        edit(&object)
        let edited = try JSONSerialization.data(withJSONObject: object)
        return try #require(throws: ReadError.self) { try DisclosureReader.read(data: edited, file: "e.json") }
    }

    private func editHeader(_ key: String, _ value: Any) -> (inout [String: Any]) -> Void {
        { object in
            var disclosure = object["disclosure"] as? [String: Any] ?? [:]
            var header = disclosure["header"] as? [String: Any] ?? [:]
            header[key] = value
            disclosure["header"] = header
            object["disclosure"] = disclosure
        }
    }

    @Test(
        "a hand-edited header is refused naming its JSON path and value in both languages",
        arguments: [
            ("year", 3000 as any Sendable, "$.disclosure.header.year：年度 3000 不在 1949–2100 之间",
                "$.disclosure.header.year: the year 3000 is not between 1949 and 2100"),
            ("year", -5 as any Sendable, "$.disclosure.header.year：年度 -5 不在 1949–2100 之间",
                "$.disclosure.header.year: the year -5 is not between 1949 and 2100"),
            ("unitLabel", "科室" as any Sendable, "$.disclosure.header.unitLabel：“科室”应为“部门”或“单位”",
                "$.disclosure.header.unitLabel: '科室' is neither 部门 nor 单位"),
            ("unitName", "威海\n市" as any Sendable, "$.disclosure.header.unitName：单位名称含控制字符或换行（U+000A）",
                "$.disclosure.header.unitName: the unit name holds a control character or line break (U+000A)"),
            ("title", String(repeating: "决", count: 501) as any Sendable, "$.disclosure.header.title：标题有 501 个字符，超过 500 个",
                "$.disclosure.header.title: the title has 501 characters, more than 500"),
        ])
    func header(key: String, value: any Sendable, chinese: String, english: String) throws {
        let error = try jsonError(editHeader(key, value))
        #expect(error.code == .badJSON)
        #expect(error.chineseDescription == "e.json: 不是有效的 BudgetLens 导出：\(chinese)")
        #expect(error.description == "e.json: not a valid BudgetLens export: \(english)")
    }

    @Test("a money unit, kind or year of the wrong shape is refused by decoding, naming the path in both languages")
    func headerShapes() throws {
        let unit = try jsonError(editHeader("moneyUnit", "亿元"))
        #expect(unit.chineseDescription.hasPrefix("e.json: 不是 BudgetLens 导出：$.disclosure.header.moneyUnit 的值类型或格式不对（"))
        #expect(unit.chineseDescription.contains("亿元") && unit.description.contains("亿元"))
        #expect(unit.description.hasSuffix(" at $.disclosure.header.moneyUnit"))
        let year = try jsonError(editHeader("year", "二〇二二"))
        #expect(year.chineseDescription.hasPrefix("e.json: 不是 BudgetLens 导出：$.disclosure.header.year 的值类型或格式不对"))
        #expect(year.description.hasSuffix(" at $.disclosure.header.year"))
        let kind = try jsonError { object in
            var disclosure = object["disclosure"] as? [String: Any] ?? [:]
            disclosure["kind"] = "budgetish"
            object["disclosure"] = disclosure
        }
        #expect(kind.chineseDescription.contains("$.disclosure.kind") && kind.chineseDescription.contains("budgetish"))
        let missing = try jsonError { object in
            var disclosure = object["disclosure"] as? [String: Any] ?? [:]
            disclosure["header"] = nil
            object["disclosure"] = disclosure
        }
        #expect(missing.chineseDescription == "e.json: 不是 BudgetLens 导出：$.disclosure 缺少“header”")
        #expect(missing.description == "e.json: not a BudgetLens export: missing 'header' at $.disclosure")
        let version = try jsonError { $0["version"] = 7 }
        #expect(version.chineseDescription == "e.json: $.version：不支持 JSON 导出版本 7（本程序读取版本 1）")
    }

    @Test("the table checks in Chinese: a table twice, a 栏次, a 行次, a value that disagrees with its text")
    func tables() throws {
        var twice = try Seed.read(Seed.weihai)
        twice.tables.append(twice.tables[2])
        let count = twice.tables.count - 1
        let duplicate = try #require(throws: ReadError.self) {
            try DisclosureReader.read(data: DisclosureJSON.encode(twice), file: "e.json")
        }
        #expect(duplicate.chineseDescription == "e.json: 不是有效的 BudgetLens 导出：$.disclosure.tables[\(count)].id：公开03 重复出现（首次在 $.disclosure.tables[2]）")

        var column = try Seed.read(Seed.weihai)
        column.tables[0].rows[3].cells[0].column = -1
        let negative = try #require(throws: ReadError.self) {
            try DisclosureReader.read(data: DisclosureJSON.encode(column), file: "e.json")
        }
        #expect(negative.chineseDescription.hasSuffix("$.disclosure.tables[0].rows[3].cells[0].column：栏次 -1 不在 1–100 之间"))

        var line = try Seed.read(Seed.weihai)
        line.tables[0].rows[0].line = 0
        let zero = try #require(throws: ReadError.self) { try DisclosureReader.read(data: DisclosureJSON.encode(line), file: "e.json") }
        #expect(zero.chineseDescription.hasSuffix("$.disclosure.tables[0].rows[0].line：行次 0 不是正数"))

        var words = try Seed.read(Seed.weihai)
        let printed = words.tables[0].rows[0].cells[0].text
        let value = try #require(words.tables[0].rows[0].cells[0].value)
        words.tables[0].rows[0].cells[0].text = "见附表"
        let disagree = try #require(throws: ReadError.self) { try DisclosureReader.read(data: DisclosureJSON.encode(words), file: "e.json") }
        #expect(!printed.isEmpty)
        #expect(disagree.chineseDescription.hasSuffix(
            "$.disclosure.tables[0].rows[0].cells[0]：数值 \(value.decimalString(in: .yuan)) 元 与文本“见附表”不符，该文本按万元读作 非金额"))
    }

    @Test("the seeds' exports pass the header checks", arguments: [Seed.yantai, Seed.weihai, Seed.zengdu])
    func seedsPass(seed: String) throws {
        let disclosure = try Seed.read(seed)
        #expect(disclosure.header.year != nil)
        #expect(try DisclosureReader.read(data: DisclosureJSON.encode(disclosure), file: "export.json") == disclosure)
    }
}
