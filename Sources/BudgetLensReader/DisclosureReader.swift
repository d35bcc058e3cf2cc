import BudgetLensCore
import Foundation

/// Reader settings.
public struct ReaderConfiguration: Sendable {
    /// Largest input accepted, in bytes. Default 64 MiB: the largest published disclosures are a few MB.
    public var maximumInputSize = 64 << 20
    /// Whether to read the annex's performance self-evaluation tables (`check` does not need them).
    public var readsSelfEvaluations = true
    /// Largest unpacked part of a workbook (XLSX) accepted, in bytes: a sheet of a disclosure is well under 1 MiB.
    public var maximumWorkbookPartSize = 32 << 20
    /// Largest unpacked workbook accepted, all parts together, in bytes.
    public var maximumWorkbookSize = 64 << 20

    /// The default settings.
    public init() {}
}

/// Reads a disclosure from a file: a PDF (through poppler's text layer), text extracted from a PDF
/// (tab-separated tables, or `pdftotext -layout` space-aligned columns), an Excel workbook (XLSX) or CSV file
/// (see ``WorkbookReader``), or a BudgetLens JSON export. The format is recognised from the content, not the
/// file name (CSV alone by its `.csv` name); a file named `.pdf` that is not a PDF is refused, naming what it is,
/// unless it is text (then read as text, with a note).
public enum DisclosureReader {
    /// Reads the file at `path`.
    ///
    /// - Parameters:
    ///   - path: The file, as the user named it; source locations use this name.
    ///   - configuration: Limits.
    /// - Returns: The disclosure, with the problems met while reading.
    /// - Throws: ``ReadError`` when the file cannot be read at all: missing, empty, too large, not text.
    public static func read(path: String, configuration: ReaderConfiguration = .init()) throws -> Disclosure {
        let bytes = try loadFile(path, configuration: configuration)
        if isPDF(bytes, named: path) {
            // Poppler reads the file where it is: no temporary copy.
            let text = try PDFTextLayer.text(ofFile: path, bytes: bytes, file: path)
            return readPDF(text, file: path, byteCount: bytes.count, configuration: configuration)
        }
        return try read(data: Data(bytes), file: path, configuration: configuration)
    }

