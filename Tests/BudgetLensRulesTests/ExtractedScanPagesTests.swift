import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensTestSupport
import Foundation
import Testing

/// Text extracted from a PDF whose table pages are images (the field case `…MIXEDSCAN-p8-9-image.pdf`, 公开03 on
/// pages 8–9): the pages are empty between their form feeds, and 公开03 was reported missing (an F-TOC error, exit
/// 0 for `show`), where the PDF itself says "present, unreadable (第8–9页, images)". Now the extraction says the
/// same: present, unreadable, its rules not checked (UnreadableTables.emptyPages). A table missing where no page is
/// empty stays missing.
@Suite("Extractions of a PDF with scanned table pages: present, unreadable", .enabled(if: ExtractionTools.shouldRun))
struct ExtractedScanPagesTests {
    static let mixed = "field/shanghai-putuo-shehuigongzuobu-2024-final-MIXEDSCAN-p8-9-image.pdf"

    @Test("layout, raw and page text of the MIXEDSCAN PDF: 公开03 unreadable on 第8–9页, not missing; no F-TOC", arguments: [
        ExtractionTools.Kind.layout, .raw, .pageText,
    ])
    func scannedPages(kind: ExtractionTools.Kind) throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try DisclosureReader.read(path: try ExtractionTools.extract(kind, from: Seed.corpusPath(Self.mixed), into: folder))
        let pdf = try DisclosureReader.read(path: Seed.corpusPath(Self.mixed))
        #expect(pdf.unreadableTables == [.expenditure])
        #expect(text.unreadableTables == [.expenditure], "\(kind)")
        let problem = try #require(text.problems.first { $0.code == Disclosure.unreadableTableProblem })
        #expect(problem.message.hasPrefix("公开03 支出决算表 应在第8–9页，但文本中这些页没有文字"))
        #expect(!text.missingTables.contains(.expenditure))
        let findings = RuleEngine().evaluate(try BuiltInPacks.finalAccounts(), on: text).findings
        #expect(!findings.contains { $0.rule == "F-TOC" && $0.message.contains("公开03") })
    }

    @Test("the 测试问题版本's layout text: its missing 公开03 (no empty page where it belongs) stays missing")
    func missingStaysMissing() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = "pdf/24年普陀区财政局（测试问题版本）.pdf"
        let text = try DisclosureReader.read(path: try ExtractionTools.extract(.layout, from: Seed.corpusPath(name), into: folder))
        #expect(text.unreadableTables.isEmpty)
        #expect(text.missingTables.contains(.expenditure))
    }
}
