import BudgetLensCore

/// The outcome of checking one document.
public struct CheckReport: Sendable {
    /// The findings, sorted by table and source location.
    public var findings: [Finding]
    /// How many rules of the pack were run.
    public var rulesEvaluated: Int
    /// How many assertions were evaluated (a rule over every row counts once per row).
    public var assertionsEvaluated: Int
    /// Rules or statements that did not apply, and why (a table missing, a condition false).
    public var skipped: [SkippedStatement]

    /// True when a finding is an error.
    public var hasErrors: Bool { findings.contains { $0.severity == .error } }
}

/// A statement that was not evaluated.
public struct SkippedStatement: Hashable, Sendable {
    /// The rule.
    public var rule: String
    /// The statement's line in its rule file.
    public var line: Int
    /// Why: `公开06 is missing`, `condition not met`.
    public var reason: String
}

/// Evaluates rule packs on disclosures.
public struct RuleEngine: Sendable {
    /// The named checks rule statements may invoke.
    public var catalog: CheckCatalog

    /// Creates an engine running the checks of `catalog`.
    public init(catalog: CheckCatalog = .structural) {
        self.catalog = catalog
    }

    /// Evaluates every rule of `pack` on `disclosure` and returns all findings, sorted by location.
    ///
    /// - Returns: The report; its findings are empty when every rule held.
    /// - Complexity: O(*n*) in the number of cells the rules address.
    public func evaluate(_ pack: RulePack, on disclosure: Disclosure) -> CheckReport {
        let evaluator = ExpressionEvaluator(disclosure: disclosure)
        var run = RuleRun(evaluator: evaluator, disclosure: disclosure, packTolerance: pack.tolerance, catalog: catalog)
        for rule in pack.rules {
            for statement in rule.statements { run.evaluate(statement, of: rule) }
        }
        let findings = RuleRun.namingUnchecked(run.findings, skipped: run.skipped, in: disclosure).sorted { a, b in
            let aTable = a.location.table ?? ""
            let bTable = b.location.table ?? ""
            if aTable != bTable { return aTable < bTable }
            let aLine = a.location.source?.line ?? 0
            let bLine = b.location.source?.line ?? 0
            if aLine != bLine { return aLine < bLine }
            if (a.location.column ?? 0) != (b.location.column ?? 0) { return (a.location.column ?? 0) < (b.location.column ?? 0) }
            return a.rule < b.rule
        }
        return CheckReport(
            findings: findings, rulesEvaluated: pack.rules.count, assertionsEvaluated: run.assertions, skipped: run.skipped)
    }
}

/// The state of one evaluation: findings so far, counts, skips.
struct RuleRun {
    /// `findings` with the finding on each unreadable table (a scan, ``Disclosure/unreadableTables``) naming the
    /// rules that were not checked for want of it.
    static func namingUnchecked(_ findings: [Finding], skipped: [SkippedStatement], in disclosure: Disclosure)
        -> [Finding]
    {
        var findings = findings
        for problem in disclosure.problems where problem.code == Disclosure.unreadableTableProblem {
            guard let table = problem.table else { continue }
            var rules: [String] = []
            for skip in skipped where skip.reason == "\(table.formID) is missing" && !rules.contains(skip.rule) {
                rules.append(skip.rule)
            }
            guard !rules.isEmpty,
                let index = findings.firstIndex(where: {
                    $0.location.table == table.formID && $0.location.source == problem.source
                })
            else { continue }
            findings[index].message += "；因此未核对：\(rules.joined(separator: "、"))"
            findings[index].messageEnglish += "; therefore not checked: \(rules.joined(separator: ", "))"
        }
        // A merged code cell (a workbook): the rules over the 类 whose rows are read without codes.
        for entry in disclosure.codesNotKnown {
            let reason = codesNotKnownReason(entry.table, entry.category)
            var rules: [String] = []
            for skip in skipped where skip.reason == reason && !rules.contains(skip.rule) { rules.append(skip.rule) }
            guard !rules.isEmpty,
                let index = findings.firstIndex(where: { $0.rule == "F-READ" && $0.location.source == entry.source })
            else { continue }
            findings[index].message += "；因此\(entry.table.formID) \(entry.category)类以下未核对：\(rules.joined(separator: "、"))"
            findings[index].messageEnglish += "; therefore not checked below 类 \(entry.category) of \(entry.table.formID): "
                + rules.joined(separator: ", ")
        }
        return findings
    }

