import BudgetLensCore
import BudgetLensReader
@testable import BudgetLensStore
import BudgetLensTestSupport
import Foundation
import Testing

/// The stored export written by ``StreamingJSONEncoder`` (the import's fast path) against Foundation's
/// `JSONEncoder`, on the real documents.
@Suite("store3: the streaming JSON export")
struct StreamingExportTests {
    /// The real documents (seeds, corpus and field texts, two PDFs) and one synthetic one.
    static func documents() throws -> [String] {
        let pdfs = try StoreDocuments.files(in: "corpus/pdf").filter { $0.hasSuffix(".pdf") }.prefix(2)
        return StoreDocuments.seeds + (try StoreDocuments.files(in: "corpus")) + (try StoreDocuments.files(in: "corpus/field"))
            .filter { $0.hasSuffix(".txt") } + pdfs
    }

    @Test("every real document: the streaming export is JSONEncoder's JSON (same objects) and decodes to the same disclosure")
    func sameAsFoundation() throws {
        let files = try Self.documents()
        #expect(files.count >= 10)
        for file in files {
            let disclosure = try DisclosureReader.read(path: file)
            let fast = try DocumentRecord.compactExport(disclosure)
            let foundation = try DocumentRecord.foundationExport(disclosure)
            let fastObject = try #require(try JSONSerialization.jsonObject(with: fast) as? NSDictionary)
            let foundationObject = try #require(try JSONSerialization.jsonObject(with: foundation) as? NSDictionary)
            #expect(fastObject == foundationObject, "\(file)")
            #expect(try DisclosureJSON.decode(fast, file: file) == DisclosureJSON.decode(foundation, file: file), "\(file)")
            #expect(try DisclosureJSON.decode(fast, file: file) == disclosure, "\(file)")
        }
    }

    @Test("every real document (all PDFs too): the cells and locations written directly are the bytes their encode(to:) writes")
    func cellsWrittenDirectly() throws {
        let files = try Self.documents() + (try StoreDocuments.files(in: "corpus/field")).filter { $0.hasSuffix(".pdf") }
            + (try StoreDocuments.files(in: "corpus/pdf"))
        for file in Set(files).sorted() {
            guard let disclosure = try? DisclosureReader.read(path: file) else { continue }
            let direct = try DocumentRecord.compactExport(disclosure)
            let general = try DocumentRecord.compactExport(disclosure, writingCellsDirectly: false)
            #expect(direct == general, "\(file)")
        }
        // A workbook cell, a page, no value, a region (written the general way), escapes in the text and file.
        let cells = [
            TableCell(column: 3, value: nil, text: "—", source: SourceLocation(file: "a\"b\\.xlsx", line: 12, column: 4, cell: "公开05!D12")),
            TableCell(
                column: 1, value: Money(fen: -123_456), text: "-1,234.56\n", source: SourceLocation(file: "p.pdf", line: 3, page: 7)),
            TableCell(
                column: 2, value: Money(fen: 5), text: "0.05",
                source: SourceLocation(file: "p.pdf", line: 3, page: 7, region: PageRegion(x0: 1.5, y0: 2, x1: 30.25, y1: 9))),
        ]
        let direct = try StreamingJSONEncoder.encode(cells)
        #expect(direct == (try StreamingJSONEncoder.encode(cells, writingCellsDirectly: false)))
        #expect(try JSONDecoder().decode([TableCell].self, from: direct) == cells)
        // Rows: every optional present, none present with no cells, one with a region in a cell (the general way).
        let here = SourceLocation(file: "t.txt", line: 9)
        let rows = [
            TableRow(kind: .code, line: 3, standardLine: 4, code: "2080501", item: "行政单位\"离退休\"", group: "基本支出", cells: Array(cells[0..<2]), source: here),
            TableRow(kind: .total, item: "合计", cells: [], source: here),
            TableRow(kind: .data, line: 1, item: "x", cells: cells, source: here),
        ]
        let directRows = try StreamingJSONEncoder.encode(rows)
        #expect(directRows == (try StreamingJSONEncoder.encode(rows, writingCellsDirectly: false)))
        #expect(try JSONDecoder().decode([TableRow].self, from: directRows) == rows)
        #expect(String(decoding: directRows, as: UTF8.self).contains(#"{"kind":"total","item":"合计","cells":[],"source":{"file":"t.txt","line":9,"column":1}}"#))
        #expect(
            String(decoding: direct, as: UTF8.self).hasPrefix(
                #"[{"column":3,"text":"—","source":{"file":"a\"b\\.xlsx","line":12,"column":4,"cell":"公开05!D12"}},"#
                    + #"{"column":1,"value":"-1234.56","text":"-1,234.56\n","source":{"file":"p.pdf","line":3,"column":1,"page":7}},"#))
    }

    /// Strings with every character JSON must escape, an empty object, nested keyed and unkeyed containers,
    /// optionals left out, doubles and an enum with a payload (a nested container).
    struct Sample: Codable, Equatable {
        enum Choice: Codable, Equatable { case amount(Int64, formula: String), text(String), none }
        var text = "quote \" backslash \\ slash / newline \n tab \t cr \r bell \u{07} nul \u{00} 中文 <script>&'"
        var missing: Int? = nil
        var present: Int? = -42
        var numbers: [Double] = [0, 12.5, -3, 1e-7, 123456789.125]
        var nested: [[String: [Int]]] = [["a": [1, 2]], [:], ["b": []]]
        var choices: [Choice] = [.amount(100, formula: "行1+行2"), .text("x"), .none]
        var flags = [true, false]
        var big = UInt64.max
    }

    @Test("edge cases: escapes, empty containers, optionals, doubles, enums with payloads decode to the same value")
    func edgeCases() throws {
        let sample = Sample()
        let fast = try StreamingJSONEncoder.encode(sample)
        #expect(try JSONDecoder().decode(Sample.self, from: fast) == sample)
        let foundation = try JSONEncoder().encode(sample)
        #expect(
            try JSONSerialization.jsonObject(with: fast) as? NSDictionary
                == JSONSerialization.jsonObject(with: foundation) as? NSDictionary)
        let text = String(decoding: fast, as: UTF8.self)
        #expect(text.contains(#""text":"quote \" backslash \\ slash / newline \n tab \t cr \r bell \u0007 nul \u0000 中文 <script>&'""#))
        #expect(!text.contains("missing"))
        #expect(text.contains(#""numbers":[0,12.5,-3,1e-07,123456789.125]"#))
        #expect(text.contains(#""nested":[{"a":[1,2]},{},{"b":[]}]"#))
    }

    @Test("a non-finite Double is refused, as JSONEncoder refuses it")
    func nonFinite() {
        #expect(throws: EncodingError.self) { try StreamingJSONEncoder.encode([Double.nan]) }
        #expect(throws: EncodingError.self) { try StreamingJSONEncoder.encode(["x": Double.infinity]) }
    }
}
