import BudgetLensCore

/// A line of the text rebuilt from page positions, remembering where each stretch of it was read.
struct SynthesizedLine {
    /// The line as the text parser reads it: table rows have a field per column, separated by tabs.
    private(set) var text = ""
    /// The page the line is on.
    let page: Int
    /// Stretches of the line (1-based unicode-scalar column where they start) and their origins.
    private(set) var spans: [(column: Int, origin: WordOrigin)] = []
    private var scalarCount = 0

    init(page: Int) { self.page = page }

    /// Appends text read at `origin` (separators have none; a blank cell has the place it would be printed).
    mutating func append(_ string: String, origin: WordOrigin?) {
        if let origin { spans.append((scalarCount + 1, origin)) }
        text += string
        scalarCount += SynthesizedLine.scalarCount(of: string)
    }

    /// The number of unicode scalars of `string`: its UTF-8 bytes that are not continuation bytes (`10xxxxxx`),
    /// counted on the contiguous bytes (the scalar view decodes every scalar to count it).
    static func scalarCount(of string: String) -> Int {
        string.utf8.withContiguousStorageIfAvailable { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return count
        } ?? string.unicodeScalars.count
    }

    /// A grid row: the fields separated by tabs (at least one tab, so that the line reads as a row). The same
    /// text and spans as appending the fields and tabs one by one, the text written once from its bytes.
    static func gridRow(_ fields: [(text: String, origin: WordOrigin?)], page: Int) -> SynthesizedLine {
        var line = SynthesizedLine(page: page)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(fields.reduce(fields.count) { $0 + $1.text.utf8.count })
        line.spans.reserveCapacity(fields.count)
        for (index, field) in fields.enumerated() {
            if index > 0 {
                bytes.append(0x09)
                line.scalarCount += 1
            }
            if let origin = field.origin { line.spans.append((line.scalarCount + 1, origin)) }
            bytes.append(contentsOf: field.text.utf8)
            line.scalarCount += scalarCount(of: field.text)
        }
        if fields.count < 2 {
            bytes.append(0x09)
            line.scalarCount += 1
        }
        line.text = String(decoding: bytes, as: UTF8.self)
        return line
    }
}

/// Maps locations in the rebuilt text back to the input: a PDF page and box, the line and column of a
/// `pdftotext -layout` text file, or a workbook's cell.
struct LayoutProvenance: Sendable {
    /// A stretch of a rebuilt line. Plain values only (a workbook cell's location is kept aside, by index), so that the
    /// spans of every line are one flat array, made and freed without a copy or release per span.
    private struct Span: Sendable {
        let column: Int
        let region: PageRegion?
        let line: Int
        let textColumn: Int
        /// The index in ``LayoutProvenance/fixed`` of a location given whole (a workbook cell); -1: none.
        var fixed = -1
    }

    private let file: String
    private let pages: [Int?]
    /// Every line's spans, line after line; line `i`'s are `spans[lineStarts[i]..<lineStarts[i + 1]]`.
    private let spans: [Span]
    private let lineStarts: [Int]
    private let fixed: [SourceLocation]

    /// Provenance given per line as stretches (1-based column where each starts) and their locations: the
    /// cells of a workbook sheet.
    init(file: String, fixedSpans: [[(column: Int, location: SourceLocation)]]) {
        self.file = file
        pages = fixedSpans.map { _ in nil }
        var spans: [Span] = []
        var lineStarts = [0]
        var fixed: [SourceLocation] = []
        for line in fixedSpans {
            for span in line {
                spans.append(Span(column: span.column, region: nil, line: 0, textColumn: 0, fixed: fixed.count))
                fixed.append(span.location)
            }
            lineStarts.append(spans.count)
        }
        self.spans = spans
        self.lineStarts = lineStarts
        self.fixed = fixed
    }

    init(file: String, lines: [SynthesizedLine]) {
        self.file = file
        pages = lines.map(\.page)
        var spans: [Span] = []
        spans.reserveCapacity(lines.reduce(0) { $0 + $1.spans.count })
        var lineStarts = [0]
        lineStarts.reserveCapacity(lines.count + 1)
        for line in lines {
            for span in line.spans {
                switch span.origin {
                case .box(let region): spans.append(Span(column: span.column, region: region, line: 0, textColumn: 0))
                case .text(let line, let column):
                    spans.append(Span(column: span.column, region: nil, line: line, textColumn: column))
                }
            }
            lineStarts.append(spans.count)
        }
        self.spans = spans
        self.lineStarts = lineStarts
        fixed = []
    }

    /// The input location of column `column` (1-based) of rebuilt line `index` (0-based).
    func location(_ index: Int, column: Int) -> SourceLocation {
        guard index < pages.count else { return SourceLocation(file: file, line: index + 1, column: column) }
        let first = lineStarts[index]
        let page = pages[index]
        // The stretch that holds the column (the last that starts at or before it); for column 1 (the whole line) the
        // first stretch. Found by index from the line's end.
        var found = lineStarts[index + 1] - 1
        while found >= first, spans[found].column > column { found -= 1 }
        if found < first, first < lineStarts[index + 1] { found = first }
        guard found >= first else { return SourceLocation(file: file, line: index + 1, column: column, page: page) }
        let span = spans[found]
        if span.fixed >= 0 { return fixed[span.fixed] }
        if let region = span.region {
            return SourceLocation(file: file, line: index + 1, column: column, page: page, region: region)
        }
        return SourceLocation(
            file: file, line: span.line, column: span.textColumn + max(0, column - span.column), page: page)
    }
}
