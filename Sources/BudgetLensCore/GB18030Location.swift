import Foundation

/// Where GB18030 text stops decoding: a bad byte, or a character cut short.
///
/// Conversion stays Foundation's (ICU): the bytes are decoded in chunks of about 64 KiB ending at line feeds
/// (0x0A never occurs inside a GB18030 character), then the first failing chunk line by line; inside the
/// failing line the byte is found by the encoding's byte structure (one byte 00–7F; a lead 81–FE then a trail
/// 40–7E/80–FE; or a lead, 30–39, 81–FE, 30–39), not by a code table. Every loop is bounded by the bytes' count.
enum GB18030Location {
    /// A failing byte: its offset, 1-based line and character column, the bytes of the broken sequence.
    struct Failure {
        var offset: Int
        var line: Int
        var column: Int
        var bytes: [UInt8]
    }

    /// The first place the bytes fail to decode as GB18030, when the file is GB18030 text elsewhere (a line with
    /// non-ASCII bytes that is not UTF-8 decodes as GB18030); `nil` when it is not GB18030 text at all, or decodes.
    static func firstFailure(in bytes: [UInt8]) -> Failure? {
        var start = 0
        var line = 1
        var looksGB = false
        while start < bytes.count {
            var end = min(bytes.count, start + 65_536)
            if end < bytes.count, let feed = bytes[start..<end].lastIndex(of: 0x0A) { end = feed + 1 }
            let chunk = bytes[start..<end]
            if decodes(chunk) {
                if !looksGB { looksGB = isGBText(chunk) }
                line += chunk.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
                start = end
                continue
            }
            // The chunk fails: find its first failing line.
            var lineStart = start
            while lineStart < end {
                let lineEnd = bytes[lineStart..<end].firstIndex(of: 0x0A).map { $0 + 1 } ?? end
                let lineBytes = bytes[lineStart..<lineEnd]
                if decodes(lineBytes) {
                    if !looksGB { looksGB = isGBText(lineBytes) }
                    line += 1
                    lineStart = lineEnd
                    continue
                }
                if !looksGB { looksGB = bytes[lineEnd...].split(separator: 0x0A).prefix(1000).contains { isGBText($0) } }
                guard looksGB else { return nil }
                let (offset, length) = badSequence(in: bytes, from: lineStart, to: lineEnd)
                let prefix = bytes[lineStart..<offset]
                let column = (String(data: Data(prefix), encoding: TextDecoding.gb18030)?.count ?? (offset - lineStart)) + 1
                return Failure(offset: offset, line: line, column: column, bytes: Array(bytes[offset..<(offset + length)]))
            }
            return nil
        }
        return nil
    }

    private static func decodes(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.isEmpty || String(data: Data(bytes), encoding: TextDecoding.gb18030) != nil
    }

    /// Bytes holding non-ASCII that are not UTF-8 but decode as GB18030.
    private static func isGBText(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.contains { $0 >= 0x80 } && String(validating: bytes, as: UTF8.self) == nil && decodes(bytes)
    }

    /// The first sequence in `start..<end` that breaks GB18030's byte structure: its offset and length (at most
    /// 4); the first non-ASCII byte when the structure holds (a sequence ICU does not map).
    private static func badSequence(in bytes: [UInt8], from start: Int, to end: Int) -> (Int, Int) {
        var index = start
        var firstWide: Int?
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            if firstWide == nil { firstWide = index }
            guard (0x81...0xFE).contains(lead) else { return (index, 1) }
            guard index + 1 < end else { return (index, 1) }
            let second = bytes[index + 1]
            if (0x40...0xFE).contains(second), second != 0x7F {
                index += 2
                continue
            }
            guard (0x30...0x39).contains(second) else { return (index, 2) }
            guard index + 3 < end, (0x81...0xFE).contains(bytes[index + 2]), (0x30...0x39).contains(bytes[index + 3])
            else { return (index, min(4, end - index)) }
            index += 4
        }
        return (firstWide ?? start, 1)
    }
}
