import BudgetLensCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads `pdftotext -layout` text into pages of words: pages end at form feeds, words are runs of non-space
/// characters, x is the column under the text's ``ColumnMeasure`` (one column a character, or two for a
/// non-ASCII character when the text was aligned by GBK bytes) and y the line number times ``lineHeight``, so
/// that one column is one em and lines are as far apart as in print. A word's origin is always its real
/// 1-based character column in the file, whatever the measure.
enum LayoutTextPages {
    /// The y distance between two lines, in ems.
    static let lineHeight = 1.5

    /// Whether the text looks like `pdftotext -layout` output: no tabs, and many lines whose words are
    /// separated by runs of three or more spaces (columns). One pass over the bytes; a tab ends it at once.
    static func isLayoutText(_ text: String) -> Bool {
        text.withUTF8Bytes { bytes -> Bool in
            var lines = 0
            var aligned = 0
            var inLine = false  // past the line's leading spaces
            var spaces = 0
            var lineAligned = false
            for byte in bytes {
                switch byte {
                case 0x09:
                    return false
                case 0x0A:
                    if inLine {
                        lines += 1
                        if lineAligned { aligned += 1 }
                    }
                    inLine = false
                    spaces = 0
                    lineAligned = false
                case 0x20:
                    spaces += 1
                case 0x0C, 0x0D:
                    continue
                default:
                    if inLine, spaces >= 3 { lineAligned = true }
                    inLine = true
                    spaces = 0
                }
            }
            if inLine {
                lines += 1
                if lineAligned { aligned += 1 }
            }
            return lines >= 20 && aligned * 5 >= lines
        }
    }

    /// The pages of the text, its columns measured as the text is aligned (``ColumnMeasure/of(_:)``).
    static func pages(of text: String) -> [LayoutPage] {
        pages(of: text, measure: ColumnMeasure.of(text))
    }

