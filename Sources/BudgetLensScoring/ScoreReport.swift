import BudgetLensCore
import BudgetLensRules

/// The outcome of `budgetlens score`: each table recomputed, and the review's findings.
public struct ScoreReport: Sendable {
    /// The recomputed tables.
    public var tables: [TableScore]
    /// The findings of the performance pack, sorted by table and line.
    public var findings: [Finding]
    /// The document reviewed.
    public var disclosure: Disclosure

    /// Recomputes and reviews the self-evaluations of `disclosure` with the performance `pack`.
    public init(disclosure: Disclosure, schemes: SchemeSet, pack: RulePack) {
        self.disclosure = disclosure
        tables = ScoreCalculator(schemes: schemes).scores(of: disclosure)
        let engine = RuleEngine(catalog: CheckCatalog.structural.adding(ScoringChecks.catalog(schemes: schemes)))
        findings = engine.evaluate(pack, on: disclosure).findings
    }

    /// True when a finding is an error.
    public var hasErrors: Bool { findings.contains { $0.severity == .error } }

    /// The findings about one table.
    public func findings(for table: TableScore) -> [Finding] {
        findings.filter { $0.location.table == table.label && $0.location.source.map { $0.line >= table.table.source.line } ?? true }
            .filter { finding in
                // Two tables may share a label (the same project in two units): keep each finding with its table.
                let next = tables.first { $0.label == table.label && $0.table.source.line > table.table.source.line }
                return next.map { (finding.location.source?.line ?? 0) < $0.table.source.line } ?? true
            }
    }

    /// Findings about the 汇总表 and the 情况说明 rather than one table.
    public var documentFindings: [Finding] {
        let labels = Set(tables.map(\.label))
        return findings.filter { !labels.contains($0.location.table ?? "") }
    }

    /// The 汇总表 grade of a table's project, if listed.
    public func statedGrade(of table: TableScore) -> String? {
        disclosure.evaluationSummaries.first?.rows.first { SummaryReview.sameProject($0.project, table.table.projectName) }?.grade
    }
}
