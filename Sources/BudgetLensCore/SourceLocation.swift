/// Where a value was read: file, 1-based line and character column, the page when known, and for a PDF the
/// box on the page.
///
/// For a text input, `line` and `column` are the input file's. For a PDF they are the line and column of the
/// reconstructed text (`budgetlens text file.pdf` prints it), and `page` and `region` say where on the
/// published page the words are. For a workbook (XLSX) or CSV file, `line` and `column` are the sheet's row
/// and column (1-based) and `cell` names the cell, `公开05!D12` (`D12` for a CSV file).
public struct SourceLocation: Hashable, Sendable, Codable, Comparable {
    /// The file name as given to the reader.
    public var file: String
    /// The 1-based line of the input file (of the reconstructed text for a PDF).
    public var line: Int
    /// The 1-based character column within the line (1 when the whole line is meant).
    public var column: Int
    /// The 1-based page, where known.
    public var page: Int?
    /// For a PDF: the box of the words on the page, in points from the page's top-left corner.
    public var region: PageRegion?
    /// For a workbook or CSV file: the cell, `公开05!D12` (sheet name, `!`, A1 reference), or `D12` for CSV.
    public var cell: String?

    /// Creates a location.
    public init(
        file: String, line: Int, column: Int = 1, page: Int? = nil, region: PageRegion? = nil, cell: String? = nil
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.page = page
        self.region = region
        self.cell = cell
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }

    /// A short place for reports: `第8页 (372,230)` for a PDF location, `第8页` for a whole page, `公开05!D12` for a
    /// workbook cell, else `line:column` (`line` alone when the column is not known, `—` when neither is: a note on
    /// the whole file). Never `0:0`.
    public var place: String {
        if let cell { return cell }
        if let page, let region { return "第\(page)页 (\(Int(region.x0.rounded())),\(Int(region.y0.rounded())))" }
        if let page, line <= 0 { return "第\(page)页" }
        if line <= 0 { return "—" }
        return column > 0 ? "\(line):\(column)" : "\(line)"
    }

    /// The line, `nil` when the location has none (a note on a page or on the whole file: `line` 0).
    public var knownLine: Int? { line > 0 ? line : nil }

    /// The column, `nil` when the location has no line or no column.
    public var knownColumn: Int? { line > 0 && column > 0 ? column : nil }
}

extension SourceLocation: CustomStringConvertible {
    /// `file:line:column`, with ` (第N页)` when the page is known, `file 第N页 (x,y)` for a PDF location, or
    /// `file 公开05!D12` for a workbook cell. A location without a line (`line` 0: a note on a page, or on the
    /// whole file) is `file（第14页）` or `file` — never `file:0:0`; one without a column is `file:line`.
    public var description: String {
        if region != nil || cell != nil { return "\(file) \(place)" }
        guard line > 0 else { return page.map { "\(file)（第\($0)页）" } ?? file }
        let base = column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)"
        guard let page else { return base }
        return base + " (第\(page)页)"
    }
}

/// A box on a PDF page, in points (1/72 inch) from the page's top-left corner.
public struct PageRegion: Hashable, Sendable, Codable {
    /// Left edge.
    public var x0: Double
    /// Top edge.
    public var y0: Double
    /// Right edge.
    public var x1: Double
    /// Bottom edge.
    public var y1: Double

    /// Creates a box; coordinates are rounded to hundredths of a point.
    public init(x0: Double, y0: Double, x1: Double, y1: Double) {
        self.x0 = (x0 * 100).rounded() / 100
        self.y0 = (y0 * 100).rounded() / 100
        self.x1 = (x1 * 100).rounded() / 100
        self.y1 = (y1 * 100).rounded() / 100
    }

    /// The smallest box holding both.
    public func union(_ other: PageRegion) -> PageRegion {
        PageRegion(x0: min(x0, other.x0), y0: min(y0, other.y0), x1: max(x1, other.x1), y1: max(y1, other.y1))
    }
}
