import BudgetLensCore

/// The running text of a disclosure, as the text-quality checks (N-TPL-*, N-DUP-*, N-PUNCT, N-NUMBER) read it:
/// the parts' headings and bodies (第一部分 … 第N部分), each cut into paragraphs whose wrapped lines are joined
/// back, every character keeping the line it was printed on.
///
/// Table rows are not prose (the reader keeps them out of the parts' bodies). A line continues the previous one
/// when that line is long (a wrapped line: at least ``minimumWrappedLength`` characters) and does not end a
/// sentence; short lines (headings such as `（1）非现场评价`) always end their paragraph, so a heading and the
/// sentence that repeats its words are not one run of text. Page markers (`- 3 -`, `第4页，共102页`) and rows of
/// tab-separated fields (a self-evaluation table printed inside the 情况说明) are left out.
struct DocumentProse {
    /// One block of text: a part of the document, in order.
    struct Block {
        /// What the part holds; `nil` for text outside the parts (a document without 第N部分 headings).
        var role: PartRole?
        /// The paragraphs, in order.
        var paragraphs: [Paragraph]
    }

    /// Lines joined into one run of text.
    struct Paragraph {
        /// The characters as Unicode scalars (one per Chinese character), whitespace removed (PDF extraction
        /// puts spaces inside Chinese words). Scalars, not `Character`s: an order of magnitude faster to scan.
        var characters: [Unicode.Scalar] = []
        /// For each printed line, the offset of its first character in `characters` (a line of spaces only
        /// has none: its start equals the next line's).
        var lineStarts: [Int] = []
        /// For each of `characters`, its column in its printed line (0-based, spaces counted): a finding's place is
        /// looked up, not walked to, so a long line with many findings stays linear.
        var columns: [Int] = []
        /// The printed lines.
        var lines: [TextLine] = []

        /// The text of `range`, as printed without spaces.
        func text(_ range: Range<Int>) -> String { characters.string(range) }

        /// The index into `lines` of the line the character at `offset` was printed on.
        func lineIndex(of offset: Int) -> Int {
            var low = 0
            var high = lineStarts.count - 1
            while low < high {  // the last line starting at or before `offset`
                let middle = (low + high + 1) / 2
                if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
            }
            return low
        }

        /// Where the character at `offset` was read: its line, and its column counted in the printed line
        /// (spaces included).
        func location(of offset: Int) -> SourceLocation {
            let offset = Swift.min(offset, characters.count - 1)
            let index = lineIndex(of: offset)
            var source = lines[index].source
            if offset >= 0 { source.column += columns[offset] }
            return source
        }
    }

    /// A line at least this long that does not end a sentence was wrapped: the next line continues it.
    static let minimumWrappedLength = 16

    /// The blocks read: one per part but the tables (and the 附件 unless asked for), the heading a paragraph of
    /// its own; for a document without parts, the 情况说明 sections.
    let blocks: [Block]

    /// Prose of the given blocks.
    init(blocks: [Block]) { self.blocks = blocks }

    /// Reads the prose of `disclosure`.
    ///
    /// - Parameter includingAnnex: Whether to read the 附件 (self-evaluation reports written outside the
    ///   template; their tables are tab-separated rows, left out like every such row).
    /// - Complexity: O(*n*) in the characters of the parts.
    init(_ disclosure: Disclosure, includingAnnex: Bool = false) {
        var blocks: [Block] = []
        if disclosure.parts.isEmpty {
            var lines: [TextLine] = []
            for section in disclosure.narrative {
                lines.append(TextLine(text: section.heading, source: section.source))
                lines += section.body.lines
            }
            blocks.append(Block(role: nil, paragraphs: DocumentProse.paragraphs(of: lines)))
        } else {
            let unread = DocumentProse.unreadTableLines(of: disclosure)
            for part in disclosure.parts where (includingAnnex || part.role != .annex) && part.role != .tables {
                // The rows of a table present but not read stay in the body (raw pdftotext): they are no prose.
                var body = unread.isEmpty ? part.body.lines : part.body.lines.filter { line in
                    !unread.contains { $0.contains(line.source.line) }
                }
                if part.role == .annex && (disclosure.isPageText || disclosure.source.format == .layoutText) {
                    body = DocumentProse.beforeSelfEvaluationTables(body)
                }
                let lines = [TextLine(text: part.heading, source: part.source)] + body
                blocks.append(Block(role: part.role, paragraphs: DocumentProse.paragraphs(of: lines)))
            }
        }
        self.blocks = blocks
    }

