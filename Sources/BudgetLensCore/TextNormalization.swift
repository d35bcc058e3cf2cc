/// Whitespace and punctuation normalisation for labels extracted from PDFs, where line wraps and
/// justification insert spaces inside Chinese words (`合 计`, `用于城乡医疗救助的彩票 公益金支出`).
public enum TextNormalization {
    /// A CJK ideograph (U+3400–U+9FFF, U+F900–U+FAFF).
    public static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: return true
        default: return false
        }
    }

    /// The label with whitespace removed next to Chinese characters and full-width punctuation, other
    /// whitespace runs collapsed to one space, and the ends trimmed: `合 计` → `合计`,
    /// `因公出国 (境)费` → `因公出国(境)费`, `DRG  DIP` → `DRG DIP`.
    public static func label(_ text: some StringProtocol) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        var previousWide: Bool?
        forEachScalar(in: text) { value, bytes in
            if isSpace(value) {
                if previousWide != nil { pendingSpace = true }
                return
            }
            let wide = isWide(value)
            if pendingSpace, let previousWide, !previousWide, !wide { output.append(0x20) }
            pendingSpace = false
            output.append(contentsOf: bytes)
            previousWide = wide
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// A key for tolerant comparison: no whitespace at all, full-width ASCII folded to half width,
    /// quotation marks removed, `（）：，` folded to `():,`.
    public static func key(_ text: some StringProtocol) -> String {
        if let plain = plainASCII(text) { return plain }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        forEachScalar(in: text) { value, bytes in
            switch value {
            case _ where isDroppedFromKey(value):
                break
            case 0xFF01...0xFF5E:  // full-width ASCII
                output.append(UInt8(value - 0xFEE0))
            default:
                output.append(contentsOf: bytes)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether ``key(_:)`` drops the scalar `value`: whitespace and quotation marks (`“ ” ‘ ’ " ' 「 」`).
    @inline(__always)
    public static func isDroppedFromKey(_ value: UInt32) -> Bool {
        switch value {
        case _ where isSpace(value): true
        case 0x201C, 0x201D, 0x2018, 0x2019, 0x22, 0x27, 0x300C, 0x300D: true
        default: false
        }
    }

    /// The text itself when it is printable ASCII without spaces or quotes (numbers, codes): nothing to fold.
    @inline(__always)
    private static func plainASCII(_ text: some StringProtocol) -> String? {
        let isPlain =
            text.utf8.withContiguousStorageIfAvailable { bytes in
                bytes.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x27 }
            } ?? false
        return isPlain ? String(text) : nil
    }

    /// Calls `body` with each scalar's value and its UTF-8 bytes, decoding the bytes directly.
    @inline(__always)
    private static func forEachScalar(
        in text: some StringProtocol, _ body: (UInt32, UnsafeBufferPointer<UInt8>) -> Void
    ) {
        let run: (UnsafeBufferPointer<UInt8>) -> Void = { bytes in
            var index = 0
            let count = bytes.count
            while index < count {
                let lead = bytes[index]
                var length = 1
                var value = UInt32(lead)
                if lead >= 0xF0, index + 3 < count {
                    length = 4
                    value = (UInt32(lead & 0x07) << 18) | (UInt32(bytes[index + 1] & 0x3F) << 12)
                        | (UInt32(bytes[index + 2] & 0x3F) << 6) | UInt32(bytes[index + 3] & 0x3F)
                } else if lead >= 0xE0, index + 2 < count {
                    length = 3
                    value = (UInt32(lead & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6)
                        | UInt32(bytes[index + 2] & 0x3F)
                } else if lead >= 0xC0, index + 1 < count {
                    length = 2
                    value = (UInt32(lead & 0x1F) << 6) | UInt32(bytes[index + 1] & 0x3F)
                }
                body(value, UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]))
                index += length
            }
        }
        if text.utf8.withContiguousStorageIfAvailable(run) == nil {
            Array(text.utf8).withUnsafeBufferPointer(run)
        }
    }

    /// True for whitespace, including the ideographic space and no-break space.
    public static func isSpace(_ scalar: Unicode.Scalar) -> Bool { isSpace(scalar.value) }

    /// True for the whitespace scalar `value`.
    @inline(__always)
    static func isSpace(_ value: UInt32) -> Bool {
        switch value {
        // Also the invisible format characters pasted text carries (soft hyphen, zero-width joiners, direction
        // marks, the narrow no-break space used as a thousands separator, the word joiner).
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0xAD, 0x3000, 0x2000...0x200F, 0x202A...0x202F, 0x205F...0x2064,
            0xFEFF:
            true
        default: false
        }
    }

    /// True for Chinese characters and full-width punctuation, next to which spaces are artefacts.
    public static func isWide(_ scalar: Unicode.Scalar) -> Bool { isWide(scalar.value) }

    /// True for the wide scalar `value`.
    @inline(__always)
    static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x2E80...0x9FFF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x3000...0x303F, 0x2010...0x206F,
            0x20000...0x2FFFF:
            true
        case 0x28, 0x29:  // ( ) hug their neighbours in labels such as 因公出国(境)费
            true
        default:
            false
        }
    }

    /// The Chinese numeral of 1…99: 1 → `一`, 10 → `十`, 13 → `十三`, 20 → `二十`; other values as digits.
    public static func chineseNumeralString(_ value: Int) -> String {
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        guard (1...99).contains(value) else { return String(value) }
        if value < 10 { return digits[value] }
        return (value >= 20 ? digits[value / 10] : "") + "十" + digits[value % 10]
    }

    /// The Chinese digits 一…九 and their values, built once.
    private static let chineseDigitValues: [Character: Int] = [
        "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// The value of a Chinese numeral from 一 to 九十九 (`一` 1, `十` 10, `十三` 13, `二十六` 26), or `nil`.
    public static func chineseNumeral(_ text: some StringProtocol) -> Int? {
        let digits = chineseDigitValues
        let characters = Array(text)
        switch characters.count {
        case 1:
            if characters[0] == "十" { return 10 }
            return digits[characters[0]]
        case 2:
            if characters[0] == "十" { return digits[characters[1]].map { 10 + $0 } }
            if characters[1] == "十", let tens = digits[characters[0]] { return tens * 10 }
            return nil
        case 3:
            guard characters[1] == "十", let tens = digits[characters[0]], let ones = digits[characters[2]] else {
                return nil
            }
            return tens * 10 + ones
        default:
            return nil
        }
    }

    /// Splits a leading ordinal such as `一、`, `（一）`, `(一)`, `1、`, `1.`, `- 1、` off a heading.
    ///
    /// - Returns: The ordinal's value and style, and the rest of the text; `nil` when there is no ordinal.
    public static func leadingOrdinal(_ text: String) -> (value: Int, style: OrdinalStyle, rest: Substring)? {
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        func peek(_ offset: Int = 0) -> Unicode.Scalar? {
            var position = index
            for _ in 0..<offset {
                guard position < scalars.endIndex else { return nil }
                position = scalars.index(after: position)
            }
            return position < scalars.endIndex ? scalars[position] : nil
        }
        if peek() == "-", peek(1) == " " { index = scalars.index(index, offsetBy: 2) }
        while let scalar = peek(), isSpace(scalar) { index = scalars.index(after: index) }
        guard let first = peek() else { return nil }
        func rest(from position: String.UnicodeScalarView.Index) -> Substring { text[position...] }
        if first == "（" || first == "(" {
            var position = scalars.index(after: index)
            var numeral = ""
            while position < scalars.endIndex, scalars[position] != "）", scalars[position] != ")" {
                if !isSpace(scalars[position]) { numeral.unicodeScalars.append(scalars[position]) }
                position = scalars.index(after: position)
                if numeral.unicodeScalars.count > 4 { return nil }
            }
            guard position < scalars.endIndex else { return nil }
            let after = scalars.index(after: position)
            if let value = chineseNumeral(numeral) { return (value, .parenthesizedChinese, rest(from: after)) }
            if let value = Int(numeral) { return (value, .parenthesizedArabic, rest(from: after)) }
            return nil
        }
        let chineseDigits = "一二三四五六七八九十".unicodeScalars
        if chineseDigits.contains(first) {
            var position = index
            var numeral = ""
            while position < scalars.endIndex, chineseDigits.contains(scalars[position]), numeral.unicodeScalars.count < 4 {
                numeral.unicodeScalars.append(scalars[position])
                position = scalars.index(after: position)
            }
            guard position < scalars.endIndex, scalars[position] == "、", let value = chineseNumeral(numeral) else {
                return nil
            }
            return (value, .chinese, rest(from: scalars.index(after: position)))
        }
        if first.isASCII, first.properties.numericType != nil {
            var position = index
            var digits = ""
            while position < scalars.endIndex, scalars[position].isASCII, ("0"..."9").contains(scalars[position]) {
                digits.unicodeScalars.append(scalars[position])
                position = scalars.index(after: position)
            }
            guard digits.count <= 2, let value = Int(digits), position < scalars.endIndex else { return nil }
            let mark = scalars[position]
            guard mark == "、" || mark == "." || mark == "．" else { return nil }
            let after = scalars.index(after: position)
            // `1.5万元` is a number, not an ordinal.
            if mark != "、", after < scalars.endIndex, scalars[after].isASCII, ("0"..."9").contains(scalars[after]) {
                return nil
            }
            return (value, .arabic, rest(from: after))
        }
        return nil
    }
}

/// The style of a heading ordinal.
public enum OrdinalStyle: String, Hashable, Sendable, Codable {
    /// `一、`
    case chinese
    /// `（一）`
    case parenthesizedChinese
    /// `1、`, `1.`
    case arabic
    /// `(1)`
    case parenthesizedArabic
}

extension StringProtocol {
    /// The text without leading and trailing whitespace (including ideographic spaces).
    public func trimmedSpaces() -> String {
        let text = Substring(self)
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !TextNormalization.isSpace($0) }),
            let end = scalars.lastIndex(where: { !TextNormalization.isSpace($0) })
        else { return "" }
        return String(Substring(scalars[start...end]))
    }
}
