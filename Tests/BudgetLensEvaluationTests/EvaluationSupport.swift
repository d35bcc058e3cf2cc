import BudgetLensCore
import BudgetLensEvaluation
import BudgetLensTestSupport
import Foundation

/// Reads the real seeds and synthetic report texts for the evaluation tests.
enum EvaluationSeed {
    /// Seed 003: 枣庄市市中区医疗保障局 部门预算整体绩效评价报告 (27 三级, 82.03 良).
    static let zaozhuang = "003_57b5dcd699d528dd.txt"
    /// Seed 004: 山丹县医疗保障局 医疗保障与服务能力提升补助资金 绩效评价报告 (98, 一级 weights 90).
    static let shandan = "004_b292cd247800b1d2.txt"

    /// Reads a seed with the real evaluation reader.
    static func read(_ name: String) throws -> EvaluationReport {
        let path = Seed.path(name)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return EvaluationReportReader.read(text: text, file: path)
    }

    /// Reads a synthetic report text.
    static func read(text: String) -> EvaluationReport { EvaluationReportReader.read(text: text, file: "test.txt") }

    /// Score from a literal: `Score("82.03")`.
    static func score(_ text: String) -> Score? { Score(parsing: text) }
}

extension Finding {
    /// `rule severity line expected actual`, for compact assertions.
    var summary: String {
        func value(_ value: FindingValue?) -> String {
            switch value {
            case .amount(let money, _): money.decimalString(in: .wanYuan)
            case .text(let text): text
            case nil: "-"
            }
        }
        return "\(rule) \(severity.rawValue) \(location.source?.line ?? 0) \(value(expected)) \(value(actual))"
    }
}