    /// The skip reason of a statement over a 类 whose rows a table holds without codes.
    static func codesNotKnownReason(_ table: TableID, _ category: String) -> String {
        "\(table.formID) \(category): codes of its rows not known (merged code cell)"
    }

    let evaluator: ExpressionEvaluator
    let disclosure: Disclosure
    let packTolerance: Tolerance
    let catalog: CheckCatalog
    var findings: [Finding] = []
    var assertions = 0
    var skipped: [SkippedStatement] = []
    /// Findings already made, to report a difference once when overlapping statements see it.
    private var seen = Set<String>()

    init(evaluator: ExpressionEvaluator, disclosure: Disclosure, packTolerance: Tolerance, catalog: CheckCatalog) {
        self.evaluator = evaluator
        self.disclosure = disclosure
        self.packTolerance = packTolerance
        self.catalog = catalog
    }

    mutating func evaluate(_ statement: RuleStatement, of rule: Rule) {
        let domains: [[BoundValue]]
        do {
            domains = try statement.bindings.map(values)
        } catch {
            skip(rule, statement, error)
            return
        }
        if statement.bindings.isEmpty || domains.allSatisfy({ !$0.isEmpty }) {
            // Every assignment of the bound variables, outermost varying slowest, one at a time (an odometer over
            // the domains): memory stays that of one environment however many there are.
            var positions = Array(repeating: 0, count: domains.count)
            while true {
                var environment: [String: BoundValue] = [:]
                for (binding, (domain, position)) in zip(statement.bindings, zip(domains, positions)) {
                    environment[binding.variable] = domain[position]
                }
                evaluate(statement, of: rule, in: environment)
                var digit = domains.count - 1
                while digit >= 0 {
                    positions[digit] += 1
                    if positions[digit] < domains[digit].count { break }
                    positions[digit] = 0
                    digit -= 1
                }
                if digit < 0 { break }
            }
        } else {
            skipped.append(SkippedStatement(rule: rule.id, line: statement.line, reason: "nothing to check"))
        }
    }

    private mutating func evaluate(_ statement: RuleStatement, of rule: Rule, in environment: [String: BoundValue]) {
        do {
            if let condition = statement.condition, try !holds(condition, environment) {
                if environment.isEmpty {
                    skipped.append(SkippedStatement(rule: rule.id, line: statement.line, reason: "condition not met"))
                }
                return
            }
            switch statement.body {
            case .assertion(let comparison):
                assertions += 1
                try assert(comparison, rule: rule, environment)
            case .check(let name, let arguments):
                assertions += 1
                let checked =
                    catalog.checks[name]?.run(arguments: arguments, context: CheckContext(rule: rule, disclosure: disclosure))
                    ?? []
                for finding in checked where seen.insert(key(finding)).inserted {
                    findings.append(finding)
                }
            }
        } catch {
            skip(rule, statement, error)
        }
    }

    private mutating func skip(_ rule: Rule, _ statement: RuleStatement, _ error: any Error) {
        switch error {
        case EvaluationFailure.tableMissing(let table):
            skipped.append(SkippedStatement(rule: rule.id, line: statement.line, reason: "\(table.formID) is missing"))
        case EvaluationFailure.codesNotKnown(let table, let category):
            skipped.append(SkippedStatement(rule: rule.id, line: statement.line, reason: Self.codesNotKnownReason(table, category)))
        case EvaluationFailure.columnNotPrinted(let table, let column):
            skipped.append(
                SkippedStatement(rule: rule.id, line: statement.line, reason: "\(table.formID) 栏\(column) is not printed"))
        case EvaluationFailure.unreadableCell(let cell, let text):
            // An empty text is a cell the reader left without a value (its place in doubt, covered by a merged
            // cell): not read, which the reading problems explain; any other text is printed and not a number.
            let finding = Finding(
                rule: rule.id, severity: .warning,
                message: text.isEmpty
                    ? "\(rule.text)：无法审核，\(cell.notation) 未读取（见读取问题）"
                    : "\(rule.text)：无法审核，\(cell.notation) 的内容“\(text)”不是金额",
                messageEnglish: text.isEmpty
                    ? "\(rule.textEnglish): not checked, \(cell.notation) was not read (see the reading problems)"
                    : "\(rule.textEnglish): not checked, \(cell.notation) holds '\(text)', which is not an amount",
                location: FindingLocation(
                    table: cell.table, line: cell.line, code: cell.code, item: cell.item, column: cell.column,
                    source: cell.source))
            if seen.insert(key(finding)).inserted { findings.append(finding) }
        case EvaluationFailure.overflow:
            let finding = Finding(
                rule: rule.id, severity: .error,
                message: "\(rule.text)：无法审核，\(rule.file) 第\(statement.line)行的算式超出金额范围（±92,233,720,368,547,758.07 元）",
                messageEnglish: "\(rule.textEnglish): not checked, the arithmetic of \(rule.file) line "
                    + "\(statement.line) overflows the range of amounts (±92,233,720,368,547,758.07 元)",
                location: FindingLocation(
                    table: nil, line: nil, code: nil, item: nil, column: nil,
                    source: SourceLocation(file: rule.file, line: statement.line)))
            if seen.insert(key(finding)).inserted { findings.append(finding) }
        default:
            skipped.append(SkippedStatement(rule: rule.id, line: statement.line, reason: "\(error)"))
        }
    }

