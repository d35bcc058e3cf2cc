import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The character encodings BudgetLens reads text in (documents, rule files, scheme files).
public enum TextEncoding: String, Hashable, Sendable, Codable, CaseIterable {
    /// UTF-8 without a byte-order mark.
    case utf8 = "UTF-8"
    /// UTF-8 with a byte-order mark (EF BB BF), as Windows Notepad saves it.
    case utf8WithBOM = "UTF-8 BOM"
    /// UTF-16 little-endian with its byte-order mark (FF FE): Windows "Unicode".
    case utf16LittleEndian = "UTF-16LE"
    /// UTF-16 big-endian with its byte-order mark (FE FF).
    case utf16BigEndian = "UTF-16BE"
    /// UTF-16 little-endian without a byte-order mark, recognised by its NUL bytes at odd offsets (ASCII, line
    /// feeds) and none at even ones.
    case utf16LittleEndianWithoutBOM = "UTF-16LE (no BOM)"
    /// UTF-16 big-endian without a byte-order mark, recognised by its NUL bytes at even offsets.
    case utf16BigEndianWithoutBOM = "UTF-16BE (no BOM)"
    /// GB18030, which contains GBK and GB2312: what Chinese Windows tools save by default ("ANSI").
    case gb18030 = "GB18030"
    /// Big5 (traditional characters: Taiwan and Hong Kong "ANSI"), read through iconv with its traditional
    /// characters made simplified where glibc's converter maps them (``Big5Text``).
    case big5 = "Big5"
    /// UTF-32 little-endian with its byte-order mark (FF FE 00 00), as some converters write "UTF-32".
    case utf32LittleEndian = "UTF-32LE"
    /// UTF-32 big-endian with its byte-order mark (00 00 FE FF).
    case utf32BigEndian = "UTF-32BE"
    /// UTF-32 little-endian without a byte-order mark (iconv's `-t UTF-32LE`), recognised by every 4-byte code
    /// unit of the first 4 KiB being a character (U+0001…U+10FFFF, no surrogate).
    case utf32LittleEndianWithoutBOM = "UTF-32LE (no BOM)"
    /// UTF-32 big-endian without a byte-order mark, recognised like the little-endian one.
    case utf32BigEndianWithoutBOM = "UTF-32BE (no BOM)"

    /// The character encoding without byte-order or BOM detail: `UTF-8`, `UTF-16`, `UTF-32`, `GB18030`, `Big5`.
    public var characterEncodingName: String {
        switch self {
        case .utf8, .utf8WithBOM: "UTF-8"
        case .utf16LittleEndian, .utf16BigEndian, .utf16LittleEndianWithoutBOM, .utf16BigEndianWithoutBOM: "UTF-16"
        case .gb18030: "GB18030"
        case .big5: "Big5"
        case .utf32LittleEndian, .utf32BigEndian, .utf32LittleEndianWithoutBOM, .utf32BigEndianWithoutBOM: "UTF-32"
        }
    }
}

/// The line terminators a text used before they were made line feeds.
public enum LineEndings: String, Hashable, Sendable, Codable {
    /// `\n` only (or no line break at all).
    case lf = "LF"
    /// `\r\n` (Windows).
    case crlf = "CRLF"
    /// `\r` only (classic Mac OS, some exporters).
    case cr = "CR"
    /// More than one kind.
    case mixed
}

/// Text decoded from bytes: UTF-8 in memory, every line terminator a line feed.
public struct DecodedText: Sendable {
    /// The text, line terminators made `\n`.
    public var text: String
    /// The encoding the bytes were in.
    public var encoding: TextEncoding
    /// The line terminators the bytes used.
    public var lineEndings: LineEndings
    /// When the bytes end inside a character (a cut file: UTF-8, GB18030 or UTF-16, named by ``encoding``) and the
    /// caller asked for the partial character to be dropped: the byte offset where that character starts; `nil`
    /// otherwise.
    public var cutCharacterOffset: Int? = nil
}

/// Why bytes are not text BudgetLens reads.
public struct TextDecodingError: Error, Sendable, CustomStringConvertible {
    /// 1-based line of the first bad byte, 0 when the failure has no place (a binary file).
    public var line: Int
    /// 1-based byte column of the first bad byte, 0 when the failure has no place.
    public var column: Int
    /// What is wrong, for a person.
    public var message: String