    /// The lines of each table present but not read (``Disclosure/notUnderstoodTableProblem``): from its title
    /// line to the next table's (read or not), or to the end.
    static func unreadTableLines(of disclosure: Disclosure) -> [Range<Int>] {
        let unread = disclosure.problems.filter { $0.code == Disclosure.notUnderstoodTableProblem }.map(\.source.line)
            .filter { $0 > 0 }
        guard !unread.isEmpty else { return [] }
        let starts = Set(disclosure.tables.map(\.source.line) + unread).filter { $0 > 0 }.sorted()
        return Set(unread).sorted().map { start in start..<(starts.first { $0 > start } ?? Int.max) }
    }

    /// The lines of a page-text or layout-text annex before its first self-evaluation table's title (`…绩效自评表`,
    /// `…绩效自评情况汇总表`): page text does not rebuild those tables, so their rows stand as lines of words
    /// (`效益指标 可持续影响指标 患者次均住院费用 患者次均住院费用保持稳定 15 15`); layout text rebuilds them, but a
    /// cell's wrapped lines are rows on one line and prose on the next (`年初预期目标\t…2、完成专项稽核…` / `项稽核。…
    /// 3、…`: a false "1、 then 3、"). With no tab or border to say where a table ends, the rest of the annex is no
    /// prose either.
    static func beforeSelfEvaluationTables(_ lines: [TextLine]) -> [TextLine] {
        guard let first = lines.firstIndex(where: { line in
            line.text.utf8.count < 300 && selfEvaluationTitles.contains { line.text.filter { $0 != " " }.contains($0) }
        }) else { return lines }
        return Array(lines[..<first])
    }

    /// Words of a self-evaluation table's title.
    static let selfEvaluationTitles = ["自评表", "自评情况汇总表", "自评情况表", "自评汇总表"]

    /// `lines` cut into paragraphs.
    static func paragraphs(of lines: [TextLine]) -> [Paragraph] {
        var paragraphs: [Paragraph] = []
        var current = Paragraph()
        for line in lines where !line.text.utf8.contains(0x09) && !isPageMarker(line.text) {
            current.lines.append(line)
            current.lineStarts.append(current.characters.count)
            var printed = 0
            var last: Unicode.Scalar?
            for (column, scalar) in line.text.unicodeScalars.enumerated() where !TextNormalization.isSpace(scalar) {
                current.characters.append(scalar)
                current.columns.append(column)
                printed += 1
                last = scalar
            }
            let continues = printed >= minimumWrappedLength && !(last.map(endsSentence) ?? true)
            if !continues {
                if !current.characters.isEmpty { paragraphs.append(current) }
                current = Paragraph()
            }
        }
        if !current.characters.isEmpty { paragraphs.append(current) }
        return paragraphs
    }

    /// `。！？；：` and their ASCII forms: a line ending so is not continued by the next.
    static func endsSentence(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "。", "！", "？", "；", "：", "!", "?", ";", ":": true
        default: false
        }
    }

    /// A page number line: `3`, `- 3 -`, `— 3 —`, `第4页，共102页`, `4/102`.
    static func isPageMarker(_ text: String) -> Bool {
        guard text.utf8.count <= 64 else { return false }
        let key = text.unicodeScalars.filter { !TextNormalization.isSpace($0) }
        guard !key.isEmpty, key.count <= 16, key.contains(where: isDigit) else { return false }
        return key.allSatisfy { isDigit($0) || pageMarkerWords.contains($0) }
    }

    private static let pageMarkerWords = Set("-—–第页共，,/".unicodeScalars)

    /// An ASCII digit.
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    /// A CJK ideograph (``TextNormalization/isIdeograph(_:)``).
    static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool { TextNormalization.isIdeograph(scalar) }
}

extension Array where Element == Unicode.Scalar {
    /// The scalars of `range` as a string.
    func string(_ range: Range<Int>) -> String {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: self[range])
        return String(text)
    }
}
