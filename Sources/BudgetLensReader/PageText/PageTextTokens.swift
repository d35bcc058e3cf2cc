import BudgetLensCore

/// A word of page text (pdfplumber `extract_text()` or raw `pdftotext`): what it is and where it stands.
struct PageTextToken {
    /// What a word is.
    enum Kind: Equatable {
        /// An amount with a decimal point (`2,112.86`, `-3.50`), in 分 of the printed unit.
        case amount(Int64)
        /// Digits alone: a classification code or a part of one (`201`, `06`, `2010601`).
        case digits
        /// Anything else: a label, a header word.
        case text
    }

    let text: Substring
    let kind: Kind
    /// 0-based line index in the input text.
    let line: Int
    /// 1-based unicode-scalar column of the word's first character on its line.
    let column: Int

    var amount: Int64? {
        if case .amount(let value) = kind { return value }
        return nil
    }

    /// The tokens of one line: split at spaces and tabs, then where extraction glued two cells together
    /// (`2.712101101` → `2.71` `2101101`; `60.99行政单位医疗` → `60.99` `行政单位医疗`; `十五、商业服务业等支出十六、金融支出`
    /// → two labels). Bounded by the line's length.
    static func tokens(of line: Substring, index: Int) -> [PageTextToken] {
        var tokens: [PageTextToken] = []
        var column = 1
        var start: Substring.Index? = nil
        var startColumn = 1
        var position = line.startIndex
        let singleScalar = SingleScalarCharacters.holds(for: line)
        func flush(_ end: Substring.Index) {
            if let begin = start {
                split(line[begin..<end], column: startColumn, line: index, singleScalar: singleScalar, into: &tokens)
            }
            start = nil
        }
        if singleScalar {
            // Each character one scalar: the same words and columns, without grapheme breaking.
            let scalars = line.unicodeScalars
            while position < scalars.endIndex {
                let value = scalars[position].value
                if value == 0x20 || value == 0x09 || value == 0x3000 || value == 0x0C {
                    flush(position)
                } else if start == nil {
                    start = position
                    startColumn = column
                }
                column += 1
                position = scalars.index(after: position)
            }
        } else {
            while position < line.endIndex {
                let character = line[position]
                if character == " " || character == "\t" || character == "\u{3000}" || character == "\u{0C}" {
                    flush(position)
                } else if start == nil {
                    start = position
                    startColumn = column
                }
                column += character.unicodeScalars.count
                position = line.index(after: position)
            }
        }
        flush(line.endIndex)
        return tokens
    }

    /// Splits a word glued from several cells; `singleScalar`: every character of the word is one scalar
    /// (``SingleScalarCharacters``), so the pieces are found on the scalars.
    private static func split(
        _ word: Substring, column: Int, line: Int, singleScalar: Bool, into tokens: inout [PageTextToken]
    ) {
        var rest = word
        var restColumn = column
        // At most one piece per character: the loop always consumes at least one character.
        while !rest.isEmpty {
            let piece = singleScalar ? leadingPieceByScalars(rest) : leadingPiece(rest)
            tokens.append(PageTextToken(text: piece, kind: kind(of: piece), line: line, column: restColumn))
            restColumn += piece.unicodeScalars.count
            rest = rest[piece.endIndex...]
        }
    }

    /// The first cell of a glued word: an amount with two decimals followed by more characters, digits followed
    /// by Chinese text, Chinese text followed by digits or by a new ordinal label (`十六、`).
    private static func leadingPiece(_ word: Substring) -> Substring {
        let first = word[word.startIndex]
        if first.isASCII && (first.isNumber || first == "-") {
            var index = word.index(after: word.startIndex)
            var sawPoint = false
            while index < word.endIndex {
                let character = word[index]
                if character == "." && !sawPoint {
                    sawPoint = true
                    // Two decimals end an amount: `2.712101101` is `2.71` and `2101101`.
                    let decimals = word[word.index(after: index)...].prefix(2)
                    if decimals.count == 2, decimals.allSatisfy({ $0.isASCII && $0.isNumber }) {
                        return word[..<word.index(index, offsetBy: 3)]
                    }
                } else if !(character.isASCII && (character.isNumber || character == ",")) {
                    return word[..<index]
                }
                index = word.index(after: index)
            }
            return word
        }
        // Text: up to digits that start an amount or a code, or a new ordinal label.
        var index = word.index(after: word.startIndex)
        while index < word.endIndex {
            let character = word[index]
            if character.isASCII && character.isNumber, !word[..<index].hasSuffix("公开") {
                // `30212 因公出国（境）费用`: digits inside a label are rare; `2024年` stays whole.
                let digits = word[index...].prefix { $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }
                if digits.contains(".") || digits.count >= 3, digits.endIndex == word.endIndex
                    || !(word[digits.endIndex] == "年" || word[digits.endIndex] == "月")
                {
                    return word[..<index]
                }
            }
            if isOrdinalStart(word, at: index) { return word[..<index] }
            index = word.index(after: index)
        }
        return word
    }

