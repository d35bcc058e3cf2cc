/// Whether a line's `Character`s are its unicode scalars one for one, so that a scanner may walk the cheaper
/// scalar view and count the same columns as a walk by `Character` (grapheme breaking is the costly part of such
/// a walk). Conservative: true only when every scalar is in a block where no scalar ever joins a neighbour into
/// one grapheme cluster (ASCII without CR, Latin-1 and Latin extended, general punctuation, symbols, CJK
/// punctuation, kana, CJK ideographs, full-width forms); a combining mark, a variation selector, a zero-width
/// joiner, Hangul jamo, a regional indicator or any other scalar makes it false, and the caller walks by
/// `Character` as before. Bounded by the line's length.
enum SingleScalarCharacters {
    static func holds(for line: Substring) -> Bool {
        if let result = line.utf8.withContiguousStorageIfAvailable(holds(utf8:)) { return result }
        for scalar in line.unicodeScalars where !isSingleScalar(scalar.value) { return false }
        return true
    }

    /// ``holds(for:)`` on the line's UTF-8 bytes, each scalar decoded in place (the scalar view's iterator does
    /// the same with more checks). A four-byte scalar (U+10000 and above) is in none of the ranges: false. A
    /// sequence cut at the end (not from a `String`) is false too: the caller then walks by `Character`.
    static func holds(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            let value: UInt32
            if lead < 0x80 {
                value = UInt32(lead)
                index += 1
            } else if lead >= 0xC0, lead < 0xE0, index + 1 < count {
                value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                index += 2
            } else if lead >= 0xE0, lead < 0xF0, index + 2 < count {
                value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                index += 3
            } else {
                return false
            }
            guard isSingleScalar(value) else { return false }
        }
        return true
    }

    /// A scalar that is a grapheme cluster of its own next to any other scalar of these ranges (Unicode
    /// UAX #29: none is Extend, ZWJ, SpacingMark, Prepend, CR, Hangul or Regional_Indicator).
    @inline(__always)
    static func isSingleScalar(_ value: UInt32) -> Bool {
        switch value {
        case 0x0A, 0x09, 0x0C, 0x20...0x7E: return true
        case 0xA0...0x2FF: return true  // Latin-1 and Latin extended, IPA, spacing modifier letters
        case 0x2010...0x2027, 0x2030...0x205F, 0x2070...0x20CF: return true  // punctuation, super/subscripts, currency
        case 0x2100...0x2BFF: return true  // letterlike, arrows, mathematical, technical, box drawing, symbols
        case 0x2E80...0x2FDF: return true  // CJK radicals
        case 0x3000...0x3029, 0x3030...0x3098, 0x309B...0x33FF: return true  // CJK punctuation, kana, enclosed
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: return true  // CJK ideographs
        case 0xFF01...0xFF9D, 0xFFE0...0xFFEE: return true  // full-width and half-width forms
        default: return false
        }
    }
}
