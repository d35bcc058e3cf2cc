/// One rule's verdict on one place: where, what was expected, what was printed.
public struct Finding: Hashable, Sendable, Codable {
    /// The rule id, e.g. `01-1`, `X-12`, `F-TOC` (DOMAIN Appendix A).
    public var rule: String
    /// `.warning` for a difference within the rounding tolerance (尾数误差); else the rule's severity.
    public var severity: Severity
    /// What is wrong, in Chinese.
    public var message: String
    /// What is wrong, in English.
    public var messageEnglish: String
    /// Where.
    public var location: FindingLocation
    /// What the rule expected, and how it was computed.
    public var expected: FindingValue?
    /// What the document prints.
    public var actual: FindingValue?
    /// `actual − expected`, for amounts.
    public var difference: Money?
    /// The rounding tolerance the rule allowed here (尾数误差), for amounts.
    public var tolerance: Money?
    /// True when the difference is within the tolerance: a rounding finding, not an arithmetic error.
    public var isRounding: Bool
    /// The cells the expected value was computed from.
    public var operands: [CellReference]

    /// Creates a finding.
    public init(
        rule: String, severity: Severity, message: String, messageEnglish: String, location: FindingLocation,
        expected: FindingValue? = nil, actual: FindingValue? = nil, difference: Money? = nil, tolerance: Money? = nil,
        isRounding: Bool = false, operands: [CellReference] = []
    ) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.messageEnglish = messageEnglish
        self.location = location
        self.expected = expected
        self.actual = actual
        self.difference = difference
        self.tolerance = tolerance
        self.isRounding = isRounding
        self.operands = operands
    }
}

/// Where a finding applies: a table (公开NN, or a self-evaluation table by name), its row (行次 and/or code,
/// label), its column (栏次), and the source location in the input.
public struct FindingLocation: Hashable, Sendable, Codable {
    /// The table: `公开05`, or the name of another table.
    public var table: String?
    /// The 行次.
    public var line: Int?
    /// The classification code.
    public var code: String?
    /// The row label.
    public var item: String?
    /// The 栏次.
    public var column: Int?
    /// Where in the input.
    public var source: SourceLocation?

    /// Creates a location.
    public init(
        table: String? = nil, line: Int? = nil, code: String? = nil, item: String? = nil, column: Int? = nil,
        source: SourceLocation? = nil
    ) {
        self.table = table
        self.line = line
        self.code = code
        self.item = item
        self.column = column
        self.source = source
    }

    /// A short Chinese description: `公开05 2101501 行政运行 栏2`.
    public var description: String {
        var parts: [String] = []
        if let table { parts.append(table) }
        if let line { parts.append("行\(line)") }
        if let code { parts.append(code) }
        if let item, !item.isEmpty { parts.append(item) }
        if let column { parts.append("栏\(column)") }
        return parts.joined(separator: " ")
    }
}

/// An expected or actual value: an amount with the formula it came from, or text.
public enum FindingValue: Hashable, Sendable, Codable {
    /// An amount; `formula` says how it was computed (empty for a printed cell).
    case amount(Money, formula: String)
    /// A non-numeric value, such as `present` or a unit name.
    case text(String)

    /// The amount, if this is one.
    public var amount: Money? {
        if case .amount(let money, _) = self { return money }
        return nil
    }
}

/// A table cell used as an operand.
public struct CellReference: Hashable, Sendable, Codable {
    /// The table, `公开02`.
    public var table: String
    /// The 行次.
    public var line: Int?
    /// The classification code.
    public var code: String?
    /// The row label.
    public var item: String?
    /// The 栏次.
    public var column: Int
    /// The value used (zero for an absent row).
    public var value: Money
    /// False when the row is not in the table and counted as zero.
    public var isPresent: Bool
    /// Where the cell was read.
    public var source: SourceLocation?

    /// Creates a reference.
    public init(
        table: String, line: Int?, code: String?, item: String?, column: Int, value: Money, isPresent: Bool,
        source: SourceLocation?
    ) {
        self.table = table
        self.line = line
        self.code = code
        self.item = item
        self.column = column
        self.value = value
        self.isPresent = isPresent
        self.source = source
    }

    /// `公开02[2101501,1]`, `公开01[27,1]`, `公开06[人员经费合计,1]`.
    public var notation: String {
        let row = line.map(String.init) ?? code ?? item ?? ""
        return row.isEmpty ? "\(table)[\(column)]" : "\(table)[\(row),\(column)]"
    }
}
