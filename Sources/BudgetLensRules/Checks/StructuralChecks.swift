import BudgetLensCore

/// A check a rule file invokes by name, `check <name>(…)`: what is not arithmetic over cells. The rule file
/// still decides the finding's id, severity and text.
public protocol NamedCheck: Sendable {
    /// The name rule files use, e.g. `tables-present`.
    var name: String { get }
    /// The findings of this check on the document.
    func run(arguments: [CheckArgument], context: CheckContext) -> [Finding]
}

/// The named checks rule files may use: the parser rejects other names, the engine runs these.
public struct CheckCatalog: Sendable {
    /// The checks by name.
    public private(set) var checks: [String: any NamedCheck] = [:]

    /// A catalog of `checks`.
    public init(_ checks: [any NamedCheck]) {
        for check in checks { self.checks[check.name] = check }
    }

    /// This catalog with `other`'s checks added.
    public func adding(_ other: CheckCatalog) -> CheckCatalog {
        var copy = self
        copy.checks.merge(other.checks) { _, new in new }
        return copy
    }

    /// The names, sorted.
    public var names: [String] { checks.keys.sorted() }

    /// The structural checks of the final accounts: tables present, names and years, codes, template residue, and
    /// the text-quality checks of the prose (``TextQualityChecks``).
    public static let structural = CheckCatalog([
        ClosureCheck("tables-present") { _, context in DocumentChecks.tablesPresent(context) },
        ClosureCheck("unit-names-consistent") { _, context in DocumentChecks.unitNamesConsistent(context) },
        ClosureCheck("no-placeholders") { _, context in DocumentChecks.noPlaceholders(context) },
        ClosureCheck("years-consistent") { _, context in DocumentChecks.yearsConsistent(context) },
        ClosureCheck("canonical-titles") { _, context in TableChecks.canonicalTitles(context) },
        ClosureCheck("table-headers-consistent") { _, context in TableChecks.headersConsistent(context) },
        ClosureCheck("reading-problems") { _, context in DocumentChecks.readingProblems(context) },
        ClosureCheck("codes-well-formed") { arguments, context in
            arguments.tables.flatMap { CodeChecks.wellFormed(context, table: $0) }
        },
        ClosureCheck("codes-absent") { arguments, context in
            arguments.tables.flatMap { CodeChecks.absent(context, table: $0, prefixes: arguments.words) }
        },
        ClosureCheck("codes-only") { arguments, context in
            arguments.tables.flatMap { CodeChecks.only(context, table: $0, prefixes: arguments.words) }
        },
        ClosureCheck("no-code-rows") { arguments, context in
            arguments.tables.flatMap { CodeChecks.noCodeRows(context, table: $0) }
        },
    ] + TextQualityChecks.checks).adding(narrative)

    /// The checks of the 情况说明's statements (DOMAIN §2): amounts, items, shares, changes, completion,
    /// 政府采购, 车辆, unreadable figures.
    public static let narrative = CheckCatalog([
        ClosureCheck("narrative-amounts") { _, context in NarrativeChecks.amounts(context) },
        ClosureCheck("narrative-items") { _, context in NarrativeChecks.items(context) },
        ClosureCheck("narrative-shares") { _, context in NarrativeChecks.shares(context) },
        ClosureCheck("narrative-changes") { _, context in NarrativeChecks.changes(context) },
        ClosureCheck("narrative-completion") { _, context in NarrativeChecks.completion(context) },
        ClosureCheck("narrative-procurement") { _, context in NarrativeChecks.procurement(context) },
        ClosureCheck("narrative-vehicles") { _, context in NarrativeChecks.vehicles(context) },
        ClosureCheck("narrative-lists") { _, context in NarrativeChecks.lists(context) },
        ClosureCheck("narrative-unread") { _, context in NarrativeChecks.unread(context) },
    ])
}

/// A named check whose body is a closure.
public struct ClosureCheck: NamedCheck {
    public let name: String
    private let body: @Sendable ([CheckArgument], CheckContext) -> [Finding]

    /// A check named `name` running `body`.
    public init(_ name: String, _ body: @escaping @Sendable ([CheckArgument], CheckContext) -> [Finding]) {
        self.name = name
        self.body = body
    }

    public func run(arguments: [CheckArgument], context: CheckContext) -> [Finding] { body(arguments, context) }
}

extension Array where Element == CheckArgument {
    /// The table arguments.
    public var tables: [TableID] {
        compactMap { if case .table(let id) = $0 { id } else { nil } }
    }

    /// The word arguments (codes, numbers).
    public var words: [String] {
        compactMap { if case .word(let word) = $0 { word } else { nil } }
    }
}

/// What a check needs: the rule (id, severity, text) and the document.
public struct CheckContext: Sendable {
    /// The rule that invokes the check.
    public let rule: Rule
    /// The document checked.
    public let disclosure: Disclosure

    /// A context for `rule` on `disclosure`.
    public init(rule: Rule, disclosure: Disclosure) {
        self.rule = rule
        self.disclosure = disclosure
    }

    /// A finding of this rule with its severity; `expected` and `actual` are words.
    public func finding(
        _ message: String, _ english: String, at location: FindingLocation, expected: String? = nil,
        actual: String? = nil, severity: Severity? = nil
    ) -> Finding {
        Finding(
            rule: rule.id, severity: severity ?? rule.severity, message: "\(rule.text)：\(message)",
            messageEnglish: "\(rule.textEnglish): \(english)", location: location,
            expected: expected.map(FindingValue.text), actual: actual.map(FindingValue.text))
    }

    /// The location of a table's title.
    public func location(of table: PublicTable) -> FindingLocation {
        FindingLocation(table: table.id.formID, item: table.title, source: table.source)
    }

    /// Where the document starts.
    public var documentLocation: FindingLocation {
        FindingLocation(source: disclosure.header.source ?? SourceLocation(file: disclosure.source.file, line: 1))
    }
}
