import Foundation

/// Where text bytes end inside a character — a file cut short — for the encodings other than UTF-8 (UTF-8 is
/// ``TextDecoding/cutCharacterOffset(_:)``): GB18030 and UTF-16. Found by each encoding's byte structure, never by
/// a code table; the conversion itself stays Foundation's. Every loop is bounded by the bytes' count.
enum CutCharacter {
    /// The byte offset where an incomplete last GB18030 character starts, when the bytes are GB18030 text (not
    /// UTF-8: its non-ASCII bytes before the cut do not validate as UTF-8) whose every other character is whole
    /// and decodes; else `nil`.
    ///
    /// GB18030 characters are one byte 00–7F, two bytes (lead 81–FE, trail 40–7E or 80–FE), or four bytes (lead
    /// 81–FE, 30–39, 81–FE, 30–39). 0x0A never occurs inside a character, so the last line is walked from its
    /// start: a lead at the end, or a lead and a digit (and a second lead) without the rest, is a cut character.
    /// A bad byte elsewhere is not a cut: the bytes before the offset must decode (else `nil`, and the decoder
    /// names the bad byte at its place).
    static func gb18030Offset(_ bytes: [UInt8]) -> Int? {
        guard let last = bytes.last, last >= 0x30 else { return nil }
        let lineStart = bytes.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        var index = lineStart
        var cut: Int?
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            guard (0x81...0xFE).contains(lead) else { return nil }
            guard index + 1 < bytes.count else {
                cut = index
                break
            }
            let second = bytes[index + 1]
            if (0x40...0xFE).contains(second), second != 0x7F {
                index += 2
                continue
            }
            guard (0x30...0x39).contains(second) else { return nil }
            if index + 2 == bytes.count {
                cut = index
                break
            }
            guard (0x81...0xFE).contains(bytes[index + 2]) else { return nil }
            if index + 3 == bytes.count {
                cut = index
                break
            }
            guard (0x30...0x39).contains(bytes[index + 3]) else { return nil }
            index += 4
        }
        guard let cut else { return nil }
        let body = bytes[..<cut]
        // GB18030 text, not UTF-8 (nor ASCII alone, which tells nothing) and whole before the cut.
        guard body.contains(where: { $0 >= 0x80 }), String(validating: body, as: UTF8.self) == nil,
            String(bytes: body, encoding: TextDecoding.gb18030) != nil
        else { return nil }
        return cut
    }

    /// The byte offset where an incomplete last UTF-16 character starts — a lone final byte (odd length), or a
    /// high surrogate without its low one (with or without the lone byte) — when the bytes are UTF-16: with a
    /// byte-order mark, or recognised without one (`littleEndian` given by the caller's detection); else `nil`.
    static func utf16Offset(_ bytes: [UInt8], littleEndian: Bool, bodyStart: Int) -> Int? {
        guard bytes.count > bodyStart else { return nil }
        var end = bytes.count
        if (end - bodyStart) % 2 == 1 { end -= 1 }
        if end - 2 >= bodyStart {
            let unit = littleEndian ? UInt16(bytes[end - 1]) << 8 | UInt16(bytes[end - 2]) : UInt16(bytes[end - 2]) << 8 | UInt16(bytes[end - 1])
            if (0xD800...0xDBFF).contains(unit) { end -= 2 }
        }
        return end < bytes.count ? end : nil
    }
}
