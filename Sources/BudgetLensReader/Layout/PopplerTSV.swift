import BudgetLensCore

/// Reads the word boxes that `pdftotext -tsv` prints: one line per page (level 1) and per word (level 5),
/// `level page_num par_num block_num line_num word_num left top width height conf text`.
enum PopplerTSV {
    /// Where a word's glyphs stand, as a fraction of its box height from the top: poppler's boxes span the
    /// font's ascent and descent, and the baseline sits about four fifths down. Fonts with broken metrics
    /// (boxes a few points high, or twice the font size) still land within a point of their neighbours.
    static let baselineFraction = 0.8

    /// The pages, each with its words in poppler's reading order.
    ///
    /// - Throws: ``ReadError`` when the output is not poppler's TSV (which means the extractor misbehaved).
    static func pages(from output: [UInt8], file: String) throws -> [LayoutPage] {
        var pages: [LayoutPage] = []
        var lineNumber = 0
        var start = 0
        let count = output.count
        while start < count {
            var end = start
            while end < count, output[end] != 0x0A { end += 1 }
            lineNumber += 1
            defer { start = end + 1 }
            if lineNumber == 1 { continue }  // the header
            let fields = splitTabs(output, from: start, to: end)
            guard fields.count >= 12 else {
                if end == start { continue }
                throw ReadError(
                    .badPDF, source: SourceLocation(file: file, line: 0, column: 0),
                    chinese: "PDF 文字提取程序输出了意外的第 \(lineNumber) 行（\(fields.count) 个字段）",
                    english: "the PDF text extractor printed an unexpected line \(lineNumber) (\(fields.count) fields)")
            }
            let level = integer(output, fields[0])
            let page = integer(output, fields[1])
            guard let left = number(output, fields[6]), let top = number(output, fields[7]),
                let width = number(output, fields[8]), let height = number(output, fields[9])
            else { continue }
            switch level {
            case 1:
                pages.append(LayoutPage(number: page, width: width, height: height, words: []))
            case 5:
                let textRange = fields[11]
                let text = String(decoding: output[textRange], as: UTF8.self)
                guard !text.isEmpty, !pages.isEmpty else { continue }
                let region = PageRegion(x0: left, y0: top, x1: left + width, y1: top + height)
                pages[pages.count - 1].words.append(
                    PageWord(
                        text: text, x0: left, x1: left + width, baseline: top + baselineFraction * height,
                        origin: .box(region)))
            default:
                continue
            }
        }
        return pages
    }

    private static func splitTabs(_ bytes: [UInt8], from start: Int, to end: Int) -> [Range<Int>] {
        var fields: [Range<Int>] = []
        fields.reserveCapacity(12)
        var fieldStart = start
        var index = start
        while index < end {
            if bytes[index] == 0x09, fields.count < 11 {
                fields.append(fieldStart..<index)
                fieldStart = index + 1
            }
            index += 1
        }
        var last = end
        if last > fieldStart, bytes[last - 1] == 0x0D { last -= 1 }
        fields.append(fieldStart..<last)
        return fields
    }

    private static func integer(_ bytes: [UInt8], _ range: Range<Int>) -> Int {
        var value = 0
        for index in range {
            let digit = Int(bytes[index]) - 48
            guard digit >= 0, digit <= 9 else { return -1 }
            value = value * 10 + digit
        }
        return value
    }

    /// A decimal such as `-12.345678`, without Foundation.
    private static func number(_ bytes: [UInt8], _ range: Range<Int>) -> Double? {
        var index = range.lowerBound
        var negative = false
        if index < range.upperBound, bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var whole = 0.0
        var digits = 0
        while index < range.upperBound, let digit = digit(bytes[index]) {
            whole = whole * 10 + Double(digit)
            digits += 1
            index += 1
        }
        if index < range.upperBound, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            while index < range.upperBound, let digit = digit(bytes[index]) {
                whole += Double(digit) * scale
                scale /= 10
                digits += 1
                index += 1
            }
        }
        guard digits > 0, index == range.upperBound else { return nil }
        return negative ? -whole : whole
    }

    private static func digit(_ byte: UInt8) -> Int? {
        byte >= 48 && byte <= 57 ? Int(byte - 48) : nil
    }
}
