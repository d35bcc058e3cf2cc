/// How serious a finding or a reading problem is.
public enum Severity: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// Informational: worth knowing, not a defect.
    case info
    /// A defect that may be harmless (e.g. a 尾数误差 rounding difference) or a reading doubt.
    case warning
    /// A defect.
    case error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// Something the reader noticed and recorded instead of stopping: a cell that is not a number, a row of the
/// wrong width, a table that is missing, a label it could not place.
public struct ReadProblem: Hashable, Sendable, Codable {
    /// A stable identifier of the kind of problem, e.g. `cell.not-a-number`.
    public var code: String
    /// How serious it is.
    public var severity: Severity
    /// What is wrong, in English with the Chinese terms of the document.
    public var message: String
    /// The table concerned, if any.
    public var table: TableID?
    /// Where.
    public var source: SourceLocation

    /// Creates a problem.
    public init(code: String, severity: Severity, message: String, table: TableID? = nil, source: SourceLocation) {
        self.code = code
        self.severity = severity
        self.message = message
        self.table = table
        self.source = source
    }
}

extension ReadProblem: CustomStringConvertible {
    /// `file:line:column: severity: [公开NN] message`.
    public var description: String {
        let tablePart = table.map { "[\($0.formID)] " } ?? ""
        return "\(source): \(severity.rawValue): \(tablePart)\(message)"
    }
}
