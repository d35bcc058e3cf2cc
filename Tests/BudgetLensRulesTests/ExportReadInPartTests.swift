import BudgetLensCore
import BudgetLensReader
import BudgetLensTestSupport
import Foundation
import Testing

/// `export --format json` of a document read in part reads back as the same model: a cell the reader left unread
/// (raw and page text: an amount the identities do not place, `table.ambiguous`) is exported blank and without a
/// value, and the export's validation takes that as unread — not as a value disagreeing with its text, and never
/// as 0.00 (tester finding 24-6).
@Suite("JSON export of a document read in part", .enabled(if: ExtractionTools.shouldRun))
struct ExportReadInPartTests {
    @Test(
        "raw and page text of the corpus PDFs: the export reads back identical, unread cells still unread",
        arguments: [ExtractionTools.Kind.raw, .pageText])
    func roundTrip(kind: ExtractionTools.Kind) throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var unreadSeen = 0
        for (pdf, _) in Seed.shanghaiPDFs {
            let disclosure = try DisclosureReader.read(path: try ExtractionTools.extract(kind, from: Seed.corpusPath(pdf), into: folder))
            let unread = disclosure.tables.flatMap(\.rows).flatMap(\.cells).filter { $0.value == nil && $0.text.isEmpty }
            unreadSeen += unread.count
            let again = try DisclosureReader.read(data: DisclosureJSON.encode(disclosure), file: "export.json")
            #expect(again == disclosure, "\(pdf) \(kind)")
            #expect(again.tables.flatMap(\.rows).flatMap(\.cells).filter { $0.value == nil && $0.text.isEmpty }.count == unread.count)
        }
        // The corpus's raw texts leave cells unread (公开06, 公开02); its page text the 财政局's 公开09 cells.
        #expect(unreadSeen > 0)
    }

    @Test("a blank cell with a value other than 0 is still refused; without a value it is unread")
    func blankCells() throws {
        var disclosure = try Seed.read(Seed.weihai)
        let (row, index) = try #require(disclosure.tables[0].rows.indices.lazy.compactMap { row in
            disclosure.tables[0].rows[row].cells.firstIndex(where: { $0.text.isEmpty }).map { (row, $0) }
        }.first)
        disclosure.tables[0].rows[row].cells[index].value = nil
        let unread = try DisclosureReader.read(data: DisclosureJSON.encode(disclosure), file: "export.json")
        #expect(unread.tables[0].rows[row].cells[index].value == nil)
        disclosure.tables[0].rows[row].cells[index].value = Money(fen: 1)
        let error = try #require(throws: ReadError.self) {
            try DisclosureReader.read(data: DisclosureJSON.encode(disclosure), file: "export.json")
        }
        #expect(error.message.contains("value 0.01 元 disagrees with text '', which reads as 0.00 元"))
    }
}
