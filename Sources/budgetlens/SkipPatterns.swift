import BudgetLensRules

/// `--skip` patterns are checked against the rules a command knows: a pattern that matches no rule id is a
/// typo that would silently check what the user meant to leave out, so it is refused (exit 2) naming the
/// pattern and the closest rule ids (docs/cli-hardening.md).
enum SkipPatterns {
    /// Throws a ``CommandFailure`` for the first of `patterns` that matches none of `ids`.
    static func refuseUnmatched(_ patterns: [String], among ids: [String], option: String = "--skip") throws {
        guard let pattern = RulePack.unmatched(patterns, among: ids).first else { return }
        let close = RulePack.closest(to: pattern, among: ids)
        throw CommandFailure(
            place: "",
            chinese: "\(option) “\(pattern)” 不匹配任何规则；相近的规则：\(close.joined(separator: "、"))",
            english: "\(option) '\(pattern)' matches no rule; close rule ids: \(close.joined(separator: ", "))")
    }
}
