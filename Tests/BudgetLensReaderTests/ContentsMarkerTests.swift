import BudgetLensCore
import BudgetLensRules
import BudgetLensTestSupport
import Foundation
import Testing

@testable import BudgetLensReader

/// A 目录 whose marker is not `目录` alone (`— 目 录 —`, `Contents`, `目 录（续）`, a title ending in 目录), or is
/// missing, or that a long line ends early (a fresh tester's finding 27-1): its `第三部分 …情况说明` entry was taken
/// for the 情况说明, whose sections were then the 目录's entries — no statement read, no narrative check run, and
/// corpus 002's six errors gone (exit 0). Now the known markers are read as the 目录's, and a part heading with no
/// body of its own (no sentence, no table) before the next heading is dropped when a later one has its role
/// (``OutlineReader/withoutContentsEntries(_:tableLines:)``). Corpus 002's line 7 (`目 录`) is edited in the test.
@Suite("The 目录 under other markers, or none")
struct ContentsMarkerTests {
    @Test("markers: 目录 alone, decorated, continued, numbered, in English, ending a title; not prose or other headings")
    func markers() {
        for key in ["目录", "—目录—", "-目录-", "目录(续)", "目录1", "Contents", "CONTENTS", "TableofContents", "上海市普陀区财政局2024年度部门决算目录"] {
            #expect(OutlineReader.isContentsMarker(key), "\(key)")
        }
        // `2024目录`: pdfplumber's cover year run into the marker, whose 目录 then ends nowhere in page text.
        for key in ["目录编制说明如下本单位按规定公开了全部内容详见目录", "政府采购目录", "第一部分", "一、收入支出决算总表", "", "2024目录"] {
            #expect(!OutlineReader.isContentsMarker(key), "\(key)")
        }
    }

    static func narrativeFindings(_ disclosure: Disclosure) throws -> [String] {
        try ReshapedDocument.findings(disclosure).filter { $0.hasPrefix("N-") }
    }

    @Test(
        "corpus 002 with its 目录 marker as printed elsewhere, deleted, or followed by a long line: the same statements and narrative findings",
        arguments: ["— 目 录 —", "Contents", "目 录（续）", "目 录 1", "上海市普陀区规划和自然资源局2024年度部门决算目录", "目次", "", "long"])
    func sameNarrative(marker: String) throws {
        let original = try DisclosureReader.read(path: Seed.corpusPath(Seed.shanghaiPlanning))
        var lines = try String(contentsOfFile: Seed.corpusPath(Seed.shanghaiPlanning), encoding: .utf8)
            .components(separatedBy: "\n")
        #expect(lines[6] == "目 录")
        switch marker {
        case "": lines.remove(at: 6)
        case "long": lines.insert("本目录列示各部分的标题，" + String(repeating: "各部分内容的页码与正文一致，", count: 30), at: 9)
        default: lines[6] = marker
        }
        let edited = try DisclosureReader.read(data: Data(lines.joined(separator: "\n").utf8), file: "002.txt")
        #expect(original.statements?.statements.count == 104)
        #expect(edited.statements?.statements.count == original.statements?.statements.count)
        #expect(edited.narrative.count == original.narrative.count)
        let findings = try Self.narrativeFindings(edited)
        #expect(findings == (try Self.narrativeFindings(original)))
        #expect(findings.filter { $0.contains(" error ") }.count >= 4)
        // The 情况说明's part is the body's, not the 目录's entry.
        let narrativePart = try #require(edited.parts.first { $0.role == .narrative })
        #expect(narrativePart.source.line > 40)
    }
}
