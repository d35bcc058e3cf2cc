import BudgetLensCore

/// A run of words printed close together on one line: one table cell's text on that line, or a stretch of
/// prose. Letter-spaced words (`因 公 出 国`) and words split by font changes (`局` `2024` `年度`) are one fragment.
struct Fragment {
    enum Kind {
        /// A number with a decimal point or digit grouping (`2,940.05`, `0.00`), or a dash for zero.
        case amount
        /// Only digits (`201`, `06`, `2024`, a 行次 or 栏次).
        case digits
        /// Anything else.
        case text
    }

    var text: String
    var x0: Double
    var x1: Double
    var baseline: Double
    var page: Int
    var origin: WordOrigin
    var kind: Kind
    /// In a table's body: a row total's label (`合计`, `总计`, `本年收入合计`), set by the table builder.
    var isTotal = false

    var center: Double { (x0 + x1) / 2 }
    var width: Double { x1 - x0 }

    /// Joins words into a fragment: a space where the gap is wider than `spaceGap` (a visible space) or
    /// between two ASCII letters or digits, nothing otherwise (letter-spaced or justified Chinese).
    init(words: ArraySlice<PageWord>, page: Int, spaceGap: Double) {
        // One word (most fragments): its own text, box, baseline and origin, as the loop below would give them.
        if words.count == 1, let word = words.first {
            // The mean baseline as the loop computes it (0.0 + b, over one word: −0 becomes +0 there too).
            self.init(
                text: word.text, x0: word.x0, x1: word.x1, baseline: (0.0 + word.baseline) / 1, page: page,
                origin: word.origin)
            return
        }
        var text = ""
        var previous: PageWord?
        // The box, the mean baseline and the origin in one pass (`min`/`max` as `Sequence.min()` compares).
        var x0 = words.first?.x0 ?? 0
        var x1 = words.first?.x1 ?? 0
        var baselines = 0.0
        var origin = words.first?.origin ?? .text(line: 0, column: 0)
        for word in words {
            if let previous, !previous.text.isEmpty, !word.text.isEmpty,
                Fragment.areASCIIAlphanumeric(previous.text, word.text) || word.x0 - previous.x1 > spaceGap
            {
                text += " "
            }
            text += word.text
            if word.x0 < x0 { x0 = word.x0 }
            if word.x1 > x1 { x1 = word.x1 }
            baselines += word.baseline
            if previous != nil { origin = origin.union(word.origin) }
            previous = word
        }
        self.init(
            text: text, x0: x0, x1: x1, baseline: baselines / Double(max(1, words.count)), page: page, origin: origin)
    }

    /// Whether the last character of `left` and the first of `right` (both not empty) are ASCII letters or
    /// digits. Decided on the bytes when each of those characters is one ASCII scalar — its neighbour byte is
    /// ASCII too, so no scalar joins it into a larger grapheme cluster (UAX #29: only CR LF joins two ASCII
    /// scalars) — and by `Character` otherwise. A non-ASCII last or first byte belongs to a character that is not
    /// ASCII.
    static func areASCIIAlphanumeric(_ left: String, _ right: String) -> Bool {
        let (leftBytes, rightBytes) = (left.utf8, right.utf8)
        guard let last = leftBytes.last, let first = rightBytes.first, last < 0x80, first < 0x80 else { return false }
        if leftBytes.count == 1 || leftBytes[leftBytes.index(leftBytes.endIndex, offsetBy: -2)] < 0x80,
            rightBytes.count == 1 || rightBytes[rightBytes.index(after: rightBytes.startIndex)] < 0x80
        {
            return isASCIIAlphanumeric(last) && isASCIIAlphanumeric(first)
        }
        guard let last = left.last, let next = right.first else { return false }
        return last.isASCII && next.isASCII && (last.isLetter || last.isNumber) && (next.isLetter || next.isNumber)
    }

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    init(text: String, x0: Double, x1: Double, baseline: Double, page: Int, origin: WordOrigin) {
        self.text = text
        self.x0 = x0
        self.x1 = x1
        self.baseline = baseline
        self.page = page
        self.origin = origin
        kind = Fragment.kind(of: text)
    }

