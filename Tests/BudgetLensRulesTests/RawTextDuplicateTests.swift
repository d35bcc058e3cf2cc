import BudgetLensCore
import BudgetLensReader
import BudgetLensTestSupport
import Foundation
import Testing

/// Raw `pdftotext` text joined twice (a file saved twice into one, a fresh tester's 40 copies): each table's first
/// copy is read, the others are not placed — a `table.duplicate` warning names both copies — so the placement
/// searches run once a table, however many copies the text holds. Skipped without the tools unless
/// `BUDGETLENS_TEST_TOOLS=1` (CI), where it fails.
@Suite("raw pdftotext text joined twice", .enabled(if: ExtractionTools.shouldRun))
struct RawTextDuplicateTests {
    @Test("the 财政局's raw text twice: the first copy's cells and reading notes, nine table.duplicate warnings naming both copies, one table.second-set error where the second starts")
    func joinedTwice() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try ExtractionTools.extract(.raw, from: Seed.corpusPath(Seed.financePDF), into: folder)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let single = try DisclosureReader.read(path: path)
        let doubledPath = folder.appendingPathComponent("twice.txt").path
        try (text + text).write(toFile: doubledPath, atomically: true, encoding: .utf8)
        let doubled = try DisclosureReader.read(path: doubledPath)
        #expect(ExtractionFormsTests.cells(doubled) == ExtractionFormsTests.cells(single))
        // The file's lines counted, not those of the text its tables were rewritten to.
        #expect(single.source.lineCount == text.split(separator: "\n", omittingEmptySubsequences: false).count)
        let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        let duplicates = doubled.problems.filter { $0.code == "table.duplicate" }
        #expect(Set(duplicates.compactMap(\.table)) == Set(single.tables.map(\.id)) && duplicates.count == single.tables.count)
        for note in duplicates {
            // The copy stands one file's length after the first.
            let copy = note.source.line
            #expect(note.message.contains("又见于 \(copy):") && note.message.contains("只读取第一份（\(copy - lineCount):"), "\(note.message)")
        }
        // The reading notes are the first copy's: none placed a second copy's amounts.
        func notes(_ disclosure: Disclosure) -> [String] {
            disclosure.problems.filter { $0.code != "table.duplicate" && $0.code != "table.second-set" }.map { "\($0.code) \($0.table?.formID ?? "")" }.sorted()
        }
        #expect(notes(doubled) == notes(single))
        // The second set is said once, where its first table (公开01) starts (SecondTableSetTests).
        let sets = doubled.problems.filter { $0.code == "table.second-set" }
        let secondStart = try #require(duplicates.min { $0.source < $1.source }).source
        #expect(sets.count == 1 && sets.first?.source == secondStart && sets.first?.severity == .error)
        #expect(doubled.problems.allSatisfy { ["table.duplicate", "table.second-set"].contains($0.code) || $0.source.line <= lineCount })
    }
}

extension RawTextDuplicateTests {
    @Test("a sentence ending in a table's title before the table (`具体情况见收入决算表`) is no first copy: the table is read as without it, no table.duplicate")
    func sentenceBeforeTitle() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try ExtractionTools.extract(.raw, from: Seed.corpusPath(Seed.financePDF), into: folder)
        var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        let title = try #require(lines.lastIndex { $0.trimmingCharacters(in: .whitespacesAndNewlines.union(.controlCharacters)) == "收入决算表" })
        lines.insert("具体情况见收入决算表", at: title - 2)
        let sentencePath = folder.appendingPathComponent("sentence.txt").path
        try lines.joined(separator: "\n").write(toFile: sentencePath, atomically: true, encoding: .utf8)
        let withSentence = try DisclosureReader.read(path: sentencePath)
        let single = try DisclosureReader.read(path: path)
        #expect(ExtractionFormsTests.cells(withSentence).filter { $0.hasPrefix("02|") }
            == ExtractionFormsTests.cells(single).filter { $0.hasPrefix("02|") })
        #expect(!withSentence.problems.contains { $0.code == "table.duplicate" })
    }
}