    /// The pages of the text, its columns measured by `measure`.
    static func pages(of text: String, measure: ColumnMeasure) -> [LayoutPage] {
        let wide = measure == .displayWidth
        // Under display width a Chinese character is two columns wide; the em stays one column (a space).
        let fixedEm: Double? = wide ? 1 : nil
        var pages: [LayoutPage] = [LayoutPage(number: 1, width: 0, height: 0, words: [], fixedEm: fixedEm)]
        let lines = Self.lines(of: text)
        // Prose lines that start with a figure printed above the line they follow are read after it.
        let order = LiftedFigureLines.order(lines)
        var lineNumber = 0
        for var line in lines {
            lineNumber += 1
            while line.first == "\u{0C}" {
                line = line.dropFirst()
                pages.append(LayoutPage(number: pages.count + 1, width: 0, height: 0, words: [], fixedEm: fixedEm))
            }
            let y = Double(order[lineNumber - 1] + 1) * lineHeight
            // Words are sliced from the line, not built a character at a time; `column` counts characters (the
            // origin), `x` columns under the measure.
            var column = 0
            var x = 0
            var wordStart: (column: Int, x: Int, index: Substring.Index)?
            func flush(_ end: Substring.Index) {
                guard let start = wordStart else { return }
                pages[pages.count - 1].words.append(
                    PageWord(
                        text: String(line[start.index..<end]), x0: Double(start.x), x1: Double(x), baseline: y,
                        origin: .text(line: lineNumber, column: start.column + 1)))
                wordStart = nil
            }
            // Each character one scalar: the same columns, without grapheme breaking, on the line's contiguous UTF-8
            // bytes (a scalar starts at each byte that is not a continuation byte 10xxxxxx; it is ≥ U+0080 when that
            // byte is; U+3000 is E3 80 80). Otherwise by `Character`. Whether every scalar is a character of its own
            // (``SingleScalarCharacters/holds(utf8:)``) is tested scalar by scalar in the same walk: at a scalar that is
            // not, the walk gives up (`nil`) and the line is walked by `Character` (the same words as testing the whole
            // line first). The walk keeps its words and counters in locals of its own (not variables the closure
            // captures, nor the page's words): they are added to the page only when the walk is through.
            let walked = line.withUTF8Bytes { bytes -> (words: [PageWord], column: Int, x: Int)? in
                var words: [PageWord] = []
                var column = 0
                var x = 0
                var start: (column: Int, x: Int, offset: Int)?
                let count = bytes.count
                var index = 0
                while index < count {
                    let byte = bytes[index]
                    if byte & 0xC0 == 0x80 {
                        index += 1
                        continue
                    }
                    // ``SingleScalarCharacters/holds(utf8:)`` for this scalar, decoded as it decodes it.
                    let value: UInt32
                    if byte < 0x80 {
                        value = UInt32(byte)
                    } else if byte >= 0xC0, byte < 0xE0, index + 1 < count {
                        value = UInt32(byte & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                    } else if byte >= 0xE0, byte < 0xF0, index + 2 < count {
                        value =
                            UInt32(byte & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
                            | UInt32(bytes[index + 2] & 0x3F)
                    } else {
                        value = 0xFFFF_FFFF  // a four-byte or cut sequence: in none of the ranges
                    }
                    guard SingleScalarCharacters.isSingleScalar(value) else { return nil }
                    var isSpace = byte == 0x20 || byte == 0x0C
                    if byte == 0xE3, index + 1 < count, bytes[index + 1] == 0x80 {
                        isSpace = index + 2 < count && bytes[index + 2] == 0x80
                    }
                    if isSpace {
                        if let word = start {
                            words.append(
                                PageWord(
                                    text: String(
                                        decoding: UnsafeBufferPointer(rebasing: bytes[word.offset..<index]), as: UTF8.self),
                                    x0: Double(word.x), x1: Double(x), baseline: y,
                                    origin: .text(line: lineNumber, column: word.column + 1)))
                            start = nil
                        }
                    } else if start == nil {
                        start = (column, x, index)
                    }
                    column += 1
                    x += wide && byte >= 0x80 ? 2 : 1
                    index += 1
                }
                if let word = start {
                    words.append(
                        PageWord(
                            text: String(decoding: UnsafeBufferPointer(rebasing: bytes[word.offset..<count]), as: UTF8.self),
                            x0: Double(word.x), x1: Double(x), baseline: y,
                            origin: .text(line: lineNumber, column: word.column + 1)))
                }
                return (words, column, x)
            }
            if let walked {
                pages[pages.count - 1].words += walked.words
                column = walked.column
                x = walked.x
            } else {
                var index = line.startIndex
                while index < line.endIndex {
                    let character = line[index]
                    if character == " " || character == "\u{3000}" || character == "\u{0C}" {
                        flush(index)
                    } else if wordStart == nil {
                        wordStart = (column, x, index)
                    }
                    column += 1
                    x += wide ? ColumnMeasure.displayWidth(of: character) : 1
                    index = line.index(after: index)
                }
                flush(line.endIndex)
            }
            let page = pages.count - 1
            pages[page].width = max(pages[page].width, Double(x))
            pages[page].height = max(pages[page].height, y)
        }
        if pages.last?.words.isEmpty == true, pages.count > 1 { pages.removeLast() }
        return pages
    }

    /// The text's lines, as `split(separator: "\n", omittingEmptySubsequences: false)` gives them: without a
    /// carriage return a line feed is a `Character` of its own, so the split is by byte.
    /// The line feeds are found with `memchr` on the text's contiguous UTF-8 (the generic split of the UTF-8 view
    /// tested byte by byte).
    /// A line's final carriage return is dropped; only a text with a carriage return byte can hold one (it is the
    /// only scalar of the `Character` `"\r"`), so a text without is not tested line by line; the carriage return is
    /// looked for over the contiguous bytes (the generic `contains` of the UTF-8 view indexes it byte by byte).
    private static func lines(of text: String) -> [Substring] {
        guard !text.containsByte(0x0D) else {
            return text.split(separator: "\n", omittingEmptySubsequences: false).map {
                $0.hasSuffix("\r") ? $0.dropLast() : $0
            }
        }
        let utf8 = text.utf8
        let feeds: [Int]? = utf8.withContiguousStorageIfAvailable { buffer -> [Int] in
            var feeds: [Int] = []
            guard let base = buffer.baseAddress else { return feeds }
            var offset = 0
            while offset < buffer.count, let found = memchr(base + offset, 0x0A, buffer.count - offset) {
                let position = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                feeds.append(position)
                offset = position + 1
            }
            return feeds
        }
        guard let feeds else {
            return text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
        }
        var lines: [Substring] = []
        lines.reserveCapacity(feeds.count + 1)
        var start = utf8.startIndex
        for feed in feeds {
            let end = utf8.index(utf8.startIndex, offsetBy: feed)
            lines.append(text[start..<end])
            start = utf8.index(after: end)
        }
        lines.append(text[start..<utf8.endIndex])
        return lines
    }
}
