import BudgetLensCore
import BudgetLensRules
import Foundation

/// The review aspects as named checks for rule files (`check execution-score`), under a set of schemes.
public enum ScoringChecks {
    /// A catalog with one check per ``ReviewAspect``, reviewing under `schemes`.
    ///
    /// With `review` (the document's tables recomputed once), the checks of that document reuse it instead of
    /// recomputing every table for each of the ~27 review rules; another document is reviewed afresh.
    public static func catalog(schemes: SchemeSet, review shared: SelfEvaluationReview? = nil) -> CheckCatalog {
        CheckCatalog(
            ReviewAspect.allCases.map { aspect in
                ClosureCheck(aspect.rawValue) { _, context in
                    let review =
                        shared.flatMap { $0.disclosure.source == context.disclosure.source ? $0 : nil }
                        ?? SelfEvaluationReview(disclosure: context.disclosure, schemes: schemes)
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
