import ArgumentParser
import BudgetLensEvaluation
import BudgetLensRules

/// Options that choose the rules in force: the built-in pack, plus users' rule files, minus skipped ids.
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp("A rule file to add to the built-in pack (repeatable).", valueName: "file"))
    var ruleFiles: [String] = []

    @Option(name: .customLong("skip"), help: ArgumentHelp("Rule ids to leave out, with * wildcards: --skip '06-*' (repeatable).", valueName: "pattern"))
    var skipped: [String] = []

    @Flag(name: .customLong("no-builtin"), help: "Use only the --rules files, not the built-in pack.")
    var withoutBuiltIn = false

    /// The rules in force; a broken rule file is exit code 2 with its file, line and column, and so is a
    /// `--skip` pattern that matches no rule (of the pack, `check --previous`'s Y-* or the annexed report's N-EVAL-*).
    func pack() throws -> RulePack {
        do {
            var pack = withoutBuiltIn ? RulePack(name: "user rules") : try BuiltInPacks.finalAccounts()
            for file in ruleFiles { try pack.merge(RulePack(contentsOf: file)) }
            try SkipPatterns.refuseUnmatched(
                skipped, among: pack.rules.map(\.id) + YearOverYear.ruleIDs + DocumentChain.ruleIDs)
            return pack.skipping(skipped)
        } catch let error as RuleFileError {
            throw CommandFailure(error)
        }
    }
}
