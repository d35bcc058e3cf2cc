import ArgumentParser
import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import Foundation

/// `budgetlens check FILE…`: every identity of 公开01–09, as findings.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check disclosures against the rule pack: every identity inside and between 公开01–09.",
        discussion: """
            Findings are grouped by table. A difference within the rounding tolerance (尾数误差) is a warning; \
            a larger one takes the rule's severity.

            Exit codes: 0 no error finding; 1 error findings; 2 unusable input or broken rules.

            Examples:
              budgetlens check examples/001_06590241d827de43.txt
              budgetlens check examples/*.txt --format json
              budgetlens check 2022.txt --rules my.rules --skip '06-*'
              budgetlens check 2023.pdf --previous 2022.pdf
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, sarif }

    @Argument(help: "Disclosures: text extracted from their PDFs, or BudgetLens JSON exports.")
    var files: [String]

    @OptionGroup var rules: RuleOptions

    @Option(help: "Output format: text, json or sarif.")
    var format: Format = .text

    @Option(help: ArgumentHelp(
        "Last year's disclosure of the same unit (any readable format): checks 年初 = 上年年末 结转和结余, the narrative's 与上年相比 claims, year and unit (Y-*).",
        valueName: "file"))
    var previous: String?

    @Flag(help: "Also list the rule statements that did not apply (missing table, condition not met).")
    var verbose = false

    @Flag(help: "Also print, per section of the 情况说明, the statements read and checked and the figures unreadable.")
    var coverage = false

    @Option(name: .customLong("max-input-mb"), help: "Largest input accepted, in MiB.")
    var maximumInputMegabytes: Int = 64

    func run() throws {
        let pack = try rules.pack()
        if previous != nil, files.count != 1 {
            throw CommandFailure(message: "error: --previous compares one disclosure with last year's: give one FILE")
        }
        let lastYear = try previous.map {
            try DocumentInput(file: $0, maximumInputMegabytes: maximumInputMegabytes).readFinalAccounts(selfEvaluations: false)
        }
        var checks: [(CheckReport, Disclosure)] = []
        var unusable = false
        let showProgress = files.count > 1 && isatty(2) != 0
        for (number, file) in files.enumerated() {
            if showProgress { printError("[\(number + 1)/\(files.count)] \(file)") }
            let input = DocumentInput(file: file, maximumInputMegabytes: maximumInputMegabytes)
            do {
                let disclosure = try input.readFinalAccounts(selfEvaluations: false)
                var report = RuleEngine().evaluate(pack, on: disclosure)
                if let lastYear {
                    report.findings += YearOverYear.check(current: disclosure, previous: lastYear, skipping: rules.skipped)
                }
                checks.append((report, disclosure))
            } catch let failure as CommandFailure {
                printError(failure.message)
                unusable = true
            }
        }
        switch format {
        case .text:
            let style = TerminalStyle(enabled: isatty(1) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
            for (report, disclosure) in checks {
                print(CheckReportText(report: report, disclosure: disclosure, style: style, verbose: verbose).text)
                if coverage { print(NarrativeCoverageText(disclosure: disclosure, style: style).text) }
            }
        case .json:
            let documents = checks.map { CheckReportJSON(report: $0.0, disclosure: $0.1) }
            let data = documents.count == 1 ? try CheckReportJSON.encode(documents[0]) : try CheckReportJSON.encode(documents)
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        case .sarif:
            FileHandle.standardOutput.write(try CheckReportSARIF.encode(checks, pack: pack) + Data("\n".utf8))
        }
        if unusable { throw ExitCode(2) }
        if checks.contains(where: { $0.0.hasErrors }) { throw ExitCode(1) }
    }
}
