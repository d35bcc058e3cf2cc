import BudgetLensCore
import BudgetLensRules

/// The JSON form of `budgetlens score --format json` (schema in docs/score-json.md).
public struct ScoreReportJSON: Encodable, Sendable {
    public struct Project: Encodable, Sendable {
        public var name: String
        public var kind: String
        public var scheme: String
        public var statedTotal: String?
        public var computedTotal: String?
        public var statedGrade: String?
        public var computedGrade: String?
        public var execution: Execution
        public var indicators: [IndicatorJSON]
        public var findings: [CheckReportJSON.Item]
        public var source: String

        private enum CodingKeys: String, CodingKey {
            case name, kind, scheme, statedTotal, computedTotal, statedGrade, computedGrade, execution, indicators, findings
            case source
        }

        /// Every field, absent ones as `null`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(kind, forKey: .kind)
            try container.encode(scheme, forKey: .scheme)
            try container.encode(statedTotal, forKey: .statedTotal)
            try container.encode(computedTotal, forKey: .computedTotal)
            try container.encode(statedGrade, forKey: .statedGrade)
            try container.encode(computedGrade, forKey: .computedGrade)
            try container.encode(execution, forKey: .execution)
            try container.encode(indicators, forKey: .indicators)
            try container.encode(findings, forKey: .findings)
            try container.encode(source, forKey: .source)
        }
    }

    public struct Execution: Encodable, Sendable {
        public var budget: String?
        public var executed: String?
        public var rate: String?
        public var statedRate: String?
        public var weight: String
        public var statedScore: String?
        public var computedScore: String?

        private enum CodingKeys: String, CodingKey {
            case budget, executed, rate, statedRate, weight, statedScore, computedScore
        }

        /// Every field, absent ones as `null`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(budget, forKey: .budget)
            try container.encode(executed, forKey: .executed)
            try container.encode(rate, forKey: .rate)
            try container.encode(statedRate, forKey: .statedRate)
            try container.encode(weight, forKey: .weight)
            try container.encode(statedScore, forKey: .statedScore)
            try container.encode(computedScore, forKey: .computedScore)
        }
    }

    public struct IndicatorJSON: Encodable, Sendable {
        public var level1: String
        public var level2: String
        public var name: String
        public var target: String
        public var actual: String?
        public var weight: String?
        public var statedScore: String?
        public var computedScore: String?
        public var status: String
        public var sourceLine: Int

        private enum CodingKeys: String, CodingKey {
            case level1, level2, name, target, actual, weight, statedScore, computedScore, status, sourceLine
        }

        /// Every field, absent ones as `null`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(level1, forKey: .level1)
            try container.encode(level2, forKey: .level2)
            try container.encode(name, forKey: .name)
            try container.encode(target, forKey: .target)
            try container.encode(actual, forKey: .actual)
            try container.encode(weight, forKey: .weight)
            try container.encode(statedScore, forKey: .statedScore)
            try container.encode(computedScore, forKey: .computedScore)
            try container.encode(status, forKey: .status)
            try container.encode(sourceLine, forKey: .sourceLine)
        }
    }

    /// The file as given on the command line.
    public var document: String
    /// Why the file could not be scored; `nil` when it was.
    public var error: DocumentFailure?
    public var unitName: String?
    public var year: Int?
    public var projects: [Project]
    public var findings: [CheckReportJSON.Item]
    public var errors: Int
    public var warnings: Int

    /// The JSON form of a file that could not be scored: its error, no projects, no findings.
    public init(failure: DocumentFailure) {
        document = failure.file
        error = failure
        projects = []
        findings = []
        errors = 0
        warnings = 0
    }

    private enum CodingKeys: String, CodingKey { case document, error, unitName, year, projects, findings, errors, warnings }

    /// Every key, absent values as `null`, so a failed file has the shape of a scored one.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(document, forKey: .document)
        try container.encode(error, forKey: .error)
        try container.encode(unitName, forKey: .unitName)
        try container.encode(year, forKey: .year)
        try container.encode(projects, forKey: .projects)
        try container.encode(findings, forKey: .findings)
        try container.encode(errors, forKey: .errors)
        try container.encode(warnings, forKey: .warnings)
    }

    /// The JSON form of `report`.
    public init(report: ScoreReport) {
        let disclosure = report.disclosure
        document = disclosure.source.file
        unitName = disclosure.header.unitName
        year = disclosure.header.year
        projects = report.tables.indices.map { position in
            let score = report.tables[position]
            let total = score.table.budget.total
            return Project(
                name: score.table.projectName, kind: score.table.kind.rawValue, scheme: score.scheme.name,
                statedTotal: score.table.statedTotal?.description, computedTotal: score.computedTotal?.description,
                statedGrade: report.statedGrades[position], computedGrade: score.computedGrade,
                execution: Execution(
                    budget: total?.budget.map { $0.decimalString(in: .wanYuan) },
                    executed: total?.executed.map { $0.decimalString(in: .wanYuan) },
                    rate: score.executionRate.map { Render.rate($0, decimals: 2) }, statedRate: total?.statedRate?.description,
                    weight: score.scheme.executionWeight.description, statedScore: total?.statedScore?.description,
                    computedScore: score.executionScore?.description),
                indicators: score.indicators.map { indicator in
                    IndicatorJSON(
                        level1: indicator.indicator.level1, level2: indicator.indicator.level2, name: indicator.indicator.name,
                        target: indicator.indicator.target.text, actual: indicator.indicator.actual?.text,
                        weight: indicator.weight?.description, statedScore: indicator.indicator.statedScore?.description,
                        computedScore: indicator.computedScore?.description, status: indicator.judgement.status.rawValue,
                        sourceLine: indicator.indicator.source.line)
                },
                findings: report.tableFindings[position].map { CheckReportJSON.Item(finding: $0, unit: .wanYuan) },
                source: score.table.source.description)
        }
        findings = report.documentFindings.map { CheckReportJSON.Item(finding: $0, unit: .wanYuan) }
        errors = report.findings.filter { $0.severity == .error }.count
        warnings = report.findings.filter { $0.severity == .warning }.count
    }
}
