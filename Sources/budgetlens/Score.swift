import ArgumentParser
import BudgetLensCore
import BudgetLensRules
import BudgetLensScoring
import Foundation

/// `budgetlens score FILE`: recompute and review the performance self-evaluation tables.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "按评分办法重新计算并复核绩效自评表。Recompute and review the performance self-evaluation tables (绩效自评表) of disclosures.",
        discussion: """
            Each table is recomputed under its scheme — 山东 for 市级预算项目绩效自评表, 湖北 for 项目/部门绩效自评表 — \
            or under --scheme FILE for all (copy a built-in scheme from Sources/BudgetLensScoring/Schemes and edit it). \
            The review's findings come from the performance rule pack; --skip leaves rules out.

            Several files: one JSON array. A file that cannot be scored (unreadable, no self-evaluation table) \
            is reported in the output with its error and makes the exit code 2.

            Exit codes: 0 no error finding; 1 error findings; 2 a file could not be scored, or a broken scheme.

            Examples:
              budgetlens score examples/001_06590241d827de43.txt
              budgetlens score examples/000_b3a610eb10aa3aee.txt --format json
              budgetlens score 2023.txt --scheme my.scheme
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(
        help: """
            Disclosures: published PDFs (read with poppler's pdftotext), text extracted from them, or BudgetLens \
            JSON exports.
            """)
    var files: [String]

    @OptionGroup var limit: InputLimit

    @Option(help: ArgumentHelp("A scheme file to score every table by.", valueName: "file"))
    var scheme: String?

    @Option(name: .customLong("skip"), help: ArgumentHelp("Rule ids to leave out (repeatable).", valueName: "pattern"))
    var skipped: [String] = []

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let schemes: SchemeSet
        let pack: RulePack
        do {
            var builtIn = try SchemeSet.builtIn()
            if let scheme { builtIn = builtIn.overriding(with: try ScoringScheme(contentsOf: scheme)) }
            schemes = builtIn
            let performance = try ScoringChecks.performancePack(schemes: schemes)
            try SkipPatterns.refuseUnmatched(skipped, among: performance.rules.map(\.id))
            pack = performance.skipping(skipped)
        } catch let error as RuleFileError {
            throw CommandFailure(error)
        }
        var outcomes: [Result<ScoreReport, DocumentFailure>] = []
        for file in files {
            do {
                let disclosure = try DocumentInput(file: file, limit: limit).read()
                if disclosure.kind.isEvaluationReport {
                    let refusal = String(DocumentInput.evaluationRefusal(file: file, kind: disclosure.kind).dropFirst("error: ".count))
                    throw CommandFailure(
                        DocumentFailure(file: file, code: "evaluation-report", message: refusal, messageEn: refusal))
                }
                guard !disclosure.selfEvaluations.isEmpty else {
                    throw CommandFailure(
                        DocumentFailure(
                            file: file, code: "no-self-evaluation",
                            message: "\(file): 未找到绩效自评表",
                            messageEn: "\(file): no performance self-evaluation table (绩效自评表) was found"))
                }
                outcomes.append(.success(ScoreReport(disclosure: disclosure, schemes: schemes, pack: pack)))
            } catch let failure as CommandFailure {
                printError(failure.message)
                outcomes.append(
                    .failure(
                        failure.documentFailure(file: file, code: "unreadable")))
            }
        }
        switch format {
        case .text:
            for outcome in outcomes {
                switch outcome {
                case .success(let report): print(ScoreReportText(report: report, language: Language.current.messageLanguage).text)
                case .failure: break  // on stderr, where text output puts errors
                }
            }
        case .json:
            let documents = outcomes.map { outcome in
                switch outcome {
                case .success(let report): ScoreReportJSON(report: report)
                case .failure(let failure): ScoreReportJSON(failure: failure)
                }
            }
            let data = documents.count == 1 ? try CheckReportJSON.encode(documents[0]) : try CheckReportJSON.encode(documents)
            try writeOutput(data + Data("\n".utf8))
        }
        if outcomes.contains(where: { if case .failure = $0 { true } else { false } }) { throw ExitCode(2) }
        if outcomes.contains(where: { if case .success(let report) = $0 { report.hasErrors } else { false } }) {
            throw ExitCode(1)
        }
    }
}
