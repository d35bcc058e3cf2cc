import BudgetLensCore

/// The checks a rule file names with `check <name>(…)`: what is about the document's structure rather than
/// arithmetic — tables present, names and years consistent, codes well formed, template residue.
enum StructuralChecks {
    /// The check names rule files may use.
    static let names: Set<String> = [
        "tables-present", "unit-names-consistent", "no-placeholders", "years-consistent", "codes-well-formed",
        "codes-absent", "codes-only", "canonical-titles", "table-headers-consistent", "reading-problems",
        "no-code-rows",
    ]

    /// Runs the named check; the findings carry the rule's id and severity.
    static func run(_ name: String, arguments: [CheckArgument], rule: Rule, on disclosure: Disclosure) -> [Finding] {
        let context = CheckContext(rule: rule, disclosure: disclosure)
        let tables = arguments.compactMap { argument -> TableID? in
            if case .table(let id) = argument { return id }
            return nil
        }
        let words = arguments.compactMap { argument -> String? in
            if case .word(let word) = argument { return word }
            return nil
        }
        switch name {
        case "tables-present": return DocumentChecks.tablesPresent(context)
        case "unit-names-consistent": return DocumentChecks.unitNamesConsistent(context)
        case "no-placeholders": return DocumentChecks.noPlaceholders(context)
        case "years-consistent": return DocumentChecks.yearsConsistent(context)
        case "canonical-titles": return TableChecks.canonicalTitles(context)
        case "table-headers-consistent": return TableChecks.headersConsistent(context)
        case "reading-problems": return DocumentChecks.readingProblems(context)
        case "codes-well-formed": return tables.flatMap { CodeChecks.wellFormed(context, table: $0) }
        case "codes-absent": return tables.flatMap { CodeChecks.absent(context, table: $0, prefixes: words) }
        case "codes-only": return tables.flatMap { CodeChecks.only(context, table: $0, prefixes: words) }
        case "no-code-rows": return tables.flatMap { CodeChecks.noCodeRows(context, table: $0) }
        default: return []
        }
    }
}

/// What a check needs: the rule (id, severity, text) and the document.
struct CheckContext {
    let rule: Rule
    let disclosure: Disclosure

    /// A finding of this rule with its severity.
    func finding(
        _ message: String, _ english: String, at location: FindingLocation, expected: String? = nil,
        actual: String? = nil, severity: Severity? = nil
    ) -> Finding {
        Finding(
            rule: rule.id, severity: severity ?? rule.severity, message: "\(rule.text)：\(message)",
            messageEnglish: "\(rule.textEnglish): \(english)", location: location,
            expected: expected.map(FindingValue.text), actual: actual.map(FindingValue.text))
    }

    /// The location of a table's title.
    func location(of table: PublicTable) -> FindingLocation {
        FindingLocation(table: table.id.formID, item: table.title, source: table.source)
    }

    /// Where the document starts.
    var documentLocation: FindingLocation {
        FindingLocation(source: disclosure.header.source ?? SourceLocation(file: disclosure.source.file, line: 1))
    }
}