    public var description: String { message }
}

/// Decoding happens once, before any format reader: the encoding is recognised from the bytes (a byte-order
/// mark, valid UTF-8, else GB18030), the conversion is Foundation's (`String(data:encoding:)`), and `\r\n`
/// and lone `\r` become `\n`. Files of a known binary kind (ZIP/XLSX/DOCX, PNG, JPEG, gzip, PDF …) are named
/// for what they are.
public enum TextDecoding {
    /// Foundation's encoding for GB18030: `CFStringConvertEncodingToNSStringEncoding(kCFStringEncodingGB_18030_2000)`
    /// (0x0632 with the high bit that marks a CF encoding), which swift-corelibs-foundation converts through ICU.
    public static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    /// Decodes `bytes`.
    ///
    /// - Throws: ``TextDecodingError`` when the bytes are a known binary format, or neither UTF-8 nor GB18030
    ///   (the error names the first byte that is not UTF-8: line, column, byte offset).
    ///   Bytes that are UTF-8 but end inside a character (a file cut short: `E4 B8` of 中's `E4 B8 AD`) are not taken
    ///   for GB18030: with `droppingCutCharacter` the partial character is dropped and its byte offset given in
    ///   ``DecodedText/cutCharacterOffset``; without, the error says the file ends inside a character at that offset.
    ///   The same for GB18030 text ending in an incomplete 2- or 4-byte sequence and UTF-16 ending in a lone byte or
    ///   a high surrogate (``cutCharacter(_:)``); a bad byte anywhere else is still refused at its place.
    public static func decode(_ bytes: [UInt8], droppingCutCharacter: Bool = false) throws -> DecodedText {
        if let kind = binaryKind(of: bytes) {
            throw TextDecodingError(line: 0, column: 0, message: "not a text document: the file is \(kind)")
        }
        var bytes = bytes
        var cutOffset: Int?
        if let cut = cutCharacter(bytes) {
            guard droppingCutCharacter else { throw cutCharacterError(bytes, offset: cut.offset, encoding: cut.encoding) }
            cutOffset = cut.offset
            bytes.removeSubrange(cut.offset...)
        }
        let (text, encoding) = try decodeCharacters(bytes)
        let (normalized, endings) = normalizingLineEndings(text)
        return DecodedText(text: normalized, encoding: encoding, lineEndings: endings, cutCharacterOffset: cutOffset)
    }