    /// ``leadingPiece(_:)`` of a word whose characters are each one scalar: the same steps on the scalars. A
    /// character compared with `年` is also the compatibility ideograph U+F98E (canonically `年`, as `==` on
    /// `Character` says); 公 开 月 第 出 入 款 、 have no other canonically equal scalar (checked with Python's
    /// `unicodedata`, Unicode 14), and the numerals are ``isNumeralScalar(_:)``.
    private static func leadingPieceByScalars(_ word: Substring) -> Substring {
        let scalars = word.unicodeScalars
        func isDigit(_ value: UInt32) -> Bool { value >= 0x30 && value <= 0x39 }
        let first = scalars[scalars.startIndex].value
        if isDigit(first) || first == 0x2D {
            var index = scalars.index(after: scalars.startIndex)
            var sawPoint = false
            while index < scalars.endIndex {
                let value = scalars[index].value
                if value == 0x2E && !sawPoint {
                    sawPoint = true
                    // Two decimals end an amount: `2.712101101` is `2.71` and `2101101`.
                    let tenths = scalars.index(after: index)
                    if tenths < scalars.endIndex, isDigit(scalars[tenths].value) {
                        let hundredths = scalars.index(after: tenths)
                        if hundredths < scalars.endIndex, isDigit(scalars[hundredths].value) {
                            return word[..<scalars.index(after: hundredths)]
                        }
                    }
                } else if !(isDigit(value) || value == 0x2C) {
                    return word[..<index]
                }
                index = scalars.index(after: index)
            }
            return word
        }
        // Text: up to digits that start an amount or a code, or a new ordinal label.
        var previous = scalars.startIndex
        var index = scalars.index(after: previous)
        while index < scalars.endIndex {
            let value = scalars[index].value
            // `公开` just before: the previous two scalars (the first scalar is never a digit here).
            if isDigit(value),
                !(scalars[previous].value == 0x5F00 && previous > scalars.startIndex
                    && scalars[scalars.index(before: previous)].value == 0x516C)
            {
                // `30212 因公出国（境）费用`: digits inside a label are rare; `2024年` stays whole.
                var end = index
                var count = 0
                var hasPoint = false
                while end < scalars.endIndex {
                    let next = scalars[end].value
                    guard isDigit(next) || next == 0x2E || next == 0x2C else { break }
                    if next == 0x2E { hasPoint = true }
                    count += 1
                    end = scalars.index(after: end)
                }
                if hasPoint || count >= 3 {
                    if end == scalars.endIndex { return word[..<index] }
                    let after = scalars[end].value
                    if !(after == 0x5E74 || after == 0xF98E || after == 0x6708) { return word[..<index] }
                }
            }
            if isOrdinalStartByScalars(scalars, at: index, previous: previous) { return word[..<index] }
            previous = index
            index = scalars.index(after: index)
        }
        return word
    }

    /// ``isNumeral(_:)`` of a character that is one scalar.
    private static func isNumeralScalar(_ value: UInt32) -> Bool {
        switch value {
        case 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0xF9D1, 0x4E03, 0x516B, 0x4E5D, 0x5341: return true
        default: return false
        }
    }

    /// ``isOrdinalStart(_:at:)`` on scalars (`previous` is the scalar before `index`): 第 U+7B2C, 出 U+51FA,
    /// 入 U+5165, 款 U+6B3E, 、 U+3001.
    private static func isOrdinalStartByScalars(
        _ scalars: Substring.UnicodeScalarView, at index: Substring.Index, previous: Substring.Index
    ) -> Bool {
        guard isNumeralScalar(scalars[index].value) else { return false }
        let before = scalars[previous].value
        guard !isNumeralScalar(before), before != 0x7B2C, before == 0x51FA || before == 0x5165 || before == 0x6B3E
        else { return false }
        var cursor = index
        var count = 0
        while cursor < scalars.endIndex, isNumeralScalar(scalars[cursor].value), count < 4 {
            cursor = scalars.index(after: cursor)
            count += 1
        }
        return cursor < scalars.endIndex && scalars[cursor].value == 0x3001
    }

