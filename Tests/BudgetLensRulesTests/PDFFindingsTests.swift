import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensTestSupport
import Foundation
import Testing

@Suite("Checking a PDF gives the findings its text gives")
struct PDFFindingsTests {
    private func report(_ path: String) throws -> (CheckReport, Disclosure) {
        var configuration = ReaderConfiguration()
        configuration.readsSelfEvaluations = false
        let disclosure = try DisclosureReader.read(path: Seed.corpusPath(path), configuration: configuration)
        return (RuleEngine().evaluate(try BuiltInPacks.finalAccounts(), on: disclosure), disclosure)
    }

    /// A finding without its place in the input: rule, severity, cell, values and message.
    private func comparable(_ finding: Finding, unit: MoneyUnit) -> String {
        return [
            finding.severity.rawValue, finding.rule, finding.location.table ?? "", finding.location.item ?? "",
            finding.location.code ?? "", finding.location.column.map(String.init) ?? "",
            FindingValue.text(finding.actual, unit: unit),
            FindingValue.text(finding.expected, unit: unit), finding.message,
        ].joined(separator: "\t")
    }

    @Test(
        "same rules, cells, values and messages on the PDF as on its text",
        arguments: Seed.shanghaiPDFs.compactMap { pair in pair.text.map { (pair.pdf, $0) } })
    func sameFindings(pdf: String, text: String) throws {
        let (fromPDF, pdfDisclosure) = try report(pdf)
        let (fromText, textDisclosure) = try report(text)
        let pdfLines = fromPDF.findings.map { comparable($0, unit: pdfDisclosure.moneyUnit) }.sorted()
        let textLines = fromText.findings.map { comparable($0, unit: textDisclosure.moneyUnit) }.sorted()
        #expect(pdfLines == textLines)
        #expect(fromPDF.assertionsEvaluated == fromText.assertionsEvaluated)
        #expect(fromPDF.findings.allSatisfy { $0.location.source?.page != nil }, "every finding names its page")
    }

    @Test("the test variant's planted defects are found in its PDF: the placeholder unit and the wrong year")
    func testVariant() throws {
        let (report, _) = try report(Seed.shanghaiPDFs[2].pdf)
        let placeholder = try #require(report.findings.first { $0.rule == "F-XX" })
        #expect(placeholder.message.contains("第二部分 上海市普陀区XX局 2024 年度部门决算表"))
        #expect(placeholder.location.source?.page == 7)
        let year = try #require(report.findings.first { $0.rule == "F-YEAR" })
        #expect(year.message.contains("2023"))
        #expect(report.findings.contains { $0.rule == "F-TOC" && $0.severity == .error })
    }

    @Test("the blank template's XX placeholders are reported, each with its page")
    func templatePlaceholders() throws {
        let (report, _) = try report(Seed.templatePDF)
        let placeholders = report.findings.filter { $0.rule == "F-XX" }
        #expect(placeholders.count >= 50)
        #expect(placeholders.contains { $0.message.contains("上海市XX局2024年度部门决算") && $0.location.source?.page == 1 })
        #expect(placeholders.contains { $0.message.contains("XXX万元") })
        #expect(placeholders.allSatisfy { $0.location.source?.page != nil })
    }
}