    /// `2,940.05`, `-3.5`, `0.00`, `-`, `—` are amounts; `201` is digits; the rest is text.
    static func kind(of text: String) -> Kind {
        // Each dash is one scalar of at most 3 bytes with no canonical equivalent: longer texts need no comparison.
        if text.utf8.count <= 3, text == "-" || text == "—" || text == "－" { return .amount }
        var digits = 0
        var separators = 0
        // By UTF-8 byte: each scalar the switch accepts is one ASCII byte, and a byte ≥ 0x80 belongs to a scalar it
        // does not accept (the first byte of any scalar is at offset 0 only for the first scalar).
        for (index, byte) in text.utf8.enumerated() {
            switch byte {
            case 0x30...0x39: digits += 1
            case 0x2C, 0x2E: separators += 1
            case 0x2D where index == 0: continue
            default: return .text
            }
        }
        guard digits > 0 else { return .text }
        return separators > 0 ? .amount : .digits
    }

    /// Whether the two fragments share some horizontal extent.
    func overlap(_ x0: Double, _ x1: Double) -> Double { max(0, min(self.x1, x1) - max(self.x0, x0)) }
}

/// The words of a page grouped into printed lines.
struct VisualRow {
    let baseline: Double
    let fragments: [Fragment]
    let page: Int
    /// The fragments joined without separators, for matching titles and markers: joined once, as the
    /// reconstruction tests most rows several times (a title, a table's end, a header line).
    let joinedText: String
    /// The table ``joinedText`` names (``TableTitles/table(named:)``), looked up once: the reconstruction asks it of
    /// most rows, and of some several times (a title's next rows, a table's end, a page's first row).
    let title: TableID?

    init(baseline: Double, fragments: [Fragment], page: Int) {
        self.baseline = baseline
        self.fragments = fragments
        self.page = page
        joinedText = fragments.count == 1 ? fragments[0].text : fragments.map(\.text).joined()
        title = TableTitles.table(named: joinedText)
    }
}

/// Groups a page's words into printed lines and fragments.
struct VisualRowBuilder {
    /// The typical character width of the page: the unit of every distance threshold.
    let em: Double
    /// Words closer than this on one line join into one fragment.
    let joinGap: Double
    /// Words whose baselines differ by less than this are on one line.
    let rowTolerance: Double
    /// A gap wider than this between two words of a fragment is a space: 3 points in a PDF (what text
    /// extractors such as pdfplumber use), one column in layout text.
    let spaceGap: Double
    /// Whether `预算数` and `决算数` side by side are two headings (a PDF: a browser's print of an HTML table sets
    /// 公开09's `决算数` and the next `预算数` 2.25 points apart, LeftAlignedHeader). Layout text keeps joining them:
    /// its columns drift, and the heading's place does not settle 公开09's column there.
    let splitsBudgetPairs: Bool

    init(page: LayoutPage, source: LayoutSource) {
        splitsBudgetPairs = source == .pdf
        em = page.fixedEm ?? VisualRowBuilder.em(of: page.words)
        switch source {
        case .pdf:
            joinGap = 0.6 * em
            rowTolerance = 0.35 * em
            spaceGap = 3
        case .layoutText:
            joinGap = 1.01  // one space
            rowTolerance = 0.1
            spaceGap = 0.5
        }
    }

    /// The median width of a wide character over the words that hold two or more of them; 10 when none does.
    static func em(of words: [PageWord]) -> Double {
        var widths: [Double] = []
        for index in words.indices {
            let (wide, narrow) = wideAndNarrow(words[index].text)
            let width = words[index].width
            guard wide >= 2, width > 0 else { continue }
            widths.append(width / (Double(wide) + 0.5 * Double(narrow)))
        }
        guard !widths.isEmpty else { return 10 }
        widths.sort()
        return widths[widths.count / 2]
    }

