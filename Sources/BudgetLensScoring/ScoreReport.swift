import BudgetLensCore
import BudgetLensRules

/// The outcome of `budgetlens score`: each table recomputed, and the review's findings.
public struct ScoreReport: Sendable {
    /// The recomputed tables.
    public let tables: [TableScore]
    /// The findings of the performance pack, sorted by table and line.
    public let findings: [Finding]
    /// The findings about each table, parallel to ``tables``.
    public let tableFindings: [[Finding]]
    /// The 汇总表 grade of each table's project where it is listed, parallel to ``tables``.
    public let statedGrades: [String?]
    /// The document reviewed.
    public let disclosure: Disclosure

    /// Recomputes and reviews the self-evaluations of `disclosure` with the performance `pack`.
    ///
    /// Linear in the document: findings are assigned to tables through a dictionary by label, grades looked up in
    /// a ``SummaryRowIndex`` (docs/benchmarks.md has the figures).
    public init(disclosure: Disclosure, schemes: SchemeSet, pack: RulePack) {
        self.disclosure = disclosure
        let tables = ScoreCalculator(schemes: schemes).scores(of: disclosure)
        self.tables = tables
        let review = SelfEvaluationReview(disclosure: disclosure, scores: tables)
        let engine = RuleEngine(
            catalog: CheckCatalog.structural.adding(ScoringChecks.catalog(schemes: schemes, review: review)))
        let findings = engine.evaluate(pack, on: disclosure).findings
        self.findings = findings
        tableFindings = Self.assign(findings, to: tables)
        let index = disclosure.evaluationSummaries.first.map(SummaryRowIndex.init)
        statedGrades = tables.map { index?.rows(for: $0.table.projectName).first?.grade }
    }

    /// True when a finding is an error.
    public var hasErrors: Bool { findings.contains { $0.severity == .error } }

    /// The findings about one of ``tables`` (``tableFindings`` gives all tables' at once; this looks the table up,
    /// so calling it for every table costs tables² comparisons).
    public func findings(for table: TableScore) -> [Finding] {
        index(of: table).map { tableFindings[$0] } ?? []
    }

    /// The 汇总表 grade of one of ``tables``' project, if listed (``statedGrades`` gives all at once).
    public func statedGrade(of table: TableScore) -> String? {
        index(of: table).flatMap { statedGrades[$0] }
    }

    private func index(of table: TableScore) -> Int? {
        tables.firstIndex { $0.label == table.label && $0.table.source == table.table.source }
    }

    /// Findings about the 汇总表 and the 情况说明 rather than one table.
    public var documentFindings: [Finding] {
        let labels = Set(tables.map(\.label))
        return findings.filter { !labels.contains($0.location.table ?? "") }
    }

    /// Each finding goes to the table with its label that starts last at or before the finding's line (two tables
    /// may share a label: the same project in two units); a finding without a source line goes to every table with
    /// its label.
    static func assign(_ findings: [Finding], to tables: [TableScore]) -> [[Finding]] {
        var byLabel: [String: [(line: Int, table: Int)]] = [:]
        for (offset, table) in tables.enumerated() {
            byLabel[table.label, default: []].append((table.table.source.line, offset))
        }
        for label in byLabel.keys { byLabel[label]?.sort { $0.line < $1.line } }
        var result = Array(repeating: [Finding](), count: tables.count)
        for finding in findings {
            guard let label = finding.location.table, let starts = byLabel[label] else { continue }
            guard let line = finding.location.source?.line else {
                for start in starts { result[start.table].append(finding) }
                continue
            }
            // The number of tables starting at or before `line` (binary search).
            var low = 0
            var high = starts.count
            while low < high {
                let middle = (low + high) / 2
                if starts[middle].line <= line { low = middle + 1 } else { high = middle }
            }
            guard low > 0 else { continue }
            let owner = starts[low - 1].line
            for start in starts[..<low].reversed() where start.line == owner { result[start.table].append(finding) }
        }
        return result
    }
}
