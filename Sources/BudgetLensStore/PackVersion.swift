import BudgetLensCore
import BudgetLensRules
import Foundation

/// The version of a rule pack as recorded with its findings: the number of rules and the first 12 hex digits of
/// the SHA-256 of the pack's tolerance and every rule's id, severity and source text, so any change to the rules
/// in force (a built-in rule edited, a `--rules` file added, a `--skip`) gives a new version:
/// `62 rules, sha256:1a2b3c4d5e6f`.
public enum PackVersion {
    /// The version of `pack`.
    public static func of(_ pack: RulePack) -> String {
        var text = "tolerance \(pack.tolerance)\n"
        for rule in pack.rules {
            text += "rule \(rule.id) \(rule.severity.rawValue) \(rule.tolerance.map(String.init(describing:)) ?? "-")\n"
            text += rule.source + "\n"
        }
        let digest = ContentHash.sha256(Data(text.utf8))
        return "\(pack.rules.count) rules, sha256:\(digest.prefix(12))"
    }
}
