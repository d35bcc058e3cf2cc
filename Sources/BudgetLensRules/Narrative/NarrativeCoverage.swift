import BudgetLensCore

/// How much of the 情况说明 was read and checked, per section: statements read, statements a narrative rule
/// could check (an amount bound to a cell, a share with its whole, a change with its prior, a completion with
/// budget and actual, …), and figures that could not be read. `budgetlens check --coverage` prints it; the JSON
/// report carries it as `narrative_coverage`.
public struct NarrativeSectionCoverage: Hashable, Sendable, Codable {
    /// The section number as printed (1 for 一).
    public var section: Int
    /// The section's topic.
    public var topic: NarrativeTopic
    /// Statements read.
    public var statements: Int
    /// Statements a narrative rule checked.
    public var checked: Int
    /// Figures (amounts, percentages) printed in the section.
    public var figures: Int
    /// Figures read into statements.
    public var figuresRead: Int
    /// Figures that could not be read (reported as N-READ).
    public var unreadable: Int

    /// The coverage of `disclosure`'s narrative, sections 一…十二 (十三 is checked against the annex).
    public static func of(_ disclosure: Disclosure) -> [NarrativeSectionCoverage] {
        guard let reading = disclosure.statements else { return [] }
        let binding = StatementBinding(disclosure: disclosure)
        return reading.coverage.map { section in
            let statements = reading.statements.filter { $0.section == section.section }
            return NarrativeSectionCoverage(
                section: section.section, topic: section.topic, statements: statements.count,
                checked: statements.filter { isChecked($0, binding: binding, all: reading.statements) }.count,
                figures: section.figures, figuresRead: section.read,
                unreadable: reading.unread.filter { $0.section == section.section }.count)
        }
    }

    /// Whether a narrative rule evaluates `statement` (the conditions under which NarrativeChecks look at it).
    static func isChecked(_ statement: NarrativeStatement, binding: StatementBinding, all: [NarrativeStatement]) -> Bool {
        let tables: [NarrativeTopic: TableID] = [
            .generalBudget: .generalBudgetExpenditure, .governmentFund: .governmentFund, .stateCapital: .stateCapital,
        ]
        let isItem = TextNormalization.key(statement.subject).hasByteSuffix("(项)")
        switch statement.claim {
        case .amount:
            if isItem, let table = tables[statement.topic] { return binding.itemRow(statement.subject, in: table) != nil }
            if statement.topic == .procurement { return true }  // N-GP sums them
            return binding.bind(statement.subject, topic: statement.topic) != nil
        case .share(let part, _, let base, let baseAmount):
            if statement.topic == .procurement { return true }
            guard part != nil else { return false }
            if let base { return NarrativeChecks.namedBase(base, binding: binding) != nil }
            return baseAmount.map { !$0.isZero } ?? false
        case .change(let current, let direction, let delta, let percent, let percentDirection, _):
            if let percentDirection, percentDirection != direction { return true }
            guard let current, let delta, percent != nil else { return false }
            let prior = direction == .decrease ? current + delta : current - delta
            return !prior.isZero
        case .growthOverBudget(_, let budget, _, _):
            return !budget.isZero
        case .completion(let budget, let actual, _, _):
            if budget != nil && actual != nil { return true }
            if isItem, let table = tables[statement.topic] { return binding.itemRow(statement.subject, in: table) != nil }
            return actual != nil && binding.bind(statement.subject, topic: statement.topic) != nil
        case .count(_, let measure):
            guard measure == "辆" else { return false }
            return (statement.topic == .assets && (statement.subject.hasByteSuffix("共有车辆") || statement.subject.hasByteSuffix("用车")))
                || (statement.topic == .threePublic && statement.subject.hasByteSuffix("保有量")
                    && all.contains { $0.topic == .assets && $0.subject.hasByteSuffix("共有车辆") })
        }
    }
}
