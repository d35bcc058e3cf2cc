import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The parts of a workbook read with Foundation's streaming `XMLParser` (libxml2's SAX parser on Linux):
/// one pass per part, no document tree, external entities not resolved (a DTD is refused before parsing,
/// see ``WorkbookArchive``). Element names are matched without their namespace prefix.
enum WorkbookXML {
    /// A sheet listed in `xl/workbook.xml`.
    struct SheetEntry {
        var name: String
        var relationship: String
        var hidden: Bool
    }

    /// One cell of a worksheet as stored.
    struct RawCell {
        /// 1-based row and column.
        var row: Int
        var column: Int
        /// `s` shared string, `inlineStr`, `str` formula text, `b` boolean, `e` error, `n` (or none) number.
        var type: String
        /// The style index (`s` attribute) into `cellXfs`.
        var style: Int
        /// The `<v>` text, or the inline string's text.
        var value: String
        /// The `<f>` text (empty for none, and for a shared formula's followers, which store none).
        var formula = ""
        /// Whether the cell has a `<v>` element: a formula's cached value, possibly the empty string.
        var hasCachedValue = false
    }

    /// The sheets of `xl/workbook.xml`, in workbook order.
    static func sheets(_ data: Data) throws -> [SheetEntry] {
        let delegate = ElementCollector(elements: ["sheet"])
        try parse(data, delegate)
        return delegate.found.map { attributes in
            SheetEntry(
                name: attributes["name"] ?? "",
                relationship: attributes.first { $0.key == "r:id" || $0.key.hasSuffix(":id") }?.value ?? "",
                hidden: (attributes["state"] ?? "visible") != "visible")
        }
    }

    /// Relationship id → target, from a `.rels` part.
    static func relationships(_ data: Data) throws -> [String: String] {
        let delegate = ElementCollector(elements: ["Relationship"])
        try parse(data, delegate)
        var result: [String: String] = [:]
        for attributes in delegate.found {
            if let id = attributes["Id"], let target = attributes["Target"] { result[id] = target }
        }
        return result
    }

    /// The shared strings of `xl/sharedStrings.xml`: each `<si>`'s text runs joined.
    static func sharedStrings(_ data: Data) throws -> [String] {
        let delegate = SharedStringCollector()
        try parse(data, delegate)
        return delegate.strings
    }

    /// The number format code of each cell style (`cellXfs`), from `xl/styles.xml`; built-in formats by id.
    static func cellFormats(_ data: Data) throws -> [String] {
        let delegate = StyleCollector()
        try parse(data, delegate)
        return delegate.styleFormatIDs.map { id in delegate.customFormats[id] ?? SpreadsheetNumber.builtInFormat(id) }
    }

    /// The cells of a worksheet part, in document order, with the sheet's merged ranges.
    static func worksheet(_ data: Data, maximumCells: Int) throws -> (cells: [RawCell], merges: [String]) {
        let delegate = WorksheetCollector(maximumCells: maximumCells)
        try parse(data, delegate)
        return (delegate.cells, delegate.merges)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Parses `data` into `collector`. Foundation's parser on Linux reports some errors only to the delegate
    /// and accepts an unclosed document, so errors are collected there and the element depth is checked.
    private static func parse(_ data: Data, _ collector: XMLCollector) throws {
        // From a stream, read in chunks: given the data whole, libxml2 refuses a part past 10 MB without a line
        // break ("huge input lookup", as a sheet formatted far below its data is) as malformed.
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = collector
        let finished = parser.parse()
        if let failure = collector.failure { throw failure }
        if let error = collector.parseError ?? (finished ? nil : parser.parserError.map { ($0, parser.lineNumber, parser.columnNumber) }) {
            throw Failure(description: "line \(error.line), column \(error.column): \(describe(error.error))")
        }
        guard collector.sawElement, collector.depth == 0 else {
            throw Failure(description: "the document ends before its elements are closed (truncated?)")
        }
    }

    private static func describe(_ error: any Error) -> String {
        let code = (error as NSError).code
        let reason: String =
            switch code {
            case 4: "the document is empty"
            case 5: "the document ends too early"
            case 9: "an invalid character"
            case 76: "an end tag that does not match its start tag"
            default: "malformed XML"
            }
        return "\(reason) (XMLParser error \(code))"
    }

    /// The local name of an element: `x:row` → `row`.
    fileprivate static func local(_ name: String) -> Substring {
        name.lastIndex(of: ":").map { name[name.index(after: $0)...] } ?? Substring(name)
    }
}

/// The parser's delegate: tracks element depth and the first error, and hands elements and text on by local
/// name to the subclasses' ``start(_:attributes:)``, ``characters(_:)`` and ``end(_:)``.
private class XMLCollector: NSObject, XMLParserDelegate {
    var failure: WorkbookXML.Failure?
    var parseError: (error: any Error, line: Int, column: Int)?
    var depth = 0
    var sawElement = false

    func start(_ name: Substring, attributes: [String: String], parser: XMLParser) {}
    func characters(_ string: String) {}
    func end(_ name: Substring, parser: XMLParser) {}

    final func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        depth += 1
        sawElement = true
        start(WorkbookXML.local(elementName), attributes: attributes, parser: parser)
    }

    final func parser(_ parser: XMLParser, foundCharacters string: String) { characters(string) }

    final func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        depth -= 1
        end(WorkbookXML.local(elementName), parser: parser)
    }

    final func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if self.parseError == nil { self.parseError = (parseError, parser.lineNumber, parser.columnNumber) }
    }

    /// Stops the parse with `message`.
    final func fail(_ parser: XMLParser, _ message: String) {
        if failure == nil { failure = WorkbookXML.Failure(description: message) }
        parser.abortParsing()
    }
}

