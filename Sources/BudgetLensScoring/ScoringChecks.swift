import BudgetLensCore
import BudgetLensRules
import Foundation

/// The review aspects as named checks for rule files (`check execution-score`), under a set of schemes.
public enum ScoringChecks {
    /// A catalog with one check per ``ReviewAspect``, reviewing under `schemes`.
    public static func catalog(schemes: SchemeSet) -> CheckCatalog {
        CheckCatalog(
            ReviewAspect.allCases.map { aspect in
                ClosureCheck(aspect.rawValue) { _, context in
                    let review = SelfEvaluationReview(disclosure: context.disclosure, schemes: schemes)
                    return review.items(aspect).map { item in
                        Finding(
                            rule: context.rule.id, severity: context.rule.severity,
                            message: "\(context.rule.text)：\(item.message)", messageEnglish: "\(context.rule.textEnglish): \(item.english)",
                            location: item.location, expected: item.expected, actual: item.actual)
                    }
                }
            })
    }

    /// The built-in performance pack (Packs/performance/*.rules), parsed against the scoring checks.
    public static func performancePack(schemes: SchemeSet) throws -> RulePack {
        try BuiltInPacks.pack(
            from: EmbeddedFiles.contents, named: "performance",
            catalog: CheckCatalog.structural.adding(catalog(schemes: schemes)))
    }
}
