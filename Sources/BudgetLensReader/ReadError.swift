import BudgetLensCore

/// Why a document could not be read at all. Everything less serious is recorded as a ``ReadProblem`` in the
/// ``Disclosure`` instead.
public struct ReadError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        /// The file does not exist or cannot be opened.
        public static let unreadable = Code("unreadable")
        /// The file is empty or holds only whitespace.
        public static let empty = Code("empty")
        /// The file is larger than the configured maximum.
        public static let tooLarge = Code("too-large")
        /// The bytes are not UTF-8 text.
        public static let notText = Code("not-text")
        /// A JSON input that is not a BudgetLens export.
        public static let badJSON = Code("bad-json")
        /// A PDF that cannot be read (truncated, encrypted, no text layer, no extractor).
        public static let badPDF = Code("bad-pdf")
        /// A workbook (XLSX) or CSV file that cannot be read: encrypted, legacy `.xls`, another Office file,
        /// damaged, or beyond the unpacking limits (zip bomb, entity expansion).
        public static let badWorkbook = Code("bad-workbook")
        public var description: String { name }
    }

    /// The kind of failure.
    public var code: Code
    /// Where: the file, and the line (and column) when the failure has one.
    public var source: SourceLocation
    /// What is wrong, for a person.
    public var message: String
    /// What is wrong in Chinese, as specific as ``message`` (the value, the JSON path); `nil` where only the
    /// English was written, and then ``chineseDescription`` gives the code's Chinese and the English details.
    public var chineseMessage: String?

    /// Creates an error.
    public init(_ code: Code, source: SourceLocation, message: String) {
        self.code = code
        self.source = source
        self.message = message
    }

    /// Creates an error with its text in Chinese and English.
    public init(_ code: Code, source: SourceLocation, chinese: String, english: String) {
        self.init(code, source: source, message: english)
        chineseMessage = chinese
    }

    /// `file:line:column: message`, or `file: message` when no line applies.
    public var description: String {
        source.line > 0 ? "\(source): \(message)" : "\(source.file): \(message)"
    }
}