    /// Whether `character` is one of `一`…`十`, as a `Set<Character>` of them would say, without hashing: a numeral
    /// is one scalar, one of these or U+F9D1 (the compatibility ideograph canonically equal to `六`).
    private static func isNumeral(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else {
            return false
        }
        switch first.value {
        case 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0xF9D1, 0x4E03, 0x516B, 0x4E5D, 0x5341: return true
        default: return false
        }
    }

    /// Whether a label `十六、…` starts at `index` (not inside `二十六、`), after a label that ended (`支出`).
    private static func isOrdinalStart(_ word: Substring, at index: Substring.Index) -> Bool {
        guard isNumeral(word[index]) else { return false }
        let before = word[word.index(before: index)]
        guard !isNumeral(before), before != "第", before == "出" || before == "入" || before == "款" else {
            return false
        }
        var cursor = index
        var count = 0
        while cursor < word.endIndex, isNumeral(word[cursor]), count < 4 {
            cursor = word.index(after: cursor)
            count += 1
        }
        return cursor < word.endIndex && word[cursor] == "、"
    }

    /// The kind of a single piece.
    static func kind(of piece: Substring) -> Kind {
        // Every character an ASCII digit ⇔ every byte one (a digit with a mark after it is not ASCII).
        if piece.utf8.allSatisfy({ (0x30...0x39).contains($0) }) { return .digits }
        // A `.` byte where no `.` character is (a mark after it) gives no amount either: `cents` finds no point.
        if piece.utf8.contains(0x2E), let value = cents(piece) { return .amount(value) }
        return .text
    }

    /// `-1,234.56` → -123456; `nil` when the piece is not an amount with one or two decimals and sane grouping.
    static func cents(_ piece: Substring) -> Int64? {
        // Printable ASCII (most pieces): each byte a character of its own, so the same test runs on the bytes.
        if piece.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return asciiCents(piece.utf8) }
        var text = piece
        var negative = false
        if text.first == "-" {
            negative = true
            text = text.dropFirst()
        }
        guard let point = text.firstIndex(of: "."), point != text.startIndex else { return nil }
        let whole = text[..<point]
        let fraction = text[text.index(after: point)...]
        guard (1...2).contains(fraction.count), fraction.allSatisfy({ $0.isASCII && $0.isNumber }),
            whole.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ",") }), whole.first != ","
        else { return nil }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        if groups.count > 1, groups.dropFirst().contains(where: { $0.count != 3 }) || groups[0].count > 3 {
            return nil
        }
        let digits = whole.filter { $0 != "," }
        guard digits.count <= 15, let units = Int64(digits) else { return nil }
        var fen = units * 100 + Int64(fraction)! * (fraction.count == 1 ? 10 : 1)
        if negative { fen = -fen }
        return fen
    }

    /// ``cents(_:)`` of a piece of printable ASCII, on its bytes (the same steps, byte for character).
    private static func asciiCents(_ piece: Substring.UTF8View) -> Int64? {
        let comma = UInt8(ascii: ","), point = UInt8(ascii: ".")
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        var text = piece
        var negative = false
        if text.first == UInt8(ascii: "-") {
            negative = true
            text = text.dropFirst()
        }
        guard let pointIndex = text.firstIndex(of: point), pointIndex != text.startIndex else { return nil }
        let whole = text[..<pointIndex]
        let fraction = text[text.index(after: pointIndex)...]
        guard (1...2).contains(fraction.count), fraction.allSatisfy(isDigit),
            whole.allSatisfy({ isDigit($0) || $0 == comma }), whole.first != comma
        else { return nil }
        let groups = whole.split(separator: comma, omittingEmptySubsequences: false)
        if groups.count > 1, groups.dropFirst().contains(where: { $0.count != 3 }) || groups[0].count > 3 {
            return nil
        }
        // At most 15 digits (checked before adding up: no overflow).
        guard whole.reduce(0, { $1 == comma ? $0 : $0 + 1 }) <= 15 else { return nil }
        let units = whole.reduce(Int64(0)) { $1 == comma ? $0 : $0 * 10 + Int64($1 - 0x30) }
        let hundredths = fraction.reduce(Int64(0)) { $0 * 10 + Int64($1 - 0x30) }
        var fen = units * 100 + hundredths * (fraction.count == 1 ? 10 : 1)
        if negative { fen = -fen }
        return fen
    }
}