    /// How many of the text's scalars are wide (``TextNormalization/isWide(_:)``) and how many are not: on its
    /// contiguous UTF-8, each scalar decoded in place from its lead byte (a `String` holds valid UTF-8), the same
    /// scalars as its scalar view gives.
    static func wideAndNarrow(_ text: String) -> (wide: Int, narrow: Int) {
        let counted = text.utf8.withContiguousStorageIfAvailable { bytes -> (wide: Int, narrow: Int) in
            var wide = 0
            var narrow = 0
            var index = 0
            let count = bytes.count
            while index < count {
                let lead = bytes[index]
                // An ASCII scalar is wide only as `(` or `)` (``TextNormalization/isWide(_:)``'s other ranges start at
                // U+2010).
                if lead < 0x80 {
                    if lead == 0x28 || lead == 0x29 { wide += 1 } else { narrow += 1 }
                    index += 1
                    continue
                }
                var value = UInt32(lead)
                var length = 1
                if lead >= 0xF0, index + 3 < count {
                    value = UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                        | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                    length = 4
                } else if lead >= 0xE0, index + 2 < count {
                    value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
                        | UInt32(bytes[index + 2] & 0x3F)
                    length = 3
                } else if lead >= 0xC0, index + 1 < count {
                    value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                    length = 2
                }
                if let scalar = Unicode.Scalar(value), TextNormalization.isWide(scalar) { wide += 1 } else { narrow += 1 }
                index += length
            }
            return (wide, narrow)
        }
        if let counted { return counted }
        var wide = 0
        var narrow = 0
        for scalar in text.unicodeScalars {
            if TextNormalization.isWide(scalar) { wide += 1 } else { narrow += 1 }
        }
        return (wide, narrow)
    }

    /// The page's lines, top to bottom, each with its fragments left to right.
    func rows(of page: LayoutPage) -> [VisualRow] {
        // Layout text lists its words line by line, top to bottom (unless lifted figures were moved): already in order,
        // and the sort, being stable, would give them back as they are. Only words out of order are sorted.
        let inOrder = page.words.indices.dropFirst().allSatisfy {
            !(page.words[$0].baseline < page.words[$0 - 1].baseline)
        }
        let words = inOrder ? page.words : page.words.sorted { $0.baseline < $1.baseline }
        // Each line as a range of `words` (consecutive after the sort), not an array of copies.
        var groups: [Range<Int>] = []
        var groupStart = -Double.infinity
        for (index, word) in words.enumerated() {
            if word.baseline - groupStart > rowTolerance || groups.isEmpty {
                groups.append(index..<(index + 1))
                groupStart = word.baseline
            } else {
                groups[groups.count - 1] = groups[groups.count - 1].lowerBound..<(index + 1)
            }
        }
        return groups.map { range in
            let group = words[range]
            // A line's words in layout text come left to right already: the stable sort would give them back as they
            // are, so only a line with a word out of order is sorted.
            let inOrder = group.indices.dropFirst().allSatisfy { !(group[$0].x0 < group[$0 - 1].x0) }
            let sorted = inOrder ? Array(group) : group.sorted { $0.x0 < $1.x0 }
            var fragments: [Fragment] = []
            var start = 0
            for index in 1...sorted.count {
                if index == sorted.count || sorted[index].x0 - sorted[index - 1].x1 > joinGap
                    || HeaderWords.areSeparateColumns(sorted[index - 1].text, sorted[index].text)
                    || (splitsBudgetPairs && HeaderWords.areBudgetPair(sorted[index - 1].text, sorted[index].text))
                {
                    fragments.append(Fragment(words: sorted[start..<index], page: page.number, spaceGap: spaceGap))
                    start = index
                }
            }
            var sum = 0.0  // in the words' order, as `reduce(0, +)` adds
            for word in group { sum += word.baseline }
            return VisualRow(baseline: sum / Double(group.count), fragments: fragments, page: page.number)
        }
    }
}
