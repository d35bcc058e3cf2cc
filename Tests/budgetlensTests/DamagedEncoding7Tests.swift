import BudgetLensTestSupport
import Foundation
import Testing

/// Seed 001 converted to GB18030 (iconv) and UTF-16LE with and without BOM (Foundation), then cut inside its last
/// character: read as the whole text is, with a `text.ends-mid-character` warning naming the byte offset — before,
/// refused ("not valid UTF-16 (odd length…)", "invalid GB18030/GBK byte(s)"). A rule file so cut is refused.
@Suite("DamagedInput7: GB18030 and UTF-16 documents cut inside a character", .enabled(if: RenderTools.onPath(["iconv"]) || RenderTools.required))
struct DamagedEncoding7Tests {
    @Test("GB18030 (出 cut after B3), UTF-16LE with BOM and without, odd length: the seed's cells, a warning naming the offset")
    func cutDocuments() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let seed = Seed.path(Seed.yantai)
        let gbPath = folder.appendingPathComponent("gb.txt").path
        let converted = try ProcessRunner.run("/bin/sh", ["-c", "iconv -f UTF-8 -t GB18030 '\(seed)' > '\(gbPath)'"])
        try #require(converted.status == 0, "iconv: \(converted.stderr)")
        let gb = try Data(contentsOf: URL(fileURLWithPath: gbPath))
        let text = try String(contentsOfFile: seed, encoding: .utf8)
        let utf16 = try #require(text.data(using: .utf16LittleEndian))
        let cases: [(name: String, bytes: Data, offset: Int, encoding: String, kind: String)] = [
            ("gb-cut.txt", gb + Data([0x0A, 0xB3]), gb.count + 1, "GB18030", "GB18030"),
            ("utf16-cut.txt", Data([0xFF, 0xFE]) + utf16 + Data([0x31]), utf16.count + 2, "UTF-16LE,", "UTF-16"),
            ("utf16-nobom-cut.txt", utf16 + Data([0x31]), utf16.count, "UTF-16LE (no BOM)", "UTF-16"),
        ]
        let whole = try BudgetLensBinary.run(["cells", seed])
        for item in cases {
            let path = folder.appendingPathComponent(item.name).path
            try item.bytes.write(to: URL(fileURLWithPath: path))
            let show = try BudgetLensBinary.run(["show", path])
            #expect(show.status == 0, "\(item.name): \(show.stderr)")
            #expect(show.stdout.contains("编码 Encoding:    \(item.encoding)"), "\(item.name)")
            #expect(show.stdout.contains(
                "the file ends inside a \(item.kind) character (1 byte(s) from byte offset \(item.offset)): the incomplete character is dropped"),
                "\(item.name): \(show.stdout)")
            let cells = try BudgetLensBinary.run(["cells", path])
            #expect(cells.status == whole.status)
            #expect(cells.stdout == whole.stdout, "\(item.name)")
        }
        // The whole GB18030 text: no such warning.
        #expect(!(try BudgetLensBinary.run(["show", gbPath])).stdout.contains("字符中途结束"))
    }

    @Test("A GB18030 rule file cut inside a character is refused (exit 2), naming the offset")
    func cutRuleFile() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rules = folder.appendingPathComponent("cut.rules").path
        let body = try #require("# 规则\nrule X-1 error \"说明\"\n# 中".data(using: .init(rawValue: 0x8000_0632)))
        try body.dropLast(1).write(to: URL(fileURLWithPath: rules))
        let check = try BudgetLensBinary.run(["check", Seed.path(Seed.weihai), "--rules", rules])
        #expect(check.status == 2)
        #expect(check.stderr.contains("文件在一个 GB18030 字符中途结束（字节偏移 \(body.count - 2) 起的 1 个字节是不完整的字符）"), "\(check.stderr)")
    }
}