    /// The bytes of the file at `path`, refused when it is missing, a directory or larger than the limit
    /// (checked before reading).
    private static func loadFile(_ path: String, configuration: ReaderConfiguration) throws -> [UInt8] {
        let noLine = SourceLocation(file: path, line: 0, column: 0)
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw ReadError(
                .unreadable, source: noLine, chinese: "无法打开文件（文件不存在或无权访问）",
                english: "cannot open the file (no such file or no access)")
        }
        if let type = attributes[.type] as? FileAttributeType, type == .typeDirectory {
            throw ReadError(.unreadable, source: noLine, chinese: "这是目录，不是文件", english: "is a directory, not a document")
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        if size > configuration.maximumInputSize {
            throw ReadError(
                .tooLarge, source: noLine,
                chinese: "文件大小为 \(megabytes(size))，超过上限 \(megabytes(configuration.maximumInputSize))"
                    + "（公开的决算文件只有几 MB；可用 --max-input-mb 调整）",
                english: "the file is \(megabytes(size)); the largest input accepted is "
                    + "\(megabytes(configuration.maximumInputSize)) (a published disclosure is a few MB)")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ReadError(
                .unreadable, source: noLine, chinese: "无法打开文件读取（无读取权限？）", english: "cannot open the file for reading")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: configuration.maximumInputSize + 1)) ?? Data()
        if data.count > configuration.maximumInputSize {
            throw ReadError(
                .tooLarge, source: noLine,
                chinese: "文件超过上限 \(megabytes(configuration.maximumInputSize))",
                english: "the file is larger than \(megabytes(configuration.maximumInputSize))")
        }
        return [UInt8](data)
    }

    /// The name of the data-entry workbook's sheet of 年初预算 and 主要原因 (`budgetlens template`), which the
    /// reader leaves out of the disclosure.
    public static var inputsSheetName: String { WorkbookReader.inputsSheetName }

    /// The displayed text of the cells of the visible sheet `name` of a workbook (XLSX), as rows of (column,
    /// text), row and column 1-based; `nil` when the bytes are no workbook or it has no such visible sheet.
    ///
    /// - Throws: ``ReadError`` when the workbook cannot be read (as ``read(data:file:configuration:)``).
    public static func workbookSheet(
        named name: String, data: Data, file: String, configuration: ReaderConfiguration = .init()
    ) throws -> [(row: Int, cells: [(column: Int, text: String)])]? {
        let bytes = [UInt8](data)
        guard WorkbookReader.isWorkbook(bytes) else { return nil }
        return try WorkbookReader.sheetRows(named: name, ofWorkbook: bytes, file: file, configuration: configuration)
    }

    /// Whether a text is meant as JSON: named `.json`, or starting with `{`, or with `[` followed by what opens a
    /// JSON value (`[1,2`, `[{`, `["`, `[]`) — not `[公开01]`. Such a text is decoded as JSON, so a syntax error is
    /// reported with its line and column (``JSONSyntaxPosition``), never "no 部门决算 table".
    static func looksLikeJSON(_ text: String, named file: String) -> Bool {
        if file.lowercased().hasSuffix(".json") { return true }
        var bytes = text.utf8.lazy.filter { !isASCIIWhitespace($0) }.makeIterator()
        switch bytes.next() {
        case UInt8(ascii: "{"): return true
        case UInt8(ascii: "["):
            guard let next = bytes.next() else { return true }
            return Array("{[]\"-0123456789tfn".utf8).contains(next)
        default: return false
        }
    }

    /// Reads a document held in memory.
    ///
    /// - Parameters:
    ///   - data: The file's bytes.
    ///   - file: The name to use in source locations and messages.
    /// - Throws: ``ReadError`` when the bytes are not a readable document.
    public static func read(data: Data, file: String, configuration: ReaderConfiguration = .init()) throws -> Disclosure
    {
        let bytes = [UInt8](data)
        guard isNamedPDF(file), !isPDF(bytes, named: file), !WorkbookReader.isWorkbook(bytes) else {
            return try read(bytes, file: file, configuration: configuration)
        }
        // Text named .pdf: read as the text it is; when it is no document either (an HTML error page saved as
        // the PDF: no kind of document recognised), refused as no PDF, showing how it starts.
        let disclosure: Disclosure
        do {
            disclosure = try read(bytes, file: file, configuration: configuration)
        } catch let error as ReadError where error.code != .empty {
            try PDFTextLayer.checkStructure(bytes, file: file)
            throw error
        }
        if disclosure.kind == .unknown { try PDFTextLayer.checkStructure(bytes, file: file) }
        return disclosure
    }

    /// ``read(data:file:configuration:)`` of the bytes.
    private static func read(_ bytes: [UInt8], file: String, configuration: ReaderConfiguration) throws -> Disclosure {
        if WorkbookReader.isWorkbook(bytes) {
            var disclosure = try WorkbookReader.read(bytes, file: file, configuration: configuration)
            CrowdedCells.refuse(in: &disclosure)
            MergedHeadings.refuse(in: &disclosure)
            StrayColumns.refuse(in: &disclosure)
            SecondTableSet.mark(in: &disclosure)
            MissingClosingRows.mark(in: &disclosure)
            return disclosure
        }
        if isPDF(bytes, named: file) {
            let text = try PDFTextLayer.text(of: bytes, file: file)
            return readPDF(text, file: file, byteCount: bytes.count, configuration: configuration)
        }
        if WorkbookReader.isMisnamedWorkbook(bytes, named: file) {
            throw ReadError(
                .badWorkbook, source: SourceLocation(file: file, line: 0, column: 0),
                chinese: "文件名为 .xlsx，但内容不是 Excel 工作簿（不是 ZIP 包）：是改了扩展名的其他文件吗？",
                english: "named .xlsx but not an Excel workbook (not a ZIP package): another file renamed?")
        }
        let decoded = try decodeText(bytes, file: file)
        var text = MarkdownTables.converted(decoded.text)
        // pdfplumber's layout text is read as the page text it holds (``PlumberLayoutText``).
        let plumberLayout = PlumberLayoutText.isPlumberLayoutText(text)
        // Its lines as in the file: where its 公开09 amounts stand (``PlumberLayoutPositions``).
        let layoutLines = plumberLayout ? text.split(separator: "\n", omittingEmptySubsequences: false) : nil
        if plumberLayout { text = PlumberLayoutText.pageText(text) }
        let strayTabs = StrayTabs.spaced(text, file: file)
        if let strayTabs { text = strayTabs.text }
        var disclosure: Disclosure
        if WorkbookReader.isCSV(text: text, named: file) {
            disclosure = try WorkbookReader.readCSV(bytes, text: text, file: file, configuration: configuration)
        } else if looksLikeJSON(text, named: file) {
            return try DisclosureJSON.decode(Data(text.utf8), file: file)
        } else if LayoutTextPages.isLayoutText(text) {
            disclosure = readLayoutText(text, file: file, configuration: configuration) {
                CutTableText.mark(&$0, text: text, file: file)
            }
        } else {
            // A whole document saved from one sheet: the padding outside its tables removed (``PaddedSheetText``).
            let padded = PaddedSheetText.unpadded(text, file: file)
            if let padded { text = padded.text }
            let source = SourceText(file: file, text: text)
            // Tab-separated text or not: asked once (a text without a tab is scanned whole).
            let hasTab = text.containsByte(0x09)
            let parser = TextDisclosureParser(
                text: source, byteCount: bytes.count, readsSelfEvaluations: configuration.readsSelfEvaluations)
            var unread: [ReadProblem]
            var rewritten: SourceText?  // page text's tables rewritten as tab-separated rows
            var titles = TrailingTitles(source.lines)  // kept for every pass over the lines
            // Text without a tab holds no tab-separated table: the tables a full reading would have (read, or
            // reported not understood) are those located, so page text is tried before anything else is read.
            if !hasTab,
                case let located = UnreadTables.problems(
                    lines: source.lines, file: file, readIDs: parser.locatedTableIDs(), titles: &titles),
                !located.isEmpty,
                let pageText = readPageText(
                    source, file: file, byteCount: bytes.count, configuration: configuration, titles: &titles,
                    layoutLines: layoutLines)
            {
                disclosure = pageText.disclosure
                unread = pageText.unread
                rewritten = pageText.rewritten
            } else {
                disclosure = parser.parse()
                unread = UnreadTables.problems(lines: source.lines, file: file, read: disclosure, titles: &titles)
                if !unread.isEmpty,
                    let pageText = readPageText(
                        source, file: file, byteCount: bytes.count, configuration: configuration, titles: &titles,
                        layoutLines: layoutLines)
                {
                    disclosure = pageText.disclosure
                    unread = pageText.unread
                    rewritten = pageText.rewritten
                }
            }
            if !unread.isEmpty { disclosure.problems = (disclosure.problems + unread).sorted { $0.source < $1.source } }
            // The file's lines, not the rewritten text's (page text's tables are rewritten to fewer lines).
            if rewritten != nil { disclosure.source.lineCount = source.count }
            TruncatedLastRow.mark(&disclosure, text: text, file: file)
            // Page text and raw pdftotext text (no tab): a cut row cannot be told by its width.
            if !hasTab { CutTableText.mark(&disclosure, text: text, file: file, requiringMisfit: true) }
            // Tab-separated text cut between two rows (the page-text reader's rows are rewritten lines: not here).
            if hasTab, !disclosure.problems.contains(where: { $0.code == "page-text.read" }) {
                // The source's lines (split at line feeds by `memchr`), and the empty line after a final line feed:
                // what a split of the text at `"\n"` gives, since the decoded text's only line terminator is `\n`
                // (a control `Character` of its own), without walking the text by `Character`.
                var lines = source.lines.map(String.init)
                if text.utf8.last == 0x0A { lines.append("") }
                TextEndsInTable.mark(&disclosure, lines: lines) { SourceLocation(file: file, line: $0 + 1, column: 1) }
            }
            // Page text cut between two rows, or after a title: told on the rewritten lines (``TextEndsInTable``);
            // a title left alone at the end is not among them (the rewriting keeps the tables' rows): then told
            // on the lines as given.
            else if let rewritten {
                TextEndsInTable.mark(&disclosure, lines: rewritten.lines.map(String.init)) { rewritten.location($0) }
                let told = [Disclosure.cutTableProblem, Disclosure.truncatedTableProblem]
                if !disclosure.problems.contains(where: { told.contains($0.code) }) {
                    let given = source.lines.map(String.init)
                    _ = TextEndsAfterTitle.mark(&disclosure, lines: given) { source.location($0) }
                }
            }
            if let padded { disclosure.problems.insert(padded.note, at: 0) }
        }
        if let strayTabs { disclosure.problems.insert(strayTabs.note, at: 0) }
        if plumberLayout { disclosure.problems.insert(PlumberLayoutText.readNote(file: file), at: 0) }
        CrowdedCells.refuse(in: &disclosure)
        MergedHeadings.refuse(in: &disclosure)
        StrayColumns.refuse(in: &disclosure)
        SecondTableSet.mark(in: &disclosure)
        MissingClosingRows.mark(in: &disclosure)
        if let offset = decoded.cutCharacterOffset {
            let line = decoded.text.utf8.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            disclosure.problems.append(
                ReadProblem(
                    code: "text.ends-mid-character", severity: .warning,
                    message: "文件在一个 \(decoded.encoding.characterEncodingName) 字符中途结束（自字节偏移 \(offset) 起 \(bytes.count - offset) 个字节）：不完整的字符已舍去，"
                        + "其余照常读取——文件是否被截断？ — "
                        + "the file ends inside a \(decoded.encoding.characterEncodingName) character (\(bytes.count - offset) byte(s) from byte offset "
                        + "\(offset)): the incomplete character is dropped and the rest read — was the file cut short?",
                    source: SourceLocation(file: file, line: line, column: 0)))
        }
        if isNamedPDF(file) { disclosure.problems.insert(misnamedPDFNote(decoded.encoding, file: file), at: 0) }
        // Text extracted from a PDF with pages of images: a table missing where the empty pages are is present,
        // unreadable, not missing (as from the PDF itself).
        if decoded.text.containsByte(0x0C) {
            UnreadableTables.record(
                in: &disclosure, textlessPages: UnreadableTables.emptyPages(of: decoded.text), file: file, extracted: true)
        }
        disclosure.source.byteCount = bytes.count
        disclosure.source.encoding = decoded.encoding
        disclosure.source.lineEndings = decoded.lineEndings
        return disclosure
    }

    /// Page text (pdfplumber `extract_text()`): its tables rewritten as tab-separated rows (``PageTextTables``)
    /// and read; `nil` when no table could be rewritten.
    private static func readPageText(
        _ source: SourceText, file: String, byteCount: Int, configuration: ReaderConfiguration,
        titles: inout TrailingTitles, layoutLines: [Substring]? = nil
    ) -> (disclosure: Disclosure, unread: [ReadProblem], rewritten: SourceText)? {
        // Footers blanked and full-width digits folded: line for line, and never a table title made or unmade, so the
        // trailing titles found in `source.lines` hold for these lines too.
        let lines = PageFooterLines.blanked(FullWidthDigits.folded(source.lines))
        guard let rewrite = PageTextTables.rewrite(lines: lines, file: file, titles: &titles) else { return nil }
        let text = SourceText(
            file: file, text: rewrite.lines.joined(separator: "\n"),
            provenance: LayoutProvenance(file: file, fixedSpans: rewrite.spans))
        var disclosure = TextDisclosureParser(
            text: text, byteCount: byteCount, readsSelfEvaluations: configuration.readsSelfEvaluations
        ).parse()
        LineNumbersAsAmounts.refuse(in: &disclosure)
        disclosure.problems += rewrite.notes
        ThreePublicResolution.resolve(
            rewrite.threePublicChoices, in: &disclosure,
            positioned: layoutLines.map { lines in
                { choice in
                    PlumberLayoutPositions.columns(
                        of: choice.amounts.map { ($0.text, $0.location.line) }, columnCount: choice.columns.count,
                        lines: lines)
                }
            })
        OpenPlacementResolution.resolve(
            rewrite.openRows, codes: rewrite.openCodes, items: rewrite.openItems, in: &disclosure)
        if !rewrite.rewritten.isEmpty { disclosure.problems.append(PageTextTables.readNote(rewrite, file: file)) }
        let unread = UnreadTables.problems(lines: source.lines, file: file, read: disclosure, titles: &titles)
        return (disclosure, unread, text)
    }

    /// The text of `bytes` in whichever encoding they are (``TextDecoding``: UTF-8 with or without BOM,
    /// UTF-16 with BOM, GB18030), line terminators made `\n`; refused when empty, binary or not text.
    private static func decodeText(_ bytes: [UInt8], file: String) throws -> DecodedText {
        var decoded: DecodedText
        do {
            decoded = try TextDecoding.decode(bytes, droppingCutCharacter: true)
            decoded.text = RadicalFolding.folded(decoded.text)
        } catch let error as TextDecodingError {
            throw ReadError(
                .notText, source: SourceLocation(file: file, line: error.line, column: error.column),
                message: error.message)
        }
        guard decoded.text.utf8.contains(where: { !isASCIIWhitespace($0) }) else {
            throw ReadError(
                .empty, source: SourceLocation(file: file, line: 0, column: 0), chinese: "文件为空（或只有空白）",
                english: "the file is empty")
        }
        try rejectBinary(Array(decoded.text.utf8), file: file)
        return decoded
    }

    /// A PDF: bytes starting `%PDF-`, or a file named `.pdf` that is not empty and not text (then refused as no
    /// PDF, naming what it is). A text named `.pdf` (a `.txt` renamed) is read as the text it is, with a note
    /// (``misnamedPDFNote(_:file:)``).
    private static func isPDF(_ bytes: [UInt8], named name: String) -> Bool {
        guard let start = bytes.firstIndex(where: { !isASCIIWhitespace($0) }) else { return false }
        if bytes[start...].starts(with: Array("%PDF-".utf8)) { return true }
        return isNamedPDF(name) && !isText(bytes)
    }

    private static func isNamedPDF(_ name: String) -> Bool { name.lowercased().hasSuffix(".pdf") }

    /// Bytes of no known binary kind that decode as text (``TextDecoding``).
    private static func isText(_ bytes: [UInt8]) -> Bool {
        TextDecoding.binaryKind(of: bytes) == nil && (try? TextDecoding.decode(bytes, droppingCutCharacter: true)) != nil
    }

    /// The note on a text read although its name says PDF.
    private static func misnamedPDFNote(_ encoding: TextEncoding, file: String) -> ReadProblem {
        ReadProblem(
            code: "file.named-pdf-is-text", severity: .info,
            message: "文件名为 .pdf，但内容是 \(encoding.characterEncodingName) 文本，不是 PDF：按文本读取 — the file is named .pdf "
                + "but holds \(encoding.characterEncodingName) text, not a PDF: it is read as text",
            source: SourceLocation(file: file, line: 1, column: 1))
    }

    private static func readLayoutText(
        _ text: String, file: String, configuration: ReaderConfiguration,
        finishing: (inout Disclosure) -> Void = { _ in }
    ) -> Disclosure {
        let pagesRunOn = PageBreaksMissing.applies(to: text)
        let measure = ColumnMeasure.of(text, linesPerPage: pagesRunOn ? PageBreaksMissing.measuredLines : nil)
        return LayoutDisclosureReader.read(
            pages: LayoutTextPages.pages(of: text, measure: measure), source: .layoutText, file: file,
            byteCount: text.utf8.count, lineCount: 1 + text.countOfByte(0x0A),
            configuration: configuration
        ) { disclosure in
            if measure == .displayWidth {
                GBKDriftedColumns.refuse(in: &disclosure)
                warnGBKAligned(&disclosure, file: file)
            }
            if pagesRunOn { PageBreaksMissing.refuse(in: &disclosure, file: file) }
            finishing(&disclosure)
        }
    }

    /// A layout text aligned by GBK bytes (`pdftotext -layout -enc GBK`) is read by display width, but its
    /// columns drift from page to page, so some tables may be misread (README, Known limits): said once, as a
    /// warning, so that no such reading passes silently.
    private static func warnGBKAligned(_ disclosure: inout Disclosure, file: String) {
        disclosure.problems.insert(
            ReadProblem(
                code: "layout.gbk-aligned", severity: .warning,
                message: "版面文本的各栏按 GBK 字节对齐（pdftotext -enc GBK），按显示宽度读取，部分表的栏次可能读错："
                    + "请改为 UTF-8 输出（pdftotext -layout，不加 -enc） — "
                    + "The text's columns are aligned by GBK bytes "
                    + "(pdftotext -enc GBK); it is read by display width and some tables' columns may be misread: "
                    + "extract it as UTF-8 (pdftotext -layout without -enc).",
                source: SourceLocation(file: file, line: 1, column: 1)),
            at: 0)
    }

    private static func readPDF(
        _ text: PDFTextLayer.Text, file: String, byteCount: Int, configuration: ReaderConfiguration
    ) -> Disclosure {
        LayoutDisclosureReader.read(
            pages: text.pages, source: .pdf, file: file, byteCount: byteCount, lineCount: text.pages.count,
            configuration: configuration,
            imagePages: Set(text.imagesOnTextlessPages.compactMap { page, images in (images ?? 0) > 0 ? page : nil })
        ) { disclosure in
            recordTextlessPages(text, in: &disclosure, file: file)
            CrowdedCells.refuse(in: &disclosure)
            MergedHeadings.refuse(in: &disclosure)
            StrayColumns.refuse(in: &disclosure)
            SecondTableSet.mark(in: &disclosure)
            MissingClosingRows.mark(in: &disclosure)
        }
    }

    /// The pages without text (blank, or scanned: their images counted) and the tables on them.
    private static func recordTextlessPages(_ text: PDFTextLayer.Text, in disclosure: inout Disclosure, file: String) {
        for (page, images) in text.imagesOnTextlessPages.sorted(by: { $0.key < $1.key }) {
            let source = SourceLocation(file: file, line: 0, column: 0, page: page)
            let problem: ReadProblem
            switch images {
            case .some(0):
                problem = ReadProblem(
                    code: "pdf.blank-page", severity: .info,
                    message: "第\(page)页是空白页：没有文字也没有图片（至多有表格线） — page \(page) is blank: no text and no image "
                        + "(ruled lines at most)", source: source)
            case .some(let count):
                problem = ReadProblem(
                    code: "pdf.page-without-text", severity: .warning,
                    message: "第\(page)页没有文字层，有 \(count) 张图片（扫描页？）：其内容未读取（BudgetLens 不做文字识别） — "
                        + "page \(page) has no text but \(count) image(s), a scan? Its content is not read "
                        + "(BudgetLens does not do OCR)", source: source)
            case .none:
                problem = ReadProblem(
                    code: "pdf.page-without-text", severity: .warning,
                    message: "第\(page)页没有文字层；若是扫描图片，其内容未读取 — page \(page) has no text; if it holds a "
                        + "scanned image, that is not read", source: source)
            }
            disclosure.problems.append(problem)
        }
        UnreadableTables.record(in: &disclosure, textlessPages: text.imagesOnTextlessPages, file: file)
    }

    /// Reads text already decoded, e.g. in tests.
    public static func read(text: String, file: String) -> Disclosure {
        var text = MarkdownTables.converted(TextDecoding.normalizingLineEndings(text).0)
        if PlumberLayoutText.isPlumberLayoutText(text) { text = PlumberLayoutText.pageText(text) }
        if let strayTabs = StrayTabs.spaced(text, file: file) { text = strayTabs.text }
        var disclosure =
            LayoutTextPages.isLayoutText(text)
            ? readLayoutText(text, file: file, configuration: .init())
            : TextDisclosureParser(text: SourceText(file: file, text: text), byteCount: text.utf8.count).parse()
        CrowdedCells.refuse(in: &disclosure)
        MergedHeadings.refuse(in: &disclosure)
        StrayColumns.refuse(in: &disclosure)
        return disclosure
    }

    /// Rejects text full of control characters or holding NUL bytes: binary data that happens to be UTF-8.
    private static func rejectBinary(_ bytes: [UInt8], file: String) throws {
        let (controlCount, nulOffset) = bytes.withUnsafeBufferPointer { buffer -> (Int, Int?) in
            var controls = 0
            for index in 0..<buffer.count {
                let byte = buffer[index]
                guard byte < 0x20 else { continue }
                if byte == 0 { return (controls, index) }
                if byte != 0x0A && byte != 0x09 && byte != 0x0D && byte != 0x0C { controls += 1 }
            }
            return (controls, nil)
        }
        if let nulOffset {
            let line = bytes[..<nulOffset].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            let lineStart = bytes[..<nulOffset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            throw ReadError(
                .notText, source: SourceLocation(file: file, line: line, column: nulOffset - lineStart + 1),
                chinese: "文件含二进制数据（字节偏移 \(nulOffset) 处为 NUL 字节），不是文本",
                english: "the file holds binary data (a NUL byte at byte offset \(nulOffset)), not text")
        }
        if controlCount > max(16, bytes.count / 100) {
            throw ReadError(
                .notText, source: SourceLocation(file: file, line: 0, column: 0),
                chinese: "文件含 \(controlCount) 个控制字符，像是二进制数据而不是文本",
                english: "the file holds \(controlCount) control characters; it looks like binary data, not text")
        }
    }

    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    private static func megabytes(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }
}

