import BudgetLensCore
import Foundation

/// The JSON form of a check (`budgetlens check --format json`): the document, a summary and the findings,
/// amounts as decimal strings in the document's money unit (schema in docs/check-json.md).
public struct CheckReportJSON: Codable, Sendable {
    /// What was checked.
    public struct Document: Codable, Sendable {
        public var file: String
        public var kind: String
        public var title: String
        public var unitName: String?
        public var year: Int?
        public var scope: String?
        public var moneyUnit: String
        public var tablesFound: [String]
        public var tablesMissing: [String]
        /// Tables present on pages without text (scans): not read, not checked, not missing.
        public var tablesUnreadable: [String]?
        /// The encoding a text input was read in (`GB18030` …); `nil` for a PDF.
        public var encoding: String?
        /// The line endings of a text input (`CRLF` …); `nil` for a PDF.
        public var lineEndings: String?
        /// Tables whose title is there but whose rows could not be read: present, not checked, not missing.
        public var tablesNotRead: [String]?
        /// The notes of values placed among several possible readings (``ReadProblem/doubtCodes``).
        public var readingDoubts: [ReadingDoubt]?

        private enum CodingKeys: String, CodingKey {
            case file, kind, title, unitName, year, scope, moneyUnit, tablesFound, tablesMissing, tablesUnreadable
            case encoding, lineEndings, tablesNotRead, readingDoubts
        }

