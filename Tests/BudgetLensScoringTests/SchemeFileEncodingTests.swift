import BudgetLensCore
import BudgetLensRules
import BudgetLensScoring
import BudgetLensTestSupport
import Foundation
import Testing

/// A scheme file (`--scheme`) saved by a Chinese Windows editor (GB18030, CRLF) or as UTF-16 with CR line
/// endings reads to the same scheme as the built-in UTF-8 file.
@Suite("Scheme files in other encodings and line endings")
struct SchemeFileEncodingTests {
    static func summary(_ scheme: ScoringScheme) -> String {
        [
            scheme.name, "\(scheme.appliesTo.map(\.rawValue).sorted())", "\(scheme.total)", "\(scheme.executionWeight)",
            "\(scheme.executionCapPercent)", "\(scheme.indicatorWeight)", scheme.weights.rawValue,
            scheme.quantitative.rawValue, "\(scheme.qualitative)", "\(scheme.constraintCap.map { "\($0)" } ?? "-")",
            scheme.grades.map { "\($0.grade)≥\($0.minimum)" }.joined(separator: ","),
        ].joined(separator: "|")
    }

    @Test("a built-in scheme as GB18030 + CRLF and as UTF-16LE + CR reads the same", arguments: ["hubei", "shandong-project"])
    func sameScheme(name: String) throws {
        let builtIn = try #require(try SchemeSet.builtIn().byKind.values.first { $0.file.hasSuffix("\(name).scheme") })
        // The built-in schemes are embedded in the binary; their source files are in the repository.
        let source = Seed.repositoryRoot.appendingPathComponent("Sources/BudgetLensScoring/Schemes/\(name).scheme").path
        let text = try String(contentsOfFile: source, encoding: .utf8)
        let copies: [(Data, String)] = [
            (try #require(text.replacingOccurrences(of: "\n", with: "\r\n").data(using: TextDecoding.gb18030)), "gb18030-crlf"),
            (
                Data([0xFF, 0xFE])
                    + (try #require(text.replacingOccurrences(of: "\n", with: "\r").data(using: String.Encoding.utf16LittleEndian))),
                "utf16le-cr"
            ),
        ]
        for (data, label) in copies {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(label)-\(UUID()).scheme")
            try data.write(to: url)
            defer { try? FileManager.default.removeItem(at: url) }
            let copy = try ScoringScheme(contentsOf: url.path)
            #expect(Self.summary(copy) == Self.summary(builtIn), "\(label)")
        }
    }
}
