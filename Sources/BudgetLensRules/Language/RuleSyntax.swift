import BudgetLensCore

/// One line of a rule: optional quantifiers and condition, then an assertion or a named check.
///
///     for each row r in 公开03: 公开03[r, 1] = sum(公开03[r, 2...6])
///     when 公开01[58, 2] = 公开04[59, 2]: for each code k in {公开03, 公开05}: 公开03[k, 1] = 公开05[k, 1]
///     check tables-present
public struct RuleStatement: Sendable {
    /// The variables bound, outermost first.
    public var bindings: [Binding]
    /// The condition under which the statement applies.
    public var condition: Condition?
    /// The assertion or check.
    public var body: StatementBody
    /// The 1-based line in the rule file.
    public var line: Int
}

/// What a statement does.
public enum StatementBody: Sendable {
    /// `lhs = rhs`, `lhs <= rhs`, `lhs >= rhs`.
    case assertion(Comparison)
    /// A named structural check implemented in code, with its arguments (`check codes-absent(公开05, 223)`).
    case check(name: String, arguments: [CheckArgument])
}

/// An argument of a named check.
public enum CheckArgument: Sendable, Equatable {
    /// A table, `公开05`.
    case table(TableID)
    /// A number or a code, as written.
    case word(String)
}

/// `for each <kind> <variable> in <domain>`.
public struct Binding: Sendable {
    /// What the variable ranges over.
    public var kind: BindingKind
    /// The variable name.
    public var variable: String
    /// Where its values come from.
    public var domain: Domain
}

/// What a bound variable ranges over.
public enum BindingKind: String, Sendable {
    /// Every row of the tables (code, total and 行次 rows).
    case row
    /// Every classification code of the tables (for 公开01/04: the 类 of the expenditure class rows).
    case code
    /// The 3-digit 类 codes.
    case category = "类"
    /// The 5-digit 款 codes.
    case section = "款"
    /// The 7-digit 项 codes.
    case item = "项"
    /// The 类 and 款 codes: those that have children.
    case parent
    /// Column numbers.
    case column
    /// 行次 numbers.
    case line
}

/// The values a variable takes.
public enum Domain: Sendable {
    /// The rows or codes of these tables (union, in order of first appearance).
    case tables([TableID])
    /// These numbers.
    case numbers([Int])
}

/// `lhs op rhs`.
public struct Comparison: Sendable {
    /// The left side: usually the printed total.
    public var lhs: Expression
    /// `=`, `<=`, `>=`.
    public var relation: Relation
    /// The right side: how the total is computed.
    public var rhs: Expression
}

/// A comparison relation.
public enum Relation: String, Sendable {
    case equal = "="
    case lessOrEqual = "<="
    case greaterOrEqual = ">="
}

/// A condition: comparisons joined by `and` / `or` (`and` binds tighter).
public indirect enum Condition: Sendable {
    case comparison(Comparison)
    case and(Condition, Condition)
    case or(Condition, Condition)
}

/// An arithmetic expression over table cells, in the table's money unit.
public indirect enum Expression: Sendable {
    /// A literal, in millionths of the unit.
    case number(Int64)
    /// One or more cells, summed.
    case cells(CellSelection)
    /// `sum(a, b, …)`.
    case sum([CellSelection])
    case add(Expression, Expression)
    case subtract(Expression, Expression)
    case negate(Expression)
}

/// `公开02[合计, 1]`, `公开01[1...8, 1]`, `公开06[{302, 307}, 1]`, `公开09[7]`, `公开02[children(p), c]`.
public struct CellSelection: Sendable {
    public var table: TableID
    public var rows: RowSelector
    public var columns: ColumnSelector
    /// The selection as written, for formulas in findings.
    public var text: String
}

/// Which rows a selection takes.
public indirect enum RowSelector: Sendable {
    /// A number: 行次 in 公开01/04, a classification code elsewhere.
    case number(String)
    /// `1...8`: 行次 from … to.
    case lineRange(ClosedRange<Int>)
    /// A row label, e.g. `合计`, `人员经费合计`.
    case label(String)
    /// A bound variable.
    case variable(String)
    /// `children(p)`: the rows whose code's parent is `p`.
    case children(of: String)
    /// `类`, `款`, `项`: every row of that level.
    case level(CodeLevel)
    /// `{a, b, …}`.
    case list([RowSelector])
    /// The only row (公开09).
    case only
}

/// Which columns a selection takes.
public enum ColumnSelector: Sendable {
    case number(Int)
    case range(ClosedRange<Int>)
    case variable(String)
}