        /// Every key, absent values as `null` (docs/check-json.md: every object has every key).
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(file, forKey: .file)
            try container.encode(kind, forKey: .kind)
            try container.encode(title, forKey: .title)
            try container.encode(unitName, forKey: .unitName)
            try container.encode(year, forKey: .year)
            try container.encode(scope, forKey: .scope)
            try container.encode(moneyUnit, forKey: .moneyUnit)
            try container.encode(tablesFound, forKey: .tablesFound)
            try container.encode(tablesMissing, forKey: .tablesMissing)
            try container.encode(tablesUnreadable, forKey: .tablesUnreadable)
            try container.encode(encoding, forKey: .encoding)
            try container.encode(lineEndings, forKey: .lineEndings)
            try container.encode(tablesNotRead, forKey: .tablesNotRead)
            try container.encode(readingDoubts, forKey: .readingDoubts)
        }
    }

    /// A value read among several possible readings: where, and the note.
    public struct ReadingDoubt: Codable, Sendable {
        public var code: String
        public var table: String?
        /// The line of the input; `null` for a note on a page or on the whole file (never 0).
        public var line: Int?
        public var page: Int?
        public var message: String
        public var messageZh: String?

        private enum CodingKeys: String, CodingKey { case code, table, line, page, message, messageZh }

        /// Every key, absent values as `null`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(table, forKey: .table)
            try container.encode(line, forKey: .line)
            try container.encode(page, forKey: .page)
            try container.encode(message, forKey: .message)
            try container.encode(messageZh, forKey: .messageZh)
        }
    }

    /// Counts.
    public struct Summary: Codable, Sendable {
        public var errors: Int
        public var warnings: Int
        public var info: Int
        public var rules: Int
        public var assertions: Int
    }

    /// One finding.
    public struct Item: Codable, Sendable {
        public var rule: String
        public var severity: String
        public var message: String
        public var messageEn: String
        public var table: String?
        public var line: Int?
        public var code: String?
        public var item: String?
        public var column: Int?
        public var sourceLine: Int?
        public var source: String?
        /// The page, where known (always for a PDF).
        public var page: Int?
        /// For a PDF: the box of the words on the page, `[x0, y0, x1, y1]` in points from the top-left.
        public var box: [Double]?
        public var expected: String?
        public var expectedFormula: String?
        public var actual: String?
        public var difference: String?
        public var tolerance: String?
        public var rounding: Bool
        public var operands: [Operand]

        /// The JSON form of a finding, amounts in `unit`.
        public init(finding: Finding, unit: MoneyUnit) {
            func amount(_ money: Money?) -> String? { money?.decimalString(in: unit) }
            func value(_ value: FindingValue?) -> (String?, String?) {
                switch value {
                case .amount(let money, let formula): (amount(money), formula.isEmpty ? nil : formula)
                case .text(let text): (text, nil)
                case nil: (nil, nil)
                }
            }
            let (expected, formula) = value(finding.expected)
            rule = finding.rule
            severity = finding.severity.rawValue
            message = finding.message
            messageEn = finding.messageEnglish
            table = finding.location.table
            line = finding.location.line
            code = finding.location.code
            item = finding.location.item
            column = finding.location.column
            sourceLine = finding.location.source?.knownLine  // null, never 0, for a page-level place
            source = finding.location.source?.description
            page = finding.location.source?.page
            box = finding.location.source?.region.map { [$0.x0, $0.y0, $0.x1, $0.y1] }
            self.expected = expected
            expectedFormula = formula
            actual = value(finding.actual).0
            difference = amount(finding.difference)
            tolerance = amount(finding.tolerance)
            rounding = finding.isRounding
            operands = finding.operands.map {
                Operand(
                    cell: $0.notation, value: $0.value.decimalString(in: unit), present: $0.isPresent,
                    sourceLine: $0.source?.knownLine)
            }
        }

        private enum CodingKeys: String, CodingKey {
            case rule, severity, message, messageEn, table, line, code, item, column, sourceLine, source, page, box,
                expected
            case expectedFormula, actual, difference, tolerance, rounding, operands
        }

        /// Encodes every field, absent ones as `null`, so the schema is the same for every finding.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(rule, forKey: .rule)
            try container.encode(severity, forKey: .severity)
            try container.encode(message, forKey: .message)
            try container.encode(messageEn, forKey: .messageEn)
            try container.encode(table, forKey: .table)
            try container.encode(line, forKey: .line)
            try container.encode(code, forKey: .code)
            try container.encode(item, forKey: .item)
            try container.encode(column, forKey: .column)
            try container.encode(sourceLine, forKey: .sourceLine)
            try container.encode(source, forKey: .source)
            try container.encode(page, forKey: .page)
            try container.encode(box, forKey: .box)
            try container.encode(expected, forKey: .expected)
            try container.encode(expectedFormula, forKey: .expectedFormula)
            try container.encode(actual, forKey: .actual)
            try container.encode(difference, forKey: .difference)
            try container.encode(tolerance, forKey: .tolerance)
            try container.encode(rounding, forKey: .rounding)
            try container.encode(operands, forKey: .operands)
        }
    }

    /// A cell the expected value was computed from.
    public struct Operand: Codable, Sendable {
        public var cell: String
        public var value: String
        public var present: Bool
        public var sourceLine: Int?
    }

    /// A rule statement that did not apply.
    public struct Skip: Codable, Sendable {
        public var rule: String
        public var reason: String
    }

    /// The file as given on the command line.
    public var file: String
    /// Why the file could not be checked; `nil` when it was.
    public var error: DocumentFailure?
    /// What was checked; `nil` for a file that could not be checked.
    public var document: Document?
    /// The counts; `nil` for a file that could not be checked.
    public var summary: Summary?
    public var findings: [Item]
    public var skipped: [Skip]
    /// Per section of the 情况说明: statements read and checked, figures unreadable (docs/narrative-checks.md).
    public var narrativeCoverage: [NarrativeSectionCoverage]

    /// The JSON form of a file that could not be checked: its error, no document, no findings.
    public init(failure: DocumentFailure) {
        file = failure.file
        error = failure
        findings = []
        skipped = []
        narrativeCoverage = []
    }

    /// The JSON form of `report` on `disclosure`.
    public init(report: CheckReport, disclosure: Disclosure) {
        file = disclosure.source.file
        let unit = disclosure.moneyUnit
        func amount(_ money: Money?) -> String? { money?.decimalString(in: unit) }
        document = Document(
            file: disclosure.source.file, kind: disclosure.kind.rawValue, title: disclosure.header.title,
            unitName: disclosure.header.unitName, year: disclosure.header.year,
            scope: disclosure.header.scope?.rawValue,
            moneyUnit: unit.rawValue, tablesFound: disclosure.tables.map(\.id.formID),
            tablesMissing: disclosure.missingTables.map(\.formID),
            tablesUnreadable: disclosure.unreadableTables.map(\.formID),
            encoding: disclosure.source.encoding?.rawValue, lineEndings: disclosure.source.lineEndings?.rawValue,
            tablesNotRead: disclosure.notUnderstoodTables.map(\.formID),
            readingDoubts: disclosure.problems.filter(\.isReadingDoubt).map { problem in
                ReadingDoubt(
                    code: problem.code, table: problem.table?.formID, line: problem.source.knownLine, page: problem.source.page,
                    message: problem.message, messageZh: problem.chineseTitle)
            })
        summary = Summary(
            errors: report.findings.filter { $0.severity == .error }.count,
            warnings: report.findings.filter { $0.severity == .warning }.count,
            info: report.findings.filter { $0.severity == .info }.count, rules: report.rulesEvaluated,
            assertions: report.assertionsEvaluated)
        findings = report.findings.map { Item(finding: $0, unit: unit) }
        skipped = report.skipped.map { Skip(rule: $0.rule, reason: $0.reason) }
        narrativeCoverage = NarrativeSectionCoverage.of(disclosure)
    }

    private enum CodingKeys: String, CodingKey { case file, error, document, summary, findings, skipped, narrativeCoverage }

    /// Every key, absent values as `null`, so a failed file has the shape of a checked one.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(error, forKey: .error)
        try container.encode(document, forKey: .document)
        try container.encode(summary, forKey: .summary)
        try container.encode(findings, forKey: .findings)
        try container.encode(skipped, forKey: .skipped)
        try container.encode(narrativeCoverage, forKey: .narrativeCoverage)
    }

    /// Encodes with snake_case keys, sorted, pretty-printed.
    public static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}