extension DisclosureReader {
    /// The text BudgetLens reads from a document: for a PDF or `pdftotext -layout` text, the text rebuilt from
    /// word positions, tables as tab-separated rows (the lines that PDF source locations number); for other
    /// text, the text itself.
    ///
    /// - Throws: ``ReadError`` as ``read(path:configuration:)`` does.
    public static func readableText(path: String, configuration: ReaderConfiguration = .init()) throws -> String {
        let bytes = try loadFile(path, configuration: configuration)
        if !WorkbookReader.isWorkbook(bytes), isPDF(bytes, named: path) {
            // Poppler reads the file where it is: no temporary copy.
            return LayoutReconstruction(
                source: .pdf, pages: try PDFTextLayer.pages(ofFile: path, bytes: bytes, file: path)
            )
            .text
        }
        return try readableText(bytes: bytes, file: path, configuration: configuration)
    }

    /// The text BudgetLens reads from a document held in memory (an upload), as ``readableText(path:configuration:)``
    /// gives it for a file; `file` names it in source locations and messages.
    ///
    /// - Throws: ``ReadError`` as ``read(data:file:configuration:)`` does; larger than the configuration's
    ///   maximum input size is refused.
    public static func readableText(data: Data, file: String, configuration: ReaderConfiguration = .init()) throws
        -> String
    {
        guard data.count <= configuration.maximumInputSize else {
            throw ReadError(
                .tooLarge, source: SourceLocation(file: file, line: 0, column: 0),
                chinese: "文件超过上限 \(megabytes(configuration.maximumInputSize))",
                english: "the file is larger than the largest input accepted (\(megabytes(configuration.maximumInputSize)))")
        }
        let bytes = [UInt8](data)
        if !WorkbookReader.isWorkbook(bytes), isPDF(bytes, named: file) {
            return LayoutReconstruction(source: .pdf, pages: try PDFTextLayer.pages(of: bytes, file: file)).text
        }
        return try readableText(bytes: bytes, file: file, configuration: configuration)
    }

