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