    /// The byte offset of a partial UTF-8 character ending the bytes, when everything before it is valid UTF-8
    /// (after an optional byte-order mark) holding at least one whole multi-byte character; else `nil`. GB18030
    /// text is never valid UTF-8 up to its last bytes, so this does not take a GBK file for cut UTF-8.
    static func cutCharacterOffset(_ bytes: [UInt8]) -> Int? {
        guard let lastLead = bytes.suffix(4).lastIndex(where: { $0 >= 0xC0 }) else { return nil }
        let expected = bytes[lastLead] >= 0xF0 ? 4 : bytes[lastLead] >= 0xE0 ? 3 : 2
        let present = bytes.count - lastLead
        guard present < expected, bytes[(lastLead + 1)...].allSatisfy({ $0 & 0xC0 == 0x80 }) else { return nil }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3..<lastLead] : bytes[0..<lastLead]
        guard body.contains(where: { $0 >= 0x80 }), String(validating: body, as: UTF8.self) != nil else { return nil }
        return lastLead
    }

    /// Where the bytes end inside a character, and the encoding's name: UTF-8 (``cutCharacterOffset(_:)``);
    /// UTF-16 with a byte-order mark or recognised without one (a lone last byte, or a high surrogate without its
    /// low one); GB18030 (an incomplete last 2- or 4-byte sequence after whole GB18030 text). `nil` for whole text,
    /// and for a bad byte anywhere else (the decoder then names it at its place).
    static func cutCharacter(_ bytes: [UInt8]) -> (offset: Int, encoding: String)? {
        if let offset = cutCharacterOffset(bytes) { return (offset, "UTF-8") }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return nil }
        // UTF-32 with its byte-order mark: a cut file ends in 1–3 bytes of a 4-byte code unit.
        if utf32ByteOrder(bytes) != nil {
            let whole = 4 + (bytes.count - 4) / 4 * 4
            return whole < bytes.count ? (whole, "UTF-32") : nil
        }
        if utf32WithoutBOM(bytes) != nil {
            let whole = bytes.count / 4 * 4
            return whole < bytes.count ? (whole, "UTF-32") : nil
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return CutCharacter.utf16Offset(bytes, littleEndian: bytes[0] == 0xFF, bodyStart: 2).map { ($0, "UTF-16") }
        }
        if let little = utf16WithoutBOM(bytes) {
            return CutCharacter.utf16Offset(bytes, littleEndian: little, bodyStart: 0).map { ($0, "UTF-16") }
        }
        // Never for UTF-8 text (a valid UTF-8 file, or one the decoder refuses as damaged UTF-8).
        // The count first, stopped at 2: UTF-8 Chinese text has two multi-byte sequences within its first lines,
        // so its whole validation is not run here as well as by the decoder.
        guard validUTF8SequencesBeforeFirstError(bytes, stoppingAt: 2) < 2, String(validating: bytes, as: UTF8.self) == nil
        else { return nil }
        return CutCharacter.gb18030Offset(bytes).map { ($0, "GB18030") }
    }

    /// The error for bytes that end inside a character of `encoding`.
    private static func cutCharacterError(_ bytes: [UInt8], offset: Int, encoding: String) -> TextDecodingError {
        let line = bytes[..<offset].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let lineStart = bytes[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        return TextDecodingError(
            line: line, column: offset - lineStart + 1,
            message: "文件在一个 \(encoding) 字符中途结束（字节偏移 \(offset) 起的 \(bytes.count - offset) 个字节是不完整的字符）："
                + "文件被截断了吗？ — the file ends inside a \(encoding) character (the \(bytes.count - offset) byte(s) from "
                + "byte offset \(offset) are an incomplete character): was the file cut short?")
    }

    private static func decodeCharacters(_ bytes: [UInt8]) throws -> (String, TextEncoding) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(validating: bytes.dropFirst(3), as: UTF8.self) else {
                throw invalidUTF8(bytes, hint: "after a UTF-8 byte-order mark")
            }
            return (text, .utf8WithBOM)
        }
        // Before UTF-16: UTF-32 LE's mark starts with UTF-16 LE's (FF FE), which a UTF-16 text never follows by
        // U+0000.
        if let little = utf32ByteOrder(bytes) {
            guard (bytes.count - 4) % 4 == 0,
                let text = String(data: Data(bytes.dropFirst(4)), encoding: little ? .utf32LittleEndian : .utf32BigEndian)
            else {
                throw TextDecodingError(
                    line: 0, column: 0,
                    message: "文件以 UTF-32 \(little ? "LE" : "BE") 字节顺序标记开头，但不是有效的 UTF-32 — the file starts with a "
                        + "UTF-32 \(little ? "LE" : "BE") byte-order mark but is not valid UTF-32")
            }
            return (text, little ? .utf32LittleEndian : .utf32BigEndian)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            let body = Data(bytes.dropFirst(2))
            guard body.count % 2 == 0,
                let text = String(data: body, encoding: little ? .utf16LittleEndian : .utf16BigEndian)
            else {
                throw TextDecodingError(
                    line: 0, column: 0,
                    message: "the file starts with a UTF-16 \(little ? "LE" : "BE") byte-order mark but is not valid "
                        + "UTF-16 (odd length or unpaired surrogate)")
            }
            return (text, little ? .utf16LittleEndian : .utf16BigEndian)
        }
        // Before UTF-16 without a mark: UTF-32's NULs (two in every code unit) would pass for UTF-16's.
        if let little = utf32WithoutBOM(bytes) {
            guard bytes.count % 4 == 0,
                let text = String(data: Data(bytes), encoding: little ? .utf32LittleEndian : .utf32BigEndian)
            else {
                throw TextDecodingError(
                    line: 0, column: 0,
                    message: "文件看来是无字节顺序标记的 UTF-32 \(little ? "LE" : "BE")，但不是有效的 UTF-32 — the file looks "
                        + "like UTF-32 \(little ? "LE" : "BE") without a byte-order mark but is not valid UTF-32")
            }
            return (text, little ? .utf32LittleEndianWithoutBOM : .utf32BigEndianWithoutBOM)
        }
        if let little = utf16WithoutBOM(bytes) {
            guard bytes.count % 2 == 0,
                let text = String(data: Data(bytes), encoding: little ? .utf16LittleEndian : .utf16BigEndian)
            else {
                throw TextDecodingError(
                    line: 0, column: 0,
                    message: "the file looks like UTF-16 \(little ? "LE" : "BE") without a byte-order mark (NUL bytes "
                        + "at \(little ? "odd" : "even") offsets) but is not valid UTF-16 (odd length or unpaired "
                        + "surrogate)")
            }
            return (text, little ? .utf16LittleEndianWithoutBOM : .utf16BigEndianWithoutBOM)
        }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
        // UTF-8 text with a bad byte further on is a damaged or mixed file, not GB18030: GB18030 Chinese text
        // almost never starts with two valid UTF-8 multi-byte sequences.
        if validUTF8SequencesBeforeFirstError(bytes, stoppingAt: 2) >= 2 {
            throw invalidUTF8(bytes, hint: "after valid UTF-8 text (a file that mixes encodings, or a damaged one?)")
        }
        if let text = String(data: Data(bytes), encoding: gb18030), !text.isEmpty {
            // Big5 decodes as GB18030 too, into nonsense: told by its words (``Big5Text``).
            if Big5Text.isLikely(bytes, gb18030Text: text) { return (try Big5Text.decode(bytes), .big5) }
            return (text, .gb18030)
        }
        // Big5 with a damaged byte: read as Big5 it names its bad byte as Big5's.
        if Big5Text.isLikely(bytes, gb18030Text: nil) { return (try Big5Text.decode(bytes), .big5) }
        if let failure = GB18030Location.firstFailure(in: bytes) {
            let shown = failure.bytes.map { String(format: "0x%02X", $0) }.joined(separator: " ")
            throw TextDecodingError(
                line: failure.line, column: failure.column,
                message: "GB18030/GBK 文本在字节偏移 \(failure.offset)（第 \(failure.line) 行第 \(failure.column) 列）处有无效字节 "
                    + "\(shown)：文件损坏或混用了编码？ — invalid GB18030/GBK byte(s) \(shown) at byte offset "
                    + "\(failure.offset) (line \(failure.line), column \(failure.column)): a damaged file, or one that mixes encodings?")
        }
        throw invalidUTF8(bytes, hint: "and the file is not GB18030/GBK either")
    }

    /// `true` (little-endian, FF FE 00 00) or `false` (big-endian, 00 00 FE FF) when the bytes start with a UTF-32
    /// byte-order mark, else `nil`.
    private static func utf32ByteOrder(_ bytes: [UInt8]) -> Bool? {
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return true }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return false }
        return nil
    }

    /// `true` (little-endian) or `false` (big-endian) when the bytes look like UTF-32 without a byte-order mark,
    /// else `nil`: at least two whole code units, every whole code unit of the first 4 KiB a character
    /// (U+0001…U+10FFFF, not a surrogate), and at least half of them in the Basic Multilingual Plane (U+FFFF and
    /// below, as nearly all Chinese text is). Text in UTF-8 or GB18030 holds no NUL byte, so its units are all above
    /// U+10FFFF. UTF-16 text passes the first test only when every second code unit is U+0001…U+0010 (ASCII
    /// between tabs and line feeds: `1\t2\n` is `31 00 09 00 32 00 0A 00`), and then none of its units is in the
    /// Basic Multilingual Plane (that would need a U+0000).
    private static func utf32WithoutBOM(_ bytes: [UInt8]) -> Bool? {
        let units = min(bytes.count, 4096) / 4
        guard units >= 2 else { return nil }
        func isText(little: Bool) -> Bool {
            var basicPlane = 0
            for unit in 0..<units {
                let base = unit * 4
                let (b0, b1, b2, b3) = (
                    UInt32(bytes[base]), UInt32(bytes[base + 1]), UInt32(bytes[base + 2]), UInt32(bytes[base + 3])
                )
                let value = little ? b3 << 24 | b2 << 16 | b1 << 8 | b0 : b0 << 24 | b1 << 16 | b2 << 8 | b3
                guard value != 0, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { return false }
                if value <= 0xFFFF { basicPlane += 1 }
            }
            return basicPlane * 2 >= units
        }
        if isText(little: true) { return true }
        if isText(little: false) { return false }
        return nil
    }

    /// `true` (little-endian) or `false` (big-endian) when the bytes look like UTF-16 without a byte-order mark,
    /// else `nil`. UTF-8 and GB18030 text never holds a NUL byte; UTF-16 text holds one in every ASCII character
    /// (digits, spaces, line feeds: `0A 00` in LE) and in a few CJK ones (开 is U+5F00, `00 5F` in LE). So the
    /// line breaks of the first 4 KiB decide (`0A 00` LE, `00 0A` BE); without them the NULs must be at one
    /// parity — at least one in 64 code units — and at most one eighth as many at the other.
    private static func utf16WithoutBOM(_ bytes: [UInt8]) -> Bool? {
        let head = bytes.prefix(4096)
        guard head.count >= 8 else { return nil }
        var evenNULs = 0
        var oddNULs = 0
        for (offset, byte) in head.enumerated() where byte == 0 {
            if offset % 2 == 0 { evenNULs += 1 } else { oddNULs += 1 }
        }
        // Line breaks decide first: `0A 00` / `0D 00` at an even offset is LE, `00 0A` / `00 0D` BE; neither is a
        // Chinese character (U+0A00 is Gurmukhi), while NULs alone can mislead (一 is U+4E00: `00 4E` in LE).
        var littleBreaks = 0
        var bigBreaks = 0
        var offset = head.startIndex
        while offset + 1 < head.endIndex {
            let (first, second) = (head[offset], head[offset + 1])
            if second == 0 && (first == 0x0A || first == 0x0D) { littleBreaks += 1 }
            if first == 0 && (second == 0x0A || second == 0x0D) { bigBreaks += 1 }
            offset += 2
        }
        if littleBreaks > 0 && bigBreaks == 0 && oddNULs > evenNULs / 2 { return true }
        if bigBreaks > 0 && littleBreaks == 0 && evenNULs > oddNULs / 2 { return false }
        let pairs = head.count / 2
        let needed = max(2, pairs / 64)
        if oddNULs >= needed, evenNULs * 8 <= oddNULs { return true }
        if evenNULs >= needed, oddNULs * 8 <= evenNULs { return false }
        return nil
    }

    /// How many valid multi-byte UTF-8 sequences come before the first byte that is not UTF-8, counted up to `limit`.
    private static func validUTF8SequencesBeforeFirstError(_ bytes: [UInt8], stoppingAt limit: Int = .max) -> Int {
        var count = 0
        var index = 0
        while index < bytes.count, count < limit {
            if bytes[index] < 0x80 {
                index += 1
                continue
            }
            let length = utf8SequenceLength(bytes, at: index)
            guard length > 0 else { return count }
            count += 1
            index += length
        }
        return count
    }

    /// The error for the first byte that is not valid UTF-8, naming its line, column and byte offset.
    private static func invalidUTF8(_ bytes: [UInt8], hint: String) -> TextDecodingError {
        var line = 1
        var lineStart = 0
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x0A {
                    line += 1
                    lineStart = index + 1
                }
                index += 1
                continue
            }
            let length = utf8SequenceLength(bytes, at: index)
            guard length > 0 else {
                return TextDecodingError(
                    line: line, column: index - lineStart + 1,
                    message: String(
                        format: "invalid UTF-8 byte 0x%02X at byte offset %d, %@; BudgetLens reads UTF-8, "
                            + "UTF-16, GB18030 and Big5", byte, index, hint))
            }
            index += length
        }
        return TextDecodingError(line: 0, column: 0, message: "the file is not UTF-8 text (\(hint))")
    }

    /// The length of the valid UTF-8 sequence at `index`, or 0 when it is invalid.
    private static func utf8SequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        let minimum: UInt32
        switch lead {
        case 0xC2...0xDF: (length, minimum) = (2, 0x80)
        case 0xE0...0xEF: (length, minimum) = (3, 0x800)
        case 0xF0...0xF4: (length, minimum) = (4, 0x10000)
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        var scalar = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return 0 }
            scalar = scalar << 6 | UInt32(byte & 0x3F)
        }
        guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return 0 }
        return length
    }

    /// `text` with `\r\n`, `\r\r\n` (a CRLF file converted again by a text-mode write on Windows) and lone `\r`
    /// made `\n`, and which terminators it had (`\r\r\n` counts as CRLF). Text without `\r` is returned as it is
    /// (no copy).
    public static func normalizingLineEndings(_ text: String) -> (String, LineEndings) {
        var text = text
        text.makeContiguousUTF8()
        let hasCR = text.utf8.withContiguousStorageIfAvailable { buffer -> Bool in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return false }
            return memchr(base, 0x0D, buffer.count) != nil
        }
        guard hasCR == true else { return (text, .lf) }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var crlf = 0
        var cr = 0
        var lf = 0
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if byte == 0x0D {
                if index + 1 < utf8.count, utf8[index + 1] == 0x0A {
                    crlf += 1
                    index += 1
                } else if index + 2 < utf8.count, utf8[index + 1] == 0x0D, utf8[index + 2] == 0x0A {
                    // CR CR LF: a CRLF file converted once more (text mode on Windows) — one line ending.
                    crlf += 1
                    index += 2
                } else {
                    cr += 1
                }
                output.append(0x0A)
            } else {
                if byte == 0x0A { lf += 1 }
                output.append(byte)
            }
            index += 1
        }
        let kinds = [crlf, cr, lf].filter { $0 > 0 }.count
        let endings: LineEndings = kinds > 1 ? .mixed : crlf > 0 ? .crlf : cr > 0 ? .cr : .lf
        return (String(decoding: output, as: UTF8.self), endings)
    }

    /// The kind of a binary file recognised by its first bytes (its "magic number"), e.g. `an XLSX workbook
    /// (a ZIP archive)`, or `nil` when the bytes do not start like a known binary format.
    public static func binaryKind(of bytes: [UInt8]) -> String? {
        func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + magic.count && bytes[offset..<(offset + magic.count)].elementsEqual(magic)
        }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) { return zipKind(bytes) }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "a PNG image" }
        if starts([0xFF, 0xD8, 0xFF]) { return "a JPEG image" }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return "a GIF image" }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return "a TIFF image" }
        if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return "a WebP image" }
        if starts(Array("BM".utf8)) && bytes.count > 14 && bytes[6...9].allSatisfy({ $0 == 0 }) { return "a BMP image" }
        if starts([0x1F, 0x8B]) { return "a gzip-compressed file (decompress it first)" }
        if starts(Array("BZh".utf8)) && bytes.count > 3 && (0x31...0x39).contains(bytes[3]) {
            return "a bzip2-compressed file (decompress it first)"
        }
        if starts([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return "an xz-compressed file (decompress it first)" }
        if starts([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) { return "a 7-Zip archive" }
        if starts(Array("Rar!".utf8)) { return "a RAR archive" }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return "an old Office file (.xls/.doc, OLE2 compound document; save it as text, XLSX or PDF)"
        }
        if starts(Array("{\\rtf".utf8)) { return "an RTF document (save it as plain text or PDF)" }
        if starts(Array("%PDF-".utf8)) { return "a PDF" }
        if starts([0x7F, 0x45, 0x4C, 0x46]) { return "an ELF executable" }
        return nil
    }

    /// A ZIP archive named by what its first entries show: XLSX (`xl/`), DOCX (`word/`), PPTX (`ppt/`), ODF.
    private static func zipKind(_ bytes: [UInt8]) -> String {
        let head = bytes.prefix(64 * 1024)
        func has(_ text: String) -> Bool {
            let needle = Array(text.utf8)
            guard head.count >= needle.count else { return false }
            var index = head.startIndex
            while index + needle.count <= head.endIndex {
                if head[index] == needle[0], head[index..<(index + needle.count)].elementsEqual(needle) { return true }
                index += 1
            }
            return false
        }
        if has("xl/") { return "an XLSX workbook (a ZIP archive)" }
        if has("word/") { return "a DOCX document (a ZIP archive; save it as PDF or text)" }
        if has("ppt/") { return "a PPTX presentation (a ZIP archive)" }
        if has("opendocument") { return "an OpenDocument file (a ZIP archive)" }
        return "a ZIP archive"
    }
}