    private func values(for binding: Binding) throws -> [BoundValue] {
        switch binding.domain {
        case .numbers(let numbers):
            return numbers.map { .number($0) }
        case .tables(let tables):
            let present = tables.filter { evaluator.indexes[$0] != nil }
            guard !present.isEmpty else { throw EvaluationFailure.tableMissing(tables[0]) }
            var values: [BoundValue] = []
            var seenCodes = Set<String>()
            for table in present {
                guard let index = evaluator.indexes[table] else { continue }
                switch binding.kind {
                case .row:
                    values += index.table.rows.indices.map { .row(table, $0) }
                case .code, .category, .section, .item, .parent:
                    for code in index.distinctCodes where accepts(code, binding.kind) && seenCodes.insert(code).inserted {
                        values.append(.code(code))
                    }
                case .column, .line:
                    break
                }
            }
            return values
        }
    }

    private func accepts(_ code: String, _ kind: BindingKind) -> Bool {
        let level = ClassificationCode.level(of: code)
        switch kind {
        case .code: return level != nil
        case .category: return level == .category
        case .section: return level == .section
        case .item: return level == .item
        case .parent: return level == .category || level == .section
        default: return false
        }
    }

    private func holds(_ condition: Condition, _ environment: [String: BoundValue]) throws -> Bool {
        switch condition {
        case .and(let a, let b): return try holds(a, environment) && holds(b, environment)
        case .or(let a, let b): return try holds(a, environment) || holds(b, environment)
        case .comparison(let comparison):
            let left = try evaluator.value(comparison.lhs, environment)
            let right = try evaluator.value(comparison.rhs, environment)
            switch comparison.relation {
            case .equal: return left == right
            case .lessOrEqual: return left <= right
            case .greaterOrEqual: return left >= right
            }
        }
    }

    private mutating func assert(_ comparison: Comparison, rule: Rule, _ environment: [String: BoundValue]) throws {
        let quickDifference = try evaluator.value(comparison.lhs, environment).minus(
            evaluator.value(comparison.rhs, environment))
        let violated: Bool
        switch comparison.relation {
        case .equal: violated = quickDifference != .zero
        case .lessOrEqual: violated = quickDifference > .zero
        case .greaterOrEqual: violated = quickDifference < .zero
        }
        guard violated else { return }
        // A violation: evaluate again, keeping the cells and formulas the finding reports.
        let left = try evaluator.evaluate(comparison.lhs, environment)
        let right = try evaluator.evaluate(comparison.rhs, environment)
        let difference = try left.value.minus(right.value)
        let terms = max(2, (left.operands + right.operands).filter { !$0.value.isZero }.count)
        let tolerance = (rule.tolerance ?? packTolerance).amount(terms: terms, unit: evaluator.unit)
        let isRounding = difference.magnitude <= tolerance
        let finding = FindingWriter(unit: evaluator.unit).finding(
            rule: rule, relation: comparison.relation, left: left, right: right, difference: difference,
            tolerance: tolerance, isRounding: isRounding)
        if seen.insert(key(finding)).inserted { findings.append(finding) }
    }

    /// Two findings are the same when they concern the same cell, rule and values.
    private func key(_ finding: Finding) -> String {
        let location = finding.location
        return [
            finding.rule, location.table ?? "", location.line.map(String.init) ?? "", location.code ?? "",
            location.item ?? "", location.column.map(String.init) ?? "", String(location.source?.line ?? 0), finding.message,
        ].joined(separator: "|")
    }
}
