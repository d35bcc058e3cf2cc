/// How the columns of a `pdftotext -layout` text are counted.
///
/// pdftotext pads its lines with spaces to the columns of the page *in the output encoding's units*: with the
/// default UTF-8 output every character is one column, but with `-enc GBK` (and other double-byte encodings)
/// every non-ASCII character takes two, the width of its two GBK bytes. The decoded text looks the same
/// either way, so the encoding does not tell (an iconv copy of a UTF-8 text into GB18030 is still aligned by
/// characters): the text's alignment does. ``of(_:)`` measures the amounts' right edges both ways and keeps
/// the measure under which more of them line up with another amount on the same page.
enum ColumnMeasure: Equatable, Sendable {
    /// One column a character (pdftotext's UTF-8 output; any copy of it in another encoding).
    case characters
    /// One column an ASCII character, two any other (pdftotext's `-enc GBK` output: one column a byte).
    case displayWidth

    /// The measure under which the text's amounts are aligned.
    ///
    /// Only amounts (words of digits, `,`, `.`, `-`, `(`, `)`, `%` holding a digit) with a non-ASCII character
    /// before them on their line are counted, as only their columns differ between the two measures. An amount
    /// is aligned when another counted amount on its page ends at the same column. ``displayWidth`` is chosen
    /// only when it aligns strictly more amounts than ``characters``; a tie (no such amount, or a text that
    /// aligns under neither) keeps ``characters``, and the reader's usual checks apply. One pass over the
    /// scalars; the counts are bounded by the text's length.
    ///
    /// A text without form feeds (``PageBreaksMissing``) is measured with a page every `linesPerPage` lines: one
    /// page of a whole document lets amounts of different pages meet at a column by chance.
    static func of(_ text: String, linesPerPage: Int? = nil) -> ColumnMeasure {
        // The walk's state lives in a local value inside the closure (``Walk``), not in variables the closure
        // captures: the same steps, without a load and store through the captured variables at every scalar.
        let walk = text.withUTF8Bytes { bytes -> Walk in
            var walk = Walk(linesPerPage: linesPerPage)
            walk.run(bytes)
            return walk
        }
        func aligned(_ ends: [Int: Int]) -> Int { ends.values.reduce(0) { $0 + ($1 > 1 ? $1 : 0) } }
        return aligned(walk.byWidth) > aligned(walk.byCharacters) ? .displayWidth : .characters
    }

    /// One pass of ``of(_:linesPerPage:)`` over a text's UTF-8: the counted amounts' right edges under each measure.
    private struct Walk {
        let linesPerPage: Int?
        var byCharacters: [Int: Int] = [:]
        var byWidth: [Int: Int] = [:]
        var page = 0
        var lines = 0
        var column = 0
        var width = 0
        var wideBefore = false
        // The current word: whether it is an amount so far, holds a digit, and whether a wide character preceded it.
        var inWord = false
        var numeric = true
        var digit = false
        var counted = false

        init(linesPerPage: Int?) { self.linesPerPage = linesPerPage }

        mutating func endWord() {
            if inWord, numeric, digit, counted {
                byCharacters[page << 32 | column, default: 0] += 1
                byWidth[page << 32 | width, default: 0] += 1
            }
            inWord = false
        }

        /// Walked on the UTF-8 bytes, one scalar a step: what counts of a scalar is whether it is ASCII (its value),
        /// U+3000 (E3 80 80) or another non-ASCII scalar (any value ≥ 0x80 but U+3000 acts alike: 0x80 stands for it).
        /// Ends the last word.
        mutating func run(_ bytes: UnsafeBufferPointer<UInt8>) {
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                let value: UInt32
                if lead < 0x80 {
                    value = UInt32(lead)
                    index += 1
                } else {
                    let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                    let isIdeographicSpace =
                        lead == 0xE3 && index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80
                    value = isIdeographicSpace ? 0x3000 : 0x80
                    index += length
                }
                switch value {
                case 0x0A, 0x0D:
                    endWord()
                    if value == 0x0A, let linesPerPage {
                        lines += 1
                        if lines % linesPerPage == 0 { page += 1 }
                    }
                    column = 0
                    width = 0
                    wideBefore = false
                    continue
                case 0x0C:
                    endWord()
                    page += 1
                    continue
                case 0x20, 0x3000:
                    endWord()
                default:
                    if !inWord {
                        inWord = true
                        numeric = true
                        digit = false
                        counted = wideBefore
                    }
                    if (0x30...0x39).contains(value) {
                        digit = true
                    } else if !(value == 0x2C || value == 0x2E || value == 0x2D || value == 0x28 || value == 0x29
                        || value == 0x25)
                    {
                        numeric = false
                    }
                }
                column += 1
                width += value >= 0x80 ? 2 : 1
                if value >= 0x80 { wideBefore = true }
            }
            endWord()
        }
    }

    /// A character's columns under ``displayWidth``: one per ASCII scalar, two per other scalar.
    static func displayWidth(of character: Character) -> Int {
        character.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x80 ? 2 : 1) }
    }
}
