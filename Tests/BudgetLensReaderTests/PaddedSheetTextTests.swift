import BudgetLensCore
import BudgetLensTestSupport
import Foundation
import Testing

@testable import BudgetLensReader

/// A whole document kept in one sheet and saved as text: every line — cover, 目录, headings, prose, rows — padded
/// with tabs to the sheet's width. Before, its 情况说明 was not read (no statement, no narrative finding) and
/// `check` could exit 0 where the text gives errors; a padded 目录 entry was taken for 公开08, the real one then
/// a second copy not read (``PaddedSheetText``). Each real document is padded so in the test: its cells, findings
/// and statements must be the original's, with one `text.padded-lines` note.
@Suite("A whole document saved from one sheet, every line padded with tabs")
struct PaddedSheetTextTests {
    /// The text with every line padded with tabs to the widest line's field count.
    static func padded(_ text: String) -> String { SheetPadding.padded(text) }

    static func expectOriginal(_ path: String, data: (String) -> Data = { Data($0.utf8) }) throws {
        let original = try DisclosureReader.read(path: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let reshaped = try DisclosureReader.read(data: data(padded(text)), file: "padded.txt")
        #expect(reshaped.tables.map(\.id) == original.tables.map(\.id), "\(path)")
        #expect(ReshapedDocument.cells(reshaped) == ReshapedDocument.cells(original), "\(path)")
        #expect(try ReshapedDocument.findings(reshaped) == ReshapedDocument.findings(original), "\(path)")
        #expect(reshaped.statements?.statements.count == original.statements?.statements.count, "\(path)")
        #expect(reshaped.narrative.count == original.narrative.count, "\(path)")
        let notes = reshaped.problems.filter { $0.code == "text.padded-lines" }
        #expect(notes.count == 1 && notes.first?.severity == .info && notes.first?.source.line == 1, "\(path): \(notes)")
        #expect(!original.problems.contains { $0.code == "text.padded-lines" }, "\(path)")
        // Nothing but the note told apart from the original's problems (their lines and codes).
        let problems = { (disclosure: Disclosure) in
            disclosure.problems.filter { $0.code != "text.padded-lines" }.map { "\($0.code) \($0.source.line)" }
        }
        #expect(problems(reshaped) == problems(original), "\(path)")
    }

    @Test("corpus 001 padded: its 情况说明's statements, its narrative findings, 公开08 from the body, not the 目录")
    func corpusFinance() throws {
        let original = try Seed.readCorpus(Seed.shanghaiFinance)
        #expect((original.statements?.statements.count ?? 0) > 50 && original.narrative.count >= 10)
        try Self.expectOriginal(Seed.corpusPath(Seed.shanghaiFinance))
        let text = Self.padded(try String(contentsOfFile: Seed.corpusPath(Seed.shanghaiFinance), encoding: .utf8))
        let reshaped = try DisclosureReader.read(data: Data(text.utf8), file: "padded.txt")
        let note = try #require(reshaped.problems.first { $0.code == "text.padded-lines" })
        #expect(note.message.contains("电子表格另存为文本") && note.message.contains("a sheet saved as text"), "\(note.message)")
        #expect(!reshaped.problems.contains { $0.code == "table.duplicate" })
        #expect(reshaped.tables.first { $0.id == .stateCapital }?.source.line == 340)
    }

    @Test("corpus 002, 004 and the field 石泉路街道 text padded read as their texts")
    func otherCorpusTexts() throws {
        for name in [Seed.shanghaiPlanning, Seed.shanghaiTestVariant, "field/shanghai-putuo-shiquanlu-jiedao-2025-final-tsv.txt"] {
            try Self.expectOriginal(Seed.corpusPath(name))
        }
    }

    @Test("seeds 000, 001 and 002 padded (tables with one-cell rows: 合计 with blank amounts, 栏次, wrapped labels)")
    func seeds() throws {
        for name in [Seed.yantai, Seed.weihai, Seed.zengdu] { try Self.expectOriginal(Seed.path(name)) }
    }

    @Test("a sheet only mostly padded (every tenth line unpadded, every seventh one tab wider) reads as its text")
    func mostlyPadded() throws {
        let path = Seed.corpusPath(Seed.shanghaiFinance)
        let original = try DisclosureReader.read(path: path)
        let padded = Self.padded(try String(contentsOfFile: path, encoding: .utf8)).components(separatedBy: "\n")
        let plain = try ReshapedDocument.corpusLines()
        let mixed = padded.indices.map { index in
            index % 10 == 9 ? plain[index] : index % 7 == 3 ? padded[index] + "\t" : padded[index]
        }
        let reshaped = try DisclosureReader.read(data: Data(mixed.joined(separator: "\n").utf8), file: "mixed.txt")
        #expect(ReshapedDocument.cells(reshaped) == ReshapedDocument.cells(original))
        #expect(try ReshapedDocument.findings(reshaped) == ReshapedDocument.findings(original))
        #expect(reshaped.narrative.count == original.narrative.count)
        #expect(reshaped.problems.contains { $0.code == "text.padded-lines" })
    }

    @Test("a prose line with a tab inside (line 353): prose, not a table row — the 情况说明's heading before it stays one")
    func proseWithTab() throws {
        var lines = try ReshapedDocument.corpusLines()
        let comma = try #require(lines[352].firstIndex(of: "，"))
        lines[352].insert("\t", at: lines[352].index(after: comma))
        let base = try DisclosureReader.read(data: Data(lines.joined(separator: "\n").utf8), file: "base.txt")
        #expect(base.narrative.count >= 10)
        let reshaped = try DisclosureReader.read(data: Data(Self.padded(lines.joined(separator: "\n")).utf8), file: "padded.txt")
        #expect(reshaped.narrative.count == base.narrative.count)
        #expect(reshaped.statements?.statements.count == base.statements?.statements.count)
        #expect(try ReshapedDocument.findings(reshaped) == ReshapedDocument.findings(base))
    }

    @Test("padded, CRLF, UTF-16 LE with BOM (Excel's \"Unicode text\")")
    func unicodeText() throws {
        try Self.expectOriginal(Seed.corpusPath(Seed.shanghaiFinance)) { text in
            Data([0xFF, 0xFE]) + text.replacingOccurrences(of: "\n", with: "\r\n").data(using: .utf16LittleEndian)!
        }
    }

    @Test("text that is no padded sheet is left as it is: tab-separated text, a text with only the tables padded")
    func notPadded() throws {
        for name in [Seed.shanghaiFinance, Seed.shanghaiPlanning] {
            let text = try String(contentsOfFile: Seed.corpusPath(name), encoding: .utf8)
            #expect(PaddedSheetText.unpadded(text, file: name) == nil, "\(name)")
        }
        // The tables' lines padded (lines 93–349), the rest not: most lines holding text have one field.
        var lines = try ReshapedDocument.corpusLines()
        for index in 92..<349 { lines[index] += "\t\t" }
        #expect(PaddedSheetText.unpadded(lines.joined(separator: "\n"), file: "x.txt") == nil)
        #expect(PaddedSheetText.unpadded("no tab\nat all", file: "x.txt") == nil)
    }
}
