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
            pack = try ScoringChecks.performancePack(schemes: schemes).skipping(skipped)
        } catch let error as RuleFileError {
            throw CommandFailure(message: "error: \(error)")
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
                        failure.document
                            ?? DocumentFailure(file: file, code: "unreadable", message: failure.message, messageEn: failure.message)))
            }
        }
        switch format {
        case .text:
            for outcome in outcomes {
                switch outcome {
                case .success(let report): print(ScoreReportText(report: report).text)
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

/// The terminal text of `budgetlens score`.
struct ScoreReportText {
    let report: ScoreReport

    var text: String {
        let disclosure = report.disclosure
        var lines = [
            "\(disclosure.source.file) — \(disclosure.header.unitName ?? disclosure.header.title) \(disclosure.header.year.map(String.init) ?? "")"
        ]
        for (position, table) in report.tables.enumerated() {
            lines.append("")
            lines.append("\(table.label)  (\(table.scheme.name), line \(table.table.source.line))")
            if let total = table.table.budget.total, let budget = total.budget, let executed = total.executed {
                let rate = table.executionRate.map { Score(hundredths: $0).description + "%" } ?? "—"
                var execution =
                    "  预算执行 A \(budget.decimalString(in: .wanYuan)) B \(executed.decimalString(in: .wanYuan)) 执行率 \(rate)"
                if table.scheme.total > .zero {
                    execution +=
                        " → \(table.executionScore?.description ?? "—") (printed \(total.statedScore?.description ?? "—"))"
                }
                lines.append(execution)
            }
            if table.scheme.total > .zero {
                let grade = report.statedGrades[position].map { " · 汇总表等级 \($0)" } ?? ""
                lines.append(
                    "  总分 printed \(table.table.statedTotal?.description ?? "—") · recomputed \(table.computedTotal?.description ?? "—") · "
                        + "等级 \(table.computedGrade ?? "—")\(grade)")
            }
            let unmet = table.indicators.filter { $0.judgement.status == .unmet }.map(\.indicator.name)
            lines.append(
                "  \(table.indicators.count) indicators"
                    + (unmet.isEmpty ? "" : "; not met: " + unmet.joined(separator: "、")))
            for finding in report.tableFindings[position] { lines.append(line(finding)) }
        }
        let others = report.documentFindings
        if !others.isEmpty {
            lines.append("")
            lines.append("汇总表 · 情况说明")
            for finding in others { lines.append(line(finding)) }
        }
        let errors = report.findings.filter { $0.severity == .error }.count
        let warnings = report.findings.filter { $0.severity == .warning }.count
        let info = report.findings.filter { $0.severity == .info }.count
        lines.append("")
        lines.append("\(report.tables.count) tables — \(errors) errors, \(warnings) warnings, \(info) info")
        return lines.joined(separator: "\n")
    }

    private func line(_ finding: Finding) -> String {
        let place = finding.location.source.map { $0.region == nil ? String($0.line) : $0.place } ?? "-"
        let rule = finding.rule.padding(toLength: 11, withPad: " ", startingAt: 0)
        let severity = finding.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
        let message = Language.current == .en ? finding.messageEnglish : finding.message
        return "    \(severity) \(rule) \(place.padding(toLength: 5, withPad: " ", startingAt: 0)) \(message)"
    }
}
