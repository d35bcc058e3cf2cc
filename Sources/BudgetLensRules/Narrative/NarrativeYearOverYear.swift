import BudgetLensCore

/// The 情况说明's `与上年相比` claims against last year's disclosure (`check THIS --previous LAST`, rule Y-NARR):
/// the prior value a change implies (this year ∓ the change, or this year's value for `与上年决算数一致`/`持平`)
/// must be last year's printed figure of the same subject (DOMAIN §2.0). Without `--previous` only the internal
/// consistency is checked (N-YOY).
public enum NarrativeYearOverYear {
    /// The rule id.
    public static let ruleID = "Y-NARR"

    /// The findings of `current`'s change statements against `previous`'s tables. A difference of at most
    /// 0.01 万元 is a rounding warning (尾数误差), more an error.
    public static func check(current: Disclosure, previous: Disclosure) -> [Finding] {
        let binding = StatementBinding(disclosure: previous)
        var findings: [Finding] = []
        for statement in current.statements?.statements ?? [] {
            guard case .change(let value?, let direction, let delta?, _, _, false) = statement.claim,
                statement.topic != .performance, statement.topic != .operatingCost, statement.topic != .procurement,
                let bound = binding.bind(statement.subject, topic: statement.topic)
            else { continue }
            let implied: Money?
            switch direction {
            case .unchanged: implied = value
            case .increase: implied = value.subtracting(delta)
            case .decrease: implied = value.adding(delta)
            }
            guard let implied else { continue }
            let difference = implied.subtracting(bound.value) ?? Money(fen: .max)
            guard !difference.isZero else { continue }
            let tolerance = Money(fen: 10_000)
            let isRounding = difference.magnitude <= tolerance
            let claim =
                direction == .unchanged
                ? "称与上年一致" : "称比上年\(direction == .increase ? "增加" : "减少")\(delta.decimalString(in: .wanYuan))万元"
            var finding = Finding(
                rule: ruleID, severity: isRounding ? .warning : .error,
                message:
                    "情况说明的上年比较与上年决算一致：“\(statement.subject)”本年\(value.decimalString(in: .wanYuan))万元，\(claim)，推算上年为\(implied.decimalString(in: .wanYuan))万元；上年决算（\(previous.source.file)）为\(bound.value.decimalString(in: .wanYuan))万元",
                messageEnglish:
                    "The narrative's comparisons with last year match last year's document: '\(statement.subject)' implies \(implied.decimalString(in: .wanYuan)) last year; last year's document prints \(bound.value.decimalString(in: .wanYuan))",
                location: FindingLocation(table: "情况说明", item: statement.span, source: statement.source),
                expected: .amount(bound.value, formula: bound.formula + "（上年）"),
                actual: .amount(implied, formula: "推算上年数"), difference: difference, tolerance: tolerance,
                isRounding: isRounding, operands: bound.cells)
            finding.operands = bound.cells
            findings.append(finding)
        }
        return findings
    }
}
