import Foundation
import BudgetLensCore
import BudgetLensEvaluation
import BudgetLensReader
import BudgetLensRules

/// The document chain of `check` and `import` (issue 8 item 7, DOMAIN §2.13): when final accounts annex their
/// evaluation report (seed 000), 十三's claims about it — the projects evaluated, their count and amount, the score
/// and grade — are checked against the report (``DocumentChain``, rules N-EVAL-1…4; `--skip 'N-EVAL-*'` leaves
/// them out). Moved here from the CLI unchanged so that `import` stores the same findings as `check`.
public enum AnnexedEvaluation {
    /// The chain rules' common prefix.
    public static let rulePrefix = "N-EVAL-"

    /// The annexed report of `disclosure` read from `file`, with the chain findings (N-EVAL-*, not skipped) and
    /// the report's own findings as `evaluate` gives them; `nil` when no annex names a 评价报告 or the report
    /// found is not usable.
    public struct Annexed: Sendable {
        /// The report read from the annex on.
        public var report: EvaluationReport
        /// N-EVAL-* findings about the disclosure (those not skipped), in `check`'s order.
        public var chainFindings: [Finding]
        /// What `evaluate FILE` reports: every chain finding, then the report's checks (W-*, E-*, R-*, G-1, F-*).
        public var evaluationFindings: [Finding]
        /// The scores `evaluate` recomputes, by indicator index.
        public var recomputed: [Int: Score]
    }

    /// The chain findings of `disclosure` read from `file`; none when no annex names a 评价报告.
    public static func findings(
        file: String, disclosure: Disclosure, configuration: ReaderConfiguration, skipped: [String]
    ) -> [Finding] {
        guard !skipped.contains(where: { RulePack.matches("N-EVAL-1", pattern: $0) && RulePack.matches("N-EVAL-4", pattern: $0) })
        else { return [] }
        return read(file: file, disclosure: disclosure, configuration: configuration, skipped: skipped)?.chainFindings ?? []
    }

    /// The annexed report and its findings, or `nil` when there is none (see ``Annexed``).
    ///
    /// - Parameter data: the file's bytes when it is held in memory (an upload); `nil` reads `file` from disk.
    public static func read(
        file: String, data: Data? = nil, disclosure: Disclosure, configuration: ReaderConfiguration, skipped: [String]
    ) -> Annexed? {
        let annexed = disclosure.parts.contains { part in
            part.role == .annex && (part.heading.containsText("评价报告") || part.body.lines.contains { $0.text.containsText("评价报告") })
        }
        guard annexed else { return nil }
        var configuration = configuration
        configuration.readsSelfEvaluations = false
        let readable = Result {
            if let data { try DisclosureReader.readableText(data: data, file: file, configuration: configuration) }
            else { try DisclosureReader.readableText(path: file, configuration: configuration) }
        }
        guard let text = try? readable.get() else { return nil }
        let report = EvaluationReportReader.read(text: text, file: file)
        guard report.isUsable else { return nil }
        let chain = DocumentChain.check(text: text, file: file, report: report)
        let (checks, recomputed) = EvaluationChecks.evaluate(report)
        return Annexed(
            report: report,
            chainFindings: chain.filter { finding in !skipped.contains { RulePack.matches(finding.rule, pattern: $0) } },
            evaluationFindings: chain + checks, recomputed: recomputed)
    }
}
