import ArgumentParser
import BudgetLensCore
import BudgetLensReader
import BudgetLensRules
import BudgetLensStore
import Foundation

/// `budgetlens check FILE…`: every identity of 公开01–09, as findings.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "按审核规则检查部门决算公开（PDF、文本或 JSON）：公开01–09 表内、表间的全部勾稽关系。Check disclosures (PDF, text or JSON) against the rule pack: every identity inside and between 公开01–09.",
        discussion: """
            Findings are grouped by table. A difference within the rounding tolerance (尾数误差) is a warning; \
            a larger one takes the rule's severity.

            Reads the published PDF itself (its text layer, through poppler-utils' pdftotext), text extracted \
            from it (tab-separated or pdftotext -layout), or a BudgetLens JSON export. A file that cannot be \
            checked is reported in every format (JSON: its object with "error"; SARIF: a tool execution \
            notification) and makes the exit code 2.

            Messages are in Chinese with English; --lang zh or --lang en prints one of them (JSON and SARIF keep both).

            Exit codes: 0 no error finding; 1 error findings; 2 a file could not be checked, or broken rules.

            Examples:
              budgetlens check examples/001_06590241d827de43.txt
              budgetlens check 上海市普陀区财政局2024年度部门决算.pdf
              budgetlens check examples/*.txt --format json
              budgetlens check 2022.txt --rules my.rules --skip '06-*'
              budgetlens check 2023.pdf --previous 2022.pdf
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, sarif }

    @Argument(
        help: """
            Disclosures: published PDFs (read with poppler's pdftotext; needs poppler-utils), text extracted \
            from them, or BudgetLens JSON exports. 部门决算公开：PDF、其提取文本或 JSON 导出。
            """)
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

    @OptionGroup var limit: InputLimit

    func run() throws {
        let pack = try rules.pack()
        guard !pack.rules.isEmpty else {
            // Checking with no rule would pass every file: refuse rather than report success.
            throw CommandFailure(
                message: "error: "
                    + say(
                        "没有生效的规则（--no-builtin 未加 --rules，或 --skip 排除了全部规则），未检查任何文件",
                        "no rule is in force (--no-builtin without --rules, or --skip left none out): nothing was checked"))
        }
        if previous != nil, files.count != 1 {
            throw CommandFailure(
                message: "error: " + say("--previous 只比较一份决算与其上年决算：请给出一个文件", "--previous compares one disclosure with last year's: give one FILE"))
        }
        let lastYear = try previous.map {
            try DocumentInput(file: $0, limit: limit).readFinalAccounts(selfEvaluations: false)
        }
        var outcomes: [CheckOutcome] = []
        let showProgress = files.count > 1 && isatty(2) != 0
        for (number, file) in files.enumerated() {
            if showProgress { printError("[\(number + 1)/\(files.count)] \(file)") }
            let input = DocumentInput(file: file, limit: limit)
            do {
                let disclosure = try input.readFinalAccounts(selfEvaluations: false)
                var report = RuleEngine().evaluate(pack, on: disclosure)
                if let lastYear {
                    report.findings += YearOverYear.check(current: disclosure, previous: lastYear, skipping: rules.skipped)
                }
                report.findings += AnnexedEvaluation.findings(
                    file: file, disclosure: disclosure, configuration: limit.configuration(selfEvaluations: false),
                    skipped: rules.skipped)
                outcomes.append(.checked(report, disclosure))
            } catch let failure as CommandFailure {
                printError(failure.message)
                outcomes.append(
                    .failed(
                        failure.documentFailure(file: file, code: "unreadable")))
            }
        }
        switch format {
        case .text:
            let style = TerminalStyle(enabled: isatty(1) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
            for outcome in outcomes {
                switch outcome {
                case .checked(let report, let disclosure):
                    print(
                        CheckReportText(
                            report: report, disclosure: disclosure, style: style, verbose: verbose,
                            language: Language.current.messageLanguage
                        ).text)
                    if coverage { print(NarrativeCoverageText(disclosure: disclosure, style: style).text) }
                case .failed:
                    break  // on stderr, where text output puts errors
                }
            }
        case .json:
            let documents = outcomes.map { outcome in
                switch outcome {
                case .checked(let report, let disclosure): CheckReportJSON(report: report, disclosure: disclosure)
                case .failed(let failure): CheckReportJSON(failure: failure)
                }
            }
            let data = documents.count == 1 ? try CheckReportJSON.encode(documents[0]) : try CheckReportJSON.encode(documents)
            try writeOutput(data + Data("\n".utf8))
        case .sarif:
            try writeOutput(try CheckReportSARIF.encode(outcomes, pack: pack) + Data("\n".utf8))
        }
        if outcomes.contains(where: { if case .failed = $0 { true } else { false } }) { throw ExitCode(2) }
        if outcomes.contains(where: { if case .checked(let report, _) = $0 { report.hasErrors } else { false } }) {
            throw ExitCode(1)
        }
    }
}