/// Collects the attributes of every element with one of the given local names.
private final class ElementCollector: XMLCollector {
    let elements: Set<Substring>
    var found: [[String: String]] = []

    init(elements: Set<Substring>) { self.elements = elements }

    override func start(_ name: Substring, attributes: [String: String], parser: XMLParser) {
        if elements.contains(name) { found.append(attributes) }
    }
}

/// Collects `<si>` texts: the `<t>` runs inside, phonetic runs (`<rPh>`) left out.
private final class SharedStringCollector: XMLCollector {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    override func start(_ name: Substring, attributes: [String: String], parser: XMLParser) {
        switch name {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    override func characters(_ string: String) {
        if inText { current += string }
    }

    override func end(_ name: Substring, parser: XMLParser) {
        switch name {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }
}

/// Collects custom number formats (`numFmt`) and the number format of each cell style (`cellXfs/xf`).
private final class StyleCollector: XMLCollector {
    var customFormats: [Int: String] = [:]
    var styleFormatIDs: [Int] = []
    private var inCellStyles = false

    override func start(_ name: Substring, attributes: [String: String], parser: XMLParser) {
        switch name {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] {
                customFormats[id] = code
            }
        case "cellXfs": inCellStyles = true
        case "xf" where inCellStyles: styleFormatIDs.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
        default: break
        }
    }

    override func end(_ name: Substring, parser: XMLParser) {
        if name == "cellXfs" { inCellStyles = false }
    }
}

/// Collects a worksheet's cells: `<row r>`, `<c r t s>` with `<v>` or `<is><t>`, and `<mergeCell ref>`.
private final class WorksheetCollector: XMLCollector {
    let maximumCells: Int
    var cells: [WorkbookXML.RawCell] = []
    var merges: [String] = []
    private var row = 0
    private var column = 0
    private var cell: WorkbookXML.RawCell?
    private var collecting = false
    private var collectingFormula = false
    private var inPhonetic = false

    init(maximumCells: Int) { self.maximumCells = maximumCells }

    override func start(_ name: Substring, attributes: [String: String], parser: XMLParser) {
        switch name {
        case "row":
            row = attributes["r"].flatMap { Int($0) } ?? row + 1
            column = 0
        case "c":
            var position = (row: row, column: column + 1)
            if let reference = attributes["r"], let parsed = CellReference.parse(reference) { position = parsed }
            guard CellReference.isValid(row: position.row, column: position.column) else {
                fail(parser, "cell \(attributes["r"] ?? "?") lies outside the sheet's 1,048,576 rows × 16,384 columns")
                return
            }
            column = position.column
            cell = WorkbookXML.RawCell(
                row: position.row, column: position.column, type: attributes["t"] ?? "n",
                style: attributes["s"].flatMap { Int($0) } ?? 0, value: "")
        case "v", "t":
            collecting = cell != nil && !inPhonetic
            if name == "v" { cell?.hasCachedValue = true }
        case "f":
            collectingFormula = cell != nil
        case "rPh":
            inPhonetic = true
        case "mergeCell":
            if let reference = attributes["ref"] { merges.append(reference) }
        default: break
        }
    }

    override func characters(_ string: String) {
        if collecting { cell?.value += string }
        if collectingFormula, (cell?.formula.utf8.count ?? 0) < 8192 { cell?.formula += string }
    }

    override func end(_ name: Substring, parser: XMLParser) {
        switch name {
        case "v", "t": collecting = false
        case "f": collectingFormula = false
        case "rPh": inPhonetic = false
        case "c":
            // A formula without a cached value is kept to be computed: no `<v>`, or an empty `<v/>` in a cell that is
            // not of string type (openpyxl writes `<f>…</f><v />`); an empty string cached as such (`t="str"`, as
            // LibreOffice stores `IF(…,"",…)`) stays blank.
            let cachedEmptyString = cell?.hasCachedValue == true && cell?.type == "str"
            if let cell, !cell.value.isEmpty || (!cell.formula.isEmpty && !cachedEmptyString) {
                guard cells.count < maximumCells else {
                    fail(parser, "the sheet holds more than \(maximumCells) cells with a value")
                    return
                }
                cells.append(cell)
            }
            cell = nil
        default: break
        }
    }
}

/// A1-style cell references.
enum CellReference {
    /// `D12` → (12, 4); `nil` for anything else.
    static func parse(_ reference: String) -> (row: Int, column: Int)? {
        var column = 0
        var row = 0
        var seenDigit = false
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: "$"): continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where !seenDigit:
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
                if column > 16_384 { return nil }
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                seenDigit = true
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                if row > 1_048_576 { return nil }
            default: return nil
            }
        }
        return column > 0 && row > 0 ? (row, column) : nil
    }

    /// Whether the position lies on an Excel sheet.
    static func isValid(row: Int, column: Int) -> Bool { (1...1_048_576).contains(row) && (1...16_384).contains(column) }

    /// The column letters: 4 → `D`, 27 → `AA`.
    static func letters(_ column: Int) -> String {
        var column = column
        var result: [Character] = []
        while column > 0 {
            let remainder = (column - 1) % 26
            result.append(Character(UnicodeScalar(UInt8(65 + remainder))))
            column = (column - 1) / 26
        }
        return String(result.reversed())
    }

    /// `D12`.
    static func name(row: Int, column: Int) -> String { letters(column) + String(row) }
}
