import BudgetLensCore

/// The lines of a report's text, with tab-separated fields and source locations (1-based lines). Keys and fields
/// are computed once, on bytes: the readers ask for them many times.
struct ReportText {
    let file: String
    let lines: [String]
    private let keys: [String]
    private let fieldRows: [[String]?]
    private let fieldKeyRows: [[String]?]
    private let blank: [Bool]

    init(text: String, file: String) {
        self.file = file
        var lines: [String] = []
        for line in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            let trimmed = line.last == 0x0D ? line.dropLast() : line
            lines.append(String(decoding: trimmed, as: UTF8.self))
        }
        if lines.isEmpty { lines = [""] }
        self.lines = lines
        keys = lines.map { TextNormalization.key($0) }
        fieldRows = lines.map { line in
            guard line.utf8.contains(0x09) else { return nil }
            return line.utf8.split(separator: 0x09, omittingEmptySubsequences: false).map {
                String(decoding: $0, as: UTF8.self).trimmedSpaces()
            }
        }
        fieldKeyRows = fieldRows.map { $0?.map { TextNormalization.key($0) } }
        blank = lines.map { line in
            line.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == "\r" }
        }
    }

    var count: Int { lines.count }

    /// The location of line `index` (0-based index, 1-based line).
    func location(_ index: Int) -> SourceLocation { SourceLocation(file: file, line: index + 1) }

    func isBlank(_ index: Int) -> Bool { blank[index] }

    func isTableRow(_ index: Int) -> Bool { fieldRows[index] != nil }

    /// The tab-separated fields of line `index`, each trimmed of spaces.
    func fields(_ index: Int) -> [String] { fieldRows[index] ?? [lines[index].trimmedSpaces()] }

    /// The comparison keys of the fields of line `index`.
    func fieldKeys(_ index: Int) -> [String] { fieldKeyRows[index] ?? [keys[index]] }

    /// The comparison key of line `index` (no whitespace, half-width, no quotes).
    func key(_ index: Int) -> String { keys[index] }
}

/// Small parsing helpers shared by the report readers.
enum ReportParsing {
    /// The largest score or percentage read, in hundredths (10,000,000 points): beyond it a cell is no score, and
    /// products of two such values stay within `Int64`.
    static let maximumHundredths: Int64 = 1_000_000_000

    /// A score or percentage cell: `82.03`, `2.9`, `91.67%`, `100`; `nil` when not a number with ≤ 2 decimals or
    /// beyond ``maximumHundredths``.
    static func score(_ text: some StringProtocol) -> Score? {
        var key = TextNormalization.key(text)
        if key.hasSuffix("%") { key.removeLast() }
        if key.hasSuffix("分") { key.removeLast() }
        guard !key.isEmpty else { return nil }
        return bounded(Score(parsing: key))
    }

    /// `score` when within ``maximumHundredths``.
    static func bounded(_ score: Score?) -> Score? {
        guard let score, score.hundredths.magnitude <= UInt64(maximumHundredths) else { return nil }
        return score
    }

    /// The number of decimals printed in `text` (`87.69%` → 2, `100%` → 0).
    static func decimals(_ text: some StringProtocol) -> Int {
        guard let point = text.firstIndex(of: ".") else { return 0 }
        return text[text.index(after: point)...].prefix { $0.isASCII && $0.isNumber }.count
    }

    /// True for `合计`, `合 计`, `总计`.
    static func isTotal(_ text: some StringProtocol) -> Bool {
        let key = TextNormalization.key(text)
        return key == "合计" || key == "总计"
    }

    /// An amount cell in `unit`: `——`, `—`, `-` and blank are zero (DOMAIN §0.2); `nil` when not a number.
    static func amount(_ text: some StringProtocol, unit: MoneyUnit) -> Money? {
        let key = TextNormalization.key(text)
        if key.isEmpty || key.allSatisfy({ $0 == "—" || $0 == "-" || $0 == "－" }) { return .zero }
        return Money(parsing: key, unit: unit)
    }

    /// The first match of `regex` in `text` as its capture strings (index 0 is the whole match).
    static func captures(_ text: String, _ regex: Regex<AnyRegexOutput>) -> [String?]? {
        guard let match = text.firstMatch(of: regex) else { return nil }
        return match.output.map { $0.substring.map(String.init) }
    }

    /// Builds a regex from a pattern known to be valid; `nil` only if the pattern is broken.
    static func regex(_ pattern: String) -> Regex<AnyRegexOutput>? { try? Regex(pattern) }
}
