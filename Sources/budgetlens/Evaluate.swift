import ArgumentParser
import BudgetLensCore
import BudgetLensEvaluation
import BudgetLensReader
import Foundation

/// `budgetlens evaluate FILE`: read a published evaluation report (绩效评价报告) and check it.
struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read and check a performance-evaluation report (绩效评价报告): indicator system, scores, summaries.",
        discussion: """
            Reads the indicator system (一级/二级/三级, 分值, 评分办法), the scores and 得失分依据, the summary tables by \
            一级 indicator, the total and grade, the stated counts and the fund tables, then checks weights (W-1), \
            counts (W-2), summary identities (E-1..E-6), composites (R-11), scores under their own rules (R-*), the \
            grade (G-1) and fund tables (F-1, F-2). A final-accounts disclosure that annexes a report (seed 000) is \
            read from the annex title on.

            Exit codes: 0 no error finding; 1 error findings; 2 unusable input (no report found, a malformed \
            framework or evidence file).

            With --framework F --evidence E it scores a new evaluation instead: the framework's rules (DOMAIN §4.3) \
            applied to the evidence give the 得分表, the summary by 一级, total, grade and 问题清单; evidence missing \
            for an indicator is a finding (EV-1), never a silent zero. Built-in frameworks: department-overall (seed \
            003's system, 27 三级), employee-medical-insurance-fund (seed 000's, 19 三级).

            Examples:
              budgetlens evaluate ../shared/seeds/003_57b5dcd699d528dd.txt
              budgetlens evaluate report.pdf --format json
              budgetlens evaluate --framework department-overall --evidence examples/003-evidence.yaml
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "The published report: text extracted from its PDF, the PDF, or Markdown with HTML tables.")
    var file: String?

    @Option(help: "Score a new evaluation: a framework file (YAML), or a built-in framework's name.")
    var framework: String?

    @Option(help: "The evidence file (YAML) to score the framework on.")
    var evidence: String?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @OptionGroup var limit: InputLimit

    @Flag(name: .customLong("list-rules"), help: "List the rule ids of the report checks and the built-in frameworks.")
    var listRules = false

    func validate() throws {
        if listRules { return }
        if framework == nil, evidence == nil, file == nil {
            throw ValidationError(say("请给出评价报告文件，或 --framework F --evidence E", "give a report FILE, or --framework F --evidence E"))
        }
        if (framework == nil) != (evidence == nil) {
            throw ValidationError(say("--framework 与 --evidence 须一起给出", "--framework and --evidence go together"))
        }
        if framework != nil, file != nil {
            throw ValidationError(
                say("请给出评价报告文件或 --framework/--evidence，不能两者都给", "give a report FILE or --framework/--evidence, not both"))
        }
    }

    func run() throws {
        if listRules {
            for rule in EvaluationChecks.rules { print("\(rule.id)\t\(rule.text)") }
            print("frameworks\t" + Framework.builtInNames.joined(separator: ", "))
            return
        }
        if let framework, let evidence {
            try score(framework: framework, evidence: evidence)
            return
        }
        guard let file else { return }
        let configuration = limit.configuration()
        let text: String
        do {
            text = try DisclosureReader.readableText(path: file, configuration: configuration)
        } catch let error as ReadError {
            throw CommandFailure(error)
        }
        let report = EvaluationReportReader.read(text: text, file: file)
        guard report.isUsable else {
            throw CommandFailure(
                message: "error: \(file): 未找到绩效评价报告的指标体系、汇总表或评价得分 "
                    + "(no indicator system, summary table or total score of an evaluation report was found)")
        }
        var (findings, recomputed) = EvaluationChecks.evaluate(report)
        findings = DocumentChain.check(text: text, file: file, report: report) + findings
        switch format {
        case .text:
            print(EvaluationReportText(report: report, findings: findings, recomputed: recomputed).text, terminator: "")
        case .json:
            let json = EvaluationReportJSON(report: report, findings: findings, recomputed: recomputed)
            try writeOutput(try json.encoded() + Data("\n".utf8))
        }
        if findings.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }

    private func score(framework path: String, evidence: String) throws {
        let scored: ScoredEvaluation
        do {
            let framework = try Framework(contentsOf: path)
            guard let text = try? String(contentsOfFile: evidence, encoding: .utf8) else {
                throw CommandFailure(
                    place: evidence, chinese: "无法读取证据文件（不存在或不是 UTF-8）",
                    english: "cannot read the evidence file (missing, or not UTF-8)")
            }
            scored = try ScoredEvaluation(framework: framework, evidenceYAML: text, evidenceFile: evidence)
        } catch let error as FrameworkError {
            throw CommandFailure(error)
        }
        switch format {
        case .text: print(ScoredEvaluationText(scored: scored).text, terminator: "")
        case .json: try writeOutput(try ScoredEvaluationJSON(scored: scored).encoded() + Data("\n".utf8))
        }
        if scored.findings.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }
}
