/// A line of text as printed, with where it was read.
public struct TextLine: Hashable, Sendable, Codable {
    /// The text, verbatim (surrounding whitespace trimmed).
    public var text: String
    /// Where it was read.
    public var source: SourceLocation

    /// Creates a line.
    public init(text: String, source: SourceLocation) {
        self.text = text
        self.source = source
    }
}

/// A run of text lines kept verbatim: a narrative section, a glossary entry, a document part.
public struct TextBlock: Hashable, Sendable, Codable {
    /// The non-empty lines, in order.
    public var lines: [TextLine]

    /// Creates a block.
    public init(lines: [TextLine] = []) { self.lines = lines }

    /// The lines joined with newlines.
    public var text: String { lines.map(\.text).joined(separator: "\n") }

    /// Where the block starts.
    public var source: SourceLocation? { lines.first?.source }
}

/// An entry of the 目录.
public struct ContentsEntry: Hashable, Sendable, Codable {
    /// The entry text, whitespace-normalised, without dotted leaders and page number.
    public var text: String
    /// The page number printed after the entry, if any.
    public var page: Int?
    /// Where it was read.
    public var source: SourceLocation

    /// Creates an entry.
    public init(text: String, page: Int? = nil, source: SourceLocation) {
        self.text = text
        self.page = page
        self.source = source
    }
}

/// A numbered section of the 情况说明 (`一、收入支出决算总体情况说明` …), text verbatim.
public struct NarrativeSection: Hashable, Sendable, Codable {
    /// The section number: 1 for 一, 13 for 十三.
    public var number: Int
    /// The heading as printed, e.g. `一、收入支出决算总体情况说明`.
    public var heading: String
    /// The body lines, verbatim.
    public var body: TextBlock
    /// Where the heading was read.
    public var source: SourceLocation

    /// Creates a section.
    public init(number: Int, heading: String, body: TextBlock, source: SourceLocation) {
        self.number = number
        self.heading = heading
        self.body = body
        self.source = source
    }
}

/// An entry of the 名词解释: `一、财政拨款收入：指…`.
public struct GlossaryEntry: Hashable, Sendable, Codable {
    /// The term, e.g. `财政拨款收入` or `卫生健康支出（类）医疗保障管理事务（款）行政运行（项）`.
    public var term: String
    /// The definition, verbatim (continuation lines joined without separators).
    public var definition: String
    /// Where the entry starts.
    public var source: SourceLocation

    /// Creates an entry.
    public init(term: String, definition: String, source: SourceLocation) {
        self.term = term
        self.definition = definition
        self.source = source
    }
}

/// A part of the document (`第一部分 部门概况` …), text verbatim.
public struct DocumentPart: Hashable, Sendable, Codable {
    /// What the part holds.
    public var role: PartRole
    /// The heading, e.g. `第五部分 附件`.
    public var heading: String
    /// All lines of the part that are not table rows, verbatim.
    public var body: TextBlock
    /// Where the heading was read.
    public var source: SourceLocation

    /// Creates a part.
    public init(role: PartRole, heading: String, body: TextBlock, source: SourceLocation) {
        self.role = role
        self.heading = heading
        self.body = body
        self.source = source
    }
}

/// The role of a document part.
public enum PartRole: String, Hashable, Sendable, Codable {
    /// 部门概况 / 单位概况.
    case overview
    /// 部门决算表: the nine tables.
    case tables
    /// 情况说明.
    case narrative
    /// 其他需要说明的情况.
    case otherMatters
    /// 名词解释.
    case glossary
    /// 附件.
    case annex
    /// A part not recognised.
    case other
}
