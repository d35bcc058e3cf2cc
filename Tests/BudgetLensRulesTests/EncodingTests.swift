import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensTestSupport
import Foundation
import Testing

/// The same documents in the encodings and line endings they really arrive in: copies made in the test with
/// iconv (GB18030, UTF-16) and byte edits (CRLF, CR, a UTF-8 BOM) read to the same cells and the same findings
/// as the UTF-8 original.
@Suite("Encodings and line endings")
struct EncodingTests {
    /// A copy of `original` in `encoding` with `endings`, written to a temporary file.
    static func copy(of original: String, encoding: TextEncoding, endings: LineEndings) throws -> String {
        var text = try String(contentsOfFile: original, encoding: .utf8)
        switch endings {
        case .crlf: text = text.replacingOccurrences(of: "\n", with: "\r\n")
        case .cr: text = text.replacingOccurrences(of: "\n", with: "\r")
        case .lf, .mixed: break
        }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("budgetlens-encoding-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let base = directory.appendingPathComponent(UUID().uuidString).path
        let utf8Path = base + ".utf8.txt"
        try Data(text.utf8).write(to: URL(fileURLWithPath: utf8Path))
        let path = base + ".txt"
        switch encoding {
        case .utf8:
            return utf8Path
        case .utf8WithBOM:
            try (Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)).write(to: URL(fileURLWithPath: path))
        case .gb18030:
            try Data(iconv(utf8Path, to: "GB18030")).write(to: URL(fileURLWithPath: path))
        case .big5:
            // Traditional characters: glibc's GB2312 → BIG5 converter maps simplified ones (决算 → 決算).
            let gb2312Path = base + ".gb2312.txt"
            try iconv(utf8Path, to: "GB2312").write(to: URL(fileURLWithPath: gb2312Path))
            try iconv(gb2312Path, from: "GB2312", to: "BIG5").write(to: URL(fileURLWithPath: path))
        case .utf16LittleEndian:
            try (Data([0xFF, 0xFE]) + iconv(utf8Path, to: "UTF-16LE")).write(to: URL(fileURLWithPath: path))
        case .utf16BigEndian:
            try (Data([0xFE, 0xFF]) + iconv(utf8Path, to: "UTF-16BE")).write(to: URL(fileURLWithPath: path))
        case .utf16LittleEndianWithoutBOM:
            try iconv(utf8Path, to: "UTF-16LE").write(to: URL(fileURLWithPath: path))
        case .utf16BigEndianWithoutBOM:
            try iconv(utf8Path, to: "UTF-16BE").write(to: URL(fileURLWithPath: path))
        case .utf32LittleEndian:
            try (Data([0xFF, 0xFE, 0x00, 0x00]) + iconv(utf8Path, to: "UTF-32LE")).write(to: URL(fileURLWithPath: path))
        case .utf32BigEndian:
            try (Data([0x00, 0x00, 0xFE, 0xFF]) + iconv(utf8Path, to: "UTF-32BE")).write(to: URL(fileURLWithPath: path))
        case .utf32LittleEndianWithoutBOM:
            try iconv(utf8Path, to: "UTF-32LE").write(to: URL(fileURLWithPath: path))
        case .utf32BigEndianWithoutBOM:
            try iconv(utf8Path, to: "UTF-32BE").write(to: URL(fileURLWithPath: path))
        }
        return path
    }

    /// The bytes of the file at `path` converted from UTF-8 (or `source`) by the system's `iconv`.
    static func iconv(_ path: String, from source: String = "UTF-8", to encoding: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["iconv", "-f", source, "-t", encoding, path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "iconv -t \(encoding)")
        return data
    }

    /// Every cell as `table row column value text`, and every finding as `severity rule place actual expected`,
    /// without file names.
    static func content(_ disclosure: Disclosure) throws -> (cells: [String], findings: [String]) {
        let cells = disclosure.tables.flatMap { table in
            table.rows.flatMap { row in
                row.cells.map { cell in
                    "\(table.id.formID)\t\(row.code ?? row.item)\t\(row.source.line)\t\(cell.column)\t"
                        + "\(cell.value.map { "\($0)" } ?? "-")\t\(cell.text)"
                }
            }
        }
        let report = RuleEngine().evaluate(try BuiltInPacks.finalAccounts(), on: disclosure)
        return (cells, SeedFindingsTests.lines(report, unit: disclosure.moneyUnit))
    }

