/// Where a value was read: file, 1-based line and character column, and the PDF page when the document
/// marks pages (such as `第4页，共102页`) or comes from a PDF.
public struct SourceLocation: Hashable, Sendable, Codable, Comparable {
    /// The file name as given to the reader.
    public var file: String
    /// The 1-based line of the input file.
    public var line: Int
    /// The 1-based character column within the line (1 when the whole line is meant).
    public var column: Int
    /// The 1-based page, where known.
    public var page: Int?

    /// Creates a location.
    public init(file: String, line: Int, column: Int = 1, page: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.page = page
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

extension SourceLocation: CustomStringConvertible {
    /// `file:line:column`, with ` (第N页)` when the page is known.
    public var description: String {
        let base = "\(file):\(line):\(column)"
        guard let page else { return base }
        return base + " (第\(page)页)"
    }
}