    /// The readable text of a workbook or a text document (not a PDF).
    private static func readableText(bytes: [UInt8], file: String, configuration: ReaderConfiguration) throws -> String {
        if WorkbookReader.isWorkbook(bytes) {
            return try WorkbookReader.readableText(bytes, file: file, configuration: configuration)
        }
        var text = MarkdownTables.converted(try decodeText(bytes, file: file).text)
        if PlumberLayoutText.isPlumberLayoutText(text) { text = PlumberLayoutText.pageText(text) }
        if let strayTabs = StrayTabs.spaced(text, file: file) { text = strayTabs.text }
        if WorkbookReader.isCSV(text: text, named: file) { return try WorkbookReader.readableCSVText(text, file: file) }
        guard LayoutTextPages.isLayoutText(text) else {
            // A sheet saved as text: its padding outside the tables removed, as the reader reads it.
            if let padded = PaddedSheetText.unpadded(text, file: file) { text = padded.text }
            // Page text: the text with its tables rewritten as tab-separated rows, as the reader reads it.
            let source = SourceText(file: file, text: text)
            let disclosure = TextDisclosureParser(text: source, byteCount: bytes.count, readsSelfEvaluations: false).parse()
            guard !UnreadTables.problems(lines: source.lines, file: file, read: disclosure).isEmpty,
                let rewrite = PageTextTables.rewrite(lines: source.lines, file: file)
            else { return text }
            return rewrite.lines.joined(separator: "\n") + "\n"
        }
        return LayoutReconstruction(source: .layoutText, pages: LayoutTextPages.pages(of: text)).text
    }
}
