import BudgetLensCore
import BudgetLensRules
import Foundation

/// The JSON form of `budgetlens evaluate --format json` (schema in docs/evaluate-json.md): the document, every
/// indicator with its printed and recomputed score, the summary tables, the stated totals and the findings.
/// Scores and rates are decimal strings with two decimals; findings use the `check --format json` item shape.
public struct EvaluationReportJSON: Encodable, Sendable {
    /// What was read.
    public struct Document: Encodable, Sendable {
        public var file: String
        public var kind: String
        public var kindName: String
        public var title: String
        public var firstLine: Int
        public var compositeWeights: [String: Int64]?
    }

    /// One indicator.
    public struct IndicatorItem: Encodable, Sendable {
        public var level: String
        public var code: String
        public var name: String
        public var weight: String?
        public var score: String?
        public var scores: [String: String]
        public var recomputed: String?
        public var parentCode: String?
        public var sourceLine: Int

        private enum CodingKeys: String, CodingKey {
            case level, code, name, weight, score, scores, recomputed
            case parentCode = "parent"
            case sourceLine = "source_line"
        }

        /// Every key is written, absent values as `null`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(level, forKey: .level)
            try container.encode(code, forKey: .code)
            try container.encode(name, forKey: .name)
            try container.encode(weight, forKey: .weight)
            try container.encode(score, forKey: .score)
            try container.encode(scores, forKey: .scores)
            try container.encode(recomputed, forKey: .recomputed)
            try container.encode(parentCode, forKey: .parentCode)
            try container.encode(sourceLine, forKey: .sourceLine)
        }
    }

    /// One summary table.
    public struct SummaryItem: Encodable, Sendable {
        public struct Row: Encodable, Sendable {
            public var name: String
            public var total: Bool
            public var weight: String?
            public var scores: [String: String]
            public var deduction: String?
            public var rate: String?
            public var sourceLine: Int
        }
        public var title: String
        public var sourceLine: Int
        public var rows: [Row]
    }

    /// A stated total and grade.
    public struct TotalItem: Encodable, Sendable {
        public var score: String?
        public var grade: String?
        public var sourceLine: Int
    }

    public var document: Document
    public var indicators: [IndicatorItem]
    public var summary: [SummaryItem]
    public var totals: [TotalItem]
    public var counts: [String: Int]
    public var findings: [CheckReportJSON.Item]

    /// Builds the JSON form; `recomputed` gives the scores the checks derived, keyed by indicator index.
    public init(report: EvaluationReport, findings: [Finding], recomputed: [Int: Score] = [:]) {
        document = Document(
            file: report.file, kind: report.kind.rawValue, kindName: report.kind.chineseName, title: report.title,
            firstLine: report.firstLine,
            compositeWeights: report.compositeWeights.map { ["non_field": $0.nonField, "field": $0.field] })
        indicators = report.indicators.enumerated().map { index, indicator in
            IndicatorItem(
                level: indicator.level.chineseName, code: indicator.code, name: indicator.name,
                weight: indicator.weight?.fixed, score: indicator.finalScore?.fixed,
                scores: Self.scores(indicator.scores),
                recomputed: recomputed[index]?.fixed,
                parentCode: indicator.parent.map { report.indicators[$0].code.isEmpty ? report.indicators[$0].name : report.indicators[$0].code },
                sourceLine: (indicator.scoreSource ?? indicator.source).line)
        }
        summary = report.summaries.map { table in
            SummaryItem(
                title: table.title, sourceLine: table.source.line,
                rows: table.rows.map { row in
                    SummaryItem.Row(
                        name: row.name, total: row.isTotal, weight: row.weight?.fixed,
                        scores: Self.scores(row.scores),
                        deduction: row.deduction?.fixed, rate: row.rate?.fixed, sourceLine: row.source.line)
                })
        }
        totals = report.totals.map { TotalItem(score: $0.score?.fixed, grade: $0.grade, sourceLine: $0.source.line) }
        counts = [
            "一级": report.indicators(level: .first).count, "二级": report.indicators(level: .second).count,
            "三级": report.indicators(level: .third).count, "明细": report.indicators(level: .detail).count,
        ]
        self.findings = findings.map { CheckReportJSON.Item(finding: $0, unit: .wanYuan) }
    }

    /// Score columns keyed `score`, `non_field`, `field`, `composite`, as two-decimal strings.
    static func scores(_ scores: [ScoreColumn: Score]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: scores.map { ($0.key == .nonField ? "non_field" : $0.key.rawValue, $0.value.fixed) })
    }

    /// Pretty-printed JSON with sorted, snake_case keys.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(self)
    }
}
