import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensTestSupport
import Foundation
import Testing

/// The 情况说明 of page text read as from the PDF: pdfplumber's `extract_text()` of the ONLYOFFICE 财政局 PDF prints
/// every figure of a sentence on the line below it and joins pages without a line break; read, the narrative
/// gives exactly the PDF's narrative findings (the 四 0.30 vs 2961.68, 五's 71.73 % vs 71.65 %, 十一's 251.25 vs
/// 251.26) and no false ones (before: eight empty-slot warnings, sections read from the 目录).
@Suite("Page text: the 情况说明 as the PDF's", .enabled(if: ExtractionTools.shouldRun))
struct PageTextNarrativeTests {
    static let pdf = "pdf/上海市普陀区财政局2024年度部门决算.pdf"

    @Test("财政局 page text: narrative sections and narrative findings (N-*) equal the PDF's")
    func narrativeAsThePDF() throws {
        let folder = try TestWorkbooks.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = try DisclosureReader.read(path: Seed.corpusPath(Self.pdf))
        let path = try ExtractionTools.extract(.pageText, from: Seed.corpusPath(Self.pdf), into: folder)
        let text = try DisclosureReader.read(path: path)
        #expect(text.narrative.map(\.heading) == pdf.narrative.map(\.heading))
        #expect(text.narrative.count == 11)
        func narrativeFindings(_ disclosure: Disclosure) throws -> [String] {
            try ExtractionFormsTests.findings(disclosure).filter { $0.split(separator: "\t")[1].hasPrefix("N-") }
        }
        let fromPDF = try narrativeFindings(pdf)
        #expect(fromPDF.count == 4)  // N-BIND, N-SHARE, N-LIST (尾数误差), N-GP
        // The four 三公 figures bound to the 公开09 cells the page text leaves open are not checked, said so.
        let notChecked = try narrativeFindings(text).filter { $0.contains("\tN-BIND\t") && $0.contains("无法审核，公开09[") }
        #expect(notChecked.count == 4 && notChecked.allSatisfy { $0.hasPrefix("warning\t") })
        #expect(try narrativeFindings(text).filter { !notChecked.contains($0) } == fromPDF)
        #expect(fromPDF.contains { $0.contains("N-BIND") && $0.contains("0.30万元") && $0.contains("2961.68万元") })
        // The sentence of 一 as printed, and its figures traced to the line below the words.
        let first = try #require(text.narrative.first?.body.lines.first)
        #expect(first.text == "上海市普陀区财政局2024年度收入支出总计2995.39万元。与2023年度相比，收入")
        // Tables the page text does not read are there, not missing: no F-TOC.
        let findings = try ExtractionFormsTests.findings(text)
        #expect(!findings.contains { $0.contains("\tF-TOC\t") })
    }
}
