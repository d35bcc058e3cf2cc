/// A document that could not be checked or scored — missing, unreadable, not text, too large, not final accounts,
/// without self-evaluation tables. It is part of every output (JSON: the file's object with its `error`; SARIF: a
/// `toolExecutionNotification`), never dropped, and the run exits 2.
public struct DocumentFailure: Sendable, Codable, Hashable, Error {
    /// The file as given on the command line.
    public var file: String
    /// The kind of failure: a reader's code (`unreadable`, `empty`, `too-large`, `not-text`, `bad-json`,
    /// `bad-pdf`) or the command's (`budget`, `no-tables`, `no-self-evaluation`).
    public var code: String
    /// What is wrong, in Chinese, starting with the file and, where it has them, line and column
    /// (`bad.bin:1:3: 不是 UTF-8 文本…`).
    public var message: String
    /// The same in English, with the details (`bad.bin:1:3: invalid UTF-8 byte 0xAB at byte offset 2; …`).
    public var messageEn: String
    /// The 1-based line, where the failure has one.
    public var line: Int?
    /// The 1-based column, where the failure has one.
    public var column: Int?

    /// Creates a failure.
    public init(file: String, code: String, message: String, messageEn: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.code = code
        self.message = message
        self.messageEn = messageEn
        self.line = line
        self.column = column
    }

    private enum CodingKeys: String, CodingKey { case file, code, message, messageEn, line, column }

    /// Every field, absent ones as `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(code, forKey: .code)
        try container.encode(message, forKey: .message)
        try container.encode(messageEn, forKey: .messageEn)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
    }
}
