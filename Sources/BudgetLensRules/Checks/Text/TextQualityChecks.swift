/// The named checks of the text-quality rules (`Packs/final-accounts/11-text.rules`, DOMAIN Appendix A N-TPL;
/// docs/narrative-checks-text.md).
enum TextQualityChecks {
    /// The checks, by the names the rule file uses.
    static let checks: [any NamedCheck] = [
        ClosureCheck("template-residue") { _, context in TemplateResidueChecks.residue(context) },
        ClosureCheck("empty-amount-slots") { _, context in TemplateResidueChecks.emptySlots(context) },
        ClosureCheck("doubled-words") { _, context in RepetitionChecks.doubledWords(context) },
        ClosureCheck("repeated-sentences") { _, context in RepetitionChecks.repeatedSentences(context) },
        ClosureCheck("doubled-punctuation") { _, context in RepetitionChecks.doubledPunctuation(context) },
        ClosureCheck("numbering-in-order") { _, context in NumberingCheck.run(context) },
        ClosureCheck("heading-years") { _, context in HeadingConsistencyChecks.years(context) },
        ClosureCheck("heading-units") { _, context in HeadingConsistencyChecks.units(context) },
    ]
}
