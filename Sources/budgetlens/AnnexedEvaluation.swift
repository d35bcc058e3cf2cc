import BudgetLensCore
import BudgetLensEvaluation
import BudgetLensReader
import BudgetLensRules

/// The document chain in `check` (issue 8 item 7, DOMAIN §2.13): when final accounts annex their evaluation
/// report (seed 000), 十三's claims about it — the projects evaluated, their count and amount, the score and
/// grade — are checked against the report (``DocumentChain``, rules N-EVAL-1…4; `--skip 'N-EVAL-*'` leaves them out).
enum AnnexedEvaluation {
    /// The chain findings of `disclosure` read from `file`; none when no annex names a 评价报告.
    static func findings(file: String, disclosure: Disclosure, limit: InputLimit, skipped: [String]) -> [Finding] {
        let annexed = disclosure.parts.contains { part in
            part.role == .annex && (part.heading.containsText("评价报告") || part.body.lines.contains { $0.text.containsText("评价报告") })
        }
        guard annexed, !skipped.contains(where: { RulePack.matches("N-EVAL-1", pattern: $0) && RulePack.matches("N-EVAL-4", pattern: $0) })
        else { return [] }
        guard let text = try? DisclosureReader.readableText(path: file, configuration: limit.configuration(selfEvaluations: false))
        else { return [] }
        let report = EvaluationReportReader.read(text: text, file: file)
        guard report.isUsable else { return [] }
        return DocumentChain.check(text: text, file: file, report: report).filter { finding in
            !skipped.contains { RulePack.matches(finding.rule, pattern: $0) }
        }
    }
}