    static let documents = [
        Seed.path(Seed.yantai), Seed.path(Seed.weihai), Seed.path(Seed.zengdu),
        Seed.corpusPath(Seed.shanghaiFinance), Seed.corpusPath(Seed.shanghaiSocialWorkLayout),
    ]

    @Test(
        "GB18030, UTF-16 LE/BE, UTF-32 LE/BE (with and without BOM), UTF-8 with BOM, CRLF and CR copies read to the same cells and findings",
        arguments: documents)
    func sameContent(original: String) throws {
        let expected = try Self.content(try DisclosureReader.read(path: original))
        #expect(!expected.cells.isEmpty)
        let variants: [(TextEncoding, LineEndings)] = [
            (.utf8, .crlf), (.utf8, .cr), (.utf8WithBOM, .crlf), (.gb18030, .lf), (.gb18030, .crlf),
            (.utf16LittleEndian, .crlf), (.utf16BigEndian, .lf), (.utf32LittleEndian, .crlf), (.utf32BigEndian, .lf),
            (.utf32LittleEndianWithoutBOM, .lf), (.utf32BigEndianWithoutBOM, .crlf),
        ]
        for (encoding, endings) in variants {
            let path = try Self.copy(of: original, encoding: encoding, endings: endings)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let disclosure = try DisclosureReader.read(path: path)
            #expect(disclosure.source.encoding == encoding, "\(encoding) \(endings)")
            #expect(disclosure.source.lineEndings == endings, "\(encoding) \(endings)")
            let content = try Self.content(disclosure)
            #expect(content.cells == expected.cells, "\(original) as \(encoding) \(endings)")
            #expect(content.findings == expected.findings, "\(original) as \(encoding) \(endings)")
        }
    }

    @Test("the encoding read survives the JSON export; an export without it (older) still reads")
    func exportKeepsEncoding() throws {
        let path = try Self.copy(of: Seed.path(Seed.weihai), encoding: .gb18030, endings: .crlf)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let disclosure = try DisclosureReader.read(path: path)
        let json = try DisclosureJSON.encode(disclosure)
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains("\"encoding\" : \"GB18030\""))
        #expect(text.contains("\"lineEndings\" : \"CRLF\""))
        let back = try DisclosureJSON.decode(json, file: "x.json")
        #expect(back.source.encoding == .gb18030 && back.source.lineEndings == .crlf)
        let old = text.replacingOccurrences(of: "\"encoding\" : \"GB18030\",", with: "")
            .replacingOccurrences(of: "\"lineEndings\" : \"CRLF\",", with: "")
        #expect(!old.contains("GB18030"))
        let oldBack = try DisclosureJSON.decode(Data(old.utf8), file: "old.json")
        #expect(oldBack.source.encoding == nil && oldBack.tables == disclosure.tables)
    }

    @Test("a rule file in GB18030 with CRLF line endings reads to the same rules")
    func ruleFileEncodings() throws {
        let text = "pack \"本地规则\"\nrule L-1 error \"公开01收入合计\" \"income total\"\n    公开01[27, 1] = 公开01[58, 2]\n"
        let directory = FileManager.default.temporaryDirectory
        let utf8 = directory.appendingPathComponent("rules-\(UUID().uuidString).rules")
        try Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8).write(to: utf8)
        defer { try? FileManager.default.removeItem(at: utf8) }
        let gb = directory.appendingPathComponent("rules-\(UUID().uuidString).rules")
        try Self.iconv(utf8.path, to: "GB18030").write(to: gb)
        defer { try? FileManager.default.removeItem(at: gb) }
        for path in [utf8.path, gb.path] {
            let pack = try RulePack(contentsOf: path)
            #expect(pack.name == "本地规则")
            #expect(pack.rules.map(\.id) == ["L-1"])
            #expect(pack.rules.first?.text == "公开01收入合计")
        }
    }
}
