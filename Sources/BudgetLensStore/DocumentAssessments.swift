import BudgetLensCore
import BudgetLensEvaluation
import BudgetLensReader
import BudgetLensRules
import BudgetLensScoring
import Foundation

/// The self-evaluation scores and the annexed evaluation of one document, as `budgetlens score` and `budgetlens
/// evaluate` give them (docs/store2.md). Scores are decimal strings exactly as those commands print them (`92.50`),
/// never floating point; the full outputs are kept as the commands' JSON, byte for byte.
public struct DocumentAssessments: Sendable, Hashable {
    /// `budgetlens score FILE --format json` of the document (pretty-printed, sorted keys); `nil` when the document
    /// has no 绩效自评表.
    public var scoreJSON: Data?
    /// One row per self-evaluation table, in the order `score` lists them.
    public var projects: [ProjectScore]
    /// `budgetlens evaluate FILE --format json` of the annexed 评价报告; `nil` when there is none.
    public var evaluationJSON: Data?
    /// The annexed evaluation in columns; `nil` when there is none.
    public var evaluation: EvaluationSummary?

    /// Nothing scored, nothing evaluated.
    public static let none = DocumentAssessments(scoreJSON: nil, projects: [], evaluationJSON: nil, evaluation: nil)

    /// Creates assessments.
    public init(scoreJSON: Data?, projects: [ProjectScore], evaluationJSON: Data?, evaluation: EvaluationSummary?) {
        self.scoreJSON = scoreJSON
        self.projects = projects
        self.evaluationJSON = evaluationJSON
        self.evaluation = evaluation
    }

    /// True when there is nothing to store.
    public var isEmpty: Bool { scoreJSON == nil && evaluationJSON == nil }
}

/// One 绩效自评表 as scored (the `projects` of `score --format json`): every score a decimal string as printed.
public struct ProjectScore: Sendable, Hashable, Codable {
    /// Position in the document (0-based, `score`'s order).
    public var ordinal: Int
    /// The project (or department) name.
    public var project: String
    /// `project` or `department`.
    public var kind: String
    /// The scoring scheme's name (山东, 湖北, or a user scheme).
    public var scheme: String
    /// 总分 as printed in the table.
    public var statedTotal: String?
    /// 总分 recomputed under the scheme.
    public var computedTotal: String?
    /// The 汇总表's grade for the project.
    public var statedGrade: String?
    /// The grade of the recomputed total.
    public var computedGrade: String?
    /// 预算执行率 recomputed (B/A), percent.
    public var executionRate: String?
    /// Findings about this table.
    public var findings: Int
    /// Where the table starts (`file:line`).
    public var source: String

    /// Creates a row.
    public init(
        ordinal: Int, project: String, kind: String, scheme: String, statedTotal: String?, computedTotal: String?,
        statedGrade: String?, computedGrade: String?, executionRate: String?, findings: Int, source: String
    ) {
        self.ordinal = ordinal
        self.project = project
        self.kind = kind
        self.scheme = scheme
        self.statedTotal = statedTotal
        self.computedTotal = computedTotal
        self.statedGrade = statedGrade
        self.computedGrade = computedGrade
        self.executionRate = executionRate
        self.findings = findings
        self.source = source
    }
}

/// The annexed evaluation report in columns: its kind, title, printed total and grade, findings counted.
public struct EvaluationSummary: Sendable, Hashable, Codable {
    /// The report's kind (``EvaluationReport``'s `kind.rawValue`).
    public var kind: String
    /// Its title.
    public var title: String
    /// The first printed 总分 (two decimals), if any.
    public var totalScore: String?
    /// The first printed grade, if any (the first of the report's stated totals that prints one: seed 000's 附件
    /// 得分表 total prints none, its 综合评价结论 prints 优).
    public var grade: String?
    /// Error findings of `evaluate`.
    public var errors: Int
    /// Warning findings of `evaluate`.
    public var warnings: Int

    /// Creates a summary.
    public init(kind: String, title: String, totalScore: String?, grade: String?, errors: Int, warnings: Int) {
        self.kind = kind
        self.title = title
        self.totalScore = totalScore
        self.grade = grade
        self.errors = errors
        self.warnings = warnings
    }
}

/// Computes a document's assessments the way `score` and `evaluate` do.
public enum Assessor {
    /// The scores of `file` (read again with its self-evaluation tables when its parts name a 自评表) and its
    /// annexed evaluation (`annexed`, from ``AnnexedEvaluation/read(file:disclosure:configuration:skipped:)``).
    ///
    /// - Parameters:
    ///   - disclosure: the document as `check` reads it (no self-evaluations).
    ///   - skipped: `--skip` patterns, applied to the performance pack as `score --skip` does.
    /// - Throws: a scheme or pack error (built-in ones do not fail), an encoding error.
    ///   - data: the file's bytes when it is held in memory (an upload); `nil` reads `file` from disk.
    public static func assess(
        file: String, data: Data? = nil, disclosure: Disclosure, configuration: ReaderConfiguration,
        skipped: [String], annexed: AnnexedEvaluation.Annexed?
    ) throws -> DocumentAssessments {
        var assessments = DocumentAssessments.none
        if mentionsSelfEvaluation(disclosure) {
            var withTables = configuration
            withTables.readsSelfEvaluations = true
            let reading = Result {
                if let data { try DisclosureReader.read(data: data, file: file, configuration: withTables) }
                else { try DisclosureReader.read(path: file, configuration: withTables) }
            }
            if let scored = try? reading.get(),
                !scored.selfEvaluations.isEmpty, !scored.kind.isEvaluationReport
            {
                let schemes = try SchemeSet.builtIn()
                let pack = try ScoringChecks.performancePack(schemes: schemes).skipping(skipped)
                let json = ScoreReportJSON(report: ScoreReport(disclosure: scored, schemes: schemes, pack: pack))
                assessments.scoreJSON = try CheckReportJSON.encode(json)
                assessments.projects = json.projects.enumerated().map { ordinal, project in
                    ProjectScore(
                        ordinal: ordinal, project: project.name, kind: project.kind, scheme: project.scheme,
                        statedTotal: project.statedTotal, computedTotal: project.computedTotal,
                        statedGrade: project.statedGrade, computedGrade: project.computedGrade,
                        executionRate: project.execution.rate, findings: project.findings.count, source: project.source)
                }
            }
        }
        if let annexed {
            let json = EvaluationReportJSON(
                report: annexed.report, findings: annexed.evaluationFindings, recomputed: annexed.recomputed)
            assessments.evaluationJSON = try json.encoded()
            assessments.evaluation = EvaluationSummary(
                kind: annexed.report.kind.rawValue, title: annexed.report.title, totalScore: json.totals.first?.score,
                grade: json.totals.lazy.compactMap(\.grade).first,
                errors: annexed.evaluationFindings.filter { $0.severity == .error }.count,
                warnings: annexed.evaluationFindings.filter { $0.severity == .warning }.count)
        }
        return assessments
    }

    /// True when a part of the document (an annex, usually) names a 自评表: only then is it read a second time.
    static func mentionsSelfEvaluation(_ disclosure: Disclosure) -> Bool {
        disclosure.parts.contains { part in
            part.heading.containsText("自评") || part.body.lines.contains { $0.text.containsText("自评") }
        }
    }
}
